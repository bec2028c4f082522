#include "TestHelpers.h"

#include "crypto/Random.h"
#include "crypto/SecretStream.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

using namespace pt::crypto;
using pt::crypto::test::toBytes;

namespace {

constexpr std::size_t Chunk = StreamEncryptor::ChunkSize;
constexpr std::size_t Overhead = StreamEncryptor::Overhead;

struct Encrypted {
    Bytes header;
    std::vector<Bytes> chunks;
};

// Splits data into ChunkSize pieces; the last one (possibly empty, possibly full) is FINAL.
Encrypted encryptAll(ByteView key, ByteView data)
{
    StreamEncryptor enc(key);
    Encrypted out;
    out.header = toBytes(enc.header());
    REQUIRE(out.header.size() == StreamEncryptor::HeaderSize);
    std::size_t offset = 0;
    do {
        const std::size_t n = std::min(Chunk, data.size() - offset);
        const bool final = offset + n == data.size();
        Bytes c(n + Overhead);
        REQUIRE(enc.push(data.subspan(offset, n), c, final) == c.size());
        out.chunks.push_back(std::move(c));
        offset += n;
    } while (offset < data.size());
    return out;
}

// The reader's loop: every chunk must authenticate, and the last one must be FINAL.
std::optional<Bytes> decryptAll(ByteView key, const Encrypted& e)
{
    StreamDecryptor dec;
    if (!dec.init(e.header, key))
        return std::nullopt;
    Bytes out;
    bool sawFinal = false;
    for (const Bytes& c : e.chunks) {
        if (sawFinal || c.size() < Overhead)
            return std::nullopt;
        Bytes plain(c.size() - Overhead);
        bool final = false;
        const auto n = dec.pull(c, plain, final);
        if (!n)
            return std::nullopt;
        out.insert(out.end(), plain.begin(), plain.begin() + static_cast<std::ptrdiff_t>(*n));
        sawFinal = final;
    }
    if (!sawFinal)
        return std::nullopt;
    return out;
}

} // namespace

TEST_CASE("secretstream round trips", "[secretstream]")
{
    const Bytes key = randomBytes(32);
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, Chunk - 1, Chunk, 2 * Chunk,
                             2 * Chunk + 1}) {
        CAPTURE(size);
        const Bytes data = randomBytes(size);
        const Encrypted e = encryptAll(key, data);
        const std::size_t expectedChunks = size == 0 ? 1 : (size + Chunk - 1) / Chunk;
        CHECK(e.chunks.size() == expectedChunks);
        const auto back = decryptAll(key, e);
        REQUIRE(back.has_value());
        CHECK(*back == data);
    }
}

TEST_CASE("secretstream empty stream is a single final chunk", "[secretstream]")
{
    const Bytes key = randomBytes(32);
    const Encrypted e = encryptAll(key, {});
    REQUIRE(e.chunks.size() == 1);
    CHECK(e.chunks[0].size() == Overhead);

    StreamDecryptor dec;
    REQUIRE(dec.init(e.header, key));
    bool final = false;
    const auto n = dec.pull(e.chunks[0], {}, final);
    REQUIRE(n.has_value());
    CHECK(*n == 0);
    CHECK(final);
}

TEST_CASE("secretstream detects truncation, reordering, tampering", "[secretstream]")
{
    const Bytes key = randomBytes(32);
    const Bytes data = randomBytes(2 * Chunk + 1);
    const Encrypted e = encryptAll(key, data);
    REQUIRE(e.chunks.size() == 3);

    SECTION("dropping the last chunk leaves the stream without a final tag")
    {
        Encrypted truncated = e;
        truncated.chunks.pop_back();
        StreamDecryptor dec;
        REQUIRE(dec.init(truncated.header, key));
        for (const Bytes& c : truncated.chunks) {
            Bytes plain(c.size() - Overhead);
            bool final = true;
            REQUIRE(dec.pull(c, plain, final).has_value());
            CHECK_FALSE(final);
        }
        CHECK_FALSE(decryptAll(key, truncated).has_value());
    }
    SECTION("swapped chunks fail")
    {
        Encrypted swapped = e;
        std::swap(swapped.chunks[0], swapped.chunks[1]);
        CHECK_FALSE(decryptAll(key, swapped).has_value());
        Encrypted swappedLast = e;
        std::swap(swappedLast.chunks[1], swappedLast.chunks[2]);
        CHECK_FALSE(decryptAll(key, swappedLast).has_value());
    }
    SECTION("a flipped byte fails")
    {
        for (std::size_t chunk = 0; chunk < e.chunks.size(); ++chunk) {
            for (std::size_t pos : {std::size_t{0}, std::size_t{1}, e.chunks[chunk].size() - 1}) {
                Encrypted damaged = e;
                damaged.chunks[chunk][pos] ^= 0x01;
                CAPTURE(chunk, pos);
                CHECK_FALSE(decryptAll(key, damaged).has_value());
            }
        }
        Encrypted badHeader = e;
        badHeader.header[0] ^= 0x01;
        CHECK_FALSE(decryptAll(key, badHeader).has_value());
    }
    SECTION("wrong key fails")
    {
        CHECK_FALSE(decryptAll(randomBytes(32), e).has_value());
    }
    SECTION("a chunk after the final one fails")
    {
        Encrypted extended = e;
        extended.chunks.push_back(e.chunks.back());
        CHECK_FALSE(decryptAll(key, extended).has_value());
    }
}

TEST_CASE("secretstream pull after final fails", "[secretstream]")
{
    const Bytes key = randomBytes(32);
    const Encrypted e = encryptAll(key, randomBytes(100));
    REQUIRE(e.chunks.size() == 1);
    StreamDecryptor dec;
    REQUIRE(dec.init(e.header, key));
    Bytes plain(100);
    bool final = false;
    REQUIRE(dec.pull(e.chunks[0], plain, final) == std::optional<std::size_t>(100));
    CHECK(final);
    CHECK_FALSE(dec.pull(e.chunks[0], plain, final).has_value());
    CHECK_FALSE(final);

    // init() starts over.
    REQUIRE(dec.init(e.header, key));
    CHECK(dec.pull(e.chunks[0], plain, final) == std::optional<std::size_t>(100));
}

TEST_CASE("secretstream size checks", "[secretstream]")
{
    const Bytes key = randomBytes(32);
    StreamEncryptor enc(key);
    Bytes big(Chunk + 1 + Overhead);
    CHECK_THROWS_AS(enc.push(Bytes(Chunk + 1), big, false), std::invalid_argument);
    Bytes small(10 + Overhead - 1);
    CHECK_THROWS_AS(enc.push(Bytes(10), small, false), std::invalid_argument);
    CHECK_THROWS_AS(StreamEncryptor(Bytes(31)), std::invalid_argument);

    Bytes c1(Chunk + Overhead);
    REQUIRE(enc.push(Bytes(Chunk), c1, false) == c1.size());
    Bytes c2(Overhead);
    REQUIRE(enc.push({}, c2, true) == Overhead);
    Bytes c3(Overhead);
    CHECK_THROWS_AS(enc.push({}, c3, true), std::logic_error);

    StreamDecryptor dec;
    bool final = false;
    Bytes plain(Chunk + 1);
    CHECK_FALSE(dec.pull(c1, plain, final).has_value()); // not initialised
    CHECK_FALSE(dec.init(ByteView(enc.header()).first(23), key));
    CHECK_FALSE(dec.init(enc.header(), ByteView(key).first(16)));
    REQUIRE(dec.init(enc.header(), key));
    CHECK_FALSE(dec.pull(ByteView(c1).first(Overhead - 1), plain, final).has_value());
    CHECK_FALSE(dec.pull(Bytes(Chunk + Overhead + 1), plain, final).has_value());
    CHECK_FALSE(dec.pull(c1, std::span<std::uint8_t>(plain).first(Chunk - 1), final).has_value());

    REQUIRE(dec.init(enc.header(), key));
    CHECK(dec.pull(c1, plain, final) == std::optional<std::size_t>(Chunk));
    CHECK_FALSE(final);
    CHECK(dec.pull(c2, {}, final) == std::optional<std::size_t>(0));
    CHECK(final);
}
