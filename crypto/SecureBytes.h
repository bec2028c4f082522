#pragma once
// The one home for secrets: sodium_malloc'd (guard pages, mlock'd), wiped on destruction, never
// copied implicitly.
#include "Bytes.h"

namespace pt::crypto {

class SecureBytes final {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size); // zero-filled; throws std::bad_alloc when out of memory
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    [[nodiscard]] static SecureBytes copyOf(ByteView bytes);
    [[nodiscard]] SecureBytes clone() const;

    [[nodiscard]] std::uint8_t* data() { return m_data; }
    [[nodiscard]] const std::uint8_t* data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    [[nodiscard]] std::span<std::uint8_t> span() { return {m_data, m_size}; }
    [[nodiscard]] ByteView view() const { return {m_data, m_size}; }

    // Zeroes and frees now; the object becomes empty.
    void wipe();

private:
    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace pt::crypto
