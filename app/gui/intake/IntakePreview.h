#pragma once
// A picture held in memory, drawn to fit its box (aspect ratio kept, centred). The pick list's
// previews are QImages decoded from the file's bytes in memory (ImagePickModel): drawn here, they
// never pass through an image provider's URL or Qt's pixmap cache.
#include <QImage>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class IntakePreview : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QImage image READ image WRITE setImage NOTIFY imageChanged)
    // The picture's own size, or 0 x 0 when there is none.
    Q_PROPERTY(QSize imageSize READ imageSize NOTIFY imageChanged)

public:
    explicit IntakePreview(QQuickItem* parent = nullptr);

    [[nodiscard]] QImage image() const { return m_image; }
    void setImage(const QImage& image);
    [[nodiscard]] QSize imageSize() const { return m_image.size(); }

    void paint(QPainter* painter) override;

signals:
    void imageChanged();

private:
    QImage m_image;
};

} // namespace pt::gui
