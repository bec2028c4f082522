// crypto/age/Writer and Reader together: round trips, and every way a file can be wrong.
#include "TestHelpers.h"

#include "crypto/Random.h"
#include "crypto/age/ArmorWriter.h"
#include "crypto/age/Base64.h"
#include "crypto/age/Reader.h"
#include "crypto/age/Writer.h"

#include <algorithm>

using namespace pt::crypto;

namespace {

constexpr std::size_t C = age::ChunkSize;

void push(age::Writer& writer, ByteView plain, std::size_t piece)
{
    for (std::size_t pos = 0; pos < plain.size();) {
        const std::size_t n = piece == 0 ? plain.size() : std::min(piece, plain.size() - pos);
        REQUIRE(writer.write(plain.subspan(pos, n)).ok());
        pos += n;
    }
    REQUIRE(writer.finish().ok());
}

Bytes encryptTo(const std::vector<age::X25519Recipient>& recipients, ByteView plain,
                std::size_t piece = 0)
{
    Bytes out;
    auto writer = age::Writer::toRecipients(recipients, age::appendingSink(out));
    REQUIRE(writer);
    push(*writer, plain, piece);
    return out;
}

Bytes encryptTo(const age::X25519Identity& identity, ByteView plain, std::size_t piece = 0)
{
    return encryptTo(std::vector{identity.recipient()}, plain, piece);
}

Bytes encryptToPassphrase(std::string_view passphrase, ByteView plain, int workFactor)
{
    Bytes out;
    auto writer = age::Writer::toPassphrase(view(passphrase), age::appendingSink(out), workFactor);
    REQUIRE(writer);
    push(*writer, plain, 0);
    return out;
}

struct Decrypted {
    age::Status status;
    Bytes plain; // everything released, even before a failure
    std::vector<std::size_t> chunks;
};

Decrypted decryptAll(ByteView file, const age::Identities& identities, std::size_t piece = 0,
                     age::ReaderOptions options = {})
{
    age::Reader reader(age::memorySource(file, piece), options);
    Decrypted out;
    out.status = reader.unlock(identities);
    while (out.status) {
        ByteView chunk;
        out.status = reader.read(chunk);
        if (chunk.empty())
            break;
        out.chunks.push_back(chunk.size());
        out.plain.insert(out.plain.end(), chunk.begin(), chunk.end());
    }
    return out;
}

age::Identities only(const age::X25519Identity& identity)
{
    age::Identities ids;
    ids.x25519.push_back(identity.clone());
    return ids;
}

age::Identities passphrase(std::string_view text)
{
    age::Identities ids;
    ids.passphrase = SecureBytes::copyOf(view(text));
    return ids;
}

std::size_t headerSize(ByteView file)
{
    const std::string_view text(reinterpret_cast<const char*>(file.data()), file.size());
    const std::size_t footer = text.find("\n--- ");
    REQUIRE(footer != std::string_view::npos);
    return text.find('\n', footer + 1) + 1;
}

} // namespace

TEST_CASE("age: round trips at every chunk boundary", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, C - 1, C, C + 1, 3 * C}) {
        CAPTURE(size);
        const Bytes plain = randomBytes(size);
        const std::size_t chunks = size == 0 ? 1 : (size + C - 1) / C;
        for (const std::size_t piece : {std::size_t{0}, std::size_t{1000}, C + 3}) {
            CAPTURE(piece);
            const Bytes file = encryptTo(identity, plain, piece);
            CHECK(file.size() == headerSize(file) + age::PayloadNonceSize + size + 16 * chunks);
            const auto header = age::parseHeader(ByteView(file).first(headerSize(file)));
            REQUIRE(header);
            CHECK(header->stanzas.size() == 1);

            const Decrypted d = decryptAll(file, only(identity), piece == 1000 ? 997 : 0);
            REQUIRE(d.status.ok());
            CHECK(d.plain == plain);
            // Every chunk but the last is full; the last is empty only for an empty file.
            REQUIRE(d.chunks.size() == (size == 0 ? 0 : chunks));
            for (std::size_t i = 0; i + 1 < d.chunks.size(); ++i)
                CHECK(d.chunks[i] == C);
        }
    }
}

TEST_CASE("age: a byte at a time in both directions", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    const Bytes plain = randomBytes(C + 100);
    const Bytes file = encryptTo(identity, plain, 1);
    const Decrypted d = decryptAll(file, only(identity), 1);
    REQUIRE(d.status.ok());
    CHECK(d.plain == plain);
}

TEST_CASE("age: several recipients, each alone, and a stranger", "[age]")
{
    std::vector<age::X25519Identity> identities;
    std::vector<age::X25519Recipient> recipients;
    for (int i = 0; i < 3; ++i) {
        identities.push_back(age::X25519Identity::generate());
        recipients.push_back(identities.back().recipient());
    }
    const Bytes plain = randomBytes(C + 5);
    const Bytes file = encryptTo(recipients, plain);
    CHECK(age::parseHeader(ByteView(file).first(headerSize(file)))->stanzas.size() == 3);
    for (const auto& identity : identities) {
        const Decrypted d = decryptAll(file, only(identity));
        REQUIRE(d.status.ok());
        CHECK(d.plain == plain);
    }
    const auto stranger = age::X25519Identity::generate();
    const Decrypted wrong = decryptAll(file, only(stranger));
    CHECK(wrong.status.code() == age::ErrorCode::NoMatch);
    CHECK(wrong.status.message() == "no identity matched");
    CHECK(wrong.plain.empty());

    age::Identities all;
    all.x25519.push_back(stranger.clone());
    all.x25519.push_back(identities[2].clone());
    all.passphrase = SecureBytes::copyOf(view("not used"));
    CHECK(decryptAll(file, all).plain == plain);

    CHECK(decryptAll(file, {}).status.code() == age::ErrorCode::NoMatch);
    CHECK(decryptAll(file, passphrase("x")).status.code() == age::ErrorCode::NoMatch);
}

TEST_CASE("age: passphrase, at the default work factor", "[age]")
{
    const Bytes plain = randomBytes(C + 1);
    const Bytes file = encryptToPassphrase("correct horse battery staple", plain,
                                           age::DefaultWorkFactor);
    const std::string text(file.begin(), file.begin() + 60);
    CHECK(text.find("\n-> scrypt ") != std::string::npos);
    CHECK(text.find(" 18\n") != std::string::npos);

    age::Reader reader(age::memorySource(file));
    REQUIRE(reader.readHeader().ok());
    CHECK(reader.needsPassphrase());
    CHECK_FALSE(reader.armored());
    REQUIRE(reader.unlock(passphrase("correct horse battery staple")).ok());

    const Decrypted d = decryptAll(file, passphrase("correct horse battery staple"));
    REQUIRE(d.status.ok());
    CHECK(d.plain == plain);
    CHECK(decryptAll(file, passphrase("correct horse battery stapler")).status.code()
          == age::ErrorCode::NoMatch);
    CHECK(decryptAll(file, only(age::X25519Identity::generate())).status.code()
          == age::ErrorCode::NoMatch);

    // A wrong passphrase may be typed again on the same reader.
    age::Reader retry(age::memorySource(file));
    CHECK(retry.unlock(passphrase("typo")).code() == age::ErrorCode::NoMatch);
    CHECK(retry.unlock(passphrase("another typo")).code() == age::ErrorCode::NoMatch);
    REQUIRE(retry.unlock(passphrase("correct horse battery staple")).ok());
    CHECK(retry.unlock(passphrase("correct horse battery staple")).code() == age::ErrorCode::Usage);
    Bytes again;
    for (ByteView chunk; retry.read(chunk).ok() && !chunk.empty();)
        again.insert(again.end(), chunk.begin(), chunk.end());
    CHECK(again == plain);

    // The reader's ceiling, set below the file's work factor, refuses it before any work.
    age::ReaderOptions low;
    low.maxWorkFactor = 17;
    CHECK(decryptAll(file, passphrase("correct horse battery staple"), 0, low).status.code()
          == age::ErrorCode::Header);
}

TEST_CASE("age: the writer refuses what it cannot write", "[age]")
{
    Bytes out;
    CHECK(age::Writer::toRecipients({}, age::appendingSink(out)).status().code()
          == age::ErrorCode::Usage);
    const std::vector lowOrder{age::X25519Recipient(age::X25519PublicKey{})};
    CHECK(age::Writer::toRecipients(lowOrder, age::appendingSink(out)).status().code()
          == age::ErrorCode::Usage);
    CHECK(age::Writer::toPassphrase({}, age::appendingSink(out), 4).status().code()
          == age::ErrorCode::Usage);
    CHECK(age::Writer::toPassphrase(view("x"), age::appendingSink(out), 23).status().code()
          == age::ErrorCode::Usage);
    CHECK(out.empty());

    const auto identity = age::X25519Identity::generate();
    auto writer =
        age::Writer::toRecipients(std::vector{identity.recipient()}, age::appendingSink(out));
    REQUIRE(writer);
    REQUIRE(writer->finish().ok());
    CHECK(writer->write(Bytes(1, 0)).code() == age::ErrorCode::Usage);
    CHECK(writer->finish().code() == age::ErrorCode::Usage);
}

TEST_CASE("age: a failing sink or source is an I/O error", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    const std::vector recipients{identity.recipient()};
    CHECK(age::Writer::toRecipients(recipients, [](ByteView) { return false; }).status().code()
          == age::ErrorCode::Io);

    int calls = 0;
    auto writer = age::Writer::toRecipients(recipients, [&](ByteView) { return ++calls <= 2; });
    REQUIRE(writer); // header and nonce went out
    const Bytes plain(3 * C, 1);
    CHECK(writer->write(plain).code() == age::ErrorCode::Io);
    CHECK(writer->write(plain).code() == age::ErrorCode::Io);
    CHECK(writer->finish().code() == age::ErrorCode::Io);

    const Bytes file = encryptTo(identity, Bytes(3 * C, 2));
    for (const std::size_t failAt : {std::size_t{10}, headerSize(file) + 5, file.size() - 100}) {
        CAPTURE(failAt);
        std::size_t offset = 0;
        age::Source failing = [&](std::span<std::uint8_t> out) -> std::optional<std::size_t> {
            if (offset >= failAt)
                return std::nullopt;
            const std::size_t n = std::min({out.size(), failAt - offset, std::size_t{1000}});
            std::copy_n(file.begin() + static_cast<std::ptrdiff_t>(offset), n, out.begin());
            offset += n;
            return n;
        };
        Bytes sunk;
        CHECK(age::decrypt(failing, only(identity), age::appendingSink(sunk)).code()
              == age::ErrorCode::Io);
    }
    Bytes sunk;
    CHECK(age::decrypt(age::memorySource(file), only(identity), [](ByteView) {
              return false;
          }).code() == age::ErrorCode::Io);

    age::Reader reader(age::memorySource(file));
    ByteView chunk;
    CHECK(reader.read(chunk).code() == age::ErrorCode::Usage);
}

TEST_CASE("age: every flipped bit fails, with the error of its part", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    const Bytes file = encryptTo(identity, randomBytes(100));
    const std::size_t header = headerSize(file);
    const std::size_t macLine = header - 48;
    for (std::size_t i = 0; i < file.size(); ++i) {
        for (const std::uint8_t bit : {0x01, 0x20, 0x80}) {
            Bytes bad = file;
            bad[i] ^= bit;
            const Decrypted d = decryptAll(bad, only(identity));
            CAPTURE(i, int(bit), d.status.message());
            REQUIRE_FALSE(d.status.ok());
            CHECK(d.plain.empty());
            const age::ErrorCode code = d.status.code();
            if (i >= header) // the payload nonce and the chunk
                CHECK(code == age::ErrorCode::Payload);
            else if (i >= macLine + 4 && i < header - 1) // the MAC itself
                CHECK((code == age::ErrorCode::HeaderMac || code == age::ErrorCode::Header));
            else
                CHECK((code == age::ErrorCode::Header || code == age::ErrorCode::NoMatch
                       || code == age::ErrorCode::HeaderMac));
        }
    }
}

TEST_CASE("age: the MAC covers the header as read", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    const Bytes file = encryptTo(identity, randomBytes(10));
    const std::size_t header = headerSize(file);

    // A well-formed stanza slipped in: the file key still unwraps, the MAC catches it.
    Bytes grease(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(header - 48));
    for (const char c : std::string_view("-> grease x\n\n"))
        grease.push_back(static_cast<std::uint8_t>(c));
    grease.insert(grease.end(), file.begin() + static_cast<std::ptrdiff_t>(header - 48),
                  file.end());
    CHECK(decryptAll(grease, only(identity)).status.code() == age::ErrorCode::HeaderMac);

    // Another valid MAC character.
    Bytes mac = file;
    mac[header - 44] = mac[header - 44] == 'A' ? 'B' : 'A';
    CHECK(decryptAll(mac, only(identity)).status.code() == age::ErrorCode::HeaderMac);

    // The MAC of the re-encoded header is the MAC of the bytes read: they are the same bytes.
    const auto parsed = age::parseHeader(ByteView(file).first(header));
    REQUIRE(parsed);
    CHECK(age::encodeHeaderWithoutMac(parsed->stanzas)->size() == parsed->macInputSize);
}

TEST_CASE("age: a cut file fails at every length", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    const Bytes file = encryptTo(identity, randomBytes(100));
    const std::size_t header = headerSize(file);
    for (std::size_t length = 0; length < file.size(); ++length) {
        const Decrypted d = decryptAll(ByteView(file).first(length), only(identity));
        CAPTURE(length, d.status.message());
        REQUIRE_FALSE(d.status.ok());
        CHECK(d.plain.empty());
        CHECK(d.status.code()
              == (length < header + age::PayloadNonceSize ? age::ErrorCode::Header
                                                          : age::ErrorCode::Payload));
    }
}

TEST_CASE("age: cut at and inside chunks, and trailing bytes", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, C, C + 1, 2 * C}) {
        CAPTURE(size);
        const Bytes plain = randomBytes(size);
        const Bytes file = encryptTo(identity, plain);
        const std::size_t payload = headerSize(file) + age::PayloadNonceSize;

        // Cut one byte, one tag, one whole last chunk (the stream then ends on a non-last chunk).
        std::vector<std::size_t> cuts = {1, 16};
        if (size > C)
            cuts.push_back(file.size() - (payload + C + 16));
        for (const std::size_t cut : cuts) {
            CAPTURE(cut);
            const Decrypted d = decryptAll(ByteView(file).first(file.size() - cut), only(identity));
            CHECK(d.status.code() == age::ErrorCode::Payload);
            // The chunks before the damaged one are released; the caller discards them.
            CHECK(d.plain.size() == (size > C ? C : 0));
        }

        // Trailing bytes after the last chunk.
        for (const std::size_t extra : {1, 17, 100}) {
            Bytes longer = file;
            longer.insert(longer.end(), extra, 0);
            const Decrypted d = decryptAll(longer, only(identity));
            CAPTURE(extra, d.status.message());
            CHECK(d.status.code() == age::ErrorCode::Payload);
            // Chunks are released as they authenticate: a full last chunk is, before the end
            // shows the extra bytes. The caller discards them on the error.
            CHECK(std::equal(d.plain.begin(), d.plain.end(), plain.begin()));
        }
    }
}

TEST_CASE("age: armored files round-trip and are detected", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    const Bytes plain = randomBytes(C + 1000);
    Bytes armored;
    {
        age::ArmorWriter armor(age::appendingSink(armored));
        auto writer = age::Writer::toRecipients(std::vector{identity.recipient()}, armor.sink());
        REQUIRE(writer);
        push(*writer, plain, 777);
        REQUIRE(armor.finish().ok());
    }
    CHECK(std::string(armored.begin(), armored.begin() + 35) ==
          "-----BEGIN AGE ENCRYPTED FILE-----\n");

    for (const auto mode : {age::ArmorMode::Auto, age::ArmorMode::Armored}) {
        age::ReaderOptions options;
        options.armor = mode;
        const Decrypted d = decryptAll(armored, only(identity), 333, options);
        REQUIRE(d.status.ok());
        CHECK(d.plain == plain);
    }
    age::ReaderOptions binary;
    binary.armor = age::ArmorMode::Binary;
    CHECK(decryptAll(armored, only(identity), 0, binary).status.code() == age::ErrorCode::Header);

    age::Reader reader(age::memorySource(armored));
    REQUIRE(reader.readHeader().ok());
    CHECK(reader.armored());

    // Damage inside the armor is the armor's error; damage the armor carries is the file's.
    Bytes badArmor = armored;
    badArmor[40] = '*';
    CHECK(decryptAll(badArmor, only(identity)).status.code() == age::ErrorCode::Armor);
    const Bytes binaryFile = encryptTo(identity, plain);
    age::ReaderOptions armoredOnly;
    armoredOnly.armor = age::ArmorMode::Armored;
    CHECK(decryptAll(binaryFile, only(identity), 0, armoredOnly).status.code() ==
          age::ErrorCode::Armor);
}

TEST_CASE("age: limits on the header", "[age]")
{
    const auto identity = age::X25519Identity::generate();
    std::vector<age::X25519Recipient> many(50, age::X25519Identity::generate().recipient());
    many.push_back(identity.recipient());
    const Bytes file = encryptTo(many, Bytes(10, 3));
    CHECK(decryptAll(file, only(identity)).status.ok());
    age::ReaderOptions small;
    for (const std::size_t limit : {std::size_t{0}, std::size_t{10}, std::size_t{1000}}) {
        small.maxHeaderSize = limit;
        CHECK(decryptAll(file, only(identity), 0, small).status.code() == age::ErrorCode::Header);
    }

    // Not an age file: refused at the first line, without reading on.
    const Bytes zip(5 * 1024 * 1024, 'P');
    CHECK(decryptAll(zip, only(identity)).status.code() == age::ErrorCode::Header);
}
