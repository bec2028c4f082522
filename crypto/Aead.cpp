#include "crypto/Aead.h"

#include <sodium.h>

#include <stdexcept>

namespace pt::crypto::aead {

static_assert(KeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(NonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(TagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

namespace {

// Encrypts into out, which holds plaintext.size() + TagSize bytes. Wrong key/nonce sizes are
// programming errors on the encrypting side.
void encryptInto(ByteView key, const std::uint8_t* nonce, ByteView plaintext, ByteView aad,
                 std::uint8_t* out)
{
    if (key.size() != KeySize)
        throw std::invalid_argument("aead: key must be 32 bytes");
    if (plaintext.size() > crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX)
        throw std::length_error("aead: plaintext too long");
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out, &written, plaintext.data(), plaintext.size(),
                                               aad.data(), aad.size(), nullptr, nonce, key.data());
}

// Decrypts into out, which holds ciphertextAndTag.size() - TagSize bytes; sizes already checked.
bool decryptInto(ByteView key, const std::uint8_t* nonce, ByteView ciphertextAndTag, ByteView aad,
                 std::uint8_t* out)
{
    unsigned long long written = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(out, &written, nullptr,
                                                      ciphertextAndTag.data(),
                                                      ciphertextAndTag.size(), aad.data(),
                                                      aad.size(), nonce, key.data())
        == 0;
}

bool sizesOk(ByteView key, std::size_t nonceSize, ByteView ciphertextAndTag)
{
    return key.size() == KeySize && nonceSize == NonceSize && ciphertextAndTag.size() >= TagSize;
}

} // namespace

Bytes encrypt(ByteView key, ByteView nonce, ByteView plaintext, ByteView aad)
{
    if (nonce.size() != NonceSize)
        throw std::invalid_argument("aead: nonce must be 24 bytes");
    Bytes out(plaintext.size() + TagSize);
    encryptInto(key, nonce.data(), plaintext, aad, out.data());
    return out;
}

std::optional<Bytes> decrypt(ByteView key, ByteView nonce, ByteView ciphertextAndTag, ByteView aad)
{
    if (!sizesOk(key, nonce.size(), ciphertextAndTag))
        return std::nullopt;
    Bytes out(ciphertextAndTag.size() - TagSize);
    if (!decryptInto(key, nonce.data(), ciphertextAndTag, aad, out.data()))
        return std::nullopt;
    return out;
}

Bytes seal(ByteView key, ByteView plaintext, ByteView aad)
{
    Bytes out(NonceSize + plaintext.size() + TagSize);
    randombytes_buf(out.data(), NonceSize);
    encryptInto(key, out.data(), plaintext, aad, out.data() + NonceSize);
    return out;
}

std::optional<Bytes> open(ByteView key, ByteView sealed, ByteView aad)
{
    if (sealed.size() < NonceSize + TagSize)
        return std::nullopt;
    return decrypt(key, sealed.first(NonceSize), sealed.subspan(NonceSize), aad);
}

std::optional<SecureBytes> openSecret(ByteView key, ByteView sealed, ByteView aad)
{
    if (sealed.size() < NonceSize + TagSize)
        return std::nullopt;
    const ByteView body = sealed.subspan(NonceSize);
    if (!sizesOk(key, NonceSize, body))
        return std::nullopt;
    SecureBytes out(body.size() - TagSize);
    if (!decryptInto(key, sealed.data(), body, aad, out.data()))
        return std::nullopt; // libsodium already zeroed out; its destructor frees it
    return out;
}

} // namespace pt::crypto::aead
