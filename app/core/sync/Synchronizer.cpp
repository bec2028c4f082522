#include "Synchronizer.h"

#include "DeviceRegistration.h"
#include "ObjectTransfer.h"
#include "RemoteLayout.h"
#include "RetryingRemote.h"
#include "SyncPack.h"
#include "crypto/Aead.h"
#include "vault/RecordSeal.h"
#include "crypto/Sha256.h"
#include "crypto/Signing.h"

#include <QBuffer>
#include <QFile>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <optional>

namespace pt::core::sync {

struct Synchronizer::RemoteHead {
    RemoteFile file;
    qint64 seq = 0;
    QString hash;
    std::optional<SignedHead> head; // read in this sync; nullopt when the cache vouched for it
    bool cut = false;               // only part of it is there: seq and hash are the cache's
};

namespace {

// Attachments go up this many at a time: a server that spends a core on each upload (rclone
// serve) takes them faster so, as `rclone copy` sends 4 at once (bench/sync_bench.cpp).
constexpr int ParallelUploads = 2;

// One record of this device's log on its way into a pack, with the revision it puts.
struct PackItem {
    PackRecord record;
    std::optional<PackObject> object;
};

// An attachment's encrypted file is its plaintext plus a header and 17 bytes per 64 KiB chunk.
qint64 attachmentFileCap(qint64 plainSize) { return plainSize + (plainSize / 65536 + 2) * 17 + 4096; }

Error refused(const QString& device, qint64 seq, const QString& what)
{
    return damaged(QStringLiteral("Sync stopped: the remote's copy of device %1's log %2 (at record %3). Nothing on "
                                  "this device was changed. If you restored the remote from an old backup, put the "
                                  "newer copy back; otherwise someone may have changed files there.")
                       .arg(device, what)
                       .arg(seq));
}

QString hashOf(const QByteArray& bytes) { return contentAddress(bytes); }

} // namespace

SyncStart SyncStart::of(const Vault& vault)
{
    return {vault.header().vaultId, vault.header().toJson(), vault.journal().heads(), vault.seenHeads(),
            vault.formerDevices()};
}

Synchronizer::Synchronizer(Vault::Store store, SyncStart start, Remote& remote, SyncCache cache, QString deviceName)
    : m_store(store), m_start(std::move(start)), m_remote(remote), m_cache(std::move(cache)),
      m_deviceName(std::move(deviceName))
{
}

Result<std::optional<SignedRecord>> Synchronizer::storedRecord(const QString& device, qint64 seq) const
{
    auto row = seq > 0 ? m_store.db.record(device, seq) : Result<std::optional<StoredRecord>>(std::nullopt);
    if (!row)
        return row.error();
    return *row ? openRecord(**row, m_store.keys) : std::nullopt;
}

std::optional<QString> Synchronizer::recordHash(const QString& device, qint64 seq) const
{
    auto signedRecord = storedRecord(device, seq);
    return signedRecord && *signedRecord ? std::optional<QString>((*signedRecord)->hash()) : std::nullopt;
}

Result<SyncReport> syncNow(Vault& vault, Remote& remote, SyncCache cache, const QString& deviceName)
{
    if (!vault.isUnlocked())
        return failed(QStringLiteral("The vault is locked. Unlock it and sync again."));
    RetryingRemote retrying(remote);
    Synchronizer synchronizer(vault.store(), SyncStart::of(vault), retrying, cache, deviceName);
    auto report = synchronizer.run();
    if (synchronizer.recordsCommitted() > 0)
        if (Status s = vault.reload(); !s)
            return s.error();
    if (!report || !report->restoredCopy)
        return report;
    const QString former = vault.deviceId();
    if (Status s = vault.becomeNewDevice(); !s)
        return s.error();
    Synchronizer asNew(vault.store(), SyncStart::of(vault), retrying, std::move(cache), deviceName);
    auto second = asNew.run();
    if (asNew.recordsCommitted() > 0)
        if (Status s = vault.reload(); !s)
            return s.error();
    if (!second)
        return second;
    second->requests += report->requests;
    second->recordsPulled += report->recordsPulled;
    second->attachmentsPulled += report->attachmentsPulled;
    second->packsPulled += report->packsPulled;
    second->bytesPulled += report->bytesPulled;
    second->devicesPulled += report->devicesPulled;
    second->restoredCopy = true;
    second->formerDevice = former;
    return second;
}

Result<SyncReport> Synchronizer::run()
{
    if (!RemoteLayout::isVaultId(m_start.vaultId))
        return damaged(QStringLiteral("This vault's id cannot be used on a sync remote."));
    const int startRequests = m_remote.requestCount();
    m_recordsCommitted = 0;
    m_publicKeys.clear();
    m_newRegistrations.clear();
    m_cutHeads.clear();
    m_headBytesRead = 0;
    m_restoredCopy = false;
    m_adopting.clear();
    m_orphans.clear();
    auto devices = m_store.db.devices();
    if (!devices)
        return devices.error();
    for (const StoredDevice& d : *devices)
        m_publicKeys.insert(d.id, d.publicKey);

    SyncCacheData cache = m_cache.load(m_remote.describe());
    if (cache.device != m_store.device.id) { // this copy took a new identity: its own state starts afresh
        cache.device = m_store.device.id;
        cache.registered = false;
        cache.ownHead.clear();
        cache.ownHeadPendingSize = -1;
    }
    SyncReport report;
    auto heads = readHeads(cache);
    if (!heads)
        return heads.error();
    if (Status s = checkPositions(*heads, cache); !s)
        return s.error();
    if (Status s = pull(*heads, report); !s)
        return s.error();
    // A restored copy pushes nothing as the device it was: it takes an identity of its own first.
    report.restoredCopy = m_restoredCopy;
    if (!m_restoredCopy)
        if (Status s = push(*heads, cache, report); !s)
            return s.error();
    for (auto it = heads->cbegin(); it != heads->cend(); ++it)
        if (it.key() != m_store.device.id && !it->cut)
            cache.heads.insert(it.key(), {it->file.changeToken(), it->seq, it->hash});
    report.devicesCut = m_cutHeads;
    report.bytesPulled += m_headBytesRead;
    (void)m_cache.save(cache); // best effort: without it the next sync reads the heads again
    report.requests = m_remote.requestCount() - startRequests;
    return report;
}

Result<QByteArray> Synchronizer::publicKeyOf(const QString& device)
{
    if (auto it = m_publicKeys.constFind(device); it != m_publicKeys.cend())
        return *it;
    if (auto it = m_newRegistrations.constFind(device); it != m_newRegistrations.cend())
        return *it;
    const RemoteLayout layout(m_start.vaultId);
    auto sealed = m_remote.get(layout.device(device), DeviceRegistration::MaxFileBytes);
    if (!sealed)
        return sealed.error().code == ErrorCode::NotFound
                   ? damaged(QStringLiteral("Device %1 wrote to the sync remote but is not registered there. Nothing "
                                            "it wrote was taken.")
                                 .arg(device))
                   : sealed.error();
    auto registration = DeviceRegistration::open(m_store.keys, *sealed, device);
    if (!registration)
        return registration.error();
    m_newRegistrations.insert(device, registration->publicKey);
    return registration->publicKey;
}

Result<SignedHead> Synchronizer::fetchHead(const QString& device, QByteArray* bytesOut, bool* cut)
{
    auto bytes = m_remote.get(RemoteLayout(m_start.vaultId).head(device), SignedHead::MaxFileBytes);
    if (!bytes)
        return bytes.error();
    m_headBytesRead += bytes->size();
    if (SignedHead::isCut(*bytes)) {
        if (cut)
            *cut = true;
        return Error{ErrorCode::Failed,
                     QStringLiteral("Device %1's head on the sync remote is only partly written (its upload was cut). "
                                    "Nothing was taken from it; it is whole again after that device syncs.")
                         .arg(device),
                     true};
    }
    auto key = publicKeyOf(device);
    if (!key)
        return key.error();
    auto head = SignedHead::open(*bytes, *key, m_start.vaultId, device);
    if (head && bytesOut)
        *bytesOut = *bytes;
    return head;
}

Result<QHash<QString, Synchronizer::RemoteHead>> Synchronizer::readHeads(SyncCacheData& cache)
{
    const RemoteLayout layout(m_start.vaultId);
    const QString me = m_store.device.id;
    auto listing = m_remote.list(layout.headsDir());
    if (!listing)
        return listing.error();
    QHash<QString, RemoteHead> heads;
    for (const RemoteFile& file : *listing) {
        const QString device = file.name;
        if (!RemoteLayout::isDeviceId(device))
            continue; // a sync tool's conflict copy or temp file, never one of ours
        const QString token = file.changeToken();
        auto cached = cache.heads.constFind(device);
        // The head this device wrote last: the listing shows it for the first time after the push.
        if (device == me && cache.ownHeadPendingSize >= 0 && file.size == cache.ownHeadPendingSize &&
            cached != cache.heads.cend()) {
            heads.insert(device, {file, cached->seq, cached->hash, std::nullopt});
            cache.heads[device].token = token;
            cache.ownHeadPendingSize = -1;
            continue;
        }
        if (cached != cache.heads.cend() && cached->token == token) {
            heads.insert(device, {file, cached->seq, cached->hash, std::nullopt});
            continue;
        }
        QByteArray bytes;
        bool cut = false;
        auto head = fetchHead(device, &bytes, &cut);
        if (!head && cut) {
            // Written in place by a server that stores a PUT as it comes (rclone), and cut: go on
            // from what this device knew of it, and read it again next time.
            m_cutHeads.append(device);
            if (cached != cache.heads.cend())
                heads.insert(device, {file, cached->seq, cached->hash, std::nullopt, true});
            continue;
        }
        if (!head) {
            if (head.error().code == ErrorCode::NotFound) // replaced between the listing and now
                return Error{ErrorCode::Failed, QStringLiteral("The sync remote changed while it was read; sync again."), true};
            return head.error();
        }
        if (device == me) {
            cache.ownHead = bytes;
            cache.heads.insert(device, {token, head->seq, head->hash});
            cache.ownHeadPendingSize = -1;
        }
        heads.insert(device, {file, head->seq, head->hash, *head});
    }
    return heads;
}

Status Synchronizer::checkPositions(const QHash<QString, RemoteHead>& heads, const SyncCacheData& cache)
{
    const LogHeads& local = m_start.local;
    const LogHeads& seen = m_start.seen;
    const QString me = m_store.device.id;
    for (auto it = heads.cbegin(); it != heads.cend(); ++it) {
        const QString& device = it.key();
        const LogHead here = local.value(device);
        const bool ours = it->seq <= here.seq && recordHash(device, it->seq) == std::optional<QString>(it->hash);
        if (device == me) {
            // Only this device's key signs its head, so one this copy's log does not lead to was
            // written by another copy of it: this one was restored from a backup or copied. It
            // takes an identity of its own first (syncNow), then takes that log in as a former one.
            if (it->seq > here.seq) {
                m_restoredCopy = true;
                continue;
            }
            if (const auto wrote = cache.heads.constFind(me); wrote != cache.heads.cend() && it->seq < wrote->seq)
                return refused(device, it->seq, QStringLiteral("went back to an older copy"));
            if (!ours) { // and written to before it synced: its own records are signed again
                m_restoredCopy = true;
                continue;
            }
        } else if (m_start.former.contains(device) && !ours) {
            // A log this copy wrote as before it became a new device, moved on or forked by the
            // copy it was restored from: pull reads it whole and finds where the two part.
            m_adopting.insert(device);
            continue;
        } else if (const qint64 known = std::max(here.seq, seen.value(device).seq); it->seq < known) {
            return refused(device, it->seq, QStringLiteral("went back to an older copy than this device has seen"));
        }
        if (it->seq <= here.seq && !ours)
            return refused(device, it->seq, QStringLiteral("is not the log this device holds (it was rewritten)"));
    }
    return Ok{};
}

Result<EntryRevision> Synchronizer::revisionOf(const QString& object, const QByteArray& data) const
{
    const VaultKeys& keys = m_store.keys;
    const auto json = crypto::aead::open(keys.subkey(Purpose::Entry).view(), bytesOf(data),
                                         bytesOf(keys.aad(QStringLiteral("entry"))));
    const auto revision = json ? EntryRevision::fromJson(toQByteArray(*json)) : std::nullopt;
    if (!revision)
        return damaged(QStringLiteral("Revision object %1 does not open; nothing was synced.").arg(object));
    return *revision;
}

Result<QMap<QString, AttachmentRef>> Synchronizer::newAttachments(const QMap<QString, EntryRevision>& pushed) const
{
    // A revision outside this push was pushed before (its head read back) or pulled, with its
    // attachment files, from the remote: what it names is there already.
    QSet<QString> there;
    for (const EntryRevision& revision : pushed) {
        QStringList before = revision.merges;
        if (!revision.previous.isEmpty())
            before.prepend(revision.previous);
        for (const QString& object : before) {
            if (pushed.contains(object))
                continue;
            auto data = m_store.db.object(object);
            if (!data)
                continue; // not held here: its attachments are sent, as if new
            auto earlier = revisionOf(object, *data);
            if (!earlier)
                return earlier.error();
            for (const AttachmentRef& a : earlier->attachments)
                there.insert(a.object);
        }
    }
    QMap<QString, AttachmentRef> attachments;
    for (const EntryRevision& revision : pushed)
        for (const AttachmentRef& a : revision.attachments)
            if (!there.contains(a.object))
                attachments.insert(a.object, a);
    return attachments;
}

Status Synchronizer::pull(const QHash<QString, RemoteHead>& heads, SyncReport& report)
{
    const RemoteLayout layout(m_start.vaultId);
    Vault::Store& store = m_store;
    const LogHeads& local = m_start.local;
    const crypto::ByteView logKey = store.keys.subkey(Purpose::LogRecord).view();

    QList<PackRecord> records;
    QMap<QString, QByteArray> objects;            // new revision objects, by id
    QMap<QString, AttachmentRef> attachments;     // new attachment files, by object id
    QSet<QString> devicesIn;
    for (auto it = heads.cbegin(); it != heads.cend(); ++it) {
        const QString& device = it.key();
        const bool adopting = m_adopting.contains(device);
        // A former identity's log is read whole, to find where this copy's part from it.
        const LogHead here = adopting ? LogHead{} : local.value(device);
        if (device == m_store.device.id || it->seq <= here.seq)
            continue;
        std::optional<SignedHead> head = it->head;
        if (!head) { // the cache vouched for it, but its packs are needed now
            auto fetched = fetchHead(device);
            if (!fetched)
                return fetched.error();
            head = *fetched;
        }
        auto key = publicKeyOf(device);
        if (!key)
            return key.error();

        QMap<qint64, PackRecord> bySeq;
        QHash<QString, QByteArray> packObjects;
        QList<PackRange> ranges = head->packs;
        if (head->tail)
            ranges.append(*head->tail);
        for (const PackRange& range : ranges) {
            if (range.last <= here.seq)
                continue;
            const bool inHead = head->tail && range.first == head->tail->first;
            auto bytes = inHead ? Result<QByteArray>(head->tailBytes) : m_remote.get(layout.pack(range.id), MaxPackBytes);
            if (!bytes)
                return bytes.error().code == ErrorCode::NotFound
                           ? Error{ErrorCode::Failed, QStringLiteral("A pack device %1 names is not on the sync remote "
                                                                     "yet; sync again later.").arg(device), true}
                           : bytes.error();
            if (contentAddress(*bytes) != range.id)
                return refused(device, range.first, QStringLiteral("has a pack that is not the one its head names"));
            auto contents = openPack(store.keys, *bytes);
            if (!contents)
                return contents.error();
            if (!inHead) {
                ++report.packsPulled;
                report.bytesPulled += bytes->size();
            }
            for (PackRecord& r : contents->records) {
                if (r.device != device || r.seq < range.first || r.seq > range.last)
                    return refused(device, r.seq, QStringLiteral("has a pack holding records it does not name"));
                if (r.seq > here.seq)
                    bySeq.insert(r.seq, std::move(r));
            }
            for (PackObject& o : contents->objects)
                packObjects.insert(o.id, std::move(o.data));
        }

        // Every record from the one after ours to the signed head: decrypts, is signed by its
        // device, is where it says it is, and chains onto the one before.
        QString previous = here.hash;
        QList<PackRecord> chain;
        QStringList chainHashes; // of seq here.seq + 1 on
        for (qint64 seq = here.seq + 1; seq <= head->seq; ++seq) {
            const auto found = bySeq.constFind(seq);
            if (found == bySeq.cend())
                return refused(device, seq, QStringLiteral("is missing a record"));
            const auto framed = crypto::aead::open(logKey, bytesOf(found->data),
                                                   bytesOf(store.keys.aad(logRecordType(device, seq))));
            const auto signedRecord = framed ? SignedRecord::unframe(toQByteArray(*framed)) : std::nullopt;
            if (!signedRecord || !crypto::signing::verify(bytesOf(*key), bytesOf(signedRecord->payload),
                                                          bytesOf(signedRecord->signature)))
                return refused(device, seq, QStringLiteral("has a record its device did not sign"));
            const auto record = LogRecord::fromPayload(signedRecord->payload);
            if (!record || record->device != device || record->seq != seq || record->previous != previous)
                return refused(device, seq, QStringLiteral("has a record out of its chain"));
            previous = signedRecord->hash();
            chainHashes << previous;
            if (record->op == LogRecord::Op::Put) {
                if (!objects.contains(record->object)) {
                    QByteArray data = packObjects.value(record->object);
                    if (data.isEmpty()) {
                        auto localObject = store.db.object(record->object);
                        if (!localObject)
                            return refused(device, seq, QStringLiteral("names a revision that is not there"));
                    } else {
                        auto revision = revisionOf(record->object, data);
                        if (!revision)
                            return revision.error();
                        for (const AttachmentRef& a : revision->attachments)
                            if (!store.attachments.exists(a.object))
                                attachments.insert(a.object, a);
                        objects.insert(record->object, std::move(data));
                    }
                }
            }
            chain.append(*found);
        }
        if (previous != head->hash)
            return refused(device, head->seq, QStringLiteral("does not end at the record its head names"));
        qint64 keepFrom = here.seq + 1;
        if (adopting) {
            auto orphans = partFrom(device, chainHashes, local.value(device));
            if (!orphans)
                return orphans.error();
            keepFrom = orphans->from;
            m_orphans.append(*orphans);
        }
        for (PackRecord& r : chain)
            if (r.seq >= keepFrom)
                records.append(std::move(r));
        devicesIn.insert(device);
        report.devicesPulled << device;
    }
    if (records.isEmpty() && m_orphans.isEmpty())
        return Ok{};

    // Attachment files first: a record is never committed before the files its entry names.
    for (const AttachmentRef& a : attachments) {
        auto received = pullObject(m_remote, layout, a.object, store.attachments, attachmentFileCap(a.size));
        if (!received)
            return received.error();
        ++report.attachmentsPulled;
        report.bytesPulled += *received;
    }

    if (Status s = store.db.begin(); !s)
        return s;
    Status s = Ok{};
    for (const QString& device : devicesIn)
        if (s && m_newRegistrations.contains(device))
            s = store.db.putDevice({device, m_newRegistrations.value(device), {}});
    for (auto it = objects.cbegin(); s && it != objects.cend(); ++it)
        s = store.db.putObject(it.key(), it.value());
    for (const Orphans& o : m_orphans)
        if (s)
            s = store.db.removeRecordsFrom(o.device, o.from);
    for (const PackRecord& r : records)
        if (s)
            s = store.db.appendRecord({r.device, r.seq, r.data});
    // What only this copy wrote as a former identity, signed again as this device, in the same
    // transaction that replaced it: nothing is ever in neither log.
    LogHead mine = local.value(m_store.device.id);
    QDateTime lastTime = lastRecordTime(m_store.device.id, mine.seq); // its log's time never goes back
    int reissued = 0;
    for (const Orphans& o : m_orphans)
        for (const Orphans::Record& orphan : o.records) {
            if (!s)
                break;
            LogRecord r = orphan.record;
            if (!r.firstSigned)
                r.firstSigned = LogRecord::Origin{r.device, r.seq, orphan.hash};
            if (lastTime.isValid() && r.time < lastTime)
                r.time = lastTime;
            lastTime = r.time;
            r.device = m_store.device.id;
            r.seq = ++mine.seq;
            r.previous = mine.hash;
            const SealedRecord sealed = sealRecord(r, m_store.device, m_store.keys);
            s = store.db.appendRecord(sealed.stored);
            mine.hash = sealed.hash;
            ++reissued;
        }
    if (s)
        s = store.db.commit();
    if (!s) {
        store.db.rollback();
        return s;
    }
    for (const QString& device : devicesIn)
        if (m_newRegistrations.contains(device))
            m_publicKeys.insert(device, m_newRegistrations.take(device));
    report.recordsPulled = int(records.size());
    report.recordsReissued = reissued;
    m_recordsCommitted = report.recordsPulled + reissued;
    if (reissued > 0) // push sends them as this device's
        m_start.local.insert(m_store.device.id, mine);
    return Ok{};
}

QDateTime Synchronizer::lastRecordTime(const QString& device, qint64 seq) const
{
    auto signedRecord = storedRecord(device, seq);
    const auto record = signedRecord && *signedRecord ? LogRecord::fromPayload((*signedRecord)->payload) : std::nullopt;
    return record ? record->time : QDateTime();
}

Result<Synchronizer::Orphans> Synchronizer::partFrom(const QString& device, const QStringList& remoteHashes,
                                                     const LogHead& here) const
{
    // Both logs chain, so they agree up to some seq and differ from there: find it by halves.
    const qint64 common = std::min<qint64>(here.seq, remoteHashes.size());
    qint64 low = 1, high = common + 1;
    while (low < high) {
        const qint64 mid = low + (high - low) / 2;
        if (recordHash(device, mid) == std::optional<QString>(remoteHashes.at(mid - 1)))
            low = mid + 1;
        else
            high = mid;
    }
    Orphans orphans{device, low, {}};
    for (qint64 seq = low; seq <= here.seq; ++seq) {
        auto stored = storedRecord(device, seq);
        if (!stored)
            return stored.error();
        const std::optional<SignedRecord>& signedRecord = *stored;
        const auto record = signedRecord ? LogRecord::fromPayload(signedRecord->payload) : std::nullopt;
        if (!record)
            return damaged(QStringLiteral("Record %1 of device %2 in this vault does not open, so it cannot be synced. "
                                          "Run 'papertrail-cli verify'.")
                               .arg(seq)
                               .arg(device));
        orphans.records.append({*record, signedRecord->hash()});
    }
    return orphans;
}

Status Synchronizer::registerThisDevice(bool markVault)
{
    // Both files are written once: one already there (an earlier try whose reply was lost) stays.
    const QString me = m_store.device.id;
    DeviceRegistration registration{me, toQByteArray(m_store.device.publicKey), m_deviceName, me,
                                    QDateTime::currentDateTimeUtc()};
    QByteArray sealed = registration.seal(m_store.keys);
    QBuffer source(&sealed);
    source.open(QIODevice::ReadOnly);
    if (Status s = m_remote.putImmutable(RemoteLayout(m_start.vaultId).device(me), source, sealed.size()); !s)
        return s;
    if (!markVault)
        return Ok{};
    QByteArray marker = m_start.vaultId.toLatin1();
    QBuffer markerSource(&marker);
    markerSource.open(QIODevice::ReadOnly);
    return m_remote.putImmutable(QStringLiteral("papertrail/vaults/") + m_start.vaultId, markerSource, marker.size());
}

Status Synchronizer::push(const QHash<QString, RemoteHead>& heads, SyncCacheData& cache, SyncReport& report)
{
    const RemoteLayout layout(m_start.vaultId);
    Vault::Store& store = m_store;
    const QString me = m_store.device.id;

    // vault.json, whenever this device's differs from what it last wrote (a passphrase change).
    const QByteArray header = m_start.header;
    if (hashOf(header) != cache.headerHash) {
        if (Status s = m_remote.replace(layout.vaultHeader(), header); !s)
            return s;
        cache.headerHash = hashOf(header);
        report.bytesPushed += header.size();
    }

    const LogHead mine = m_start.local.value(me);
    const auto remoteMine = heads.constFind(me);
    const qint64 remoteSeq = remoteMine == heads.cend() ? 0 : remoteMine->seq;
    if (remoteSeq == 0 && !cache.registered) {
        // Registered and marked before anything is written, so a new vault (or a device just
        // linked) can be linked to and listed before its first entry.
        // A vault another device already synced has its marker (this device was linked from it).
        const bool othersThere = std::any_of(heads.keyBegin(), heads.keyEnd(), [&](const QString& d) { return d != me; });
        if (Status s = registerThisDevice(!othersThere); !s)
            return s;
        cache.registered = true;
    }
    // A head cut on its way up is written again even with nothing new.
    const bool ownHeadCut = m_cutHeads.contains(me);
    if (mine.seq <= remoteSeq && !ownHeadCut)
        return Ok{};

    // The packs already listed in this device's head. Its tail is sent again, with what is new.
    QList<PackRange> packs;
    if (remoteSeq > 0) {
        std::optional<SignedHead> current = remoteMine->head;
        if (!current) {
            auto opened = SignedHead::open(cache.ownHead, toQByteArray(store.device.publicKey), m_start.vaultId, me);
            if (opened && opened->seq == remoteSeq)
                current = *opened;
        }
        if (!current) {
            auto fetched = fetchHead(me);
            if (!fetched)
                return fetched.error();
            current = *fetched;
        }
        packs = current->packs;
    }
    const qint64 firstToSend = packs.isEmpty() ? 1 : packs.last().last + 1;

    // The records from there on and the revisions they name.
    QList<PackItem> items;
    QMap<QString, EntryRevision> revisions; // the ones new in this push, by object id
    for (qint64 seq = firstToSend; seq <= mine.seq; ++seq) {
        auto row = store.db.record(me, seq);
        if (!row)
            return row.error();
        if (!row->has_value())
            return damaged(QStringLiteral("Record %1 of this device's log is missing. Run 'papertrail-cli verify'.").arg(seq));
        const auto framed = crypto::aead::open(store.keys.subkey(Purpose::LogRecord).view(), bytesOf((*row)->data),
                                               bytesOf(store.keys.aad(logRecordType(me, seq))));
        const auto signedRecord = framed ? SignedRecord::unframe(toQByteArray(*framed)) : std::nullopt;
        const auto record = signedRecord ? LogRecord::fromPayload(signedRecord->payload) : std::nullopt;
        if (!record)
            return damaged(QStringLiteral("Record %1 of this device's log does not open. Run 'papertrail-cli verify'.").arg(seq));
        PackItem item{{me, seq, (*row)->data}, std::nullopt};
        if (record->op == LogRecord::Op::Put) {
            auto data = store.db.object(record->object);
            if (!data)
                return data.error();
            item.object = PackObject{record->object, *data};
            if (seq > remoteSeq) {
                auto revision = revisionOf(record->object, *data);
                if (!revision)
                    return revision.error();
                revisions.insert(record->object, *revision);
            }
        }
        items.append(std::move(item));
    }
    auto attachments = newAttachments(revisions);
    if (!attachments)
        return attachments.error();

    // Attachments, then packs, then the head last: a head never names what is not there.
    QList<ObjectFile> files;
    for (const AttachmentRef& a : *attachments)
        if (store.attachments.exists(a.object)) // else purged since: the record that purged it says so
            files.append({a.object, store.attachments.pathOf(a.object)});
    auto sent = pushObjects(m_remote, layout, files, ParallelUploads);
    if (!sent)
        return sent.error();
    report.attachmentsPushed += sent->objects;
    report.bytesPushed += sent->bytes;
    // Then the packs, cut at the target size, or smaller after the remote refused one as too
    // large (a proxy's body limit, 413): that one is cut again, in halves, down to one record.
    SignedHead head{m_start.vaultId, me, mine.seq, mine.hash, packs, std::nullopt, {}, QDateTime::currentDateTimeUtc()};
    qint64 target = cache.packBytes > 0 ? cache.packBytes : PackTargetBytes;
    qsizetype most = items.size(); // records in one pack
    for (qsizetype next = 0; next < items.size();) {
        PackContents contents;
        qint64 bytes = 0;
        qsizetype end = next;
        for (; end < items.size() && end - next < most; ++end) {
            const PackItem& item = items.at(end);
            const qint64 size = item.record.data.size() + (item.object ? item.object->data.size() : 0);
            if (end > next && bytes + size > target)
                break;
            contents.records.append(item.record);
            if (item.object)
                contents.objects.append(*item.object);
            bytes += size;
        }
        QByteArray sealed = sealPack(store.keys, contents);
        const PackRange range{contentAddress(sealed), items.at(next).record.seq, items.at(end - 1).record.seq};
        if (next == 0 && end == items.size() && sealed.size() <= SignedHead::TailMaxBytes) {
            head.tail = range; // small: it rides in the head
            head.tailBytes = sealed;
            break;
        }
        QBuffer source(&sealed);
        source.open(QIODevice::ReadOnly);
        if (Status s = m_remote.putImmutable(layout.pack(range.id), source, sealed.size()); !s) {
            if (!s.error().tooLarge || end - next == 1)
                return s;
            target = std::max<qint64>(1, bytes / 2);
            most = std::max<qsizetype>(1, (end - next) / 2);
            cache.packBytes = target;
            continue;
        }
        head.packs.append(range);
        ++report.packsPushed;
        report.bytesPushed += sealed.size();
        next = end;
    }
    report.recordsPushed += int(mine.seq - remoteSeq);
    const QByteArray file = head.sign(store.device.secretKey);
    if (Status s = m_remote.putMutable(layout.head(me), file); !s)
        return s;
    report.bytesPushed += file.size();
    // Done only once the head reads back as written.
    auto readBack = m_remote.get(layout.head(me), SignedHead::MaxFileBytes);
    if (!readBack)
        return readBack.error();
    if (*readBack != file)
        return Error{ErrorCode::Failed,
                     QStringLiteral("The sync remote did not keep this device's head as it was written; sync again."), true};
    cache.ownHead = file;
    cache.heads.insert(me, {QString(), head.seq, head.hash});
    cache.ownHeadPendingSize = file.size();
    return Ok{};
}

} // namespace pt::core::sync
