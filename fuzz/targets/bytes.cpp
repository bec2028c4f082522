// Hex and base64 as vault.json and the CLI read them: fromHex and fromBase64 on arbitrary text.
// Accepted hex re-encodes to the input in lower case; accepted base64 (padded, canonical only)
// re-encodes to exactly the input.
#include "FuzzSupport.h"

#include <string>

using namespace pt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (const auto bytes = crypto::fromHex(text)) {
        PT_FUZZ_CHECK(bytes->size() * 2 == size);
        std::string lower(text);
        for (char& c : lower)
            if (c >= 'A' && c <= 'F')
                c = static_cast<char>(c - 'A' + 'a');
        PT_FUZZ_CHECK(crypto::toHex(*bytes) == lower);
    }
    if (const auto bytes = crypto::fromBase64(text)) {
        PT_FUZZ_CHECK(crypto::toBase64(*bytes) == text);
        const auto again = crypto::fromBase64(crypto::toBase64(*bytes));
        PT_FUZZ_CHECK(again && *again == *bytes);
    }
    return 0;
}
