#pragma once
// Brings emails into the journal (EmailEntry.h says how one is kept), each message once: the
// same bytes again, by their SHA-256, are not imported a second time, and the answer says which
// entry already holds them. A message whose Message-ID is in the journal with other bytes (the
// same mail from another mailbox, headers added on the way) is kept too, and said to be another
// copy: which bytes are the evidence is for the person and their lawyer to decide.
#include "MailLimits.h"
#include "Result.h"
#include "vault/Journal.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace pt::core::intake {

struct EmailImportOutcome {
    bool imported = false;   // a new entry; otherwise the message was already in the journal
    QString entryId;         // the new entry, or the one that already holds these bytes
    QString title;
    bool alreadyDeleted = false; // the entry holding them is deleted (restore it to see it again)
    bool otherCopy = false;  // imported, but its Message-ID was already in the journal
    QStringList notes;       // what the parser skipped or repaired, and the above in words
};

// Messages are saved in batches (Journal::beginBatch): a flush of the disk per message would
// make a 10,000-message import take minutes. import() starts one, save() ends it, and a batch is
// saved by itself every BatchMessages messages or BatchBytes bytes.
class EmailImporter final {
public:
    static constexpr int BatchMessages = 200;
    static constexpr qint64 BatchBytes = 64 * 1024 * 1024;

    // Reads which emails the journal holds; the journal must stay loaded while this is used.
    explicit EmailImporter(Journal& journal, MailLimits limits = {});
    // Anything imported and not saved is abandoned: call save() first.
    ~EmailImporter();
    EmailImporter(const EmailImporter&) = delete;
    EmailImporter& operator=(const EmailImporter&) = delete;

    // One message's original bytes (an .eml file, or one message of an mbox without its
    // "From " line). `fileTime` stands in when the message has no readable Date. An error that
    // ends the batch (the journal could not be written) also drops the batch's earlier messages:
    // unsaved() says how many, before the call.
    [[nodiscard]] Result<EmailImportOutcome> import(const QByteArray& original, const QDateTime& fileTime);

    // Saves what was imported since the last save. On an error none of it is in the journal.
    [[nodiscard]] Status save();
    // Imported since the last save (lost if the batch fails).
    [[nodiscard]] int unsaved() const { return int(m_pending.size()); }

    // Whether these bytes are already in the journal, without parsing them.
    [[nodiscard]] bool contains(const QString& sha256) const { return m_byHash.contains(sha256); }

private:
    struct Held {
        QString entryId;
        QString title;
        bool deleted = false;
    };
    // Forgets what the abandoned batch added to the indexes.
    void dropPending();

    Journal& m_journal;
    MailLimits m_limits;
    QList<QPair<QString, QString>> m_pending; // (SHA-256, Message-ID) imported since the last save
    qint64 m_pendingBytes = 0;
    QHash<QString, Held> m_byHash;            // original's SHA-256 -> entry
    QHash<QString, QString> m_byMessageId;    // Message-ID -> an entry holding it
};

} // namespace pt::core::intake
