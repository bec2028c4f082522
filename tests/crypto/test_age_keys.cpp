// crypto/age/X25519 and crypto/age/Scrypt: keys, their Bech32 forms, the stanza rules.
#include "TestHelpers.h"

#include "crypto/age/Base64.h"
#include "crypto/age/FileKey.h"
#include "crypto/age/Scrypt.h"
#include "crypto/age/X25519.h"

#include "crypto/Bech32.h"

using namespace pt::crypto;

namespace {
std::string text(const SecureBytes& s)
{
    return {reinterpret_cast<const char*>(s.data()), s.size()};
}
} // namespace

TEST_CASE("age X25519: the specification's example key pair", "[age]")
{
    const auto identity = age::X25519Identity::parse(
        "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
    REQUIRE(identity);
    CHECK(equal(identity->secret().view(), Bytes(32, 0x42)));
    CHECK(identity->recipient().toString()
          == "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj");
    CHECK(text(identity->toString())
          == "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
    // Lower case is the same key; mixed case is not Bech32.
    CHECK(age::X25519Identity::parse(
        "age-secret-key-1gfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpq4egaex"));
    CHECK_FALSE(age::X25519Identity::parse(
        "AGE-SECRET-KEY-1gfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpq4egaex"));
}

TEST_CASE("age X25519: generated keys round-trip through their Bech32 forms", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    const std::string secret = text(identity.toString());
    CHECK(secret.starts_with("AGE-SECRET-KEY-1"));
    CHECK(secret.size() == 74);
    const auto parsed = age::X25519Identity::parse(secret);
    REQUIRE(parsed);
    CHECK(equal(parsed->secret().view(), identity.secret().view()));

    const std::string recipient = identity.recipient().toString();
    CHECK(recipient.starts_with("age1"));
    CHECK(recipient.size() == 62);
    const auto r = age::X25519Recipient::parse(recipient);
    REQUIRE(r);
    CHECK(r->publicKey() == identity.recipient().publicKey());

    // Each HRP belongs to its own kind; bad checksums and sizes are refused.
    CHECK_FALSE(age::X25519Recipient::parse(secret));
    CHECK_FALSE(age::X25519Identity::parse(recipient));
    std::string broken = recipient;
    broken.back() = broken.back() == 'q' ? 'p' : 'q';
    CHECK_FALSE(age::X25519Recipient::parse(broken));
    CHECK_FALSE(age::X25519Recipient::parse(bech32::encode("age", Bytes(31, 1))));
    CHECK_FALSE(age::X25519Identity::parse(bech32::encode("age-secret-key-", Bytes(33, 1))));
    CHECK_FALSE(age::X25519Identity::fromSecret(Bytes(31, 1)));
}

TEST_CASE("age X25519: wrap and unwrap, and the stanza rules", "[age]")
{
    const auto alice = age::X25519Identity::generate();
    const auto bob = age::X25519Identity::generate();
    const SecureBytes fileKey = age::generateFileKey();
    const auto stanza = alice.recipient().wrap(fileKey.view());
    REQUIRE(stanza);
    CHECK(stanza->type == "X25519");
    REQUIRE(stanza->args.size() == 1);
    CHECK(stanza->body.size() == 32);

    auto mine = alice.unwrap(*stanza);
    REQUIRE(mine);
    REQUIRE(mine->has_value());
    CHECK(equal((*mine)->view(), fileKey.view()));
    auto notMine = bob.unwrap(*stanza);
    REQUIRE(notMine);
    CHECK_FALSE(notMine->has_value());

    age::Stanza other = *stanza;
    other.type = "x25519"; // types are case-sensitive: someone else's stanza
    CHECK(age::checkX25519Stanza(other).ok());
    auto ignored = alice.unwrap(other);
    REQUIRE(ignored);
    CHECK_FALSE(ignored->has_value());

    auto invalid = [&](age::Stanza s) {
        CHECK(age::checkX25519Stanza(s).code() == age::ErrorCode::Header);
        const auto r = alice.unwrap(s);
        REQUIRE_FALSE(r);
        CHECK(r.status().code() == age::ErrorCode::Header);
    };
    age::Stanza s = *stanza;
    s.args.push_back("extra");
    invalid(s);
    s = *stanza;
    s.args.clear();
    invalid(s);
    s = *stanza;
    s.body.push_back(0);
    invalid(s);
    s = *stanza;
    s.args[0] = age::base64::encode(Bytes(33, 9));
    invalid(s);
    s = *stanza;
    s.args[0] += "="; // padded
    invalid(s);

    // A low-order share makes the shared secret all zeros: abort, never "not mine".
    s = *stanza;
    s.args[0] = age::base64::encode(Bytes(32, 0));
    CHECK(age::checkX25519Stanza(s).ok()); // well formed: only the shared secret tells
    const auto lowOrder = alice.unwrap(s);
    REQUIRE_FALSE(lowOrder);
    CHECK(lowOrder.status().code() == age::ErrorCode::Header);

    // Nor is a low-order recipient usable.
    CHECK_FALSE(age::X25519Recipient(age::X25519PublicKey{}).wrap(fileKey.view()));
}

TEST_CASE("age scrypt: the work factor is a plain decimal number", "[age]")
{
    CHECK(age::parseWorkFactor("1") == 1);
    CHECK(age::parseWorkFactor("18") == 18);
    CHECK(age::parseWorkFactor("22") == 22);
    CHECK(age::parseWorkFactor("123456789") == 123456789);
    for (const char* bad : {"", "0", "01", "010", "+10", "-10", "0xa", "1e1", " 10", "10 ",
                            "aaaa10", "10aaaa", "1234567890", "9223372036854775818", "\u0661"})
        CHECK_FALSE(age::parseWorkFactor(bad));
}

TEST_CASE("age scrypt: wrap and unwrap, and the stanza rules", "[age]")
{
    const SecureBytes fileKey = age::generateFileKey();
    const auto stanza =
        age::ScryptRecipient(SecureBytes::copyOf(view("hunter2")), 4).wrap(fileKey.view());
    REQUIRE(stanza);
    CHECK(stanza->type == "scrypt");
    REQUIRE(stanza->args.size() == 2);
    CHECK(age::base64::decode(stanza->args[0])->size() == 16);
    CHECK(stanza->args[1] == "4");
    CHECK(stanza->body.size() == 32);

    const age::ScryptIdentity right(SecureBytes::copyOf(view("hunter2")));
    auto key = right.unwrap(*stanza);
    REQUIRE(key);
    REQUIRE(key->has_value());
    CHECK(equal((*key)->view(), fileKey.view()));
    auto wrong = age::ScryptIdentity(SecureBytes::copyOf(view("hunter3"))).unwrap(*stanza);
    REQUIRE(wrong);
    CHECK_FALSE(wrong->has_value());

    // The ceiling is checked before any work: 4 is above a ceiling of 3.
    auto capped = age::ScryptIdentity(SecureBytes::copyOf(view("hunter2")), 3).unwrap(*stanza);
    REQUIRE_FALSE(capped);
    CHECK(capped.status().code() == age::ErrorCode::Header);

    auto invalid = [&](age::Stanza s) {
        CHECK(age::checkScryptStanza(s, 22).code() == age::ErrorCode::Header);
        const auto r = right.unwrap(s);
        REQUIRE_FALSE(r);
        CHECK(r.status().code() == age::ErrorCode::Header);
    };
    age::Stanza s = *stanza;
    s.args.push_back("4");
    invalid(s);
    s = *stanza;
    s.args.pop_back();
    invalid(s);
    s = *stanza;
    s.args[1] = "04";
    invalid(s);
    s = *stanza;
    s.args[1] = "23";
    invalid(s);
    s = *stanza;
    s.args[0] = age::base64::encode(Bytes(15, 1));
    invalid(s);
    s = *stanza;
    s.body.pop_back();
    invalid(s);

    // The writer refuses what the reader would.
    CHECK(age::ScryptRecipient(SecureBytes(), 4).wrap(fileKey.view()).status().code()
          == age::ErrorCode::Usage);
    CHECK(age::ScryptRecipient(SecureBytes::copyOf(view("x")), 0)
              .wrap(fileKey.view())
              .status()
              .code() == age::ErrorCode::Usage);
    CHECK(age::ScryptRecipient(SecureBytes::copyOf(view("x")), 23)
              .wrap(fileKey.view())
              .status()
              .code() == age::ErrorCode::Usage);
}
