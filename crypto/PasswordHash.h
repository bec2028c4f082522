#pragma once
// Argon2id (crypto_pwhash, ALG_ARGON2ID13) for the passphrase.
#include "SecureBytes.h"

#include <chrono>

namespace pt::crypto::pwhash {

inline constexpr std::size_t SaltSize = 16;
inline constexpr std::uint64_t MinOps = 3;                     // the product's floor
inline constexpr std::size_t MinMemory = 64u * 1024u * 1024u;  // 64 MiB
// Ceilings accepted when reading a vault header, so a hostile header cannot ask for 1 TiB.
inline constexpr std::uint64_t MaxOps = 64;
inline constexpr std::size_t MaxMemory = 4096ull * 1024u * 1024u;

struct Params {
    std::uint64_t ops = MinOps;
    std::size_t memory = MinMemory;
};

// nullopt when libsodium refuses (out of memory, parameters out of range).
[[nodiscard]] std::optional<SecureBytes> derive(ByteView passphrase, ByteView salt, Params params,
                                                std::size_t length = 32);

// Finds parameters that take about `target` on this machine, never below MinOps / MinMemory.
[[nodiscard]] Params calibrate(std::chrono::milliseconds target = std::chrono::milliseconds(1000));

} // namespace pt::crypto::pwhash
