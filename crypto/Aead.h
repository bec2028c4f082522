#pragma once
// XChaCha20-Poly1305 (IETF), libsodium's crypto_aead_xchacha20poly1305_ietf_*.
#include "SecureBytes.h"

namespace pt::crypto::aead {

inline constexpr std::size_t KeySize = 32;
inline constexpr std::size_t NonceSize = 24;
inline constexpr std::size_t TagSize = 16;

// Explicit-nonce form (for published vectors): returns ciphertext || tag.
[[nodiscard]] Bytes encrypt(ByteView key, ByteView nonce, ByteView plaintext, ByteView aad);
// Returns nullopt for any failure: wrong key, damaged data, wrong AAD or bad sizes.
[[nodiscard]] std::optional<Bytes> decrypt(ByteView key, ByteView nonce, ByteView ciphertextAndTag,
                                           ByteView aad);

// Random-nonce form used everywhere else: sealed = nonce || ciphertext || tag.
[[nodiscard]] Bytes seal(ByteView key, ByteView plaintext, ByteView aad);
[[nodiscard]] std::optional<Bytes> open(ByteView key, ByteView sealed, ByteView aad);
// Same as open, for plaintexts that are themselves secrets (wrapped keys).
[[nodiscard]] std::optional<SecureBytes> openSecret(ByteView key, ByteView sealed, ByteView aad);

} // namespace pt::crypto::aead
