#include "crypto/Sha256.h"

#include <sodium.h>

#include <new>

namespace pt::crypto {

namespace {
static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256::m_state is too small");
static_assert(alignof(crypto_hash_sha256_state) <= 16, "Sha256::m_state is under-aligned");

crypto_hash_sha256_state* state(std::uint8_t* storage)
{
    return std::launder(reinterpret_cast<crypto_hash_sha256_state*>(storage));
}
} // namespace

Sha256::Sha256()
{
    ::new (static_cast<void*>(m_state)) crypto_hash_sha256_state;
    crypto_hash_sha256_init(state(m_state));
}

Sha256::~Sha256()
{
    sodium_memzero(m_state, sizeof m_state);
}

void Sha256::update(ByteView bytes)
{
    if (!bytes.empty())
        crypto_hash_sha256_update(state(m_state), bytes.data(), bytes.size());
}

Digest Sha256::finish()
{
    Digest digest{};
    crypto_hash_sha256_final(state(m_state), digest.data()); // also wipes the state
    return digest;
}

Digest Sha256::hash(ByteView bytes)
{
    Digest digest{};
    crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
    return digest;
}

} // namespace pt::crypto
