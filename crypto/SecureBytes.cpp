#include "crypto/SecureBytes.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace pt::crypto {

namespace {
// sodium_malloc() aborts when libsodium has not been initialised (its page size is unknown), so a
// SecureBytes created before pt::crypto::init() must not bring the process down. sodium_init() is
// idempotent and thread-safe.
bool ensureSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}
} // namespace

SecureBytes::SecureBytes(std::size_t size)
{
    if (size == 0)
        return;
    if (!ensureSodium())
        throw std::bad_alloc();
    void* p = sodium_malloc(size);
    if (p == nullptr)
        throw std::bad_alloc();
    sodium_memzero(p, size); // sodium_malloc fills with a canary pattern
    m_data = static_cast<std::uint8_t*>(p);
    m_size = size;
}

SecureBytes::~SecureBytes()
{
    wipe();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes SecureBytes::copyOf(ByteView bytes)
{
    SecureBytes out(bytes.size());
    if (!bytes.empty())
        std::memcpy(out.m_data, bytes.data(), bytes.size());
    return out;
}

SecureBytes SecureBytes::clone() const
{
    return copyOf(view());
}

void SecureBytes::wipe()
{
    if (m_data != nullptr)
        sodium_free(m_data); // zeroes the whole region before unmapping it
    m_data = nullptr;
    m_size = 0;
}

} // namespace pt::crypto
