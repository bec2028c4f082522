#include "Journal.h"

#include "Parallel.h"
#include "RecordSeal.h"
#include "TimeFormat.h"
#include "crypto/Aead.h"
#include "crypto/Signing.h"

#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace pt::core {

namespace {

Error damagedEntry(const QString& id, const QString& what)
{
    return damaged(QStringLiteral("Entry %1 is damaged (%2). Run 'papertrail-cli verify' for details "
                                  "and restore from a synced copy.")
                       .arg(id, what));
}

} // namespace

QString logRecordType(const QString& device, qint64 seq)
{
    return QStringLiteral("log-record/%1/%2").arg(device).arg(seq);
}

QList<HistoryStep> historySteps(const Entry& entry)
{
    struct Keyed {
        QDateTime time;
        QString device;
        qint64 seq;
        HistoryStep step;
    };
    std::vector<Keyed> keyed;
    for (qsizetype i = 0; i < entry.revisions.size(); ++i) {
        const RevisionInfo& r = entry.revisions.at(i);
        keyed.push_back({r.recordedAt, r.device, r.seq, {i, -1}});
    }
    for (qsizetype i = 0; i < entry.deletions.size(); ++i) {
        const DeletionInfo& d = entry.deletions.at(i);
        keyed.push_back({d.time, d.device, d.seq, {-1, i}});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        if (a.time != b.time)
            return a.time < b.time;
        return a.device != b.device ? a.device < b.device : a.seq < b.seq;
    });
    QList<HistoryStep> steps;
    for (const Keyed& k : keyed)
        steps.append(k.step);
    return steps;
}

qsizetype followedRevision(const Entry& entry, const EntryRevision& revision)
{
    for (qsizetype i = 0; i < entry.revisions.size(); ++i)
        if (entry.revisions.at(i).object == revision.previous)
            return i;
    return -1;
}

Journal::Journal(JournalDb& db, AttachmentStore& attachments, const VaultKeys& keys,
                 const DeviceIdentity& device, Clock clock)
    : m_db(db), m_attachments(attachments), m_keys(keys), m_device(device), m_clock(std::move(clock))
{
}

const RevisionInfo* Journal::latestOf(const QList<RevisionInfo>& revisions)
{
    const RevisionInfo* best = nullptr;
    for (const RevisionInfo& r : revisions)
        // Two devices may write the same revision number offline: the later one shows, and on a
        // tie the object id decides, so every device shows the same one.
        if (!best || r.revision > best->revision ||
            (r.revision == best->revision &&
             (r.recordedAt > best->recordedAt || (r.recordedAt == best->recordedAt && r.object > best->object))))
            best = &r;
    return best;
}

namespace {

// In one device's log the order is seq. Between devices, a tombstone that names the revision it
// deleted is followed by any revision its device had not seen: a later number, or another of the
// same number (an edit made on a device that had not seen the deletion stays visible). Older
// tombstones fall back to the record time; on a tie the tombstone wins, as a restore must never
// be guessed.
bool putFollows(const RevisionInfo& put, const DeletionInfo& deletion)
{
    if (put.device == deletion.device)
        return put.seq > deletion.seq;
    if (!deletion.object.isEmpty())
        return put.revision > deletion.revision || (put.revision == deletion.revision && put.object != deletion.object);
    return put.recordedAt > deletion.time;
}

// The revocations in force, from every revoke record in the logs: in record-time order, a
// revocation counts unless its own device was revoked before it wrote it; the first revocation of
// a device stands.
QHash<QString, Revocation> revocationsIn(std::vector<const LogRecord*> revokes)
{
    std::sort(revokes.begin(), revokes.end(), [](const LogRecord* a, const LogRecord* b) {
        if (a->time != b->time)
            return a->time < b->time;
        return a->device != b->device ? a->device < b->device : a->seq < b->seq;
    });
    QHash<QString, Revocation> inForce;
    for (const LogRecord* r : revokes) {
        if (const auto by = inForce.constFind(r->device); by != inForce.cend() && r->seq > by->after)
            continue;
        if (!inForce.contains(r->revokedDevice))
            inForce.insert(r->revokedDevice, {r->revokedDevice, r->revokedAfter, r->device, r->time, 0});
    }
    return inForce;
}

} // namespace

bool Journal::isDeleted(const State& state)
{
    if (state.purged)
        return true;
    return std::any_of(state.deletions.cbegin(), state.deletions.cend(), [&](const DeletionInfo& d) {
        return std::none_of(state.revisions.cbegin(), state.revisions.cend(),
                            [&](const RevisionInfo& put) { return putFollows(put, d); });
    });
}

Status Journal::load()
{
    m_entries.clear();
    m_problems.clear();
    m_seq = 0;
    m_lastHash.clear();
    m_lastTime = {};
    m_localLogIntact = true;
    m_heads.clear();
    m_search.reset();

    auto rows = m_db.records();
    if (!rows)
        return rows.error();

    // Decrypt and parse every record on all cores while this thread reads the revision objects,
    // then replay the records in order here.
    struct Decoded {
        std::optional<LogRecord> record;
        QString hash;
    };
    std::vector<Decoded> decoded(static_cast<std::size_t>(rows->size()));
    const crypto::ByteView logKey = m_keys.subkey(Purpose::LogRecord).view();
    ParallelWork decoding(decoded.size(), [&](std::size_t i) {
        const StoredRecord& row = rows->at(qsizetype(i));
        const auto framed =
            crypto::aead::open(logKey, bytesOf(row.data), bytesOf(m_keys.aad(logRecordType(row.device, row.seq))));
        const auto signedRecord = framed ? SignedRecord::unframe(toQByteArray(*framed)) : std::nullopt;
        auto record = signedRecord ? LogRecord::fromPayload(signedRecord->payload) : std::nullopt;
        if (record && record->device == row.device && record->seq == row.seq) {
            decoded[i].record = std::move(record);
            decoded[i].hash = signedRecord->hash();
        }
    });
    auto blobs = m_db.objects();
    decoding.join();
    if (!blobs)
        return blobs.error();
    const QHash<QString, QByteArray>& objects = *blobs;

    std::vector<const LogRecord*> revokes;
    for (const Decoded& d : decoded)
        if (d.record && d.record->op == LogRecord::Op::Revoke)
            revokes.push_back(&*d.record);
    m_revocations = revocationsIn(std::move(revokes));

    QSet<QString> purgedObjects;
    m_entries.reserve(qsizetype(decoded.size()));
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        const StoredRecord& row = rows->at(qsizetype(i));
        const bool local = row.device == m_device.id;
        const std::optional<LogRecord>& record = decoded[i].record;
        m_heads.insert(row.device, {row.seq, record ? decoded[i].hash : QString()}); // rows come in seq order
        if (!record) {
            m_problems << QStringLiteral("log record %1 #%2 cannot be read").arg(row.device).arg(row.seq);
            if (local)
                m_localLogIntact = false;
            continue;
        }
        if (local) {
            if (record->seq != m_seq + 1 || record->previous != m_lastHash)
                m_localLogIntact = false;
            m_seq = record->seq;
            m_lastHash = decoded[i].hash;
            m_lastTime = record->time;
        }
        if (auto revoked = m_revocations.find(row.device); revoked != m_revocations.end() && row.seq > revoked->after) {
            ++revoked->refused;
            continue;
        }
        if (record->op == LogRecord::Op::Revoke) // no entry: taken in above
            continue;
        State& state = m_entries[record->entryId];
        switch (record->op) {
        case LogRecord::Op::Put:
            state.revisions.append({record->revision, record->object, record->device, record->seq, record->time});
            break;
        case LogRecord::Op::Tombstone:
            state.deletions.append({record->device, record->seq, record->time, record->revision, record->object});
            break;
        case LogRecord::Op::Purge:
            state.purged = true;
            for (const PurgedObject& p : record->purged)
                purgedObjects.insert(p.object);
            break;
        case LogRecord::Op::Revoke:
            break;
        }
    }
    decoded.clear();
    for (State& state : m_entries)
        state.deleted = isDeleted(state);

    // The newest revision of each entry, decrypted and parsed on all cores.
    struct Pending {
        State* state = nullptr;
        QString entryId;
        RevisionInfo newest;
        std::optional<EntryRevision> revision;
    };
    std::vector<Pending> pending;
    pending.reserve(static_cast<std::size_t>(m_entries.size()));
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->purged || it->revisions.isEmpty())
            continue;
        pending.push_back({&it.value(), it.key(), *latestOf(it->revisions), std::nullopt});
    }
    parallelFor(pending.size(), [&](std::size_t i) {
        pending[i].revision = decodeRevision(objects, pending[i].entryId, pending[i].newest);
    });

    for (Pending& p : pending) {
        if (!p.revision) {
            // Damage to one revision does not hide the entry: fall back to the newest readable one.
            m_problems << QStringLiteral("revision %1 of entry %2 cannot be read").arg(p.newest.revision).arg(p.entryId);
            QList<RevisionInfo> older = p.state->revisions;
            std::sort(older.begin(), older.end(), [](const RevisionInfo& a, const RevisionInfo& b) {
                return a.revision != b.revision ? a.revision > b.revision : a.recordedAt > b.recordedAt;
            });
            for (const RevisionInfo& r : std::as_const(older)) {
                if (r.object == p.newest.object)
                    continue;
                if ((p.revision = decodeRevision(objects, p.entryId, r))) {
                    p.newest = r;
                    break;
                }
                m_problems << QStringLiteral("revision %1 of entry %2 cannot be read").arg(r.revision).arg(p.entryId);
            }
        }
        if (p.revision) {
            p.state->latest = std::move(*p.revision);
            p.state->latestObject = p.newest.object;
        }
    }
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        const RevisionReader read = [&](const RevisionInfo& r) { return decodeRevision(objects, it.key(), r); };
        updateChangeTimes(*it, read);
        updateConflict(*it, read);
    }
    // A crash between committing a purge and deleting its files leaves ciphertext behind.
    for (const QString& object : std::as_const(purgedObjects))
        if (m_attachments.exists(object))
            (void)m_attachments.remove(object);
    return Ok{};
}

std::optional<QString> Journal::recordHash(const QString& device, qint64 seq) const
{
    auto row = m_db.record(device, seq);
    if (!row || !*row)
        return std::nullopt;
    const auto signedRecord = openRecord(**row, m_keys);
    return signedRecord ? std::optional<QString>(signedRecord->hash()) : std::nullopt;
}

std::optional<EntryRevision> Journal::decodeRevision(const QHash<QString, QByteArray>& objects, const QString& entryId,
                                                    const RevisionInfo& info) const
{
    const auto blob = objects.constFind(info.object);
    if (blob == objects.constEnd())
        return std::nullopt;
    const auto json = crypto::aead::open(m_keys.subkey(Purpose::Entry).view(), bytesOf(*blob),
                                         bytesOf(m_keys.aad(QStringLiteral("entry"))));
    auto revision = json ? EntryRevision::fromJson(toQByteArray(*json)) : std::nullopt;
    if (!revision || revision->entryId != entryId || revision->revision != info.revision)
        return std::nullopt;
    return revision;
}

Result<EntryRevision> Journal::readRevision(const QString& object) const { return readRevision(object, m_db); }

Result<EntryRevision> Journal::readRevision(const QString& object, const JournalDb& db) const
{
    auto blob = db.object(object);
    if (!blob)
        return blob.error().code == ErrorCode::NotFound
                   ? damaged(QStringLiteral("Revision object %1 is missing. Run 'papertrail-cli verify'.").arg(object))
                   : blob.error();
    const auto json = crypto::aead::open(m_keys.subkey(Purpose::Entry).view(), bytesOf(*blob),
                                         bytesOf(m_keys.aad(QStringLiteral("entry"))));
    if (!json)
        return damaged(QStringLiteral("Revision object %1 does not decrypt. Run 'papertrail-cli verify'.").arg(object));
    auto revision = EntryRevision::fromJson(toQByteArray(*json));
    if (!revision)
        return damaged(QStringLiteral("Revision object %1 is not a valid entry. Run 'papertrail-cli verify'.").arg(object));
    return *revision;
}

std::optional<EntryRevision> Journal::storedRevision(const RevisionInfo& info) const
{
    auto revision = readRevision(info.object);
    if (!revision)
        return std::nullopt;
    return std::move(*revision);
}

Status Journal::requireWritable() const
{
    if (const auto revoked = m_revocations.constFind(m_device.id); revoked != m_revocations.cend())
        return usage(QStringLiteral("This device was revoked by device %1 on %2, so the other devices refuse what it "
                                    "writes. Its journal can still be read here. To write again, link this device "
                                    "anew (papertrail-cli link) from another folder.")
                         .arg(revoked->by, revoked->time.toLocalTime().toString(Qt::ISODate)));
    if (!m_localLogIntact)
        return damaged(QStringLiteral("This device's log is damaged, so nothing new can be chained onto "
                                      "it. Run 'papertrail-cli verify' and restore from a synced copy."));
    return Ok{};
}

LogRecord Journal::newRecord(LogRecord::Op op, const QString& entryId) const
{
    LogRecord record;
    record.op = op;
    record.entryId = entryId;
    record.time = m_clock().toUTC();
    if (m_lastTime.isValid() && record.time < m_lastTime) {
        // The clock went back: keep the log's time monotonic and record what the clock said.
        record.clockWas = record.time;
        record.time = m_lastTime;
    }
    return record;
}

Result<RevisionInfo> Journal::commit(LogRecord record, const QString& object, const QByteArray& objectData,
                                     const QStringList& removeObjects)
{
    record.device = m_device.id;
    record.seq = m_seq + 1;
    record.previous = m_lastHash;
    const SealedRecord sealed = sealRecord(record, m_device, m_keys);

    if (!m_inBatch)
        if (Status s = m_db.begin(); !s)
            return s.error();
    Status s = Ok{};
    if (!object.isEmpty())
        s = m_db.putObject(object, objectData);
    if (s)
        s = m_db.appendRecord(sealed.stored);
    for (const QString& id : removeObjects)
        if (s)
            s = m_db.removeObject(id);
    if (s && !m_inBatch)
        s = m_db.commit();
    if (!s) {
        if (m_inBatch)
            abandonBatch();
        else
            m_db.rollback();
        return s.error();
    }
    m_seq = record.seq;
    m_lastHash = sealed.hash;
    m_lastTime = record.time;
    m_heads.insert(record.device, {m_seq, m_lastHash});
    return RevisionInfo{record.revision, record.object, record.device, record.seq, record.time};
}

Result<QList<AttachmentRef>> Journal::storeAttachments(const QList<NewAttachment>& list)
{
    QList<AttachmentRef> refs;
    for (const NewAttachment& a : list) {
        if (!a.source)
            return usage(QStringLiteral("An attachment has no data."));
        auto stored = m_attachments.put(*a.source);
        if (!stored)
            return stored.error();
        refs.append({stored->object, a.name, a.mime.isEmpty() ? QStringLiteral("application/octet-stream") : a.mime,
                     stored->size, stored->sha256});
    }
    return refs;
}

Result<Entry> Journal::saveRevision(EntryRevision revision)
{
    LogRecord record = newRecord(LogRecord::Op::Put, revision.entryId);
    revision.recordedAt = record.time.toLocalTime();
    revision.timeZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    const QByteArray objectData = toQByteArray(crypto::aead::seal(m_keys.subkey(Purpose::Entry).view(),
                                                                  bytesOf(revision.toCanonicalJson()),
                                                                  bytesOf(m_keys.aad(QStringLiteral("entry")))));
    const QString object = hexSha256(objectData);

    record.revision = revision.revision;
    record.object = object;
    auto info = commit(record, object, objectData);
    if (!info)
        return info.error();

    State& state = m_entries[revision.entryId];
    state.revisions.append(*info);
    state.deleted = isDeleted(state);
    state.latestObject = object;
    if (m_search && !state.deleted)
        m_search->upsert(revision);
    state.latest = std::move(revision);
    const RevisionReader read = [&](const RevisionInfo& r) { return storedRevision(r); };
    updateChangeTimes(state, read);
    updateConflict(state, read);
    return toEntry(state);
}

Status Journal::beginBatch()
{
    if (m_inBatch)
        return usage(QStringLiteral("A batch of entries is already being saved."));
    if (Status s = requireWritable(); !s)
        return s;
    if (Status s = m_db.begin(); !s)
        return s;
    m_attachments.deferSync(true);
    m_inBatch = true;
    return Ok{};
}

Status Journal::finishBatch()
{
    if (!m_inBatch)
        return usage(QStringLiteral("No batch of entries is being saved."));
    // The attachments reach the disk before the records that refer to them.
    Status s = m_attachments.syncDeferred();
    if (s)
        s = m_db.commit();
    if (!s) {
        abandonBatch();
        return s;
    }
    m_attachments.deferSync(false);
    m_inBatch = false;
    return Ok{};
}

void Journal::abandonBatch()
{
    if (!m_inBatch)
        return;
    m_db.rollback();
    m_attachments.deferSync(false);
    m_inBatch = false;
    // What the batch added in memory goes with it: read the journal again as it is on disk.
    // (Its attachment files stay behind unreferenced, as after any write cut short.)
    if (Status s = load(); !s)
        m_problems.append(s.error().message);
}

Result<Entry> Journal::add(const EntryDraft& draft)
{
    if (Status s = requireWritable(); !s)
        return s.error();
    if (draft.title.trimmed().isEmpty() && draft.body.trimmed().isEmpty() && draft.attachments.isEmpty())
        return usage(QStringLiteral("An entry needs a title, a body or an attachment."));
    auto attachments = storeAttachments(draft.attachments);
    if (!attachments)
        return attachments.error();

    EntryRevision revision;
    revision.entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    revision.revision = 1;
    revision.kind = draft.kind.isEmpty() ? QStringLiteral("note") : draft.kind;
    revision.title = draft.title;
    revision.body = draft.body;
    revision.occurredAt = draft.occurredAt.isValid() ? draft.occurredAt : m_clock().toLocalTime();
    revision.tags = draft.tags;
    revision.fields = draft.fields;
    revision.attachments = *attachments;
    return saveRevision(std::move(revision));
}

Result<Entry> Journal::edit(const QString& id, const EntryChange& change)
{
    if (Status s = requireWritable(); !s)
        return s.error();
    auto current = entry(id);
    if (!current)
        return current.error();
    if (current->deleted)
        return usage(QStringLiteral("Entry %1 is deleted; its history can be viewed but it cannot be edited.").arg(id));
    if (change.isEmpty())
        return usage(QStringLiteral("Nothing to change: give a new title, body, time, tags or attachment."));

    EntryRevision next = current->latest;
    next.revision = latestOf(current->revisions)->revision + 1;
    next.previous = current->object;
    next.merges.clear();
    if (Status s = applyChange(id, next, change); !s)
        return s.error();
    if (changedFields(current->latest, next).isEmpty())
        return usage(QStringLiteral("Nothing changed: the new values are the same as the current ones."));
    return saveRevision(std::move(next));
}

Status Journal::applyChange(const QString& id, EntryRevision& next, const EntryChange& change)
{
    if (change.kind)
        next.kind = *change.kind;
    if (change.title)
        next.title = *change.title;
    if (change.body)
        next.body = *change.body;
    if (change.occurredAt)
        next.occurredAt = *change.occurredAt;
    if (change.tags)
        next.tags = *change.tags;
    if (change.fields)
        next.fields = *change.fields;
    for (const QString& name : change.removeAttachments) {
        const auto before = next.attachments.size();
        next.attachments.removeIf([&](const AttachmentRef& a) { return a.name == name; });
        if (next.attachments.size() == before)
            return notFound(QStringLiteral("Entry %1 has no attachment named %2.").arg(id, name));
    }
    auto added = storeAttachments(change.addAttachments);
    if (!added)
        return added.error();
    next.attachments += *added;
    return Ok{};
}

Result<Entry> Journal::resolveConflict(const QString& id, const QString& keepObject, const EntryChange& change)
{
    if (Status s = requireWritable(); !s)
        return s.error();
    auto current = entry(id);
    if (!current)
        return current.error();
    const QString resolved = current->latest.entryId;
    if (current->deleted)
        return usage(QStringLiteral("Entry %1 is deleted; restore it before resolving its conflict.").arg(resolved));
    if (!current->inConflict())
        return usage(QStringLiteral("Entry %1 has no conflict to resolve.").arg(resolved));
    const auto keep = std::find_if(current->conflict.cbegin(), current->conflict.cend(),
                                   [&](const RevisionInfo& r) { return r.object == keepObject; });
    if (keep == current->conflict.cend())
        return notFound(QStringLiteral("%1 is not one of the revisions in conflict in entry %2; "
                                       "'papertrail-cli conflicts' lists them.")
                            .arg(keepObject, resolved));
    auto kept = readRevision(keep->object);
    if (!kept)
        return kept.error();

    // The content of the kept side; `previous` stays the highest revision (the shown side, as for
    // any edit) and `merges` names the others, so the new revision follows them all.
    EntryRevision next = std::move(*kept);
    next.revision = latestOf(current->revisions)->revision + 1;
    next.previous = current->object;
    next.merges.clear();
    for (const RevisionInfo& side : std::as_const(current->conflict))
        if (side.object != current->object)
            next.merges << side.object;
    if (Status s = applyChange(resolved, next, change); !s)
        return s.error();
    return saveRevision(std::move(next));
}

Status Journal::revoke(const QString& device)
{
    if (Status s = requireWritable(); !s)
        return s;
    if (device == m_device.id)
        return usage(QStringLiteral("A device cannot revoke itself: revoke it from another of your devices."));
    if (device.isEmpty())
        return usage(QStringLiteral("Which device? 'papertrail-cli devices' lists them."));
    if (m_revocations.contains(device))
        return Ok{};
    LogRecord record = newRecord(LogRecord::Op::Revoke, {});
    record.revokedDevice = device;
    record.revokedAfter = m_heads.value(device).seq;
    if (auto info = commit(record, {}, {}); !info)
        return info.error();
    m_revocations.insert(device, {device, record.revokedAfter, m_device.id, m_lastTime, 0});
    return Ok{};
}

std::optional<Revocation> Journal::revocationOf(const QString& device) const
{
    const auto it = m_revocations.constFind(device);
    if (it == m_revocations.cend())
        return std::nullopt;
    return *it;
}

Result<QList<EntryRevision>> Journal::conflictRevisions(const QString& id) const
{
    auto current = entry(id);
    if (!current)
        return current.error();
    QList<EntryRevision> sides;
    for (const RevisionInfo& side : std::as_const(current->conflict)) {
        auto revision = readRevision(side.object);
        if (!revision)
            return revision.error();
        sides.append(std::move(*revision));
    }
    return sides;
}

void Journal::updateConflict(State& state, const RevisionReader& read)
{
    state.conflict.clear();
    if (state.purged || state.revisions.size() < 2)
        return;
    QSet<int> numbers;
    bool repeated = false;
    for (const RevisionInfo& r : std::as_const(state.revisions)) {
        if (numbers.contains(r.revision))
            repeated = true;
        numbers.insert(r.revision);
    }
    if (!repeated) // one line of revisions: each follows the one before
        return;
    QSet<QString> followed;
    QList<RevisionInfo> readable;
    for (const RevisionInfo& r : std::as_const(state.revisions)) {
        const auto revision = read(r);
        if (!revision) // damage, reported by load; it cannot be offered as a side
            continue;
        readable.append(r);
        followed.insert(revision->previous);
        for (const QString& merged : revision->merges)
            followed.insert(merged);
    }
    QList<RevisionInfo> sides;
    for (const RevisionInfo& r : std::as_const(readable))
        if (!followed.contains(r.object))
            sides.append(r);
    if (sides.size() < 2)
        return;
    const RevisionInfo* shown = latestOf(sides);
    std::sort(sides.begin(), sides.end(), [&](const RevisionInfo& a, const RevisionInfo& b) {
        if ((a.object == shown->object) != (b.object == shown->object))
            return a.object == shown->object;
        if (a.revision != b.revision)
            return a.revision > b.revision;
        return a.recordedAt != b.recordedAt ? a.recordedAt > b.recordedAt : a.object > b.object;
    });
    state.conflict = sides;
}

Status Journal::tombstone(const QString& id)
{
    if (Status s = requireWritable(); !s)
        return s;
    auto current = entry(id);
    if (!current)
        return current.error();
    if (current->deleted)
        return Ok{};
    const QString resolved = current->latest.entryId;
    LogRecord record = newRecord(LogRecord::Op::Tombstone, resolved);
    record.revision = current->latest.revision;
    record.object = current->object;
    auto info = commit(record, {}, {});
    if (!info)
        return info.error();
    State& state = m_entries[resolved];
    state.deletions.append({info->device, info->seq, m_lastTime, record.revision, record.object});
    state.deleted = true;
    // Another device's revision recorded later by its clock now follows a deletion.
    updateChangeTimes(state, [&](const RevisionInfo& r) { return storedRevision(r); });
    if (m_search)
        m_search->remove(resolved);
    return Ok{};
}

Result<Entry> Journal::restore(const QString& id)
{
    if (Status s = requireWritable(); !s)
        return s.error();
    auto current = entry(id);
    if (!current)
        return current.error();
    if (current->purged)
        return usage(QStringLiteral("Entry %1 was purged: its contents are gone and it cannot be restored.")
                         .arg(current->latest.entryId));
    if (!current->deleted)
        return usage(QStringLiteral("Entry %1 is not deleted; there is nothing to restore.").arg(current->latest.entryId));

    // Same content; the new revision, recorded after the tombstone, is what un-deletes it.
    EntryRevision next = current->latest;
    next.revision = latestOf(current->revisions)->revision + 1;
    next.previous = current->object;
    next.merges.clear();
    return saveRevision(std::move(next));
}

Status Journal::purge(const QString& id)
{
    if (Status s = requireWritable(); !s)
        return s;
    if (!m_entries.contains(id))
        return notFound(QStringLiteral("No entry %1.").arg(id));
    State& state = m_entries[id];
    if (state.purged)
        return Ok{};

    // Every revision object, and every attachment any revision referenced (with the hash of its
    // original bytes, which the chain keeps as evidence that something was removed).
    QList<PurgedObject> purged;
    QStringList revisionObjects;
    QSet<QString> attachmentObjects;
    for (const RevisionInfo& r : std::as_const(state.revisions)) {
        purged.append({r.object, {}});
        revisionObjects << r.object;
        if (auto revision = readRevision(r.object))
            for (const AttachmentRef& a : std::as_const(revision->attachments))
                if (!attachmentObjects.contains(a.object)) {
                    attachmentObjects.insert(a.object);
                    purged.append({a.object, a.sha256});
                }
    }
    LogRecord record = newRecord(LogRecord::Op::Purge, id);
    record.purged = purged;
    if (auto info = commit(record, {}, {}, revisionObjects); !info)
        return info.error();
    state.purged = true;
    state.deleted = true;
    state.latest.reset();
    if (m_search)
        m_search->remove(id);
    for (const QString& object : std::as_const(attachmentObjects))
        if (Status s = m_attachments.remove(object); !s)
            return s; // load() finishes the job next time
    return Ok{};
}

Entry Journal::toEntry(const State& state) const
{
    Entry e;
    if (state.latest)
        e.latest = *state.latest;
    e.object = state.latestObject;
    e.revisions = state.revisions;
    std::sort(e.revisions.begin(), e.revisions.end(),
              [](const RevisionInfo& a, const RevisionInfo& b) { return a.revision < b.revision; });
    e.deletions = state.deletions;
    std::sort(e.deletions.begin(), e.deletions.end(),
              [](const DeletionInfo& a, const DeletionInfo& b) { return a.time < b.time; });
    e.deleted = state.deleted;
    e.purged = state.purged;
    e.editedAt = state.editedAt;
    e.restoredAt = state.restoredAt;
    e.conflict = state.conflict;
    return e;
}

void Journal::updateChangeTimes(State& state, const RevisionReader& read) const
{
    state.editedAt = {};
    state.restoredAt = {};
    if (state.purged || state.revisions.size() < 2) // a purged entry has no content left to compare
        return;
    const auto later = [](QDateTime& newest, const QDateTime& t) {
        if (!newest.isValid() || t > newest)
            newest = t;
    };
    if (state.deletions.isEmpty()) {
        // Never deleted, so never restored: every revision after the first is an edit.
        const auto first = std::min_element(state.revisions.cbegin(), state.revisions.cend(),
                                            [](const RevisionInfo& a, const RevisionInfo& b) { return a.revision < b.revision; });
        for (auto it = state.revisions.cbegin(); it != state.revisions.cend(); ++it)
            if (it != first)
                later(state.editedAt, it->recordedAt);
        return;
    }
    const Entry e = toEntry(state);
    const QList<HistoryStep> steps = historySteps(e);
    for (qsizetype s = 0; s < steps.size(); ++s) {
        const qsizetype i = steps.at(s).revision;
        if (i <= 0) // a deletion, or the revision that wrote the entry
            continue;
        const RevisionInfo& r = e.revisions.at(i);
        bool changed = true; // edit() refuses a revision that changes nothing
        if (s > 0 && steps.at(s - 1).deletion >= 0) {
            later(state.restoredAt, r.recordedAt);
            // Restored here with the content it had, or (written on a device that had not seen the
            // deletion) with changes too. What cannot be read is not claimed unchanged.
            const auto before = read(e.revisions.at(i - 1));
            const auto after = read(r);
            changed = !before || !after || !changedFields(*before, *after).isEmpty();
        }
        if (changed)
            later(state.editedAt, r.recordedAt);
    }
}

QList<Entry> Journal::entries(bool includeDeleted) const
{
    // Sorted on precomputed keys: comparing QDateTimes re-derives their UTC offsets every time.
    struct Key {
        qint64 occurredMs;
        const QString* id;
        const State* state;
    };
    std::vector<Key> keys;
    keys.reserve(std::size_t(m_entries.size()));
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it->latest && !it->purged)
            continue; // nothing readable
        if (it->deleted && !includeDeleted)
            continue;
        // Purged entries have no time left and sort last.
        keys.push_back({it->latest ? it->latest->occurredAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(),
                        &it.key(), &it.value()});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.occurredMs != b.occurredMs ? a.occurredMs > b.occurredMs : *a.id < *b.id;
    });
    QList<Entry> list;
    list.reserve(qsizetype(keys.size()));
    for (const Key& k : keys) {
        Entry e = toEntry(*k.state);
        if (!k.state->latest)
            e.latest.entryId = *k.id;
        list.append(std::move(e));
    }
    return list;
}

Result<QString> Journal::resolveId(const QString& idOrPrefix) const
{
    const QString wanted = idOrPrefix.trimmed().toLower();
    if (m_entries.contains(wanted))
        return wanted;
    if (wanted.size() < 4)
        return notFound(QStringLiteral("No entry %1. Give at least 4 characters of its id.").arg(idOrPrefix));
    QString found;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it.key().startsWith(wanted)) {
            if (!found.isEmpty())
                return usage(QStringLiteral("%1 matches more than one entry; give more of the id.").arg(idOrPrefix));
            found = it.key();
        }
    }
    if (found.isEmpty())
        return notFound(QStringLiteral("No entry %1. 'papertrail-cli list' shows the ids.").arg(idOrPrefix));
    return found;
}

Result<Entry> Journal::entry(const QString& id) const
{
    auto resolved = resolveId(id);
    if (!resolved)
        return resolved.error();
    const State& state = m_entries[*resolved];
    if (!state.latest && !state.purged)
        return damagedEntry(*resolved, QStringLiteral("no revision can be read"));
    Entry e = toEntry(state);
    if (!state.latest)
        e.latest.entryId = *resolved;
    return e;
}

Result<QList<EntryRevision>> Journal::history(const QString& id) const { return history(id, m_db); }

Result<QList<EntryRevision>> Journal::history(const QString& id, const JournalDb& db) const
{
    auto current = entry(id);
    if (!current)
        return current.error();
    if (current->purged)
        return QList<EntryRevision>{};
    QList<EntryRevision> revisions;
    for (const RevisionInfo& r : std::as_const(current->revisions)) {
        auto revision = readRevision(r.object, db);
        if (!revision)
            return revision.error();
        revisions.append(*revision);
    }
    return revisions;
}

Result<AttachmentRef> Journal::attachmentNamed(const QString& id, const QString& name) const
{
    auto current = entry(id);
    if (!current)
        return current.error();
    for (const AttachmentRef& a : std::as_const(current->latest.attachments))
        if (a.name == name)
            return a;
    return notFound(QStringLiteral("Entry %1 has no attachment named %2; 'papertrail-cli show %1' lists them.")
                        .arg(current->latest.entryId, name));
}

Status Journal::writeAttachment(const QString& id, const QString& name, QIODevice& sink) const
{
    auto ref = attachmentNamed(id, name);
    if (!ref)
        return ref.error();
    return m_attachments.get(ref->object, sink);
}

Status Journal::checkAttachment(const QString& id, const QString& name) const
{
    auto ref = attachmentNamed(id, name);
    if (!ref)
        return ref.error();
    return m_attachments.check(ref->object, ref->size, ref->sha256);
}

void Journal::ensureSearchIndex()
{
    if (m_search)
        return;
    m_search = std::make_unique<SearchIndex>();
    m_search->beginBulk();
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->latest && !it->deleted)
            m_search->upsert(*it->latest);
    m_search->endBulk();
}

Result<QList<SearchHit>> Journal::search(const QString& query)
{
    ensureSearchIndex();
    if (!m_search->isOpen())
        return failed(QStringLiteral("Search is not available: Qt's SQLite driver lacks FTS5."));
    return m_search->search(query);
}

} // namespace pt::core
