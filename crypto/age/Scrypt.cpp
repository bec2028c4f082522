#include "crypto/age/Scrypt.h"

#include "crypto/Random.h"
#include "crypto/age/Base64.h"
#include "crypto/age/FileKey.h"

#include <sodium.h>

#include <algorithm>

namespace pt::crypto::age {

namespace {

constexpr std::string_view SaltLabel = "age-encryption.org/v1/scrypt";

// nullopt when libsodium refuses (it could not allocate 128 * 8 * 2^workFactor bytes).
std::optional<SecureBytes> scryptWrapKey(ByteView passphrase, ByteView salt, int workFactor)
{
    Bytes labelledSalt(SaltLabel.begin(), SaltLabel.end());
    labelledSalt.insert(labelledSalt.end(), salt.begin(), salt.end());
    static const std::uint8_t empty = 0;
    SecureBytes key(WrapKeySize);
    if (crypto_pwhash_scryptsalsa208sha256_ll(passphrase.empty() ? &empty : passphrase.data(),
                                              passphrase.size(), labelledSalt.data(),
                                              labelledSalt.size(), std::uint64_t{1} << workFactor,
                                              8, 1, key.data(), key.size())
        != 0)
        return std::nullopt;
    return key;
}

Status outOfMemory()
{
    return {ErrorCode::Resource, "not enough memory for the passphrase's key derivation (scrypt)"};
}

} // namespace

std::optional<int> parseWorkFactor(std::string_view text)
{
    if (text.empty() || text.size() > 9 || text[0] < '1' || text[0] > '9')
        return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

Status checkScryptStanza(const Stanza& stanza, int maxWorkFactor)
{
    if (stanza.type != ScryptStanzaType)
        return {};
    if (stanza.args.size() != 2)
        return {ErrorCode::Header, "invalid scrypt stanza: it must have a salt and a work factor"};
    const auto salt = base64::decode(stanza.args[0]);
    if (!salt || salt->size() != ScryptSaltSize)
        return {ErrorCode::Header,
                "invalid scrypt stanza: the salt is not 16 bytes in canonical base64"};
    const auto workFactor = parseWorkFactor(stanza.args[1]);
    if (!workFactor)
        return {ErrorCode::Header,
                "invalid scrypt stanza: the work factor is not a plain decimal number"};
    if (*workFactor > maxWorkFactor)
        return {ErrorCode::Header, "the passphrase's work factor " + stanza.args[1]
                                       + " is above the limit of " + std::to_string(maxWorkFactor)};
    if (stanza.body.size() != WrappedFileKeySize)
        return {ErrorCode::Header, "invalid scrypt stanza: the wrapped file key is not 32 bytes"};
    return {};
}

Result<Stanza> ScryptRecipient::wrap(ByteView fileKey) const
{
    if (m_passphrase.empty())
        return Status(ErrorCode::Usage, "the passphrase is empty");
    if (m_workFactor < 1 || m_workFactor > MaxWorkFactor)
        return Status(ErrorCode::Usage, "the scrypt work factor must be 1 to "
                                            + std::to_string(MaxWorkFactor));
    const Bytes salt = randomBytes(ScryptSaltSize);
    const auto wrapKey = scryptWrapKey(m_passphrase.view(), salt, m_workFactor);
    if (!wrapKey)
        return outOfMemory();
    Stanza stanza;
    stanza.type = std::string(ScryptStanzaType);
    stanza.args = {base64::encode(salt), std::to_string(m_workFactor)};
    stanza.body = wrapFileKey(wrapKey->view(), fileKey);
    return stanza;
}

Result<std::optional<SecureBytes>> ScryptIdentity::unwrap(const Stanza& stanza) const
{
    if (stanza.type != ScryptStanzaType)
        return std::optional<SecureBytes>();
    // Capped here too, so no ceiling above what parseWorkFactor allows can overflow the shift.
    const int ceiling = std::clamp(m_maxWorkFactor, 1, 62);
    if (Status invalid = checkScryptStanza(stanza, ceiling); !invalid)
        return invalid;
    const Bytes salt = *base64::decode(stanza.args[0]);
    const auto wrapKey = scryptWrapKey(m_passphrase.view(), salt, *parseWorkFactor(stanza.args[1]));
    if (!wrapKey)
        return outOfMemory();
    return unwrapFileKey(wrapKey->view(), stanza.body);
}

} // namespace pt::crypto::age
