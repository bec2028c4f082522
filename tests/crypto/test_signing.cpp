#include "TestHelpers.h"

#include "crypto/Signing.h"

#include <stdexcept>

using namespace pt::crypto;
using pt::crypto::test::hex;

namespace {

struct Ed25519Case {
    const char* name;
    const char* secretKey; // the 32-byte seed
    const char* publicKey;
    const char* message;
    const char* signature;
};

// RFC 8032 section 7.1.
const Ed25519Case rfc8032[] = {
    {"TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    {"TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
     "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
    {"TEST SHA(abc)", "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
     "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
     "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
     "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
     "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"},
};

} // namespace

TEST_CASE("Ed25519 RFC 8032 section 7.1 vectors", "[signing]")
{
    for (const Ed25519Case& tc : rfc8032) {
        CAPTURE(tc.name);
        const Bytes seed = hex(tc.secretKey);
        const Bytes message = hex(tc.message);

        const signing::KeyPair kp = signing::fromSeed(seed);
        CHECK(toHex(kp.publicKey) == tc.publicKey);
        REQUIRE(kp.secretKey.size() == signing::SecretKeySize);
        // libsodium layout: seed || public key
        CHECK(equal(kp.secretKey.view().first(32), seed));
        CHECK(equal(kp.secretKey.view().last(32), kp.publicKey));

        const Bytes signature = signing::sign(kp.secretKey, message);
        CHECK(toHex(signature) == tc.signature);
        CHECK(signing::verify(kp.publicKey, message, signature));

        Bytes otherMessage = message;
        otherMessage.push_back(0x00);
        CHECK_FALSE(signing::verify(kp.publicKey, otherMessage, signature));
        if (!message.empty()) {
            Bytes flipped = message;
            flipped[0] ^= 0x01;
            CHECK_FALSE(signing::verify(kp.publicKey, flipped, signature));
        }
        for (std::size_t i : {std::size_t{0}, std::size_t{31}, std::size_t{32}, std::size_t{63}}) {
            Bytes badSig = signature;
            badSig[i] ^= 0x04;
            CAPTURE(i);
            CHECK_FALSE(signing::verify(kp.publicKey, message, badSig));
        }
    }
}

TEST_CASE("Ed25519 generate, sign, verify and size checks", "[signing]")
{
    const signing::KeyPair a = signing::generate();
    const signing::KeyPair b = signing::generate();
    REQUIRE(a.publicKey.size() == signing::PublicKeySize);
    CHECK(a.publicKey != b.publicKey);

    const auto message = view("journal entry");
    const Bytes sig = signing::sign(a.secretKey, message);
    REQUIRE(sig.size() == signing::SignatureSize);
    CHECK(signing::verify(a.publicKey, message, sig));
    CHECK_FALSE(signing::verify(b.publicKey, message, sig));

    CHECK_FALSE(signing::verify(ByteView(a.publicKey).first(31), message, sig));
    CHECK_FALSE(signing::verify({}, message, sig));
    CHECK_FALSE(signing::verify(a.publicKey, message, ByteView(sig).first(63)));
    Bytes longSig = sig;
    longSig.push_back(0);
    CHECK_FALSE(signing::verify(a.publicKey, message, longSig));
    CHECK_FALSE(signing::verify(a.publicKey, message, {}));

    CHECK_THROWS_AS(signing::fromSeed(Bytes(31)), std::invalid_argument);
    CHECK_THROWS_AS(signing::sign(SecureBytes(32), message), std::invalid_argument);
}
