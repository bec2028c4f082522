#pragma once
// HMAC-SHA256 and HKDF-SHA256 (RFC 5869).
#include "SecureBytes.h"
#include "Sha256.h"

namespace pt::crypto {

[[nodiscard]] Digest hmacSha256(ByteView key, ByteView message);

namespace hkdf {
[[nodiscard]] SecureBytes extract(ByteView salt, ByteView ikm); // 32 bytes
// length at most 255 * 32; returns empty SecureBytes when it is larger
[[nodiscard]] SecureBytes expand(ByteView prk, ByteView info, std::size_t length);
[[nodiscard]] SecureBytes derive(ByteView salt, ByteView ikm, ByteView info, std::size_t length);
} // namespace hkdf

} // namespace pt::crypto
