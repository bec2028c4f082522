#pragma once
// One sync of an unlocked vault with a remote (docs/FORMAT.md section 9):
//  1. list heads/ (the only request when nothing is new);
//  2. read the heads whose listing changed, and each new device's registration; refuse a head
//     that is not signed by its registered device, that went back, or that forks from what this
//     device holds;
//  3. pull: fetch the packs past what this device has of each changed device, check every record
//     (decrypts, signature, seq and chain, ends at the signed head) and object (its hash), fetch
//     the attachments their revisions name, and commit it all in one transaction;
//  4. push: this device's new records and their objects, their attachments, then heads/<device>
//     last, read back before the sync counts as done. Records that fit in SignedHead::TailMaxBytes
//     ride in the head as its tail, so one new entry is one upload; more go up in packs.
// Any refusal leaves the local vault as it was. Blocks: the app runs it on a worker thread with
// that thread's own connection to journal.db, from a SyncStart taken on the vault's thread, and
// reloads the journal there afterwards (syncNow does all of it on one thread, for the CLI).
#include "Remote.h"
#include "Result.h"
#include "SyncCache.h"
#include "vault/LogRecord.h"
#include "vault/Vault.h"

#include <QMap>
#include <QSet>
#include <QStringList>

namespace pt::core::sync {

struct SyncReport {
    int requests = 0;
    int recordsPulled = 0;
    int recordsPushed = 0;
    int attachmentsPulled = 0;
    int attachmentsPushed = 0;
    int packsPulled = 0;
    int packsPushed = 0;
    qint64 bytesPulled = 0;
    qint64 bytesPushed = 0;
    QStringList devicesPulled; // devices whose new records came in
    QStringList devicesCut;    // devices whose head was only partly there: read again next sync
    // This copy was restored from a backup or copied (the remote held more of its device's log):
    // it pulled that log and pushed nothing; syncNow gives it an identity of its own.
    bool restoredCopy = false;
    QString formerDevice;      // after syncNow did so: the id it wrote as until now
    // Records only this copy wrote as its former id (written to before it first synced): signed
    // again as itself, each naming where it was first signed.
    int recordsReissued = 0;
};

// What a sync starts from, read on the vault's own thread.
struct SyncStart {
    QString vaultId;
    QByteArray header; // vault.json
    LogHeads local;    // the journal's heads
    LogHeads seen;     // what this device has seen of each device (SeenHeads)
    QStringList former; // ids this copy wrote as before it became a new device (Vault::formerDevices)

    [[nodiscard]] static SyncStart of(const Vault& vault);
};

class Synchronizer final {
public:
    // `store` may hold another thread's connection to journal.db. `deviceName` is how this device
    // is listed to the others ("Pixel 8").
    Synchronizer(Vault::Store store, SyncStart start, Remote& remote, SyncCache cache, QString deviceName);

    // After records came in, the caller reloads the vault (Vault::reload).
    [[nodiscard]] Result<SyncReport> run();
    // The records the last run() committed to journal.db. A push that fails after its pull
    // committed still leaves these in: the caller reloads for them too, or the journal would be
    // stale and the next sync would pull them again.
    [[nodiscard]] int recordsCommitted() const { return m_recordsCommitted; }

private:
    struct RemoteHead;
    struct Pulled;

    [[nodiscard]] Result<QHash<QString, RemoteHead>> readHeads(SyncCacheData& cache);
    [[nodiscard]] Status checkPositions(const QHash<QString, RemoteHead>& heads, const SyncCacheData& cache);
    [[nodiscard]] Status pull(const QHash<QString, RemoteHead>& heads, SyncReport& report);
    [[nodiscard]] Status push(const QHash<QString, RemoteHead>& heads, SyncCacheData& cache, SyncReport& report);
    // devices/<this device>, and with `markVault` the papertrail/vaults/<id> marker.
    [[nodiscard]] Status registerThisDevice(bool markVault);
    [[nodiscard]] Result<QByteArray> publicKeyOf(const QString& device);
    // heads/<device>, read and checked against its registered key; `bytes` gets the file. A head
    // only partly there (SignedHead::isCut) is a transient error, and sets `cut`.
    [[nodiscard]] Result<SignedHead> fetchHead(const QString& device, QByteArray* bytes = nullptr, bool* cut = nullptr);
    [[nodiscard]] Result<EntryRevision> revisionOf(const QString& object, const QByteArray& data) const;
    // The attachments the revisions in `pushed` name that are not on the remote yet: an edit
    // keeps its entry's attachments, which went up with the revision it follows.
    [[nodiscard]] Result<QMap<QString, AttachmentRef>> newAttachments(const QMap<QString, EntryRevision>& pushed) const;
    // The signed record at `seq` of `device`'s log here; nullopt when there is none or it does not
    // open, an error when journal.db cannot be read.
    [[nodiscard]] Result<std::optional<SignedRecord>> storedRecord(const QString& device, qint64 seq) const;
    [[nodiscard]] std::optional<QString> recordHash(const QString& device, qint64 seq) const;
    // A former identity's log here, against the remote's (the hashes of its records from seq 1):
    // where the two part, and the records from there on that only this copy holds.
    struct Orphans {
        QString device;
        qint64 from = 1;
        struct Record {
            LogRecord record;
            QString hash;
        };
        QList<Record> records;
    };
    [[nodiscard]] QDateTime lastRecordTime(const QString& device, qint64 seq) const;
    [[nodiscard]] Result<Orphans> partFrom(const QString& device, const QStringList& remoteHashes, const LogHead& here) const;

    Vault::Store m_store;
    SyncStart m_start;
    Remote& m_remote;
    SyncCache m_cache;
    QString m_deviceName;
    QHash<QString, QByteArray> m_publicKeys;      // devices known locally
    QHash<QString, QByteArray> m_newRegistrations; // devices first seen in this sync
    QStringList m_cutHeads;                        // devices whose head was cut, this one too
    qint64 m_headBytesRead = 0;
    bool m_restoredCopy = false;
    QSet<QString> m_adopting;  // former identities whose remote log moved on or forked
    QList<Orphans> m_orphans;  // their records only this copy holds, to sign again as this device
    int m_recordsCommitted = 0;
};

// A sync on the vault's own thread, through a RetryingRemote, reloading the journal when records
// came in (even when the push after them failed).
[[nodiscard]] Result<SyncReport> syncNow(Vault& vault, Remote& remote, SyncCache cache, const QString& deviceName);

} // namespace pt::core::sync
