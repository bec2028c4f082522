#pragma once
// The age payload (age-encryption.org/v1, "Payload"): a 16-byte nonce, then the plaintext in
// 64 KiB chunks, each sealed with ChaCha20-Poly1305 under
// payload key = HKDF-SHA-256(ikm = file key, salt = nonce, info = "payload")
// and the 12-byte nonce counter (11 bytes, big-endian, from 0) || last-chunk flag (1 or 0).
// Every chunk but the last is full; the last is empty only when the whole payload is.
#include "crypto/SecureBytes.h"

#include <array>

namespace pt::crypto::age {

inline constexpr std::size_t PayloadNonceSize = 16;
inline constexpr std::size_t ChunkSize = 64 * 1024;
inline constexpr std::size_t ChunkTagSize = 16;
inline constexpr std::size_t EncryptedChunkSize = ChunkSize + ChunkTagSize;

[[nodiscard]] SecureBytes payloadKey(ByteView fileKey, ByteView payloadNonce);

using ChunkNonce = std::array<std::uint8_t, 12>;
[[nodiscard]] ChunkNonce chunkNonce(std::uint64_t counter, bool last);

} // namespace pt::crypto::age
