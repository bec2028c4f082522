#pragma once
// The vault key K and the subkeys derived from it (crypto_kdf, context "ptvault1"), plus the
// associated data that binds every ciphertext to this vault, its purpose and the format version.
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace pt::core {

enum class Purpose : std::uint64_t {
    Entry = 1,          // entry revision objects
    AttachmentKey = 2,  // wrapping each attachment's random file key
    LogRecord = 3,      // log records
    ExportSigning = 4,  // seed of the export signing key
    DeviceSecret = 5,   // wrapping each device's Ed25519 secret key
    Draft = 6,          // autosaved drafts
    SyncPack = 7,       // packs of records and objects on a sync remote
    DeviceRegistration = 8, // a device's registration on a sync remote
};
inline constexpr std::uint64_t PurposeCount = 8;

class VaultKeys final {
public:
    VaultKeys(QString vaultId, crypto::SecureBytes vaultKey);

    [[nodiscard]] const crypto::SecureBytes& vaultKey() const { return m_vaultKey; }
    [[nodiscard]] const crypto::SecureBytes& subkey(Purpose purpose) const;
    [[nodiscard]] QByteArray aad(const QString& objectType) const;

private:
    QString m_vaultId;
    crypto::SecureBytes m_vaultKey;
    crypto::SecureBytes m_subkeys[PurposeCount];
};

// Associated data for a vault-bound ciphertext: "papertrail/1/<vault id>/<object type>".
QByteArray associatedData(const QString& vaultId, const QString& objectType);

inline crypto::ByteView bytesOf(const QByteArray& b)
{
    return {reinterpret_cast<const std::uint8_t*>(b.constData()), static_cast<std::size_t>(b.size())};
}

// The SHA-256 of `data` in lower-case hex: object ids, and the hashes of original bytes.
QString hexSha256(const QByteArray& data);

inline QByteArray toQByteArray(crypto::ByteView b)
{
    return {reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())};
}

} // namespace pt::core
