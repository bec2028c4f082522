#pragma once
// Argon2id (crypto_pwhash, ALG_ARGON2ID13) for the passphrase.
#include "SecureBytes.h"

#include <chrono>

namespace pt::crypto::pwhash {

inline constexpr std::size_t SaltSize = 16;
inline constexpr std::uint64_t MinOps = 3;                     // the product's floor
inline constexpr std::size_t MinMemory = 64u * 1024u * 1024u;  // 64 MiB
// Ceilings, so a hostile header cannot ask for 1 TiB or an hour, and a vault made on a fast
// desktop still opens on a phone: at most 1 GiB, and at most 4 GiB-passes of work (1 GiB x 4,
// 256 MiB x 16, 64 MiB x 64), a few seconds on a 2020 phone.
inline constexpr std::uint64_t MaxOps = 64;
inline constexpr std::size_t MaxMemory = 1024u * 1024u * 1024u;
inline constexpr double MaxWorkBytePasses = 4.0 * 1024 * 1024 * 1024;

struct Params {
    std::uint64_t ops = MinOps;
    std::size_t memory = MinMemory;

    [[nodiscard]] double work() const { return double(ops) * double(memory); }
    [[nodiscard]] bool withinCeiling() const { return ops <= MaxOps && memory <= MaxMemory && work() <= MaxWorkBytePasses; }
};

// nullopt when libsodium refuses (out of memory, parameters out of range).
[[nodiscard]] std::optional<SecureBytes> derive(ByteView passphrase, ByteView salt, Params params,
                                                std::size_t length = 32);

// Finds parameters that take about `target` on this machine, never below MinOps / MinMemory and
// never above the ceilings.
[[nodiscard]] Params calibrate(std::chrono::milliseconds target = std::chrono::milliseconds(1000));

} // namespace pt::crypto::pwhash
