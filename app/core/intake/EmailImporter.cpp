#include "EmailImporter.h"

#include "EmailEntry.h"
#include "MailParser.h"
#include "vault/VaultKeys.h"

#include <QBuffer>

namespace pt::core::intake {

namespace {

QString titleOf(const MailMessage& message)
{
    const QString subject = message.subject.simplified();
    return subject.isEmpty() ? QStringLiteral("(no subject)") : subject;
}

} // namespace

EmailImporter::EmailImporter(Journal& journal, MailLimits limits) : m_journal(journal), m_limits(limits)
{
    for (const Entry& entry : journal.entries(true)) {
        const EmailIdentity identity = emailIdentity(entry.latest);
        if (!identity.sha256.isEmpty())
            m_byHash.insert(identity.sha256, {entry.latest.entryId, entry.latest.title, entry.deleted});
        if (!identity.messageId.isEmpty())
            m_byMessageId.insert(identity.messageId, entry.latest.entryId);
    }
}

EmailImporter::~EmailImporter()
{
    if (!m_pending.isEmpty())
        m_journal.abandonBatch();
}

Status EmailImporter::save()
{
    if (!m_journal.inBatch())
        return Ok{};
    if (Status s = m_journal.finishBatch(); !s) {
        dropPending();
        return s;
    }
    m_pending.clear();
    m_pendingBytes = 0;
    return Ok{};
}

void EmailImporter::dropPending()
{
    for (const auto& [sha256, messageId] : std::as_const(m_pending)) {
        m_byHash.remove(sha256);
        if (!messageId.isEmpty())
            m_byMessageId.remove(messageId);
    }
    m_pending.clear();
    m_pendingBytes = 0;
}

Result<EmailImportOutcome> EmailImporter::import(const QByteArray& original, const QDateTime& fileTime)
{
    const QString sha256 = hexSha256(original);
    if (const auto held = m_byHash.constFind(sha256); held != m_byHash.cend()) {
        EmailImportOutcome outcome;
        outcome.entryId = held->entryId;
        outcome.title = held->title;
        outcome.alreadyDeleted = held->deleted;
        outcome.notes.append(held->deleted ? QStringLiteral("Already in the journal as \"%1\", which is deleted: restore "
                                                            "that entry to see it again.").arg(held->title)
                                           : QStringLiteral("Already in the journal as \"%1\" (the same bytes): "
                                                            "not imported again.").arg(held->title));
        return outcome;
    }

    auto parsed = parseMail(original, m_limits, MailDetail::Full);
    if (!parsed)
        return parsed.error();
    MailMessage& message = *parsed;

    bool guessed = false;
    EntryDraft draft;
    draft.kind = QLatin1String(EmailKind);
    draft.title = titleOf(message);
    draft.body = message.text;
    draft.occurredAt = emailOccurredAt(message, fileTime, &guessed);
    draft.fields = emailFields(message, guessed);
    QBuffer source;
    source.setData(original);
    source.open(QIODevice::ReadOnly);
    draft.attachments.append({&source, emailFileName(message), QLatin1String(EmailMime)});

    if (!m_journal.inBatch())
        if (Status s = m_journal.beginBatch(); !s)
            return s.error();
    auto added = m_journal.add(draft);
    if (!added) {
        if (!m_journal.inBatch()) // the journal abandoned the batch: the earlier ones went with it
            dropPending();
        return added.error();
    }

    EmailImportOutcome outcome;
    outcome.imported = true;
    outcome.entryId = added->latest.entryId;
    outcome.title = draft.title;
    outcome.notes = message.notes;
    if (guessed && !message.date.isValid()) // a Received time is a guess the parser's notes tell
        outcome.notes.append(fileTime.isValid()
                                 ? QStringLiteral("It has no readable Date: it is placed at the file's time, marked as a guess.")
                                 : QStringLiteral("It has no readable Date: it is placed at the time of import, marked as a "
                                                  "guess. Change it if you know when it was sent."));
    if (!message.messageId.isEmpty() && m_byMessageId.contains(message.messageId)) {
        outcome.otherCopy = true;
        outcome.notes.append(QStringLiteral("Another copy of this message (the same Message-ID, other bytes) is already "
                                            "in the journal; this one is kept too."));
    }
    m_byHash.insert(sha256, {outcome.entryId, outcome.title, false});
    if (!message.messageId.isEmpty() && !m_byMessageId.contains(message.messageId)) {
        m_byMessageId.insert(message.messageId, outcome.entryId);
        m_pending.append({sha256, message.messageId});
    } else {
        m_pending.append({sha256, QString()});
    }
    m_pendingBytes += original.size();
    if (m_pending.size() >= BatchMessages || m_pendingBytes >= BatchBytes)
        if (Status s = save(); !s)
            return s.error();
    return outcome;
}

} // namespace pt::core::intake
