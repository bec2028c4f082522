#pragma once
// The 16-byte file key and how every native recipient type wraps it: ChaCha20-Poly1305 under a
// 32-byte wrap key with a nonce of 12 zero bytes (the key is never used twice), giving a 32-byte
// stanza body.
#include "crypto/SecureBytes.h"
#include "crypto/age/Header.h"

namespace pt::crypto::age {

inline constexpr std::size_t WrapKeySize = 32;
inline constexpr std::size_t WrappedFileKeySize = FileKeySize + 16;

[[nodiscard]] SecureBytes generateFileKey();

// wrapKey: 32 bytes; fileKey: 16 bytes (other sizes give an empty body).
[[nodiscard]] Bytes wrapFileKey(ByteView wrapKey, ByteView fileKey);
// nullopt when body is not 32 bytes or does not authenticate under wrapKey.
[[nodiscard]] std::optional<SecureBytes> unwrapFileKey(ByteView wrapKey, ByteView body);

} // namespace pt::crypto::age
