#include "crypto/Bech32.h"

#include <array>
#include <stdexcept>

namespace pt::crypto::bech32 {

namespace {

constexpr char Charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::size_t ChecksumLength = 6;
constexpr std::size_t MaxHrpLength = 83;
constexpr std::uint32_t Bech32Constant = 1; // BIP 173 (Bech32m would be 0x2bc830a3)

constexpr std::array<std::int8_t, 128> makeReverseCharset()
{
    std::array<std::int8_t, 128> table{};
    for (auto& v : table)
        v = -1;
    for (std::size_t i = 0; i < 32; ++i) {
        const auto c = static_cast<unsigned char>(Charset[i]);
        table[c] = static_cast<std::int8_t>(i);
        if (c >= 'a' && c <= 'z')
            table[c - 'a' + 'A'] = static_cast<std::int8_t>(i);
    }
    return table;
}
constexpr auto ReverseCharset = makeReverseCharset();

std::uint32_t polymodStep(std::uint32_t chk, std::uint8_t value)
{
    static constexpr std::uint32_t Gen[5] = {0x3b6a57b2u, 0x26508e6du, 0x1ea119fau, 0x3d4233ddu,
                                             0x2a1462b3u};
    const std::uint32_t top = chk >> 25;
    chk = ((chk & 0x1ffffffu) << 5) ^ value;
    for (int i = 0; i < 5; ++i) {
        if ((top >> i) & 1u)
            chk ^= Gen[i];
    }
    return chk;
}

// polymod(hrpExpand(hrp) || values), hrp already lower case.
std::uint32_t polymod(std::string_view hrp, ByteView values)
{
    std::uint32_t chk = 1;
    for (char c : hrp)
        chk = polymodStep(chk, static_cast<std::uint8_t>(static_cast<unsigned char>(c) >> 5));
    chk = polymodStep(chk, 0);
    for (char c : hrp)
        chk = polymodStep(chk, static_cast<std::uint8_t>(static_cast<unsigned char>(c) & 31));
    for (std::uint8_t v : values)
        chk = polymodStep(chk, v);
    return chk;
}

bool validHrpChar(unsigned char c)
{
    return c >= 33 && c <= 126;
}

char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// BIP 173 convertbits. Returns false on a value out of range or, without padding, on more than
// 4 bits of padding or non-zero padding bits.
bool convertBits(ByteView in, int fromBits, int toBits, bool pad, Bytes& out)
{
    std::uint32_t acc = 0;
    int bits = 0;
    const std::uint32_t maxv = (1u << toBits) - 1;
    const std::uint32_t maxAcc = (1u << (fromBits + toBits - 1)) - 1;
    for (std::uint8_t value : in) {
        if ((value >> fromBits) != 0)
            return false;
        acc = ((acc << fromBits) | value) & maxAcc;
        bits += fromBits;
        while (bits >= toBits) {
            bits -= toBits;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & maxv));
        }
    }
    if (pad) {
        if (bits > 0)
            out.push_back(static_cast<std::uint8_t>((acc << (toBits - bits)) & maxv));
    } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0) {
        return false;
    }
    return true;
}

} // namespace

std::string encodeRaw(std::string_view hrp, ByteView fiveBitValues)
{
    if (hrp.empty() || hrp.size() > MaxHrpLength)
        throw std::invalid_argument("bech32: HRP must be 1 to 83 characters");
    std::string out;
    out.reserve(hrp.size() + 1 + fiveBitValues.size() + ChecksumLength);
    for (char c : hrp) {
        if (!validHrpChar(static_cast<unsigned char>(c)))
            throw std::invalid_argument("bech32: HRP character out of range");
        out.push_back(toLower(c));
    }
    const std::string_view lowerHrp(out);
    for (std::uint8_t v : fiveBitValues) {
        if (v >= 32)
            throw std::invalid_argument("bech32: value is not 5 bits");
    }
    std::uint32_t chk = polymod(lowerHrp, fiveBitValues);
    for (std::size_t i = 0; i < ChecksumLength; ++i)
        chk = polymodStep(chk, 0);
    chk ^= Bech32Constant;

    out.push_back('1');
    for (std::uint8_t v : fiveBitValues)
        out.push_back(Charset[v]);
    for (std::size_t i = 0; i < ChecksumLength; ++i)
        out.push_back(Charset[(chk >> (5 * (5 - i))) & 31]);
    return out;
}

std::optional<Decoded> decodeRaw(std::string_view text, std::size_t maxLength)
{
    if (text.size() > maxLength)
        return std::nullopt;
    bool hasLower = false;
    bool hasUpper = false;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (!validHrpChar(c))
            return std::nullopt;
        hasLower |= (c >= 'a' && c <= 'z');
        hasUpper |= (c >= 'A' && c <= 'Z');
    }
    if (hasLower && hasUpper)
        return std::nullopt;

    const std::size_t sep = text.rfind('1');
    if (sep == std::string_view::npos || sep == 0 || sep > MaxHrpLength
        || text.size() - sep - 1 < ChecksumLength)
        return std::nullopt;

    Decoded result;
    result.hrp.reserve(sep);
    for (char c : text.substr(0, sep))
        result.hrp.push_back(toLower(c));

    Bytes values;
    values.reserve(text.size() - sep - 1);
    for (char ch : text.substr(sep + 1)) {
        const std::int8_t v = ReverseCharset[static_cast<unsigned char>(ch)]; // ch < 127 here
        if (v < 0)
            return std::nullopt;
        values.push_back(static_cast<std::uint8_t>(v));
    }
    if (polymod(result.hrp, values) != Bech32Constant)
        return std::nullopt;
    values.resize(values.size() - ChecksumLength);
    result.data = std::move(values);
    return result;
}

std::string encode(std::string_view hrp, ByteView data)
{
    Bytes values;
    values.reserve((data.size() * 8 + 4) / 5);
    convertBits(data, 8, 5, true, values); // cannot fail for 8-bit input
    return encodeRaw(hrp, values);
}

std::optional<Decoded> decode(std::string_view text, std::size_t maxLength)
{
    auto raw = decodeRaw(text, maxLength);
    if (!raw)
        return std::nullopt;
    Bytes bytes;
    bytes.reserve(raw->data.size() * 5 / 8);
    if (!convertBits(raw->data, 5, 8, false, bytes))
        return std::nullopt;
    raw->data = std::move(bytes);
    return raw;
}

} // namespace pt::crypto::bech32
