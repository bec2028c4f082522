// Bech32 (BIP 173): decode and decodeRaw on arbitrary strings, at the default length limit and at
// a larger one (age keys). Whatever decodes must encode back to the input in lower case.
#include "FuzzSupport.h"
#include "crypto/Bech32.h"

#include <string>

using namespace pt;

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void check(std::string_view text, std::size_t maxLength)
{
    const auto raw = crypto::bech32::decodeRaw(text, maxLength);
    if (raw) {
        PT_FUZZ_CHECK(text.size() <= maxLength);
        PT_FUZZ_CHECK(!raw->hrp.empty() && lower(raw->hrp) == raw->hrp);
        for (const std::uint8_t v : raw->data)
            PT_FUZZ_CHECK(v < 32);
        PT_FUZZ_CHECK(crypto::bech32::encodeRaw(raw->hrp, raw->data) == lower(text));
    }
    const auto decoded = crypto::bech32::decode(text, maxLength);
    if (decoded) {
        PT_FUZZ_CHECK(raw.has_value()); // the 8-bit layer sits on the raw one
        PT_FUZZ_CHECK(decoded->hrp == raw->hrp);
        PT_FUZZ_CHECK(crypto::bech32::encode(decoded->hrp, decoded->data) == lower(text));
        const auto again = crypto::bech32::decode(crypto::bech32::encode(decoded->hrp, decoded->data), maxLength);
        PT_FUZZ_CHECK(again && again->hrp == decoded->hrp && again->data == decoded->data);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check(text, crypto::bech32::MaxLength);
    check(text, 1000);
    return 0;
}
