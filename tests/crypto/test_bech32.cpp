#include "TestHelpers.h"

#include "crypto/Bech32.h"
#include "crypto/Random.h"

#include <algorithm>
#include <stdexcept>

using namespace pt::crypto;
using pt::crypto::test::hex;

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; });
    return s;
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](char c) { return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c; });
    return s;
}

constexpr std::string_view Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

} // namespace

// BIP 173, "Test vectors": valid Bech32 strings.
TEST_CASE("BIP 173 valid Bech32 strings decode and re-encode", "[bech32]")
{
    const char* const valid[] = {
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl",
    };
    for (const char* s : valid) {
        CAPTURE(s);
        const auto decoded = bech32::decodeRaw(s);
        REQUIRE(decoded.has_value());
        CHECK(decoded->hrp == lower(std::string(s).substr(0, std::string_view(s).rfind('1'))));
        CHECK(bech32::encodeRaw(decoded->hrp, decoded->data) == lower(s));
    }
    const auto abcdef = bech32::decodeRaw("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
    REQUIRE(abcdef.has_value());
    REQUIRE(abcdef->data.size() == 32);
    for (std::size_t i = 0; i < 32; ++i)
        CHECK(abcdef->data[i] == i); // the data part is the charset in order
}

// BIP 173, "Test vectors": strings that are not valid Bech32 (checksum level; the segwit
// address list is about witness programs and not applicable here).
TEST_CASE("BIP 173 invalid Bech32 strings are rejected", "[bech32]")
{
    const std::string invalid[] = {
        std::string(1, '\x20') + "1nwldj5", // HRP character out of range
        std::string(1, '\x7f') + "1axkwrx", // HRP character out of range
        std::string(1, '\x80') + "1eym55h", // HRP character out of range
        // overall max length exceeded
        "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
        "pzry9x0s0muk",                  // no separator character
        "1pzry9x0s0muk",                 // empty HRP
        "x1b4n0q5v",                     // invalid data character
        "li1dgmt3",                      // too short checksum
        "de1lg7wt" + std::string(1, '\xff'), // invalid character in checksum
        "A1G7SGD8",                      // checksum calculated with uppercase form of HRP
        "10a06t8",                       // empty HRP
        "1qzzfhee",                      // empty HRP
    };
    for (const std::string& s : invalid) {
        CAPTURE(s);
        CHECK_FALSE(bech32::decodeRaw(s).has_value());
        CHECK_FALSE(bech32::decode(s).has_value());
    }
}

TEST_CASE("Bech32 rejects mixed case and honours maxLength", "[bech32]")
{
    CHECK_FALSE(bech32::decodeRaw("A12uEL5L").has_value());
    CHECK_FALSE(bech32::decodeRaw("a12UEL5L").has_value());
    CHECK_FALSE(bech32::decodeRaw("").has_value());
    CHECK_FALSE(bech32::decodeRaw("1").has_value());
    CHECK_FALSE(bech32::decodeRaw("a1").has_value());

    const std::string s = "a12uel5l";
    CHECK(bech32::decodeRaw(s, 8).has_value());
    CHECK_FALSE(bech32::decodeRaw(s, 7).has_value());

    // 60 bytes need 96 data characters: longer than BIP 173 allows, fine with a larger limit.
    const Bytes data = randomBytes(60);
    const std::string longer = bech32::encode("age", data);
    CHECK(longer.size() == 3 + 1 + 96 + 6);
    CHECK_FALSE(bech32::decode(longer).has_value());
    const auto decoded = bech32::decode(longer, 200);
    REQUIRE(decoded.has_value());
    CHECK(decoded->data == data);
}

TEST_CASE("Bech32 8-bit layer round-trips random keys", "[bech32]")
{
    for (int i = 0; i < 16; ++i) {
        const Bytes key = randomBytes(32);
        const std::string encoded = bech32::encode("ptrk", key);
        CAPTURE(encoded);
        CHECK(encoded.size() == 4 + 1 + 52 + 6);
        CHECK(encoded == lower(encoded));

        const auto decoded = bech32::decode(encoded);
        REQUIRE(decoded.has_value());
        CHECK(decoded->hrp == "ptrk");
        CHECK(decoded->data == key);

        const auto fromUpper = bech32::decode(upper(encoded));
        REQUIRE(fromUpper.has_value());
        CHECK(fromUpper->hrp == "ptrk");
        CHECK(fromUpper->data == key);
    }
    CHECK(bech32::encode("AGE", hex("00")) == bech32::encode("age", hex("00")));
    const auto empty = bech32::decode(bech32::encode("x", {}));
    REQUIRE(empty.has_value());
    CHECK(empty->data.empty());
}

TEST_CASE("Bech32 detects any single-character change", "[bech32]")
{
    const Bytes key = randomBytes(32);
    const std::string encoded = bech32::encode("ptrk", key);
    for (std::size_t pos = 0; pos < encoded.size(); ++pos) {
        if (encoded[pos] == '1' && pos == encoded.rfind('1'))
            continue;
        for (char replacement : Charset) {
            if (replacement == encoded[pos])
                continue;
            std::string changed = encoded;
            changed[pos] = replacement;
            CAPTURE(changed);
            CHECK_FALSE(bech32::decode(changed).has_value());
        }
    }
}

TEST_CASE("Bech32 decode enforces strict padding", "[bech32]")
{
    // 2 values = 10 bits -> 1 byte + 2 padding bits, which must be zero.
    CHECK(bech32::decode(bech32::encodeRaw("a", Bytes{31, 28}))->data == Bytes{0xff});
    CHECK_FALSE(bech32::decode(bech32::encodeRaw("a", Bytes{31, 29})).has_value());
    CHECK_FALSE(bech32::decode(bech32::encodeRaw("a", Bytes{31, 30})).has_value());
    // 1 value = 5 bits of padding only: too much padding.
    CHECK_FALSE(bech32::decode(bech32::encodeRaw("a", Bytes{0})).has_value());
    // 3 values = 15 bits -> 1 byte + 7 padding bits: too much padding even if zero.
    CHECK_FALSE(bech32::decode(bech32::encodeRaw("a", Bytes{0, 0, 0})).has_value());
    // 4 values = 20 bits -> 2 bytes + 4 zero bits: fine.
    CHECK(bech32::decode(bech32::encodeRaw("a", Bytes{0, 0, 0, 0}))->data == Bytes{0, 0});
    // The raw layer itself does not care.
    CHECK(bech32::decodeRaw(bech32::encodeRaw("a", Bytes{31, 29})).has_value());
}

TEST_CASE("Bech32 encodeRaw rejects invalid input", "[bech32]")
{
    CHECK_THROWS_AS(bech32::encodeRaw("", {}), std::invalid_argument);
    CHECK_THROWS_AS(bech32::encodeRaw("a b", {}), std::invalid_argument);
    CHECK_THROWS_AS(bech32::encodeRaw("a", Bytes{32}), std::invalid_argument);
    CHECK_THROWS_AS(bech32::encodeRaw(std::string(84, 'a'), {}), std::invalid_argument);
    CHECK_THROWS_AS(bech32::encode("", hex("00")), std::invalid_argument);
}
