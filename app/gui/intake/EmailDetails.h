#pragma once
// An imported email as the entry page shows it (EmailEntry.h says how one is kept): its
// headers in words, the DKIM signatures it carries (present, not checked: that needs the
// network, and the original is kept for a lawyer to check), what the import skipped or
// repaired, the files inside it (EmailFiles), its conversation (EmailThread), and saving the
// original message, byte for byte, where the person chooses.
//
// Everything shown is plain text from the entry; nothing is fetched. The body is the entry's
// own (EntryDetails::body).
#include "EmailFiles.h"
#include "EmailThread.h"

#include <QJsonArray>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace pt::core {
class Journal;
}

namespace pt::gui {

class VaultController;

class EmailDetails : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString entryId READ entryId WRITE setEntryId NOTIFY entryIdChanged)
    Q_PROPERTY(bool isEmail READ isEmail NOTIFY changed)
    Q_PROPERTY(QString from READ from NOTIFY changed)
    Q_PROPERTY(QString to READ to NOTIFY changed) // the addresses, ", " between them
    Q_PROPERTY(QString cc READ cc NOTIFY changed)
    // The Date as the sender's clock had it: "Mon 4 Mar 2024, 09:00 (UTC-05:00)"; without a
    // readable Date, when the entry is placed (dateGuessed).
    Q_PROPERTY(QString date READ date NOTIFY changed)
    Q_PROPERTY(bool dateGuessed READ dateGuessed NOTIFY changed)
    Q_PROPERTY(QString messageId READ messageId NOTIFY changed)
    Q_PROPERTY(QString inReplyTo READ inReplyTo NOTIFY changed)
    Q_PROPERTY(QStringList references READ references NOTIFY changed)
    Q_PROPERTY(bool textFromHtml READ textFromHtml NOTIFY changed)
    // "Signed by example.com (not checked here: ...)", or empty without a DKIM signature.
    Q_PROPERTY(QString signedBy READ signedBy NOTIFY changed)
    // Each signature's domain and selector, for the details: "example.com (selector s1)".
    Q_PROPERTY(QStringList signatures READ signatures NOTIFY changed)
    Q_PROPERTY(QStringList importNotes READ importNotes NOTIFY changed)
    // The original message (message/rfc822) kept in the entry.
    Q_PROPERTY(QString originalName READ originalName NOTIFY changed)
    Q_PROPERTY(qint64 originalSize READ originalSize NOTIFY changed)
    Q_PROPERTY(QString originalSha256 READ originalSha256 NOTIFY changed)
    Q_PROPERTY(EmailFiles* files READ files CONSTANT)
    Q_PROPERTY(EmailThread* thread READ thread CONSTANT)
    // The last save of the original: a sentence, and whether it failed.
    Q_PROPERTY(QString saveMessage READ saveMessage NOTIFY savedChanged)
    Q_PROPERTY(bool saveFailed READ saveFailed NOTIFY savedChanged)

public:
    explicit EmailDetails(QObject* parent = nullptr);

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);
    [[nodiscard]] QString entryId() const { return m_entryId; }
    void setEntryId(const QString& id);

    [[nodiscard]] bool isEmail() const { return m_isEmail; }
    [[nodiscard]] QString from() const { return m_from; }
    [[nodiscard]] QString to() const { return m_to; }
    [[nodiscard]] QString cc() const { return m_cc; }
    [[nodiscard]] QString date() const { return m_date; }
    [[nodiscard]] bool dateGuessed() const { return m_dateGuessed; }
    [[nodiscard]] QString messageId() const { return m_messageId; }
    [[nodiscard]] QString inReplyTo() const { return m_inReplyTo; }
    [[nodiscard]] QStringList references() const { return m_references; }
    [[nodiscard]] bool textFromHtml() const { return m_textFromHtml; }
    [[nodiscard]] QString signedBy() const { return m_signedBy; }
    [[nodiscard]] QStringList signatures() const { return m_signatures; }
    [[nodiscard]] QStringList importNotes() const { return m_importNotes; }
    [[nodiscard]] QString originalName() const { return m_originalName; }
    [[nodiscard]] qint64 originalSize() const { return m_originalSize; }
    [[nodiscard]] QString originalSha256() const { return m_originalSha256; }
    [[nodiscard]] EmailFiles* files() { return &m_files; }
    [[nodiscard]] EmailThread* thread() { return &m_thread; }
    [[nodiscard]] QString saveMessage() const { return m_saveMessage; }
    [[nodiscard]] bool saveFailed() const { return m_saveFailed; }

    Q_INVOKABLE void reload();
    // Where the save dialog first suggests saving the original: Documents, under its name.
    Q_INVOKABLE [[nodiscard]] QUrl suggestedOriginalUrl() const;
    // The original message, byte for byte, to `destination`, a local file the person chose.
    Q_INVOKABLE bool saveOriginal(const QUrl& destination);

signals:
    void controllerChanged();
    void entryIdChanged();
    void changed();
    void savedChanged();

private:
    [[nodiscard]] core::Journal* journal() const;
    void clear();
    void setSaveOutcome(bool failed, const QString& message);

    VaultController* m_controller = nullptr;
    QString m_entryId;
    bool m_isEmail = false;
    QString m_from;
    QString m_to;
    QString m_cc;
    QString m_date;
    bool m_dateGuessed = false;
    QString m_messageId;
    QString m_inReplyTo;
    QStringList m_references;
    bool m_textFromHtml = false;
    QString m_signedBy;
    QStringList m_signatures;
    QStringList m_importNotes;
    QString m_originalName;
    qint64 m_originalSize = 0;
    QString m_originalSha256;
    EmailFiles m_files;
    QString m_filesOf; // the entry and original the files were listed from
    QJsonArray m_filesList;
    EmailThread m_thread;
    QString m_saveMessage;
    bool m_saveFailed = false;
};

} // namespace pt::gui
