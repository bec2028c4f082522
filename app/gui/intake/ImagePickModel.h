#pragma once
// The screenshots and photos of the pick list: each with a preview decoded in memory
// (core::intake::decodePreview; nothing is written, nothing is cached by Qt's image cache), the
// time it will be placed at and where that came from ("from the photo's EXIF", "from the file's
// time"), which the person can change, the camera, a warning when it carries the place it was
// taken (GPS), and a tick.
//
// The file's bytes are not held: they are read again at import and must still have the hash
// they had when listed. A pasted image has no file: its bytes are held until it is imported or
// the list is cleared.
#include "intake/SuggestedTime.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class ImagePickModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The intake controller owns its pick lists")
    Q_PROPERTY(int count READ rowCount NOTIFY countsChanged)
    Q_PROPERTY(int chosen READ chosen NOTIFY countsChanged)
    Q_PROPERTY(int held READ held NOTIFY countsChanged)
    Q_PROPERTY(int unreadable READ unreadable NOTIFY countsChanged)
    Q_PROPERTY(int choosable READ choosable NOTIFY countsChanged)
    // Ticked ones that carry a location.
    Q_PROPERTY(int chosenWithLocation READ chosenWithLocation NOTIFY countsChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        PreviewRole,     // QImage, null when there is none (then ProblemRole or the preview cap says why)
        SizeRole,        // "1170 x 2532, 245 KiB"
        KindRole,        // "Screenshot" or "Photo"
        OccurredAtRole,  // the time it will be placed at (a date for QML); invalid: when it is imported
        TimeSourceRole,  // where that time came from, in words
        TimeEnteredRole, // the person changed it
        CameraRole,      // "Apple iPhone 13", or empty
        HasLocationRole,
        LocationRole,    // "51.50722, -0.12750", or empty
        ProblemRole,
        NotesRole,
        HeldRole,
        ChosenRole,
        ChoosableRole,
    };
    Q_ENUM(Role)

    struct Row {
        QString path;     // empty when pasted
        QByteArray bytes; // a pasted image's bytes; empty for a file
        QString name;
        QDateTime fileTime;
        qint64 size = 0;
        QString sha256;
        QImage preview;
        QString previewNote; // why there is no preview, when there is none but no problem
        QSize shownSize;
        QString kind;        // "screenshot" or "photo"
        core::intake::SuggestedTime suggested;
        QDateTime entered;   // the person's own time; invalid: the suggestion
        QString camera;
        bool hasLocation = false;
        QString location;
        QString problem;
        QStringList notes;
        bool held = false;
        bool chosen = false;
    };

    explicit ImagePickModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int chosen() const;
    [[nodiscard]] int held() const;
    [[nodiscard]] int unreadable() const;
    [[nodiscard]] int choosable() const;
    [[nodiscard]] int chosenWithLocation() const;

    Q_INVOKABLE void setChosen(int row, bool chosen);
    Q_INVOKABLE void toggle(int row);
    Q_INVOKABLE void chooseAll();
    Q_INVOKABLE void chooseNone();
    // The person's own time for a picture; resetOccurredAt goes back to the suggestion.
    Q_INVOKABLE void setOccurredAt(int row, const QDateTime& when);
    Q_INVOKABLE void resetOccurredAt(int row);

    // Where a suggested time comes from, in words.
    [[nodiscard]] static QString timeSourceText(core::intake::TimeSource source);

    // For IntakeController.
    void append(QList<Row> rows);
    void clear();
    [[nodiscard]] const QList<Row>& rows() const { return m_rows; }
    [[nodiscard]] bool contains(const QString& sha256) const;
    // After an import: the pictures with these hashes are in the journal now.
    void markHeld(const QStringList& sha256s);

signals:
    void countsChanged();

private:
    [[nodiscard]] static bool isChoosable(const Row& row) { return !row.held && row.problem.isEmpty(); }
    void changed(int row, const QList<int>& roles);

    QList<Row> m_rows;
};

} // namespace pt::gui
