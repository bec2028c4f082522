#include "TestHelpers.h"

#include "crypto/PasswordHash.h"

using namespace pt::crypto;
using pt::crypto::test::hex;

namespace {
constexpr std::size_t MiB = 1024u * 1024u;
const pwhash::Params Small{1, 8 * MiB};
} // namespace

TEST_CASE("Argon2id derive is deterministic and input-sensitive", "[pwhash]")
{
    const Bytes salt1 = hex("000102030405060708090a0b0c0d0e0f");
    const Bytes salt2 = hex("000102030405060708090a0b0c0d0e0e");

    const auto a = pwhash::derive(view("correct horse"), salt1, Small);
    const auto b = pwhash::derive(view("correct horse"), salt1, Small);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    CHECK(a->size() == 32);
    CHECK(equal(a->view(), b->view()));

    const auto otherSalt = pwhash::derive(view("correct horse"), salt2, Small);
    const auto otherPass = pwhash::derive(view("correct horsf"), salt1, Small);
    const auto otherOps = pwhash::derive(view("correct horse"), salt1, {2, 8 * MiB});
    const auto otherMem = pwhash::derive(view("correct horse"), salt1, {1, 9 * MiB});
    REQUIRE(otherSalt.has_value());
    REQUIRE(otherPass.has_value());
    REQUIRE(otherOps.has_value());
    REQUIRE(otherMem.has_value());
    CHECK_FALSE(equal(a->view(), otherSalt->view()));
    CHECK_FALSE(equal(a->view(), otherPass->view()));
    CHECK_FALSE(equal(a->view(), otherOps->view()));
    CHECK_FALSE(equal(a->view(), otherMem->view()));

    const auto longer = pwhash::derive(view("correct horse"), salt1, Small, 64);
    REQUIRE(longer.has_value());
    CHECK(longer->size() == 64);

    const auto emptyPass = pwhash::derive({}, salt1, {3, 8 * MiB});
    REQUIRE(emptyPass.has_value());
    CHECK(emptyPass->size() == 32);
}

TEST_CASE("Argon2id derive rejects out-of-range parameters", "[pwhash]")
{
    const Bytes salt(pwhash::SaltSize, 0x42);
    const auto pass = view("pw");
    CHECK_FALSE(pwhash::derive(pass, Bytes(15), Small).has_value());
    CHECK_FALSE(pwhash::derive(pass, Bytes(17), Small).has_value());
    CHECK_FALSE(pwhash::derive(pass, {}, Small).has_value());
    CHECK_FALSE(pwhash::derive(pass, salt, {0, 8 * MiB}).has_value());
    CHECK_FALSE(pwhash::derive(pass, salt, {pwhash::MaxOps + 1, 8 * MiB}).has_value());
    CHECK_FALSE(pwhash::derive(pass, salt, {~0ull, 8 * MiB}).has_value());
    CHECK_FALSE(pwhash::derive(pass, salt, {1, 8191}).has_value());
    CHECK_FALSE(pwhash::derive(pass, salt, {1, 0}).has_value());
    CHECK_FALSE(pwhash::derive(pass, salt, {1, pwhash::MaxMemory + 1}).has_value());
    CHECK_FALSE(pwhash::derive(pass, salt, {1, ~std::size_t{0}}).has_value());
    // Within each ceiling alone, but more work than a phone can do in a few seconds.
    CHECK_FALSE(pwhash::derive(pass, salt, {8, pwhash::MaxMemory}).has_value());
    CHECK_FALSE(pwhash::Params{8, pwhash::MaxMemory}.withinCeiling());
    CHECK(pwhash::Params{4, pwhash::MaxMemory}.withinCeiling());
    CHECK_FALSE(pwhash::derive(pass, salt, Small, 15).has_value());
    CHECK_FALSE(pwhash::derive(pass, salt, Small, 0).has_value());
    CHECK(pwhash::derive(pass, salt, Small, 16).has_value());
}

TEST_CASE("Argon2id calibrate never goes below the minimums", "[pwhash]")
{
    const pwhash::Params quick = pwhash::calibrate(std::chrono::milliseconds(1));
    CHECK(quick.ops == pwhash::MinOps);
    CHECK(quick.memory == pwhash::MinMemory);

    const pwhash::Params p = pwhash::calibrate(std::chrono::milliseconds(400));
    CHECK(p.ops >= pwhash::MinOps);
    CHECK(p.ops <= pwhash::MaxOps);
    CHECK(p.memory >= pwhash::MinMemory);
    CHECK(p.memory <= pwhash::MaxMemory);
    CHECK(p.withinCeiling());
    CHECK(p.memory % pwhash::MinMemory == 0);
}
