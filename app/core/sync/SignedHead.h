#pragma once
// heads/<device>: where a device's log stands on the remote, written only by that device and
// signed with its Ed25519 key. It names the newest record (seq and the SHA-256 of its payload,
// the same hash the next record would name) and the packs that hold the log, each with the
// range of seqs it carries, so a puller fetches only the packs past what it has.
//
// File: signature (64 bytes) || payload, the payload compact JSON with sorted keys.
#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace pt::core::sync {

struct PackRange {
    QString id;
    qint64 first = 0;
    qint64 last = 0;
};

struct SignedHead {
    static constexpr int FormatVersion = 1;
    static constexpr qint64 MaxFileBytes = 1024 * 1024;

    QString vault;
    QString device;
    qint64 seq = 0;
    QString hash;          // of the record at seq
    QList<PackRange> packs; // cover 1..seq in order, without gaps or overlaps
    QDateTime writtenAt;   // the device's clock; shown, never trusted for ordering

    [[nodiscard]] QByteArray payload() const;
    [[nodiscard]] QByteArray sign(const crypto::SecureBytes& secretKey) const;
    // Checks the signature with `publicKey`, then that the payload is one strictly formed head
    // of `vault` and `device`. Damaged, naming the device, otherwise.
    [[nodiscard]] static Result<SignedHead> open(const QByteArray& file, const QByteArray& publicKey,
                                                 const QString& vault, const QString& device);
};

} // namespace pt::core::sync
