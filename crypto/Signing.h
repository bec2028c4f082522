#pragma once
// Ed25519 (RFC 8032), libsodium's crypto_sign_*.
#include "SecureBytes.h"

namespace pt::crypto::signing {

inline constexpr std::size_t PublicKeySize = 32;
inline constexpr std::size_t SecretKeySize = 64; // libsodium layout: seed || public key
inline constexpr std::size_t SeedSize = 32;
inline constexpr std::size_t SignatureSize = 64;

struct KeyPair {
    Bytes publicKey;
    SecureBytes secretKey;
};

[[nodiscard]] KeyPair generate();
[[nodiscard]] KeyPair fromSeed(ByteView seed);

[[nodiscard]] Bytes sign(const SecureBytes& secretKey, ByteView message);
[[nodiscard]] bool verify(ByteView publicKey, ByteView message, ByteView signature);

} // namespace pt::crypto::signing
