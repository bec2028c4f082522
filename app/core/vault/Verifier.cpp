#include "Verifier.h"

#include "EntryRevision.h"
#include "Journal.h"
#include "LogRecord.h"
#include "crypto/Aead.h"
#include "crypto/Sha256.h"
#include "crypto/Signing.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

namespace pt::core {

namespace {

struct PutRef {
    QString device;
    qint64 seq = 0;
    int revision = 0;
    QString object;
};

QString recordName(const QString& device, qint64 seq)
{
    return QStringLiteral("log record %1 #%2").arg(device).arg(seq);
}

} // namespace

Verifier::Verifier(JournalDb& db, AttachmentStore& attachments, const VaultKeys& keys)
    : m_db(db), m_attachments(attachments), m_keys(keys)
{
}

VerifyReport Verifier::run()
{
    VerifyReport report;
    auto problem = [&](const QString& item, const QString& what) { report.problems.append({item, what}); };

    if (Status s = m_db.checkSchema(); !s)
        problem(QStringLiteral("journal.db"), s.error().message);
    auto devices = m_db.devices();
    auto rows = m_db.records();
    auto objectIds = m_db.objectIds();
    if (!devices || !rows || !objectIds) {
        problem(QStringLiteral("journal.db"), QStringLiteral("cannot be read"));
        return report;
    }
    QHash<QString, QByteArray> publicKeys;
    for (const StoredDevice& d : *devices)
        publicKeys.insert(d.id, d.publicKey);
    report.devices = int(publicKeys.size());

    // 1. Each device's log: decrypts, signed, numbered 1..n without gaps, chained, time ordered.
    std::map<QString, QList<StoredRecord>> byDevice;
    for (const StoredRecord& row : *rows)
        byDevice[row.device].append(row);
    QHash<QString, QList<PutRef>> puts; // entry id -> its puts
    QSet<QString> purgedObjects;
    QSet<QString> purgedEntries;
    const crypto::ByteView logKey = m_keys.subkey(Purpose::LogRecord).view();
    for (const auto& [device, list] : byDevice) {
        const QByteArray publicKey = publicKeys.value(device);
        if (publicKey.isEmpty())
            problem(QStringLiteral("device %1").arg(device), QStringLiteral("has log records but no known public key"));
        qint64 expectedSeq = 1;
        std::optional<QString> previousHash; // unset when the record before is missing or unreadable
        QDateTime previousTime;
        for (const StoredRecord& row : list) {
            ++report.records;
            const QString name = recordName(device, row.seq);
            report.heads.insert(device, {row.seq, QString()}); // until this record reads
            if (row.seq != expectedSeq) {
                if (row.seq > expectedSeq)
                    problem(recordName(device, expectedSeq),
                            row.seq == expectedSeq + 1 ? QStringLiteral("is missing")
                                                       : QStringLiteral("and the %1 records after it are missing")
                                                             .arg(row.seq - expectedSeq - 1));
                expectedSeq = row.seq;
                previousHash.reset();
            }
            ++expectedSeq;
            const auto framed = crypto::aead::open(logKey, bytesOf(row.data),
                                                   bytesOf(m_keys.aad(logRecordType(device, row.seq))));
            if (!framed) {
                problem(name, QStringLiteral("does not decrypt: it was changed, damaged or moved"));
                previousHash.reset();
                continue;
            }
            const auto signedRecord = SignedRecord::unframe(toQByteArray(*framed));
            const auto record = signedRecord ? LogRecord::fromPayload(signedRecord->payload) : std::nullopt;
            if (!record || record->device != device || record->seq != row.seq) {
                problem(name, QStringLiteral("is not a valid log record"));
                previousHash.reset();
                continue;
            }
            if (!publicKey.isEmpty() &&
                !crypto::signing::verify(bytesOf(publicKey), bytesOf(signedRecord->payload),
                                         bytesOf(signedRecord->signature)))
                problem(name, QStringLiteral("has a signature that does not verify"));
            if (row.seq > 1 && previousHash && record->previous != *previousHash)
                problem(name, QStringLiteral("does not link to the record before it"));
            if (previousTime.isValid() && record->time < previousTime)
                problem(name, QStringLiteral("is dated before the record before it"));
            previousHash = signedRecord->hash();
            previousTime = record->time;
            report.heads.insert(device, {row.seq, *previousHash});
            switch (record->op) {
            case LogRecord::Op::Put:
                puts[record->entryId].append({device, row.seq, record->revision, record->object});
                break;
            case LogRecord::Op::Tombstone:
            case LogRecord::Op::Revoke: // which records a revocation leaves out is the journal's to show
                break;
            case LogRecord::Op::Purge:
                purgedEntries.insert(record->entryId);
                for (const PurgedObject& p : record->purged)
                    purgedObjects.insert(p.object);
                break;
            }
        }
    }

    // 2. Entry objects: name, decryption, agreement with the record, revision chain.
    const QSet<QString> stored(objectIds->cbegin(), objectIds->cend());
    QSet<QString> referenced;
    QHash<QString, AttachmentRef> attachments; // object -> what an entry recorded about it
    const crypto::ByteView entryKey = m_keys.subkey(Purpose::Entry).view();
    const QByteArray entryAad = m_keys.aad(QStringLiteral("entry"));
    report.entries = int(puts.size());
    for (auto it = puts.cbegin(); it != puts.cend(); ++it) {
        // Two devices that changed the entry without seeing each other's change both wrote the
        // same revision number: a revision may follow either.
        QHash<int, QSet<QString>> objectsOfRevision;
        for (const PutRef& put : it.value())
            objectsOfRevision[put.revision].insert(put.object);
        for (const PutRef& put : it.value()) {
            ++report.revisions;
            referenced.insert(put.object);
            const QString name = QStringLiteral("object %1 (entry %2 revision %3)").arg(put.object, it.key()).arg(put.revision);
            if (!stored.contains(put.object)) {
                if (purgedObjects.contains(put.object))
                    ++report.purged;
                else
                    problem(name, QStringLiteral("is missing"));
                continue;
            }
            if (purgedObjects.contains(put.object))
                report.notes << QStringLiteral("%1 was purged but its bytes are still present").arg(name);
            auto blob = m_db.object(put.object);
            if (!blob) {
                problem(name, QStringLiteral("cannot be read"));
                continue;
            }
            if (QString::fromStdString(crypto::toHex(crypto::Sha256::hash(bytesOf(*blob)))) != put.object) {
                problem(name, QStringLiteral("no longer matches its SHA-256 name: its bytes were changed"));
                continue;
            }
            const auto json = crypto::aead::open(entryKey, bytesOf(*blob), bytesOf(entryAad));
            const auto revision = json ? EntryRevision::fromJson(toQByteArray(*json)) : std::nullopt;
            if (!revision) {
                problem(name, QStringLiteral("does not decrypt to a valid entry"));
                continue;
            }
            if (revision->entryId != it.key() || revision->revision != put.revision)
                problem(name, QStringLiteral("holds a different entry or revision than its log record says"));
            // Checked only when the revision before is known: an unreadable record is reported on its own.
            if (revision->revision > 1 && objectsOfRevision.contains(revision->revision - 1) &&
                !objectsOfRevision.value(revision->revision - 1).contains(revision->previous))
                problem(name, QStringLiteral("does not link to the revision before it"));
            for (const QString& merged : revision->merges) {
                const bool earlier = std::any_of(it.value().cbegin(), it.value().cend(), [&](const PutRef& p) {
                    return p.object == merged && p.revision < revision->revision;
                });
                if (!earlier)
                    problem(name, QStringLiteral("resolves a conflict with a revision this entry does not have"));
            }
            for (const AttachmentRef& a : revision->attachments)
                attachments.insert(a.object, a);
        }
    }

    // 3. Attachments: every one an entry references, checked end to end.
    for (auto it = attachments.cbegin(); it != attachments.cend(); ++it) {
        ++report.attachments;
        const QString name = QStringLiteral("attachment %1 (%2)").arg(it.key(), it->name);
        if (purgedObjects.contains(it.key()))
            continue;
        if (Status s = m_attachments.check(it.key(), it->size, it->sha256); !s)
            problem(name, s.error().message);
    }

    for (const QString& id : stored)
        if (!referenced.contains(id)) // objects and their records commit together: no crash leaves one
            problem(QStringLiteral("object %1").arg(id), QStringLiteral("is not named by any log record"));

    // 4. The objects folder: an attachment file no entry names is what a crash between writing it
    // and saving its entry leaves (ciphertext only, harmless); anything else there is not ours.
    auto listing = m_attachments.list();
    if (!listing) {
        problem(QStringLiteral("objects folder"), listing.error().message);
    } else {
        for (const QString& object : std::as_const(listing->objects))
            if (purgedObjects.contains(object))
                report.notes << QStringLiteral("attachment file %1 was purged but is still present; it is removed at the "
                                               "next unlock").arg(object);
            else if (!attachments.contains(object))
                report.notes << QStringLiteral("attachment file %1 is not named by any entry (left by an interrupted "
                                               "save, or put there by someone else); it holds no readable data")
                                    .arg(object);
        for (const QString& name : std::as_const(listing->foreign))
            report.notes << QStringLiteral("objects/%1 is not a file Paper Trail makes; it was ignored").arg(name);
    }
    return report;
}

} // namespace pt::core
