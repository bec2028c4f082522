#include "crypto/Signing.h"

#include <sodium.h>

#include <stdexcept>

namespace pt::crypto::signing {

static_assert(PublicKeySize == crypto_sign_PUBLICKEYBYTES);
static_assert(SecretKeySize == crypto_sign_SECRETKEYBYTES);
static_assert(SeedSize == crypto_sign_SEEDBYTES);
static_assert(SignatureSize == crypto_sign_BYTES);

KeyPair generate()
{
    KeyPair kp{Bytes(PublicKeySize), SecureBytes(SecretKeySize)};
    crypto_sign_keypair(kp.publicKey.data(), kp.secretKey.data());
    return kp;
}

KeyPair fromSeed(ByteView seed)
{
    if (seed.size() != SeedSize)
        throw std::invalid_argument("signing: seed must be 32 bytes");
    KeyPair kp{Bytes(PublicKeySize), SecureBytes(SecretKeySize)};
    crypto_sign_seed_keypair(kp.publicKey.data(), kp.secretKey.data(), seed.data());
    return kp;
}

Bytes sign(const SecureBytes& secretKey, ByteView message)
{
    if (secretKey.size() != SecretKeySize)
        throw std::invalid_argument("signing: secret key must be 64 bytes");
    Bytes signature(SignatureSize);
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(),
                         secretKey.data());
    return signature;
}

bool verify(ByteView publicKey, ByteView message, ByteView signature)
{
    if (publicKey.size() != PublicKeySize || signature.size() != SignatureSize)
        return false;
    return crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                       publicKey.data())
        == 0;
}

} // namespace pt::crypto::signing
