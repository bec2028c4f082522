#pragma once
// heads/<device>: where a device's log stands on the remote, written only by that device and
// signed with its Ed25519 key. It names the newest record (seq and the SHA-256 of its payload,
// the same hash the next record would name) and the packs that hold the log, each with the
// range of seqs it carries, so a puller fetches only the packs past what it has. The newest
// records ride in the head itself as its tail (one small pack, at most TailMaxBytes), so one new
// entry costs one upload, not a pack and a head.
//
// File (format 2): u32 big-endian payload length || signature (64 bytes) || payload || tail,
// the payload compact JSON with sorted keys, the signature over the payload, which names the
// tail's size and SHA-256. A file shorter than that is an upload still on its way or cut.
#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace pt::core::sync {

struct PackRange {
    QString id; // SHA-256 of the sealed pack
    qint64 first = 0;
    qint64 last = 0;
};

struct SignedHead {
    static constexpr int FormatVersion = 2;
    static constexpr qint64 MaxFileBytes = 1024 * 1024;
    // A tail larger than this goes up as a pack of its own instead.
    static constexpr qint64 TailMaxBytes = 64 * 1024;

    QString vault;
    QString device;
    qint64 seq = 0;
    QString hash;                  // of the record at seq
    QList<PackRange> packs;        // cover 1.. in order, without gaps or overlaps
    std::optional<PackRange> tail; // covers the rest to seq; its bytes are in the head
    QByteArray tailBytes;          // a sealed pack (SyncPack), named by tail->id
    QDateTime writtenAt;           // the device's clock; shown, never trusted for ordering

    [[nodiscard]] QByteArray payload() const;
    [[nodiscard]] QByteArray sign(const crypto::SecureBytes& secretKey) const;
    // Checks the signature with `publicKey`, then that the payload is one strictly formed head
    // of `vault` and `device` and the tail the one it names. Damaged, naming the device,
    // otherwise.
    [[nodiscard]] static Result<SignedHead> open(const QByteArray& file, const QByteArray& publicKey,
                                                 const QString& vault, const QString& device);
    // Shorter than it says it is: an upload cut half way (or still on its way). Nothing in it is
    // taken; its device writes it whole at its next sync.
    [[nodiscard]] static bool isCut(const QByteArray& file);
};

} // namespace pt::core::sync
