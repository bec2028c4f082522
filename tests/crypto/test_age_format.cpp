// crypto/age/Base64 and crypto/age/Header: the strict grammar of the age v1 header.
#include "TestHelpers.h"

#include "crypto/Random.h"
#include "crypto/age/Base64.h"
#include "crypto/age/Header.h"

using namespace pt::crypto;
using pt::crypto::test::bytesOf;

namespace {

const std::string Mac43 = age::base64::encode(Bytes(32, 0xab));

std::string withMac(std::string headerWithoutMac)
{
    return headerWithoutMac + " " + Mac43 + "\n";
}

age::Result<age::Header> parse(const std::string& text)
{
    return age::parseHeader(view(text));
}

} // namespace

TEST_CASE("age base64: canonical, unpadded", "[age]")
{
    CHECK(age::base64::encode(bytesOf("")).empty());
    CHECK(age::base64::encode(bytesOf("f")) == "Zg");
    CHECK(age::base64::encode(bytesOf("fo")) == "Zm8");
    CHECK(age::base64::encode(bytesOf("foo")) == "Zm9v");
    CHECK(age::base64::encode(bytesOf("foobar")) == "Zm9vYmFy");
    CHECK(age::base64::decode("Zm8") == bytesOf("fo"));
    CHECK(age::base64::decode("") == Bytes{});

    CHECK_FALSE(age::base64::decode("Zm8="));  // padding
    CHECK_FALSE(age::base64::decode("Zg=="));  // padding
    CHECK_FALSE(age::base64::decode("Zh"));    // non-zero trailing bits: not canonical
    CHECK_FALSE(age::base64::decode("Zm9"));   // same, one byte short of three
    CHECK_FALSE(age::base64::decode("Zm9vY")); // 6 bits left over
    CHECK_FALSE(age::base64::decode("Zm 8"));
    CHECK_FALSE(age::base64::decode("Zm8\n"));
    CHECK_FALSE(age::base64::decode("Zm8\r"));
    CHECK_FALSE(age::base64::decode("Zm-8")); // the URL alphabet is not age's
    CHECK_FALSE(age::base64::decode("\xc3\xa9"));

    for (std::size_t size = 0; size < 70; ++size) {
        const Bytes data = randomBytes(size);
        const std::string text = age::base64::encode(data);
        CHECK(text.size() == age::base64::encodedSize(size));
        CHECK(age::base64::decode(text) == data);
    }
}

TEST_CASE("age header: encodes and parses back to the same bytes", "[age]")
{
    std::vector<age::Stanza> stanzas;
    for (const std::size_t bodySize : {0, 1, 32, 47, 48, 49, 96, 100}) {
        age::Stanza s;
        s.type = "t" + std::to_string(bodySize);
        s.args = {"a", "~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}"};
        s.body = randomBytes(bodySize);
        stanzas.push_back(s);
    }
    const Bytes fileKey = randomBytes(age::FileKeySize);
    const auto encoded = age::encodeHeader(stanzas, fileKey);
    REQUIRE(encoded);
    const auto header = age::parseHeader(view(*encoded));
    REQUIRE(header);
    REQUIRE(header->stanzas.size() == stanzas.size());
    for (std::size_t i = 0; i < stanzas.size(); ++i) {
        CHECK(header->stanzas[i].type == stanzas[i].type);
        CHECK(header->stanzas[i].args == stanzas[i].args);
        CHECK(header->stanzas[i].body == stanzas[i].body);
    }
    const std::string withoutMac = *age::encodeHeaderWithoutMac(stanzas);
    CHECK(header->macInputSize == withoutMac.size());
    CHECK(encoded->starts_with(withoutMac));
    const Digest mac = age::headerMac(fileKey, view(withoutMac));
    CHECK(equal(mac, header->mac));

    // A 48-byte body fills one line: an empty line must end the stanza.
    CHECK(encoded->find("-> t48 a ") != std::string::npos);
    const std::size_t at = encoded->find("-> t48 ");
    const std::size_t bodyStart = encoded->find('\n', at) + 1;
    CHECK(encoded->substr(bodyStart + 64, 2) == "\n\n");

    CHECK_FALSE(age::encodeHeaderWithoutMac({}));
    age::Stanza bad;
    bad.type = "has space";
    CHECK_FALSE(age::encodeHeaderWithoutMac({bad}));
    bad.type = "";
    CHECK_FALSE(age::encodeHeaderWithoutMac({bad}));
}

TEST_CASE("age header: the reference example parses", "[age]")
{
    const std::string text = "age-encryption.org/v1\n"
                             "-> X25519 XEl0dJ6y3C7KZkgmgWUicg63EyXJiwBJW8PdYJ/cYBE\n"
                             "qRS0AMjdjPvZ/WT08U2KL4G+PIooA3hy38SvLpvaC1E\n"
                             "--- HK2NmOBN9Dpq0Gw6xMCuhFcQlQLvZ/wQUi/2scLG75s\n";
    const auto header = parse(text);
    REQUIRE(header);
    REQUIRE(header->stanzas.size() == 1);
    CHECK(header->stanzas[0].type == "X25519");
    CHECK(header->stanzas[0].args.size() == 1);
    CHECK(header->stanzas[0].body.size() == 32);
    CHECK(header->macInputSize == text.size() - 1 - 44);
}

TEST_CASE("age header: every deviation from the grammar is a header error", "[age]")
{
    const std::string v = "age-encryption.org/v1\n";
    const std::string body43 = age::base64::encode(Bytes(32, 7)) + "\n";
    const std::string ok = withMac(v + "-> X25519 abc\n" + body43 + "---");
    REQUIRE(parse(ok));

    const std::vector<std::pair<const char*, std::string>> bad = {
        {"empty", ""},
        {"version only", v},
        {"other version", withMac("age-encryption.org/v2\n-> a\n\n---")},
        {"CRLF version", withMac("age-encryption.org/v1\r\n-> a\n\n---")},
        {"no stanza", withMac(v + "---")},
        {"CRLF stanza", withMac(v + "-> a\r\n\n---")},
        {"no arguments", withMac(v + "->\n\n---")},
        {"no arguments, space", withMac(v + "-> \n\n---")},
        {"empty argument", withMac(v + "-> a  b\n\n---")},
        {"trailing space", withMac(v + "-> a b \n\n---")},
        {"tab in argument", withMac(v + "-> a\tb\n\n---")},
        {"non-ASCII argument", withMac(v + "-> \xc3\xa9\n\n---")},
        {"no space after ->", withMac(v + "->a\n\n---")},
        {"missing body", withMac(v + "-> a\n---")},
        {"body padding", withMac(v + "-> a\nZg==\n---")},
        {"body not canonical", withMac(v + "-> a\nZh\n---")},
        {"body CR", withMac(v + "-> a\nZg\r\n---")},
        {"body too long", withMac(v + "-> a\n" + std::string(68, 'A') + "\n---")},
        {"no short line", withMac(v + "-> a\n" + std::string(64, 'A') + "\n---")},
        {"two short lines", withMac(v + "-> a\nZg\nZg\n---")},
        {"garbage line", withMac(v + "-> a\n\nhello\n---")},
        {"MAC without space", v + "-> a\n\n---" + Mac43 + "\n"},
        {"MAC two spaces", v + "-> a\n\n---  " + Mac43 + "\n"},
        {"MAC trailing space", v + "-> a\n\n--- " + Mac43 + " \n"},
        {"MAC padded", v + "-> a\n\n--- " + Mac43 + "=\n"},
        {"MAC short", v + "-> a\n\n--- " + Mac43.substr(0, 42) + "\n"},
        {"MAC missing", v + "-> a\n\n---\n"},
        {"MAC CRLF", v + "-> a\n\n--- " + Mac43 + "\r\n"},
        {"MAC no LF", v + "-> a\n\n--- " + Mac43},
        {"bytes after", ok + "x"},
        {"truncated", ok.substr(0, ok.size() - 10)},
    };
    for (const auto& [what, text] : bad) {
        INFO(what);
        const auto result = parse(text);
        REQUIRE_FALSE(result);
        CHECK(result.status().code() == age::ErrorCode::Header);
    }
}

TEST_CASE("age header: unknown stanzas and every VCHAR parse", "[age]")
{
    std::string all;
    for (char c = 0x21; c <= 0x7e; ++c)
        all.push_back(c);
    const auto header = parse(withMac("age-encryption.org/v1\n-> " + all + " x\nAAAA\n---"));
    REQUIRE(header);
    CHECK(header->stanzas[0].type == all);
    CHECK(header->stanzas[0].body == Bytes{0, 0, 0});
    CHECK(age::isValidArgument(all));
    CHECK_FALSE(age::isValidArgument(""));
    CHECK_FALSE(age::isValidArgument("a b"));
    CHECK_FALSE(age::isValidArgument("\x7f"));
}
