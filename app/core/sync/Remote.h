#pragma once
// Storage the person owns, as sync sees it: a few files under one root, read and written whole.
// Implementations: FolderRemote (any directory) and WebDavRemote (Nextcloud, Apache mod_dav,
// rclone, a NAS). Sync runs on a worker thread, so every call blocks until it is done.
//
// Everything a remote returns may have been written by someone hostile: callers check names,
// sizes, hashes and signatures themselves. Paths are relative to the remote's root, '/'-separated,
// made only of [A-Za-z0-9._-] segments (the sync layout's own names; see isSafeRemotePath).
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QString>

#include <memory>

namespace pt::core::sync {

struct RemoteFile {
    QString name;          // the last path segment
    qint64 size = -1;      // -1 when the listing did not say
    QString etag;          // empty when the server lists none
    QDateTime modified;    // the server's clock: only compared with itself, never trusted as time

    // What tells a changed file from an unchanged one without reading it: the ETag where there
    // is one, else size and modification time.
    [[nodiscard]] QString changeToken() const;
};

class Remote {
public:
    virtual ~Remote() = default;

    // For messages: "the folder /media/usb/journal", "https://cloud.example.org/remote.php/dav/...".
    [[nodiscard]] virtual QString describe() const = 0;

    // The files (not folders) directly in `dir`; a folder that does not exist is an empty list.
    // One request. Names that are not safe path segments are left out.
    [[nodiscard]] virtual Result<QList<RemoteFile>> list(const QString& dir) = 0;

    // A file's bytes; more than `maxBytes` is refused as damage (the caller's cap for that kind of
    // file) without reading it all. A file that does not exist is ErrorCode::NotFound.
    [[nodiscard]] virtual Result<QByteArray> get(const QString& path, qint64 maxBytes) = 0;
    // The same, streamed into `sink` (attachments of any size in bounded memory).
    [[nodiscard]] virtual Status getTo(const QString& path, QIODevice& sink, qint64 maxBytes) = 0;

    // Writes a content-addressed file: its name is the hash of its bytes, so one already there is
    // the same file and the write succeeds without replacing it. Creates missing folders. A reader
    // never sees a half-written file under the final name, or checks the hash when it reads.
    [[nodiscard]] virtual Status putImmutable(const QString& path, QIODevice& source, qint64 size) = 0;
    // Replaces a file only this device ever writes, whose reader tells a cut copy from a whole
    // one (heads/<device>: SignedHead::isCut). One request: a server may store it as it comes.
    [[nodiscard]] virtual Status putMutable(const QString& path, const QByteArray& bytes) = 0;
    // The same for a file whose reader cannot tell (vault.json): never seen half written.
    [[nodiscard]] virtual Status replace(const QString& path, const QByteArray& bytes) = 0;
    // Removes a file; one already gone is success.
    [[nodiscard]] virtual Status remove(const QString& path) = 0;

    // The largest body this remote sends in one request: a larger attachment goes up in parts
    // (ObjectTransfer, FORMAT.md section 9). 0: no limit (a folder).
    [[nodiscard]] virtual qint64 partBytes() const { return 0; }

    // Another remote on the same storage with the same settings, for another thread, counting
    // its requests into this one's requestCount: attachments go up side by side through these
    // (ObjectTransfer), as a server that spends a core on each upload sends faster so. nullptr
    // where nothing is gained (a folder, whose disk is the limit).
    [[nodiscard]] virtual std::unique_ptr<Remote> clone() const { return nullptr; }

    // Requests made so far (a folder counts each operation as one): the sync budgets are in these.
    [[nodiscard]] virtual int requestCount() const = 0;
};

// Path segments of the sync layout only: no "..", no absolute paths, no backslashes.
[[nodiscard]] bool isSafeRemotePath(const QString& path);

} // namespace pt::core::sync
