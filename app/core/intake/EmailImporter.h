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

class EmailImporter final {
public:
    // Reads which emails the journal holds; the journal must stay loaded while this is used.
    explicit EmailImporter(Journal& journal, MailLimits limits = {});

    // One message's original bytes (an .eml file, or one message of an mbox without its
    // "From " line). `fileTime` stands in when the message has no readable Date.
    [[nodiscard]] Result<EmailImportOutcome> import(const QByteArray& original, const QDateTime& fileTime);

    // Whether these bytes are already in the journal, without parsing them.
    [[nodiscard]] bool contains(const QString& sha256) const { return m_byHash.contains(sha256); }

private:
    struct Held {
        QString entryId;
        QString title;
        bool deleted = false;
    };
    Journal& m_journal;
    MailLimits m_limits;
    QHash<QString, Held> m_byHash;            // original's SHA-256 -> entry
    QHash<QString, QString> m_byMessageId;    // Message-ID -> an entry holding it
};

} // namespace pt::core::intake
