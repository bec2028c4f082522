#pragma once
// What a screenshot's or photo's entry says about the picture (ImageEntry.h says how one is
// kept), in words for the entry page: the text read from it, the camera, when the photo says
// it was taken (as the camera's clock had it), where the entry's time came from ("from the
// photo's EXIF", "from the file's time", "entered by you": a time changed after import counts
// as entered), and, when the photo records where it was taken, a sentence saying so and that
// exports carry it. Coordinates are shown as text only: no map, no link, nothing fetched.
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace pt::core {
class Journal;
}

namespace pt::gui {

class VaultController;

class ImageFacts : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString entryId READ entryId WRITE setEntryId NOTIFY entryIdChanged)
    Q_PROPERTY(bool isImage READ isImage NOTIFY changed) // a screenshot or a photo
    Q_PROPERTY(QString recognizedText READ recognizedText NOTIFY changed)
    Q_PROPERTY(QString camera READ camera NOTIFY changed)
    Q_PROPERTY(QString takenAt READ takenAt NOTIFY changed)       // "Sat 14 Mar 2026, 09:41 (UTC-04:00)"
    Q_PROPERTY(QString timeSource READ timeSource NOTIFY changed) // "from the photo's EXIF"
    Q_PROPERTY(QString size READ size NOTIFY changed)             // "1170 x 2532"
    Q_PROPERTY(bool hasLocation READ hasLocation NOTIFY changed)
    Q_PROPERTY(QString location READ location NOTIFY changed) // "40.7483, -73.9833"
    // "This photo records where it was taken: 40.7483, -73.9833. It goes with the photo into
    // exports."
    Q_PROPERTY(QString locationNote READ locationNote NOTIFY changed)
    Q_PROPERTY(QStringList importNotes READ importNotes NOTIFY changed)

public:
    explicit ImageFacts(QObject* parent = nullptr);

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);
    [[nodiscard]] QString entryId() const { return m_entryId; }
    void setEntryId(const QString& id);

    [[nodiscard]] bool isImage() const { return m_isImage; }
    [[nodiscard]] QString recognizedText() const { return m_recognizedText; }
    [[nodiscard]] QString camera() const { return m_camera; }
    [[nodiscard]] QString takenAt() const { return m_takenAt; }
    [[nodiscard]] QString timeSource() const { return m_timeSource; }
    [[nodiscard]] QString size() const { return m_size; }
    [[nodiscard]] bool hasLocation() const { return !m_location.isEmpty(); }
    [[nodiscard]] QString location() const { return m_location; }
    [[nodiscard]] QString locationNote() const { return m_locationNote; }
    [[nodiscard]] QStringList importNotes() const { return m_importNotes; }

    Q_INVOKABLE void reload();

    // A time_source field in words; `changedSinceImport`: the entry's time is no longer the
    // one it came in with.
    [[nodiscard]] static QString timeSourceText(const QString& timeSource, bool changedSinceImport);

signals:
    void controllerChanged();
    void entryIdChanged();
    void changed();

private:
    [[nodiscard]] core::Journal* journal() const;
    void clear();

    VaultController* m_controller = nullptr;
    QString m_entryId;
    bool m_isImage = false;
    QString m_recognizedText;
    QString m_camera;
    QString m_takenAt;
    QString m_timeSource;
    QString m_size;
    QString m_location;
    QString m_locationNote;
    QStringList m_importNotes;
};

} // namespace pt::gui
