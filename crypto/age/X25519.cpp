#include "crypto/age/X25519.h"

#include "crypto/Bech32.h"
#include "crypto/Hkdf.h"
#include "crypto/Random.h"
#include "crypto/age/Base64.h"
#include "crypto/age/FileKey.h"

#include <sodium.h>

#include <algorithm>

namespace pt::crypto::age {

namespace {

constexpr std::string_view RecipientHrp = "age";
constexpr std::string_view IdentityHrp = "age-secret-key-"; // lower case, as bech32 returns it
constexpr std::string_view WrapInfo = "age-encryption.org/v1/X25519";
// Bech32 for age has no length limit; 32-byte keys are far below this one anyway.
constexpr std::size_t MaxBech32Length = 256;

static_assert(crypto_scalarmult_BYTES == X25519KeySize);
static_assert(crypto_scalarmult_SCALARBYTES == X25519KeySize);

// wrap key = HKDF-SHA-256(ikm = shared secret, salt = share || recipient, info)
SecureBytes wrapKeyFor(ByteView sharedSecret, ByteView share, ByteView recipient)
{
    Bytes salt(share.begin(), share.end());
    salt.insert(salt.end(), recipient.begin(), recipient.end());
    return hkdf::derive(salt, sharedSecret, view(WrapInfo), WrapKeySize);
}

// X25519(scalar, point); nullopt when the result is all zeros (a low-order point).
std::optional<SecureBytes> sharedSecret(ByteView scalar, ByteView point)
{
    SecureBytes out(X25519KeySize);
    if (crypto_scalarmult(out.data(), scalar.data(), point.data()) != 0
        || sodium_is_zero(out.data(), out.size()))
        return std::nullopt;
    return out;
}

} // namespace

std::optional<X25519Recipient> X25519Recipient::parse(std::string_view text)
{
    const auto decoded = bech32::decode(text, MaxBech32Length);
    if (!decoded || decoded->hrp != RecipientHrp || decoded->data.size() != X25519KeySize)
        return std::nullopt;
    X25519PublicKey key{};
    std::copy(decoded->data.begin(), decoded->data.end(), key.begin());
    return X25519Recipient(key);
}

std::string X25519Recipient::toString() const
{
    return bech32::encode(RecipientHrp, m_publicKey);
}

std::optional<Stanza> X25519Recipient::wrap(ByteView fileKey) const
{
    const SecureBytes ephemeral = randomSecret(X25519KeySize);
    X25519PublicKey share{};
    crypto_scalarmult_base(share.data(), ephemeral.data());
    const auto shared = sharedSecret(ephemeral.view(), m_publicKey);
    if (!shared)
        return std::nullopt;
    const SecureBytes wrapKey = wrapKeyFor(shared->view(), share, m_publicKey);
    Stanza stanza;
    stanza.type = std::string(X25519StanzaType);
    stanza.args.push_back(base64::encode(share));
    stanza.body = wrapFileKey(wrapKey.view(), fileKey);
    return stanza;
}

X25519Identity::X25519Identity(SecureBytes secret) : m_secret(std::move(secret))
{
    crypto_scalarmult_base(m_publicKey.data(), m_secret.data());
}

X25519Identity X25519Identity::generate()
{
    return X25519Identity(randomSecret(X25519KeySize));
}

std::optional<X25519Identity> X25519Identity::fromSecret(ByteView secret)
{
    if (secret.size() != X25519KeySize)
        return std::nullopt;
    return X25519Identity(SecureBytes::copyOf(secret));
}

std::optional<X25519Identity> X25519Identity::parse(std::string_view text)
{
    auto decoded = bech32::decode(text, MaxBech32Length);
    if (!decoded)
        return std::nullopt;
    std::optional<X25519Identity> identity;
    if (decoded->hrp == IdentityHrp && decoded->data.size() == X25519KeySize)
        identity = X25519Identity(SecureBytes::copyOf(decoded->data));
    sodium_memzero(decoded->data.data(), decoded->data.size());
    return identity;
}

SecureBytes X25519Identity::toString() const
{
    std::string lower = bech32::encode(IdentityHrp, m_secret.view());
    SecureBytes out(lower.size());
    std::transform(lower.begin(), lower.end(), out.data(), [](char c) {
        return static_cast<std::uint8_t>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    });
    sodium_memzero(lower.data(), lower.size());
    return out;
}

Status checkX25519Stanza(const Stanza& stanza)
{
    if (stanza.type != X25519StanzaType)
        return {};
    if (stanza.args.size() != 1)
        return {ErrorCode::Header, "invalid X25519 stanza: it must have exactly one share"};
    const auto share = base64::decode(stanza.args[0]);
    if (!share || share->size() != X25519KeySize)
        return {ErrorCode::Header,
                "invalid X25519 stanza: the share is not 32 bytes in canonical base64"};
    if (stanza.body.size() != WrappedFileKeySize)
        return {ErrorCode::Header, "invalid X25519 stanza: the wrapped file key is not 32 bytes"};
    return {};
}

Result<std::optional<SecureBytes>> X25519Identity::unwrap(const Stanza& stanza) const
{
    if (stanza.type != X25519StanzaType)
        return std::optional<SecureBytes>();
    if (Status invalid = checkX25519Stanza(stanza); !invalid)
        return invalid;
    const Bytes share = *base64::decode(stanza.args[0]);
    const auto shared = sharedSecret(m_secret.view(), share);
    if (!shared)
        return Status(ErrorCode::Header, "invalid X25519 stanza: the share is a low-order point");
    const SecureBytes wrapKey = wrapKeyFor(shared->view(), share, m_publicKey);
    return unwrapFileKey(wrapKey.view(), stanza.body);
}

} // namespace pt::crypto::age
