#include "crypto/Sha256.h"

#include <openssl/evp.h>

#include <new>

namespace pt::crypto {

namespace {
EVP_MD_CTX* context(void* p) { return static_cast<EVP_MD_CTX*>(p); }

// Fetched once: OpenSSL 3 looks EVP_sha256() up in its provider store, under a lock, on every
// use, which cost more than hashing a log record (unlock hashes ten thousand of them on all cores).
const EVP_MD* sha256()
{
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md ? md : EVP_sha256();
}
} // namespace

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    if (!m_context || EVP_DigestInit_ex(context(m_context), sha256(), nullptr) != 1)
        throw std::bad_alloc();
}

Sha256::~Sha256() { EVP_MD_CTX_free(context(m_context)); } // also cleanses the state

void Sha256::update(ByteView bytes)
{
    if (!bytes.empty())
        EVP_DigestUpdate(context(m_context), bytes.data(), bytes.size());
}

Digest Sha256::finish()
{
    Digest digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(context(m_context), digest.data(), &size);
    return digest;
}

Digest Sha256::hash(ByteView bytes)
{
    Digest digest{};
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, sha256(), nullptr);
    return digest;
}

} // namespace pt::crypto
