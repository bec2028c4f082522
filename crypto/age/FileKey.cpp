#include "crypto/age/FileKey.h"

#include "crypto/Random.h"

#include <sodium.h>

#include <array>

namespace pt::crypto::age {

namespace {
constexpr std::array<std::uint8_t, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> ZeroNonce{};
static_assert(crypto_aead_chacha20poly1305_ietf_KEYBYTES == WrapKeySize);
static_assert(crypto_aead_chacha20poly1305_ietf_ABYTES == WrappedFileKeySize - FileKeySize);
} // namespace

SecureBytes generateFileKey()
{
    return randomSecret(FileKeySize);
}

Bytes wrapFileKey(ByteView wrapKey, ByteView fileKey)
{
    if (wrapKey.size() != WrapKeySize || fileKey.size() != FileKeySize)
        return {}; // callers pass fixed sizes; an empty body never unwraps
    Bytes body(WrappedFileKeySize);
    unsigned long long length = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(body.data(), &length, fileKey.data(), fileKey.size(),
                                              nullptr, 0, nullptr, ZeroNonce.data(),
                                              wrapKey.data());
    return body;
}

std::optional<SecureBytes> unwrapFileKey(ByteView wrapKey, ByteView body)
{
    if (wrapKey.size() != WrapKeySize || body.size() != WrappedFileKeySize)
        return std::nullopt;
    SecureBytes fileKey(FileKeySize);
    unsigned long long length = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(fileKey.data(), &length, nullptr, body.data(),
                                                  body.size(), nullptr, 0, ZeroNonce.data(),
                                                  wrapKey.data())
        != 0)
        return std::nullopt;
    return fileKey;
}

} // namespace pt::crypto::age
