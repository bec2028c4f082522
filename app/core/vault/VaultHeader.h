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
    static constexpr int FormatVersion = 1;

    QString vaultId;       // UUID without braces
    QDateTime createdAt;   // UTC
    crypto::Bytes kdfSalt; // 16 bytes
    crypto::pwhash::Params kdfParams;
    crypto::Bytes passphraseWrap; // aead::seal(argon2id(passphrase), K, aad "wrap-passphrase")
    crypto::Bytes recoveryWrap;   // aead::seal(hkdf(recovery key), K, aad "wrap-recovery")

    [[nodiscard]] QByteArray toJson() const;
    [[nodiscard]] static Result<VaultHeader> fromJson(const QByteArray& json);

    [[nodiscard]] static Result<VaultHeader> load(const QString& vaultDir);
    [[nodiscard]] Status save(const QString& vaultDir) const; // atomic replace
};

QString headerPath(const QString& vaultDir);

} // namespace pt::core
