#include "TestHelpers.h"

#include "crypto/Aead.h"
#include "crypto/Random.h"

#include <stdexcept>

using namespace pt::crypto;
using pt::crypto::test::bytesOf;
using pt::crypto::test::hex;
using pt::crypto::test::toBytes;

namespace {

// draft-irtf-cfrg-xchacha-03 (January 2020), Appendix A "Example and Test Vector for
// AEAD_XCHACHA20_POLY1305".
const char* const Plaintext = "Ladies and Gentlemen of the class of '99: If I could offer you only "
                              "one tip for the future, sunscreen would be it.";
const char* const Aad = "50515253c0c1c2c3c4c5c6c7";
const char* const Key = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
const char* const Iv = "404142434445464748494a4b4c4d4e4f5051525354555657";
const char* const Ciphertext = "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                               "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                               "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                               "21f9664c97637da9768812f615c68b13b52e";
const char* const Tag = "c0875924c1c7987947deafd8780acf49";

} // namespace

TEST_CASE("XChaCha20-Poly1305 draft-irtf-cfrg-xchacha test vector", "[aead]")
{
    const Bytes key = hex(Key);
    const Bytes nonce = hex(Iv);
    const Bytes aad = hex(Aad);
    const Bytes plaintext = bytesOf(Plaintext);
    REQUIRE(plaintext.size() == 114);

    const Bytes sealed = aead::encrypt(key, nonce, plaintext, aad);
    REQUIRE(sealed.size() == plaintext.size() + aead::TagSize);
    CHECK(toHex(ByteView(sealed).first(plaintext.size())) == Ciphertext);
    CHECK(toHex(ByteView(sealed).last(aead::TagSize)) == Tag);

    const auto opened = aead::decrypt(key, nonce, sealed, aad);
    REQUIRE(opened.has_value());
    CHECK(*opened == plaintext);

    SECTION("a flipped bit anywhere in ciphertext or tag fails")
    {
        for (std::size_t i = 0; i < sealed.size(); ++i) {
            for (int bit : {0, 7}) {
                Bytes damaged = sealed;
                damaged[i] ^= static_cast<std::uint8_t>(1u << bit);
                CAPTURE(i, bit);
                CHECK_FALSE(aead::decrypt(key, nonce, damaged, aad).has_value());
            }
        }
    }
    SECTION("a flipped bit in the AAD fails")
    {
        for (std::size_t i = 0; i < aad.size(); ++i) {
            Bytes badAad = aad;
            badAad[i] ^= 0x01;
            CHECK_FALSE(aead::decrypt(key, nonce, sealed, badAad).has_value());
        }
        CHECK_FALSE(aead::decrypt(key, nonce, sealed, {}).has_value());
    }
    SECTION("wrong key or nonce fails")
    {
        Bytes badKey = key;
        badKey[31] ^= 0x80;
        CHECK_FALSE(aead::decrypt(badKey, nonce, sealed, aad).has_value());
        Bytes badNonce = nonce;
        badNonce[23] ^= 0x01;
        CHECK_FALSE(aead::decrypt(key, badNonce, sealed, aad).has_value());
    }
}

TEST_CASE("AEAD decrypt rejects bad sizes without crashing", "[aead]")
{
    const Bytes key = hex(Key);
    const Bytes nonce = hex(Iv);
    const Bytes sealed = aead::encrypt(key, nonce, view("x"), {});
    for (std::size_t n = 0; n < aead::TagSize; ++n)
        CHECK_FALSE(aead::decrypt(key, nonce, ByteView(sealed).first(n), {}).has_value());
    CHECK_FALSE(aead::decrypt(ByteView(key).first(31), nonce, sealed, {}).has_value());
    CHECK_FALSE(aead::decrypt(Bytes(33, 1), nonce, sealed, {}).has_value());
    CHECK_FALSE(aead::decrypt({}, nonce, sealed, {}).has_value());
    CHECK_FALSE(aead::decrypt(key, ByteView(nonce).first(12), sealed, {}).has_value());
    CHECK_FALSE(aead::decrypt(key, {}, sealed, {}).has_value());
    CHECK(aead::decrypt(key, nonce, sealed, {}).has_value());

    CHECK_THROWS_AS(aead::encrypt(ByteView(key).first(16), nonce, {}, {}), std::invalid_argument);
    CHECK_THROWS_AS(aead::encrypt(key, ByteView(nonce).first(12), {}, {}), std::invalid_argument);
    CHECK_THROWS_AS(aead::seal(Bytes(31), {}, {}), std::invalid_argument);
}

TEST_CASE("AEAD empty plaintext and AAD", "[aead]")
{
    const Bytes key = randomBytes(aead::KeySize);
    const Bytes nonce = randomBytes(aead::NonceSize);
    const Bytes sealed = aead::encrypt(key, nonce, {}, {});
    CHECK(sealed.size() == aead::TagSize);
    const auto opened = aead::decrypt(key, nonce, sealed, {});
    REQUIRE(opened.has_value());
    CHECK(opened->empty());
}

TEST_CASE("seal / open with a random nonce", "[aead]")
{
    const Bytes key = randomBytes(aead::KeySize);
    const Bytes plaintext = randomBytes(1000);
    const auto aad = view("entry-id:42");

    const Bytes a = aead::seal(key, plaintext, aad);
    const Bytes b = aead::seal(key, plaintext, aad);
    REQUIRE(a.size() == aead::NonceSize + plaintext.size() + aead::TagSize);
    CHECK(a != b); // fresh nonce each time
    // The explicit form agrees with the sealed layout.
    CHECK(aead::encrypt(key, ByteView(a).first(aead::NonceSize), plaintext, aad)
          == toBytes(ByteView(a).subspan(aead::NonceSize)));

    const auto opened = aead::open(key, a, aad);
    REQUIRE(opened.has_value());
    CHECK(*opened == plaintext);

    CHECK_FALSE(aead::open(key, a, view("entry-id:43")).has_value());
    Bytes damaged = a;
    damaged[3] ^= 0x10; // in the nonce
    CHECK_FALSE(aead::open(key, damaged, aad).has_value());
    CHECK_FALSE(aead::open(randomBytes(aead::KeySize), a, aad).has_value());

    for (std::size_t n = 0; n < aead::NonceSize + aead::TagSize; ++n)
        CHECK_FALSE(aead::open(key, ByteView(a).first(n), aad).has_value());
    CHECK_FALSE(aead::open(Bytes(16), a, aad).has_value());

    const Bytes empty = aead::seal(key, {}, {});
    CHECK(empty.size() == aead::NonceSize + aead::TagSize);
    const auto openedEmpty = aead::open(key, empty, {});
    REQUIRE(openedEmpty.has_value());
    CHECK(openedEmpty->empty());
}

TEST_CASE("openSecret returns secrets in SecureBytes", "[aead]")
{
    const Bytes key = randomBytes(aead::KeySize);
    const SecureBytes wrappedKey = randomSecret(32);
    const Bytes sealed = aead::seal(key, wrappedKey.view(), view("wrap"));

    const auto opened = aead::openSecret(key, sealed, view("wrap"));
    REQUIRE(opened.has_value());
    CHECK(equal(opened->view(), wrappedKey.view()));

    Bytes damaged = sealed;
    damaged.back() ^= 0x01;
    CHECK_FALSE(aead::openSecret(key, damaged, view("wrap")).has_value());
    CHECK_FALSE(aead::openSecret(key, sealed, view("other")).has_value());
    CHECK_FALSE(aead::openSecret(key, ByteView(sealed).first(39), view("wrap")).has_value());
    CHECK_FALSE(aead::openSecret(ByteView(key).first(8), sealed, view("wrap")).has_value());

    const auto emptySecret = aead::openSecret(key, aead::seal(key, {}, {}), {});
    REQUIRE(emptySecret.has_value());
    CHECK(emptySecret->empty());
}
