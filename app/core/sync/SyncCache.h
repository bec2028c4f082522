#pragma once
// What this device remembers of a remote between syncs, so a sync with nothing new is one
// listing: each device's head as last read (the listing's change token, seq and hash) and this
// device's own head file as last written. Nothing in it is secret or trusted for safety: losing
// it costs a few extra requests, and rollback checks rest on SeenHeads and the journal itself.
// <config folder>/papertrail/sync/<vault id>.json
#include "Result.h"
#include "SignedHead.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace pt::core::sync {

struct CachedHead {
    QString token; // RemoteFile::changeToken of the listing it was read from
    qint64 seq = 0;
    QString hash;
};

struct SyncCacheData {
    QString remote;                  // Remote::describe(): another remote starts afresh
    QString device;                  // the device id the rest is this device's own state for
    QHash<QString, CachedHead> heads; // by device
    QByteArray ownHead;              // the signed heads/<device> file this device wrote last
    qint64 ownHeadPendingSize = -1;  // its size, until a listing shows its token
    QString headerHash;              // SHA-256 of the vault.json last written to the remote
    bool registered = false;         // devices/<this device> and the vault marker are written
    qint64 packBytes = 0;            // packs are cut at this after the remote refused one as too
                                     // large (413); 0: PackTargetBytes
};

class SyncCache final {
public:
    explicit SyncCache(QString path) : m_path(std::move(path)) {}
    [[nodiscard]] static SyncCache forVault(const QString& vaultId);

    // A missing or unreadable file is an empty cache for `remote`.
    [[nodiscard]] SyncCacheData load(const QString& remote) const;
    [[nodiscard]] Status save(const SyncCacheData& data) const;
    [[nodiscard]] const QString& path() const { return m_path; }

private:
    QString m_path;
};

} // namespace pt::core::sync
