#include "RecoveryKey.h"

#include "crypto/Bech32.h"
#include "crypto/Hkdf.h"

namespace pt::core::recovery {

QString encode(const crypto::SecureBytes& key)
{
    return QString::fromStdString(crypto::bech32::encode(Hrp, key.view()));
}

std::optional<crypto::SecureBytes> decode(const QString& text)
{
    QString cleaned;
    for (const QChar c : text)
        if (!c.isSpace() && c != QLatin1Char('-'))
            cleaned.append(c);
    auto decoded = crypto::bech32::decode(cleaned.toStdString());
    if (!decoded || decoded->hrp != Hrp || decoded->data.size() != 32)
        return std::nullopt;
    auto key = crypto::SecureBytes::copyOf(decoded->data);
    std::fill(decoded->data.begin(), decoded->data.end(), 0);
    return key;
}

crypto::SecureBytes wrappingKey(const crypto::SecureBytes& recoveryKey, const QString& vaultId)
{
    const std::string info = "papertrail recovery key wrap " + vaultId.toStdString();
    return crypto::hkdf::derive({}, recoveryKey.view(), crypto::view(info), 32);
}

} // namespace pt::core::recovery
