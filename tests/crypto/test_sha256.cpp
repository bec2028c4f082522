#include "TestHelpers.h"

#include "crypto/Random.h"
#include "crypto/Sha256.h"

using namespace pt::crypto;
using pt::crypto::test::hex;

// FIPS 180-2 appendix B examples and the empty message.
TEST_CASE("SHA-256 known answers", "[sha256]")
{
    CHECK(toHex(Sha256::hash(view("abc")))
          == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(toHex(Sha256::hash({}))
          == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(toHex(Sha256::hash(view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
          == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");

    Sha256 h;
    h.update(view("abc"));
    CHECK(toHex(h.finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    Sha256 e;
    CHECK(toHex(e.finish()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("SHA-256 streaming in uneven pieces equals one-shot", "[sha256]")
{
    const Bytes data = randomBytes(10007);
    const Digest oneShot = Sha256::hash(data);
    for (std::size_t step : {1u, 3u, 63u, 64u, 65u, 1000u, 4097u}) {
        CAPTURE(step);
        Sha256 h;
        std::size_t off = 0;
        std::size_t piece = step;
        while (off < data.size()) {
            const std::size_t n = std::min(piece, data.size() - off);
            h.update(ByteView(data).subspan(off, n));
            off += n;
            piece = piece * 7 % 173 + 1; // uneven piece sizes
            h.update({});                // empty updates are harmless
        }
        CHECK(h.finish() == oneShot);
    }
}
