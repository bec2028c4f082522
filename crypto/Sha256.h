#pragma once
// SHA-256 through OpenSSL's libcrypto: it uses the CPU's SHA extensions (about 5x libsodium's
// portable SHA-256 here), and every attachment is hashed twice on the way in.
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
    void* m_context; // EVP_MD_CTX, kept out of the header
};

} // namespace pt::crypto
