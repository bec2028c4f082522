// crypto/age/ArmorReader and ArmorWriter: strict PEM, as the reference reads it.
#include "TestHelpers.h"

#include "crypto/Random.h"
#include "crypto/age/ArmorReader.h"
#include "crypto/age/ArmorWriter.h"

using namespace pt::crypto;

namespace {

struct Decoded {
    age::Status status;
    Bytes bytes;
};

Decoded dearmor(const std::string& text, std::size_t pieceSize = 0, std::size_t readSize = 4096)
{
    age::BufferedSource raw(age::memorySource(view(text), pieceSize));
    age::ArmorReader armor(raw);
    Decoded out;
    Bytes buffer(readSize);
    for (;;) {
        const auto n = armor.read(buffer);
        if (!n) {
            out.status = armor.status();
            REQUIRE_FALSE(out.status.ok());
            return out;
        }
        if (*n == 0)
            return out;
        out.bytes.insert(out.bytes.end(), buffer.begin(),
                         buffer.begin() + static_cast<std::ptrdiff_t>(*n));
    }
}

std::string armorOf(ByteView data)
{
    Bytes out;
    age::ArmorWriter writer(age::appendingSink(out));
    // In uneven pieces, so lines are cut across writes.
    for (std::size_t pos = 0; pos < data.size();) {
        const std::size_t n = std::min<std::size_t>(data.size() - pos, 1 + pos % 61);
        REQUIRE(writer.write(data.subspan(pos, n)));
        pos += n;
    }
    REQUIRE(writer.finish().ok());
    return std::string(out.begin(), out.end());
}

const std::string Begin = "-----BEGIN AGE ENCRYPTED FILE-----\n";
const std::string End = "-----END AGE ENCRYPTED FILE-----\n";

} // namespace

TEST_CASE("age armor: round trips of every line shape", "[age]")
{
    for (const std::size_t size : {0, 1, 2, 3, 47, 48, 49, 95, 96, 97, 1000}) {
        CAPTURE(size);
        const Bytes data = randomBytes(size);
        const std::string text = armorOf(data);
        CHECK(text.starts_with(Begin));
        CHECK(text.ends_with(End));
        for (const std::size_t piece : {0, 1, 5}) {
            for (const std::size_t readSize : {1, 7, 4096}) {
                const Decoded d = dearmor(text, piece, readSize);
                CHECK(d.status.ok());
                CHECK(d.bytes == data);
            }
        }
    }
    CHECK(armorOf({}) == Begin + End);
    CHECK(armorOf(Bytes(48, 0)) == Begin + std::string(64, 'A') + "\n" + End);
}

TEST_CASE("age armor: what the reader tolerates", "[age]")
{
    const Bytes data = randomBytes(60);
    const std::string text = armorOf(data);
    std::string crlf;
    for (char c : text) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    const std::vector<std::pair<const char*, std::string>> good = {
        {"CRLF", crlf},
        {"whitespace around", "\n \t\r\n" + text + "\n\r\n  \t"},
        {"no final LF", text.substr(0, text.size() - 1)},
    };
    for (const auto& [what, t] : good) {
        INFO(what);
        const Decoded d = dearmor(t);
        CHECK(d.status.ok());
        CHECK(d.bytes == data);
    }
}

TEST_CASE("age armor: what the reader refuses", "[age]")
{
    const Bytes data = randomBytes(60); // one full line and one short line of 16 base64 characters
    const std::string text = armorOf(data);
    const std::size_t firstLine = Begin.size();
    const std::string line1 = text.substr(firstLine, 65);
    const std::string line2 = text.substr(firstLine + 65, 17);
    REQUIRE(line2.size() == 17);
    REQUIRE(Begin + line1 + line2 + End == text);

    const std::vector<std::pair<const char*, std::string>> bad = {
        {"empty input", ""},
        {"no END", Begin + line1 + line2},
        {"garbage before", "x\n" + text},
        {"space before BEGIN on its line", " " + text},
        {"garbage after", text + "x"},
        {"too much whitespace after", text + std::string(1024, ' ')},
        {"too much whitespace before", std::string(1100, '\n') + text},
        {"lower-case label", "-----BEGIN age encrypted file-----\n" + line1 + line2 + End},
        {"other label", "-----BEGIN AGE ENCRYPTED MESSAGE-----\n" + line1 + line2 + End},
        {"header line", Begin + "Comment: hi\n\n" + line1 + line2 + End},
        {"empty line", Begin + line1 + "\n" + line2 + End},
        {"short line first", Begin + line2 + line1 + End},
        {"long line", Begin + line1.substr(0, 64) + line2 + End},
        {"trailing space", Begin + line1.substr(0, 64) + " \n" + line2 + End},
        {"leading space", Begin + " " + line1 + line2 + End},
        {"a line not a multiple of 4", Begin + line1 + line2.substr(0, 14) + "\n" + End},
        {"checksum line", Begin + line1 + line2 + "=abcd\n" + End},
        {"CR inside", Begin + line1.substr(0, 10) + "\r" + line1.substr(10) + line2 + End},
        {"END with space", Begin + line1 + line2 + "-----END AGE ENCRYPTED FILE----- \n"},
    };
    for (const auto& [what, t] : bad) {
        INFO(what);
        const Decoded d = dearmor(t);
        CHECK(d.status.code() == age::ErrorCode::Armor);
    }

    // Non-canonical: padding bits set.
    CHECK(dearmor(Begin + "Zh==\n" + End).status.code() == age::ErrorCode::Armor);
    CHECK(dearmor(Begin + "Zg\n" + End).status.code() == age::ErrorCode::Armor); // unpadded
    CHECK(dearmor(Begin + "Zg==\n" + End).bytes == Bytes{'f'});
}

TEST_CASE("age armor: a failing input and a failing output", "[age]")
{
    age::BufferedSource raw([](std::span<std::uint8_t>) { return std::optional<std::size_t>(); });
    age::ArmorReader armor(raw);
    std::uint8_t buffer[8];
    CHECK_FALSE(armor.read(buffer));
    CHECK(armor.status().code() == age::ErrorCode::Io);

    age::ArmorWriter writer([](ByteView) { return false; });
    CHECK_FALSE(writer.write(Bytes(10, 1)));
    CHECK(writer.finish().code() == age::ErrorCode::Io);
}
