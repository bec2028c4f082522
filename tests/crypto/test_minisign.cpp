#include "TestHelpers.h"

#include "crypto/Minisign.h"
#include "crypto/Signing.h"

#include <sodium.h>

#include <stdexcept>

using namespace pt::crypto;
using pt::crypto::test::bytesOf;
using pt::crypto::test::hex;
namespace ms = pt::crypto::minisign;

namespace {

SecureBytes seedOf(std::string_view h)
{
    return SecureBytes::copyOf(hex(h));
}

const char* const SeedA = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const char* const SeedB = "1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100";

// Our key from SeedA: pinned, so that a vault's export key (and its id) never changes between
// versions. tests/crypto/test_minisign_interop.sh checks that `minisign -R` writes the same file
// for this key and that `minisign -S` writes the same signature as SignatureA.
const char* const PublicKeyFileA = "untrusted comment: minisign public key CEAEF16CBD3863F5\n"
                                   "RWT1Yzi9bPGuzgOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4\n";
const char* const MessageA = "abc";
const char* const TrustedA = "timestamp:1700000000\tfile:SHA256SUMS\thashed";
const char* const SignatureA =
    "untrusted comment: signature from minisign secret key\n"
    "RUT1Yzi9bPGuzpKp4JgkJG9RdiZZe/mwi6Nlw4xZhCRZHjOAiJ3QGbJcMJV5"
    "Glb2sePf4G9n1+YQglI6HPlnH3fLw8Rl8k9p5gg=\n"
    "trusted comment: timestamp:1700000000\tfile:SHA256SUMS\thashed\n"
    "Qmub0ETF10KNa+43wayfHAAmwjpqTQMMYqJIPORUE8x4r8Dkv3bpPMCGFz3Tf3zQRtSVEWaxByhY+lxYbjN0AA==\n";

// Made once with the real minisign 0.11 (`minisign -G -W`, then `minisign -S` and `minisign -S
// -l`) over MinisignMessage; the secret key was thrown away.
const char* const MinisignPublicKey = "untrusted comment: minisign public key 5729482972DAA54E\n"
                                      "RWROpdpyKUgpV7FIIp3yE3fsr4t3VW/vfn/VF3B6yf940SgkZQI+M2ZD\n";
const char* const MinisignMessage = "Paper Trail known-answer message\n";
const char* const MinisignPrehashed =
    "untrusted comment: KAT untrusted\n"
    "RUROpdpyKUgpV+kalB0XvmTfXg5P7qOxjyffu2RyONYXX2H8OSm3ySc5y5y6"
    "0T0G5Gm0T+4U+Eq6R+Ev19G68qOAnjecWa6E3wc=\n"
    "trusted comment: paper trail KAT prehashed\n"
    "FBBiQigmZhToPklcGVgRYZlFHMq3Z3Wh0hpWkB9oZZzxCBL7td2WMr2rXnbxTwvfCKrkrRxXzB11Wkj1JdWsAg==\n";
const char* const MinisignLegacy =
    "untrusted comment: signature from minisign secret key\n"
    "RWROpdpyKUgpV7blk7f1pTfMta3fTigyEMqWeCv72VZ9c6028hZsYH0U242z"
    "GsA7PuCTdhsZdZl1O/tEboBNoOH99SVVz3URrQg=\n"
    "trusted comment: paper trail KAT legacy\n"
    "maXnVgZJwmUi7AyO8Kmak4L4cS/+vfkg6CGGP66B1dZ/ObdjGkmFMbStUKNjrzQJAfp8hEsBxqUVcN0rqKOxAw==\n";

std::vector<std::string> linesOf(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t lf = text.find('\n', start);
        REQUIRE(lf != std::string::npos);
        lines.push_back(text.substr(start, lf - start));
        start = lf + 1;
    }
    return lines;
}

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string out;
    for (const auto& line : lines)
        out += line + "\n";
    return out;
}

// Re-encodes line `index` (base64) after `edit` changed its bytes.
template <typename Edit>
std::string editBase64Line(const std::string& file, std::size_t index, Edit edit)
{
    auto lines = linesOf(file);
    REQUIRE(index < lines.size());
    auto raw = fromBase64(lines[index]);
    REQUIRE(raw.has_value());
    edit(*raw);
    lines[index] = toBase64(*raw);
    return joinLines(lines);
}

ms::VerifyStatus statusOf(std::string_view pub, std::string_view sig, std::string_view message,
                          ms::VerifyOptions options = {})
{
    return ms::verify(pub, sig, view(message), options).status;
}

} // namespace

TEST_CASE("minisign key from a seed is deterministic", "[minisign]")
{
    const ms::KeyPair a1 = ms::KeyPair::fromSeed(seedOf(SeedA));
    const ms::KeyPair a2 = ms::KeyPair::fromSeed(seedOf(SeedA));
    const ms::KeyPair b = ms::KeyPair::fromSeed(seedOf(SeedB));

    CHECK(a1.publicKey() == a2.publicKey());
    CHECK(ms::publicKeyFile(a1.publicKey()) == ms::publicKeyFile(a2.publicKey()));
    CHECK(ms::publicKeyFile(a1.publicKey()) == PublicKeyFileA);

    CHECK(a1.publicKey().key != b.publicKey().key);
    CHECK(a1.publicKey().keyId != b.publicKey().keyId);
    CHECK(ms::publicKeyFile(a1.publicKey()) != ms::publicKeyFile(b.publicKey()));

    // The Ed25519 key is the one crypto_sign_seed_keypair makes from the seed.
    const signing::KeyPair ed = signing::fromSeed(hex(SeedA));
    CHECK(equal(a1.publicKey().key, ed.publicKey));
    CHECK(equal(a1.secretKey().view(), ed.secretKey.view()));

    CHECK_THROWS_AS(ms::KeyPair::fromSeed(SecureBytes(31)), std::invalid_argument);
    CHECK_THROWS_AS(ms::KeyPair::fromSeed(SecureBytes(33)), std::invalid_argument);
}

TEST_CASE("minisign key id is BLAKE2b-256 of the domain and the public key, cut to 8 bytes",
          "[minisign]")
{
    const ms::KeyPair a = ms::KeyPair::fromSeed(seedOf(SeedA));
    const std::string domain = "papertrail/minisign-key-id/1";
    Bytes input = bytesOf(domain);
    input.insert(input.end(), a.publicKey().key.begin(), a.publicKey().key.end());
    std::uint8_t digest[32];
    crypto_generichash(digest, sizeof digest, input.data(), input.size(), nullptr, 0);
    CHECK(equal(a.publicKey().keyId, ByteView(digest, 8)));
    CHECK(ms::keyIdFor(a.publicKey().key) == a.publicKey().keyId);
    CHECK_THROWS_AS(ms::keyIdFor(Bytes(31)), std::invalid_argument);
}

TEST_CASE("minisign key id text is minisign's %PRIX64 of the little-endian bytes", "[minisign]")
{
    CHECK(ms::keyIdText({0x4e, 0xa5, 0xda, 0x72, 0x29, 0x48, 0x29, 0x57}) == "5729482972DAA54E");
    CHECK(ms::keyIdText({0x01, 0, 0, 0, 0, 0, 0, 0}) == "1");
    CHECK(ms::keyIdText({0, 0, 0, 0, 0, 0, 0, 0}) == "0");
    CHECK(ms::keyIdText({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f}) == "FFFFFFFFFFFFFFF");
}

TEST_CASE("minisign public key file layout", "[minisign]")
{
    const ms::KeyPair a = ms::KeyPair::fromSeed(seedOf(SeedA));
    const std::string file = ms::publicKeyFile(a.publicKey());
    const auto lines = linesOf(file);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]
          == "untrusted comment: minisign public key " + ms::keyIdText(a.publicKey().keyId));
    CHECK(lines[1] == ms::publicKeyBase64(a.publicKey()));
    const auto raw = fromBase64(lines[1]);
    REQUIRE(raw.has_value());
    REQUIRE(raw->size() == 42);
    CHECK((*raw)[0] == 'E');
    CHECK((*raw)[1] == 'd');
    CHECK(equal(ByteView(*raw).subspan(2, 8), a.publicKey().keyId));
    CHECK(equal(ByteView(*raw).subspan(10), a.publicKey().key));

    CHECK(ms::parsePublicKeyFile(file) == a.publicKey());
    CHECK(ms::parsePublicKeyBase64(lines[1]) == a.publicKey());

    const std::string custom = ms::publicKeyFile(a.publicKey(), "Paper Trail export key");
    CHECK(custom == "untrusted comment: Paper Trail export key\n" + lines[1] + "\n");
    CHECK(ms::parsePublicKeyFile(custom) == a.publicKey());
    CHECK_THROWS_AS(ms::publicKeyFile(a.publicKey(), "two\nlines"), std::invalid_argument);
    CHECK_THROWS_AS(ms::publicKeyFile(a.publicKey(), std::string(1004, 'x')),
                    std::invalid_argument);
    CHECK(ms::publicKeyFile(a.publicKey(), std::string(1003, 'x')).size()
          == 1023 + 57); // the longest comment line minisign reads back
}

TEST_CASE("minisign sign and verify round trip", "[minisign]")
{
    const ms::KeyPair a = ms::KeyPair::fromSeed(seedOf(SeedA));
    const std::string pub = ms::publicKeyFile(a.publicKey());

    SECTION("the pinned signature")
    {
        const std::string sig = ms::sign(a, view(MessageA), TrustedA);
        CHECK(sig == SignatureA);
        const ms::Verification v = ms::verify(pub, sig, view(MessageA));
        CHECK(v.ok());
        CHECK(v.trustedComment == TrustedA);
        CHECK(v.algorithm == ms::Algorithm::Prehashed);
        REQUIRE(v.signatureKeyId.has_value());
        CHECK(*v.signatureKeyId == a.publicKey().keyId);
    }

    SECTION("layout: ED, key id, Ed25519 over BLAKE2b-512, then the global signature")
    {
        const std::string sig = ms::sign(a, view(MessageA), "hello", "my comment");
        const auto lines = linesOf(sig);
        REQUIRE(lines.size() == 4);
        CHECK(lines[0] == "untrusted comment: my comment");
        CHECK(lines[2] == "trusted comment: hello");
        const auto sigStruct = fromBase64(lines[1]);
        REQUIRE(sigStruct.has_value());
        REQUIRE(sigStruct->size() == 74);
        CHECK((*sigStruct)[0] == 'E');
        CHECK((*sigStruct)[1] == 'D');
        CHECK(equal(ByteView(*sigStruct).subspan(2, 8), a.publicKey().keyId));
        std::uint8_t digest[64];
        crypto_generichash(digest, sizeof digest, view(MessageA).data(), 3, nullptr, 0);
        const ByteView sig64 = ByteView(*sigStruct).subspan(10);
        CHECK(signing::verify(a.publicKey().key, ByteView(digest, 64), sig64));
        const auto global = fromBase64(lines[3]);
        REQUIRE(global.has_value());
        Bytes signedComment(sig64.begin(), sig64.end());
        const Bytes hello = bytesOf("hello");
        signedComment.insert(signedComment.end(), hello.begin(), hello.end());
        CHECK(signing::verify(a.publicKey().key, signedComment, *global));
    }

    SECTION("pieces give the same signature as the whole, and verify in pieces")
    {
        Bytes message(200'000);
        for (std::size_t i = 0; i < message.size(); ++i)
            message[i] = static_cast<std::uint8_t>(i * 7 + (i >> 9));
        const std::string whole = ms::sign(a, message, "big");
        ms::Signer signer(a);
        std::size_t pos = 0;
        for (std::size_t step = 1; pos < message.size(); step = step * 3 + 1) {
            const std::size_t n = std::min(step, message.size() - pos);
            signer.update(ByteView(message).subspan(pos, n));
            pos += n;
        }
        CHECK(signer.finish("big") == whole);

        ms::Verifier verifier(pub, whole);
        CHECK(verifier.status() == ms::VerifyStatus::Ok);
        for (std::size_t off = 0; off < message.size(); off += 65'536) {
            const std::size_t n = std::min<std::size_t>(65'536, message.size() - off);
            verifier.update(ByteView(message).subspan(off, n));
        }
        const ms::Verification v = verifier.finish();
        CHECK(v.ok());
        CHECK(v.trustedComment == "big");
        CHECK_THROWS_AS(verifier.update(message), std::logic_error);
        CHECK_THROWS_AS((void)verifier.finish(), std::logic_error);
    }

    SECTION("empty message and empty trusted comment")
    {
        const std::string sig = ms::sign(a, {}, "");
        const ms::Verification v = ms::verify(pub, sig, {});
        CHECK(v.ok());
        CHECK(v.trustedComment.empty());
        CHECK_FALSE(ms::verify(pub, sig, view("x")).ok());
    }

    SECTION("the longest trusted comment")
    {
        const std::string longest(ms::MaxTrustedCommentSize, 't');
        const std::string sig = ms::sign(a, view(MessageA), longest);
        CHECK(ms::verify(pub, sig, view(MessageA)).trustedComment == longest);
        // With CRLF line ends it is one byte too long for minisign's 8192-byte buffer.
        std::string crlf;
        for (const auto& line : linesOf(sig))
            crlf += line + "\r\n";
        CHECK(statusOf(pub, crlf, MessageA) == ms::VerifyStatus::MalformedSignature);
        CHECK_THROWS_AS((void)ms::sign(a, view(MessageA), longest + "t"), std::invalid_argument);
        // The longest file a reader has to take in: both comments at their longest, CRLF after
        // the two base64 lines.
        const std::string untrusted(ms::MaxUntrustedCommentSize, 'u');
        const auto lines = linesOf(ms::sign(a, view(MessageA), longest, untrusted));
        const std::string biggest =
            lines[0] + "\n" + lines[1] + "\r\n" + lines[2] + "\n" + lines[3] + "\r\n";
        CHECK(ms::verify(pub, biggest, view(MessageA)).ok());
        CHECK(biggest.size() == ms::MaxSignatureFileSize);
        const std::string pubCrlf = linesOf(ms::publicKeyFile(a.publicKey(), untrusted))[0]
            + "\n" + linesOf(pub)[1] + "\r\n";
        CHECK(ms::verify(pubCrlf, biggest, view(MessageA)).ok());
        CHECK(pubCrlf.size() == ms::MaxPublicKeyFileSize);
    }

    SECTION("signer misuse")
    {
        ms::Signer signer(a);
        signer.update(view(MessageA));
        CHECK_THROWS_AS((void)signer.finish("two\nlines"), std::invalid_argument);
        CHECK_THROWS_AS((void)signer.finish("ok", "cr\rinside"), std::invalid_argument);
        CHECK_THROWS_AS((void)signer.finish(std::string_view("nul\0", 4)), std::invalid_argument);
        // A refused comment leaves the signer usable.
        CHECK(signer.finish(TrustedA) == SignatureA);
        CHECK_THROWS_AS(signer.update(view(MessageA)), std::logic_error);
        CHECK_THROWS_AS((void)signer.finish(TrustedA), std::logic_error);
    }
}

TEST_CASE("minisign comment helpers", "[minisign]")
{
    CHECK(ms::defaultTrustedComment(1700000000, "SHA256SUMS") == TrustedA);
    CHECK(ms::defaultTrustedComment(5, "/tmp/x/SHA256SUMS")
          == "timestamp:5\tfile:SHA256SUMS\thashed");
    CHECK(ms::isValidTrustedComment(""));
    CHECK(ms::isValidTrustedComment("tabs\tare fine"));
    CHECK_FALSE(ms::isValidTrustedComment("a\nb"));
    CHECK_FALSE(ms::isValidTrustedComment(std::string(ms::MaxTrustedCommentSize + 1, 'x')));
    CHECK(ms::isValidUntrustedComment(std::string(ms::MaxUntrustedCommentSize, 'x')));
    CHECK_FALSE(ms::isValidUntrustedComment(std::string(ms::MaxUntrustedCommentSize + 1, 'x')));
    CHECK_FALSE(ms::isValidUntrustedComment("a\rb"));
}

TEST_CASE("minisign verification refuses tampering and the wrong key", "[minisign]")
{
    const ms::KeyPair a = ms::KeyPair::fromSeed(seedOf(SeedA));
    const ms::KeyPair b = ms::KeyPair::fromSeed(seedOf(SeedB));
    const std::string pubA = ms::publicKeyFile(a.publicKey());
    const std::string pubB = ms::publicKeyFile(b.publicKey());
    const std::string sig = SignatureA;
    using S = ms::VerifyStatus;

    REQUIRE(statusOf(pubA, sig, MessageA) == S::Ok);

    // The message.
    CHECK(statusOf(pubA, sig, "abd") == S::BadSignature);
    CHECK(statusOf(pubA, sig, "ab") == S::BadSignature);
    CHECK(statusOf(pubA, sig, "abc\n") == S::BadSignature);

    // The trusted comment, edited the way a forger would.
    auto lines = linesOf(sig);
    lines[2] = "trusted comment: timestamp:1800000000\tfile:SHA256SUMS\thashed";
    CHECK(statusOf(pubA, joinLines(lines), MessageA) == S::BadTrustedComment);
    lines = linesOf(sig);
    lines[2] += " ";
    CHECK(statusOf(pubA, joinLines(lines), MessageA) == S::BadTrustedComment);

    // The untrusted comment is not signed: minisign accepts any.
    lines = linesOf(sig);
    lines[0] = "untrusted comment: anything at all";
    CHECK(statusOf(pubA, joinLines(lines), MessageA) == S::Ok);

    // The signatures themselves.
    CHECK(statusOf(pubA, editBase64Line(sig, 1, [](Bytes& r) { r[10] ^= 1; }), MessageA)
          == S::BadSignature);
    CHECK(statusOf(pubA, editBase64Line(sig, 1, [](Bytes& r) { r[73] ^= 0x80; }), MessageA)
          == S::BadSignature);
    CHECK(statusOf(pubA, editBase64Line(sig, 3, [](Bytes& r) { r[0] ^= 1; }), MessageA)
          == S::BadTrustedComment);

    // Another key: its id differs, so minisign says so before trying the signature.
    CHECK(statusOf(pubB, sig, MessageA) == S::KeyIdMismatch);
    const ms::Verification v = ms::verify(pubB, sig, view(MessageA));
    CHECK(v.trustedComment.empty());
    REQUIRE(v.signatureKeyId.has_value());
    CHECK(*v.signatureKeyId == a.publicKey().keyId);

    // Another key under this key's id.
    ms::PublicKey impostor = b.publicKey();
    impostor.keyId = a.publicKey().keyId;
    CHECK(statusOf(ms::publicKeyFile(impostor), sig, MessageA) == S::BadSignature);

    // The right key under another id.
    ms::PublicKey renamed = a.publicKey();
    renamed.keyId[0] ^= 1;
    CHECK(statusOf(ms::publicKeyFile(renamed), sig, MessageA) == S::KeyIdMismatch);
    CHECK(statusOf(pubA, editBase64Line(sig, 1, [](Bytes& r) { r[9] ^= 1; }), MessageA)
          == S::KeyIdMismatch);

    // Algorithms.
    CHECK(statusOf(pubA, editBase64Line(sig, 1, [](Bytes& r) { r[1] = 'X'; }), MessageA)
          == S::UnsupportedAlgorithm);
    CHECK(statusOf(pubA, editBase64Line(sig, 1, [](Bytes& r) { r[1] = 'd'; }), MessageA)
          == S::BadSignature); // claims legacy: Ed25519 over "abc" itself fails
    CHECK(statusOf(pubA, editBase64Line(sig, 1, [](Bytes& r) { r[1] = 'd'; }), MessageA,
                   {.allowLegacy = false})
          == S::LegacyRefused);
    CHECK(statusOf(editBase64Line(pubA, 1, [](Bytes& r) { r[1] = 'D'; }), sig, MessageA)
          == S::MalformedPublicKey);
}

TEST_CASE("minisign parsing refuses malformed files", "[minisign]")
{
    const ms::KeyPair a = ms::KeyPair::fromSeed(seedOf(SeedA));
    const std::string pub = ms::publicKeyFile(a.publicKey());
    const std::string sig = SignatureA;
    const auto sigLines = linesOf(sig);
    const auto pubLines = linesOf(pub);
    using S = ms::VerifyStatus;

    SECTION("accepted variations, as minisign accepts them")
    {
        CHECK(statusOf(pub, sig.substr(0, sig.size() - 1), MessageA) == S::Ok); // no final LF
        CHECK(statusOf(pub.substr(0, pub.size() - 1), sig, MessageA) == S::Ok);
        std::string crlf;
        for (const auto& line : sigLines)
            crlf += line + "\r\n";
        CHECK(statusOf(pub, crlf, MessageA) == S::Ok);
        CHECK(statusOf(pub, crlf.substr(0, crlf.size() - 2), MessageA) == S::Ok);
        CHECK(statusOf(pubLines[0] + "\r\n" + pubLines[1] + "\r\n", sig, MessageA) == S::Ok);
        CHECK(statusOf("untrusted comment: \n" + pubLines[1], sig, MessageA) == S::Ok);
    }

    SECTION("signature files")
    {
        // The signature file with line `index` replaced.
        const auto with = [&](std::size_t index, const std::string& line) {
            auto lines = sigLines;
            lines[index] = line;
            return joinLines(lines);
        };
        const std::string& l0 = sigLines[0];
        const std::string& l1 = sigLines[1];
        const std::string& l2 = sigLines[2];
        const std::string& l3 = sigLines[3];
        const std::vector<std::pair<const char*, std::string>> bad = {
            {"empty", ""},
            {"one line", l0 + "\n"},
            {"three lines", l0 + "\n" + l1 + "\n" + l2 + "\n"},
            {"trusted comment without its LF", l0 + "\n" + l1 + "\n" + l2},
            {"a fifth line", sig + "\n"},
            {"trailing garbage", sig + "x"},
            {"blank line first", "\n" + sig},
            {"no untrusted prefix", sig.substr(10)},
            {"untrusted prefix in capitals", "Untrusted" + sig.substr(9)},
            {"lines swapped", joinLines({l0, l2, l1, l3})},
            {"no trusted prefix", with(2, "trusted: x")},
            {"sig line short", with(1, l1.substr(4))},
            {"sig line long", with(1, l1 + "AAAA")},
            {"sig line with space", with(1, " " + l1)},
            {"sig line without padding", with(1, l1.substr(0, 99))},
            {"global line short", with(3, l3.substr(4))},
            {"global line without padding", with(3, l3.substr(0, 86))},
            {"url-safe alphabet", with(3, "-_" + l3.substr(2))},
            {"NUL in the trusted comment", with(2, std::string("trusted comment: a\0b", 20))},
            {"NUL in the untrusted comment", with(0, std::string("untrusted comment: a\0b", 22))},
            {"CR inside the trusted comment", with(2, l2.substr(0, 30) + "\r" + l2.substr(30))},
            {"CR alone as a line end", l0 + "\r" + l1 + "\n" + l2 + "\n" + l3 + "\n"},
            {"untrusted comment line too long",
             with(0, "untrusted comment: " + std::string(1004, 'u'))},
            {"trusted comment line too long",
             with(2, "trusted comment: " + std::string(8174, 't'))},
            {"the public key instead", pub},
        };
        for (const auto& [name, text] : bad) {
            CAPTURE(name);
            CHECK(statusOf(pub, text, MessageA) == S::MalformedSignature);
        }
        // Non-zero bits after the last base64 digit: minisign's decoder drops them, ours refuses.
        std::string loose = sigLines[3];
        loose[85] = 'h'; // 'h' is 33: its low 4 bits are spare in "?==" and must be zero
        REQUIRE(loose != sigLines[3]);
        CHECK(statusOf(pub, joinLines({sigLines[0], sigLines[1], sigLines[2], loose}), MessageA)
              == S::MalformedSignature);
    }

    SECTION("public key files")
    {
        const std::vector<std::pair<const char*, std::string>> bad = {
            {"empty", ""},
            {"one line", pubLines[0] + "\n"},
            {"base64 alone", pubLines[1] + "\n"},
            {"a third line", pub + "\n"},
            {"trailing garbage", pub + "x"},
            {"no prefix", "comment: x\n" + pubLines[1] + "\n"},
            {"short", pubLines[0] + "\n" + pubLines[1].substr(4) + "\n"},
            {"long", pubLines[0] + "\n" + pubLines[1] + "AAAA\n"},
            {"space inside",
             pubLines[0] + "\n" + pubLines[1].substr(0, 20) + " " + pubLines[1].substr(21) + "\n"},
            {"comment line too long",
             "untrusted comment: " + std::string(1004, 'c') + "\n" + pubLines[1] + "\n"},
            {"a signature instead", sig},
        };
        for (const auto& [name, text] : bad) {
            CAPTURE(name);
            CHECK(statusOf(text, sig, MessageA) == S::MalformedPublicKey);
            CHECK_FALSE(ms::parsePublicKeyFile(text).has_value());
        }
        CHECK_FALSE(ms::parsePublicKeyBase64(pubLines[1] + "\n").has_value());
        CHECK_FALSE(ms::parsePublicKeyBase64("").has_value());
    }

    SECTION("every single-byte change past the untrusted comment is refused")
    {
        const std::size_t signedFrom = sigLines[0].size() + 1;
        for (std::size_t i = signedFrom; i < sig.size(); ++i) {
            for (const std::uint8_t mask : {0x01, 0x20, 0x80}) {
                std::string changed = sig;
                changed[i] = static_cast<char>(changed[i] ^ mask);
                CAPTURE(i, int(mask));
                CHECK_FALSE(ms::verify(pub, changed, view(MessageA)).ok());
            }
        }
        const std::size_t keyFrom = pubLines[0].size() + 1;
        for (std::size_t i = keyFrom; i < pub.size(); ++i) {
            std::string changed = pub;
            changed[i] = static_cast<char>(changed[i] ^ 0x02);
            CAPTURE(i);
            CHECK_FALSE(ms::verify(changed, sig, view(MessageA)).ok());
        }
    }

    SECTION("every truncation is refused, but for the final LF")
    {
        for (std::size_t n = 0; n + 1 < sig.size(); ++n) {
            CAPTURE(n);
            CHECK_FALSE(ms::verify(pub, sig.substr(0, n), view(MessageA)).ok());
        }
        for (std::size_t n = 0; n + 1 < pub.size(); ++n) {
            CAPTURE(n);
            CHECK_FALSE(ms::verify(pub.substr(0, n), sig, view(MessageA)).ok());
        }
    }
}

TEST_CASE("minisign signatures made by minisign 0.11 verify", "[minisign]")
{
    using S = ms::VerifyStatus;
    const auto pk = ms::parsePublicKeyFile(MinisignPublicKey);
    REQUIRE(pk.has_value());
    CHECK(ms::keyIdText(pk->keyId) == "5729482972DAA54E");
    // minisign's key ids are random: ours would differ.
    CHECK(ms::keyIdFor(pk->key) != pk->keyId);
    CHECK(ms::publicKeyFile(*pk) == MinisignPublicKey);

    SECTION("prehashed (minisign -S)")
    {
        const ms::Verification v =
            ms::verify(MinisignPublicKey, MinisignPrehashed, view(MinisignMessage));
        CHECK(v.status == S::Ok);
        CHECK(v.algorithm == ms::Algorithm::Prehashed);
        CHECK(v.trustedComment == "paper trail KAT prehashed");
        CHECK(ms::verify(MinisignPublicKey, MinisignPrehashed, view(MinisignMessage),
                         {.allowLegacy = false})
                  .ok());
        CHECK(statusOf(MinisignPublicKey, MinisignPrehashed, "Paper Trail known-answer message")
              == S::BadSignature);
    }

    SECTION("legacy (minisign -S -l)")
    {
        const ms::Verification v =
            ms::verify(MinisignPublicKey, MinisignLegacy, view(MinisignMessage));
        CHECK(v.status == S::Ok);
        CHECK(v.algorithm == ms::Algorithm::Legacy);
        CHECK(v.trustedComment == "paper trail KAT legacy");
        CHECK(statusOf(MinisignPublicKey, MinisignLegacy, MinisignMessage, {.allowLegacy = false})
              == S::LegacyRefused);
        CHECK(statusOf(MinisignPublicKey, MinisignLegacy, "Paper Trail known-answer message")
              == S::BadSignature);

        // Legacy verification holds the message: bounded.
        const std::string_view message = MinisignMessage;
        CHECK(statusOf(MinisignPublicKey, MinisignLegacy, message,
                       {.legacyMessageLimit = message.size()})
              == S::Ok);
        CHECK(statusOf(MinisignPublicKey, MinisignLegacy, message,
                       {.legacyMessageLimit = message.size() - 1})
              == S::MessageTooLarge);
        ms::Verifier verifier(MinisignPublicKey, MinisignLegacy, {.legacyMessageLimit = 10});
        for (const char c : message)
            verifier.update(view(std::string_view(&c, 1)));
        CHECK(verifier.status() == S::MessageTooLarge);
        CHECK(verifier.finish().status == S::MessageTooLarge);
    }

    SECTION("their signature under our key")
    {
        const ms::KeyPair a = ms::KeyPair::fromSeed(seedOf(SeedA));
        CHECK(statusOf(ms::publicKeyFile(a.publicKey()), MinisignPrehashed, MinisignMessage)
              == S::KeyIdMismatch);
        CHECK(statusOf(MinisignPublicKey, SignatureA, MessageA) == S::KeyIdMismatch);
    }
}

TEST_CASE("minisign status names", "[minisign]")
{
    CHECK(ms::statusName(ms::VerifyStatus::Ok) == "ok");
    CHECK(ms::statusName(ms::VerifyStatus::BadTrustedComment) == "bad-trusted-comment");
    CHECK(ms::statusName(ms::VerifyStatus::KeyIdMismatch) == "key-id-mismatch");
}
