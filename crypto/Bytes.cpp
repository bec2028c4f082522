#include "crypto/Bytes.h"

#include <sodium.h>

namespace pt::crypto {

std::string toHex(ByteView bytes)
{
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
    out.resize(bytes.size() * 2);
    return out;
}

std::optional<Bytes> fromHex(std::string_view hex)
{
    if (hex.size() % 2 != 0)
        return std::nullopt;
    if (hex.empty())
        return Bytes{};
    Bytes out(hex.size() / 2);
    std::size_t binLen = 0;
    const char* end = nullptr;
    // sodium_hex2bin stops at the first non-hex character and reports it through `end`:
    // the whole input must have been consumed.
    if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &binLen, &end) != 0)
        return std::nullopt;
    if (end != hex.data() + hex.size() || binLen != out.size())
        return std::nullopt;
    return out;
}

std::string toBase64(ByteView bytes)
{
    const std::size_t len = sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    std::string out(len, '\0'); // len includes the terminating NUL
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(len - 1);
    return out;
}

std::optional<Bytes> fromBase64(std::string_view text)
{
    if (text.empty())
        return Bytes{};
    if (text.size() % 4 != 0) // padded form only
        return std::nullopt;
    // libsodium 1.0.18's decoder takes some bytes >= 0x80 for base64 digits (found by
    // fuzz/targets/bytes.cpp): only the 65 characters of the alphabet may pass.
    for (const char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
              c == '/' || c == '='))
            return std::nullopt;
    Bytes out(text.size() / 4 * 3);
    std::size_t binLen = 0;
    const char* end = nullptr;
    // The ORIGINAL (padded) variant requires the exact padding and rejects non-zero trailing bits.
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &binLen, &end,
                          sodium_base64_VARIANT_ORIGINAL)
        != 0)
        return std::nullopt;
    if (end != text.data() + text.size())
        return std::nullopt; // trailing garbage
    out.resize(binLen);
    return out;
}

bool equal(ByteView a, ByteView b)
{
    if (a.size() != b.size())
        return false;
    if (a.empty())
        return true;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void storeLe32(std::uint8_t* out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

void storeLe64(std::uint8_t* out, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::uint32_t loadLe32(const std::uint8_t* in)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | in[i];
    return v;
}

std::uint64_t loadLe64(const std::uint8_t* in)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | in[i];
    return v;
}

} // namespace pt::crypto
