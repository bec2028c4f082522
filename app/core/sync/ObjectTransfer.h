#pragma once
// Attachment files to and from a sync remote (docs/FORMAT.md section 9), streamed both ways in
// bounded memory. A file goes up whole to objects/aa/<object> unless it is larger than the
// remote's part size (Remote::partBytes), or the remote refused it whole as too large (a 413,
// often from a proxy): then it goes up in parts, parts/<object>/<sha256> each, and last the
// manifest objects/aa/<object>.parts naming them, so a reader never finds a manifest before its
// parts, nor anything but a whole file under the whole name. A part refused as too large is sent
// again in parts half its size, down to MinPartBytes.
//
// A reader takes the whole file when it is there, else the parts the manifest names; each part
// must hash to its name, and what the store adopts must hash to the object id, so nothing a
// remote holds can pass for another file.
#include "Remote.h"
#include "RemoteLayout.h"
#include "Result.h"
#include "vault/AttachmentStore.h"

#include <QIODevice>
#include <QList>
#include <QString>

namespace pt::core::sync {

// The smallest part sent after a 413; a server refusing that is refused for good.
inline constexpr qint64 MinPartBytes = 256 * 1024;

// Sends the object's encrypted file `file` (seekable, `size` bytes, read from its start).
// Returns the bytes sent: fewer than `size` when parts from a try that was cut were there.
[[nodiscard]] Result<qint64> pushObject(Remote& remote, const RemoteLayout& layout, const QString& object,
                                        QIODevice& file, qint64 size);

// An attachment's encrypted file to send: its object id and where it is in the vault.
struct ObjectFile {
    QString object;
    QString path;
};

struct ObjectsPushed {
    int objects = 0;
    qint64 bytes = 0;
};

// Sends each file with pushObject, `concurrency` at a time where the remote has clones
// (Remote::clone), the others on threads of their own. Each file is opened without following a
// link. Stops at the first error (the uploads under way end first) and returns it.
[[nodiscard]] Result<ObjectsPushed> pushObjects(Remote& remote, const RemoteLayout& layout,
                                                const QList<ObjectFile>& files, int concurrency);

// Brings the object into `store` (AttachmentStore::adopt) unless it is there; at most
// `maxBytes`. Returns the bytes received.
[[nodiscard]] Result<qint64> pullObject(Remote& remote, const RemoteLayout& layout, const QString& object,
                                        AttachmentStore& store, qint64 maxBytes);

} // namespace pt::core::sync
