#include "VaultKeys.h"

#include "crypto/Bytes.h"
#include "crypto/Kdf.h"
#include "crypto/Sha256.h"

namespace pt::core {

namespace {
constexpr auto KdfContext = "ptvault1";
}

QByteArray associatedData(const QString& vaultId, const QString& objectType)
{
    return QByteArrayLiteral("papertrail/1/") + vaultId.toLatin1() + '/' + objectType.toLatin1();
}

VaultKeys::VaultKeys(QString vaultId, crypto::SecureBytes vaultKey)
    : m_vaultId(std::move(vaultId)), m_vaultKey(std::move(vaultKey))
{
    for (std::uint64_t id = 1; id <= PurposeCount; ++id)
        m_subkeys[id - 1] = crypto::deriveSubkey(m_vaultKey, id, KdfContext);
}

const crypto::SecureBytes& VaultKeys::subkey(Purpose purpose) const
{
    return m_subkeys[static_cast<std::uint64_t>(purpose) - 1];
}

QByteArray VaultKeys::aad(const QString& objectType) const { return associatedData(m_vaultId, objectType); }

QString hexSha256(const QByteArray& data)
{
    return QString::fromStdString(crypto::toHex(crypto::Sha256::hash(bytesOf(data))));
}

} // namespace pt::core
