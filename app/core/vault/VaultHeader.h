#pragma once
// vault.json: format version, vault id, KDF parameters and the wrapped vault keys.
// Nothing personal lives here; it is synced as-is.
#include "Result.h"
#include "crypto/PasswordHash.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pt::core {

struct VaultHeader {
    // 2 binds the KDF parameters into the passphrase wrap's associated data; 1 is still read.
    static constexpr int FormatVersion = 2;
    static constexpr qint64 MaxFileSize = 64 * 1024;

    int version = FormatVersion;
    QString vaultId;       // UUID without braces
    QDateTime createdAt;   // UTC
    crypto::Bytes kdfSalt; // 16 bytes
    crypto::pwhash::Params kdfParams;
    crypto::Bytes passphraseWrap; // aead::seal(argon2id(passphrase), K, aad passphraseWrapType())
    crypto::Bytes recoveryWrap;   // aead::seal(hkdf(recovery key), K, aad "wrap-recovery")

    // "wrap-passphrase/argon2id13/<ops>/<memory>" (version 1: "wrap-passphrase").
    [[nodiscard]] QString passphraseWrapType() const;

    [[nodiscard]] QByteArray toJson() const;
    // Refuses KDF parameters outside kdf::check (a weakened header never unlocks).
    [[nodiscard]] static Result<VaultHeader> fromJson(const QByteArray& json);

    [[nodiscard]] static Result<VaultHeader> load(const QString& vaultDir);
    [[nodiscard]] Status save(const QString& vaultDir) const; // atomic replace
};

QString headerPath(const QString& vaultDir);

} // namespace pt::core
