#pragma once
#include "Bytes.h"

#include <array>

namespace pt::crypto {

using Digest = std::array<std::uint8_t, 32>;

class Sha256 final {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(ByteView bytes);
    [[nodiscard]] Digest finish(); // the object must not be used after finish()

    [[nodiscard]] static Digest hash(ByteView bytes);

private:
    alignas(16) std::uint8_t m_state[128]; // holds crypto_hash_sha256_state (checked in the .cpp)
};

} // namespace pt::crypto
