#pragma once
// Plain byte containers shared by every crypto/ header. Key material never lives in Bytes:
// it lives in SecureBytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pt::crypto {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline ByteView view(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

[[nodiscard]] std::string toHex(ByteView bytes);
[[nodiscard]] std::optional<Bytes> fromHex(std::string_view hex);

// Standard base64 with padding (RFC 4648 section 4), as vault.json and age stanzas use it.
[[nodiscard]] std::string toBase64(ByteView bytes);
[[nodiscard]] std::optional<Bytes> fromBase64(std::string_view text);

// Constant-time comparison; different lengths compare unequal.
[[nodiscard]] bool equal(ByteView a, ByteView b);

// Little-endian integer codecs: every binary length or counter goes through these.
void storeLe32(std::uint8_t* out, std::uint32_t v);
void storeLe64(std::uint8_t* out, std::uint64_t v);
[[nodiscard]] std::uint32_t loadLe32(const std::uint8_t* in);
[[nodiscard]] std::uint64_t loadLe64(const std::uint8_t* in);

} // namespace pt::crypto
