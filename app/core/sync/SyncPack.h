#pragma once
// A pack: log records and the entry revision objects they name, batched into one remote file
// (restic-style), so a first sync of 10,000 entries is a handful of requests. Everything inside
// is already ciphertext (the rows of journal.db as they are); the pack is sealed again as a whole
// with subkey 7, so the remote sees one opaque file, named by the SHA-256 of its bytes.
#include "Result.h"
#include "vault/VaultKeys.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace pt::core::sync {

struct PackRecord {
    QString device;
    qint64 seq = 0;
    QByteArray data; // journal.db's log.data: sealed(subkey 3, signature || payload)
};

struct PackObject {
    QString id;      // SHA-256 of data
    QByteArray data; // journal.db's objects.data
};

struct PackContents {
    QList<PackRecord> records;
    QList<PackObject> objects;
};

// A pack is cut when its contents pass this; a pack read from a remote may be at most MaxBytes.
inline constexpr qint64 PackTargetBytes = 8LL * 1024 * 1024;
inline constexpr qint64 MaxPackBytes = 64LL * 1024 * 1024;

[[nodiscard]] QByteArray sealPack(const VaultKeys& keys, const PackContents& contents);
// Opens and parses a pack, refusing (Damaged) anything that is not exactly one we wrote: a wrong
// key or vault, a truncated file, an object whose name is not its hash, a field past its cap.
[[nodiscard]] Result<PackContents> openPack(const VaultKeys& keys, const QByteArray& sealed);
// A content address: hex SHA-256 of the bytes (a pack's name, an object's id).
[[nodiscard]] QString contentAddress(const QByteArray& sealed);

} // namespace pt::core::sync
