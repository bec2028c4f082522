#pragma once
// Text sizes that follow the system's font size. The Material style draws body text at 14 px
// whatever the platform asks for; when the system wants larger text (Android's font scale,
// GNOME's text scaling, a large desktop font), every size here grows by the same factor, and
// never shrinks below Material's own.
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class TextScale : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(qreal factor READ factor NOTIFY changed)
    Q_PROPERTY(int caption READ caption NOTIFY changed)   // 12 px: times, marks, fingerprints
    Q_PROPERTY(int small READ small NOTIFY changed)       // 13 px: section headers, secondary lines
    Q_PROPERTY(int body READ body NOTIFY changed)         // 14 px: the window's font
    Q_PROPERTY(int subtitle READ subtitle NOTIFY changed) // 16 px: entry titles and text
    Q_PROPERTY(int heading READ heading NOTIFY changed)   // 18 px: page titles, "History"
    Q_PROPERTY(int title READ title NOTIFY changed)       // 20 px: toolbar titles, glyph buttons
    Q_PROPERTY(int headline READ headline NOTIFY changed) // 24 px: "Unlock", "Your recovery key"
    Q_PROPERTY(int display READ display NOTIFY changed)   // 30 px: the app's name, the capture "+"

public:
    explicit TextScale(QObject* parent = nullptr);

    [[nodiscard]] qreal factor() const { return m_factor; }
    [[nodiscard]] int caption() const { return scaled(12); }
    [[nodiscard]] int small() const { return scaled(13); }
    [[nodiscard]] int body() const { return scaled(14); }
    [[nodiscard]] int subtitle() const { return scaled(16); }
    [[nodiscard]] int heading() const { return scaled(18); }
    [[nodiscard]] int title() const { return scaled(20); }
    [[nodiscard]] int headline() const { return scaled(24); }
    [[nodiscard]] int display() const { return scaled(30); }

    // The factor for a system font of `systemPixelSize` pixels.
    [[nodiscard]] static qreal factorFor(int systemPixelSize);

signals:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] int scaled(int materialPixels) const;
    void update();

    qreal m_factor = 1.0;
};

} // namespace pt::gui
