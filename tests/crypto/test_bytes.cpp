#include "TestHelpers.h"

#include "crypto/Bytes.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"

#include <utility>

using namespace pt::crypto;
using pt::crypto::test::bytesOf;
using pt::crypto::test::hex;
using pt::crypto::test::toBytes;

TEST_CASE("hex round trip", "[bytes]")
{
    const Bytes b{0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
    CHECK(toHex(b) == "00017f80abff");
    CHECK(fromHex("00017f80abff") == b);
    CHECK(fromHex("00017F80ABFF") == b);
    CHECK(toHex({}).empty());
    CHECK(fromHex("") == Bytes{});
}

TEST_CASE("fromHex rejects odd length and non-hex characters anywhere", "[bytes]")
{
    CHECK_FALSE(fromHex("a").has_value());
    CHECK_FALSE(fromHex("abc").has_value());
    CHECK_FALSE(fromHex("0g").has_value());
    CHECK_FALSE(fromHex("g0").has_value());
    CHECK_FALSE(fromHex("abcz").has_value());
    CHECK_FALSE(fromHex("ab cd").has_value());
    CHECK_FALSE(fromHex("ab:d").has_value());
    CHECK_FALSE(fromHex("abcd\n").has_value());
    CHECK_FALSE(fromHex(" abc").has_value());
    CHECK_FALSE(fromHex(std::string_view("ab\0d", 4)).has_value());
}

TEST_CASE("base64 matches RFC 4648 section 10", "[bytes]")
{
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},      {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        CAPTURE(plain);
        CHECK(toBase64(view(plain)) == encoded);
        const auto decoded = fromBase64(encoded);
        REQUIRE(decoded.has_value());
        CHECK(*decoded == bytesOf(plain));
    }
    const Bytes all = [] {
        Bytes b(256);
        for (std::size_t i = 0; i < b.size(); ++i)
            b[i] = static_cast<std::uint8_t>(i);
        return b;
    }();
    CHECK(fromBase64(toBase64(all)) == all);
}

TEST_CASE("fromBase64 rejects malformed input and trailing garbage", "[bytes]")
{
    for (const char* bad : {"Zg", "Zg=", "Zg===", "Zh==", "Zm9=", "Zm9v!", "Zm9v\n", " Zm9v",
                            "Zm9vYg==Zg==", "Zm9vYg==x", "Zm 9v", "Zm9v-_==", "====", "Z==="}) {
        CAPTURE(bad);
        CHECK_FALSE(fromBase64(bad).has_value());
    }
}

TEST_CASE("fromBase64 rejects bytes outside the alphabet that libsodium 1.0.18 lets through", "[bytes]")
{
    // Found by fuzz/targets/bytes.cpp: sodium_base642bin decoded this as 9 bytes.
    CHECK_FALSE(fromBase64("deadB\xc5" "EF0123").has_value());
    for (int c = 0x80; c <= 0xff; ++c) {
        const std::string text = std::string("Zm9") + static_cast<char>(c);
        CAPTURE(c);
        CHECK_FALSE(fromBase64(text).has_value());
    }
}

TEST_CASE("equal is length-aware", "[bytes]")
{
    const Bytes a{1, 2, 3};
    const Bytes b{1, 2, 3};
    const Bytes c{1, 2, 4};
    const Bytes d{1, 2};
    CHECK(equal(a, b));
    CHECK_FALSE(equal(a, c));
    CHECK_FALSE(equal(a, d));
    CHECK(equal({}, {}));
    CHECK_FALSE(equal(a, {}));
}

TEST_CASE("little-endian codecs", "[bytes]")
{
    std::uint8_t buf[8] = {};
    storeLe32(buf, 0x04030201u);
    CHECK(toHex(ByteView(buf, 4)) == "01020304");
    CHECK(loadLe32(buf) == 0x04030201u);
    storeLe64(buf, 0x0807060504030201ull);
    CHECK(toHex(ByteView(buf, 8)) == "0102030405060708");
    CHECK(loadLe64(buf) == 0x0807060504030201ull);
    storeLe64(buf, ~0ull);
    CHECK(loadLe64(buf) == ~0ull);
    storeLe32(buf, 0x80000000u);
    CHECK(loadLe32(buf) == 0x80000000u);
}

TEST_CASE("SecureBytes allocation, copy and wipe", "[securebytes]")
{
    SecureBytes empty;
    CHECK(empty.empty());
    CHECK(empty.data() == nullptr);
    CHECK(SecureBytes(0).data() == nullptr);

    SecureBytes zeros(40);
    REQUIRE(zeros.size() == 40);
    CHECK(toBytes(zeros.view()) == Bytes(40, 0));

    const Bytes content = hex("00112233445566778899");
    SecureBytes a = SecureBytes::copyOf(content);
    CHECK(toBytes(a.view()) == content);

    SecureBytes b = a.clone();
    CHECK(b.data() != a.data());
    CHECK(equal(a.view(), b.view()));
    b.span()[0] = 0xff;
    CHECK(a.view()[0] == 0x00);

    a.wipe();
    CHECK(a.empty());
    CHECK(a.size() == 0);
    CHECK(a.data() == nullptr);
    a.wipe(); // idempotent
    CHECK(a.empty());
}

TEST_CASE("SecureBytes move leaves the source empty", "[securebytes]")
{
    const Bytes content = hex("deadbeef");
    SecureBytes a = SecureBytes::copyOf(content);
    const std::uint8_t* p = a.data();

    SecureBytes b(std::move(a));
    CHECK(a.empty()); // NOLINT(bugprone-use-after-move): moved-from state is specified
    CHECK(a.data() == nullptr);
    CHECK(b.data() == p);
    CHECK(toBytes(b.view()) == content);

    SecureBytes c(8);
    c = std::move(b);
    CHECK(b.empty()); // NOLINT(bugprone-use-after-move)
    CHECK(c.data() == p);
    CHECK(toBytes(c.view()) == content);

    SecureBytes d = SecureBytes::copyOf(hex("01"));
    d = SecureBytes();
    CHECK(d.empty());
}

TEST_CASE("random bytes", "[random]")
{
    CHECK(randomBytes(0).empty());
    CHECK(randomSecret(0).empty());
    const Bytes a = randomBytes(32);
    const Bytes b = randomBytes(32);
    CHECK(a.size() == 32);
    CHECK(a != b);
    const SecureBytes s = randomSecret(32);
    CHECK(s.size() == 32);
    CHECK_FALSE(equal(s.view(), Bytes(32, 0)));
}
