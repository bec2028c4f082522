#pragma once
// One record of a device's append-only log. The payload is canonical JSON; the device signs the
// payload bytes with Ed25519, and the next record names the SHA-256 of those bytes, so a chain
// exported as (payload, signature) pairs can be checked with the public key alone.
#include "crypto/Bytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace pt::core {

struct PurgedObject {
    QString object; // the removed object's id (SHA-256 of its ciphertext)
    QString sha256; // for attachments, the SHA-256 of the original bytes; else empty
};

struct LogRecord {
    static constexpr int FormatVersion = 1;
    enum class Op { Put, Tombstone, Purge, Revoke };

    QString device;
    qint64 seq = 1;
    QString previous;   // hex SHA-256 of the previous record's payload; empty for seq 1
    QDateTime time;     // UTC; never earlier than the previous record's time
    QDateTime clockWas; // set only when the device clock read earlier than `time`
    Op op = Op::Put;
    QString entryId;
    int revision = 0;   // Put; Tombstone: of the revision it deleted (0 in records written before)
    QString object;     // Put: the entry revision object; Tombstone: the one it deleted, or empty
    QList<PurgedObject> purged; // Purge
    // Revoke (a lost or stolen device): its records after `revokedAfter` are refused. No entry.
    QString revokedDevice;
    qint64 revokedAfter = 0;
    // Set on a record signed again by a copy that became a new device (a copy restored from a
    // backup and written to before it synced): where the record was first signed. Its time and
    // clock are the first record's.
    struct Origin {
        QString device;
        qint64 seq = 0;
        QString record; // hex SHA-256 of the first record's payload
    };
    std::optional<Origin> firstSigned;

    [[nodiscard]] QByteArray payload() const;
    [[nodiscard]] static std::optional<LogRecord> fromPayload(const QByteArray& payload);
};

// The signed form: signature (64 bytes) followed by the payload. This is the plaintext that gets
// encrypted into journal.db.
struct SignedRecord {
    QByteArray payload;
    QByteArray signature;

    [[nodiscard]] QByteArray frame() const { return signature + payload; }
    [[nodiscard]] static std::optional<SignedRecord> unframe(const QByteArray& framed);
    [[nodiscard]] QString hash() const; // hex SHA-256 of payload: what the next record names
};

QString opName(LogRecord::Op op);

} // namespace pt::core
