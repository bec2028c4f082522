// age v1 files (crypto/age) as the reader meets them: arbitrary bytes, binary or armored, read in
// pieces, with a fixed X25519 identity and a fixed passphrase whose work factor is capped low
// (ReaderOptions::maxWorkFactor), so seeds made for them reach the payload and stay fast.
//
// Properties: no crash; an error has a code and a message; released chunks are full 64 KiB
// except the last, and nothing follows an error or the end; a header that parses re-encodes to
// the same bytes; armor that decodes re-armors to the same bytes; base64 and Bech32 keys that
// parse re-encode to the same text.
//
// Seeds in corpus/age_reader were written by tests/crypto/age_tool to the recipient of this
// identity (age_tool encrypt -r age1...) and to this passphrase (age_tool encrypt -p -w 4), some
// armored (-a), then a few cut or altered by hand. The recipient is printed by
//   AGE_READER_PRINT_KEYS=1 fuzz_age_reader -runs=0 ANY_CORPUS_FOLDER
#include "FuzzSupport.h"
#include "crypto/age/ArmorReader.h"
#include "crypto/age/ArmorWriter.h"
#include "crypto/age/Base64.h"
#include "crypto/age/Header.h"
#include "crypto/age/Reader.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

using namespace pt;
using namespace pt::crypto;

namespace {

constexpr std::uint8_t AgeKeyBase = 0xa0;
constexpr std::string_view Passphrase = "fuzz passphrase";
constexpr int MaxWorkFactor = 6; // scrypt with N = 64: 64 KiB and microseconds

const age::Identities& identities()
{
    static const age::Identities ids = [] {
        age::Identities out;
        const SecureBytes secret = fuzz::fixedKey(AgeKeyBase);
        out.x25519.push_back(*age::X25519Identity::fromSecret(secret.view()));
        out.passphrase = SecureBytes::copyOf(view(Passphrase));
        if (std::getenv("AGE_READER_PRINT_KEYS") != nullptr) {
            const SecureBytes text = out.x25519.front().toString();
            std::fprintf(stderr, "identity %.*s\nrecipient %s\npassphrase %s\n",
                         static_cast<int>(text.size()), reinterpret_cast<const char*>(text.data()),
                         out.x25519.front().recipient().toString().c_str(), Passphrase.data());
        }
        return out;
    }();
    return ids;
}

bool allowedError(age::ErrorCode code)
{
    switch (code) {
    case age::ErrorCode::Armor:
    case age::ErrorCode::Header:
    case age::ErrorCode::NoMatch:
    case age::ErrorCode::HeaderMac:
    case age::ErrorCode::Payload:
        return true;
    default:
        return false; // no Io (memory never fails), no Usage, no Resource at this work factor
    }
}

void readWhole(ByteView input)
{
    age::ReaderOptions options;
    options.maxWorkFactor = MaxWorkFactor;
    // Pieces of a size that varies with the input, so lines and chunks straddle reads.
    age::Reader reader(age::memorySource(input, 1 + input.size() % 509), options);
    age::Status status = reader.unlock(identities());
    std::size_t lastChunk = age::ChunkSize;
    bool ended = false;
    while (status) {
        ByteView chunk;
        status = reader.read(chunk);
        PT_FUZZ_CHECK(chunk.size() <= age::ChunkSize);
        if (!status) {
            PT_FUZZ_CHECK(chunk.empty());
            break;
        }
        if (chunk.empty()) {
            ended = true;
            break;
        }
        PT_FUZZ_CHECK(lastChunk == age::ChunkSize); // only the last chunk may be short
        lastChunk = chunk.size();
    }
    if (!status) {
        PT_FUZZ_CHECK(allowedError(status.code()));
        PT_FUZZ_CHECK(!status.message().empty());
        // Errors stick, except that no identity matching leaves the reader waiting for others.
        const age::ErrorCode later = status.code() == age::ErrorCode::NoMatch
                                         ? age::ErrorCode::Usage
                                         : status.code();
        ByteView again;
        PT_FUZZ_CHECK(reader.read(again).code() == later && again.empty());
    } else {
        PT_FUZZ_CHECK(ended);
        ByteView again;
        PT_FUZZ_CHECK(reader.read(again).ok() && again.empty());
    }
}

// The header as the reader delimits it (through the first later line starting with "---"): when
// it parses, encoding what was parsed gives back the very same bytes.
void headerRoundTrip(ByteView input)
{
    const std::string_view text(reinterpret_cast<const char*>(input.data()), input.size());
    const std::size_t footer = text.find("\n---");
    if (footer == std::string_view::npos)
        return;
    const std::size_t end = text.find('\n', footer + 1);
    if (end == std::string_view::npos)
        return;
    const ByteView header = input.first(end + 1);
    const auto parsed = age::parseHeader(header);
    if (!parsed) {
        PT_FUZZ_CHECK(parsed.status().code() == age::ErrorCode::Header);
        return;
    }
    const auto encoded = age::encodeHeaderWithoutMac(parsed->stanzas);
    PT_FUZZ_CHECK(encoded.has_value());
    PT_FUZZ_CHECK(encoded->size() == parsed->macInputSize);
    const std::string full = *encoded + " " + age::base64::encode(parsed->mac) + "\n";
    PT_FUZZ_CHECK(
        std::equal(full.begin(), full.end(), header.begin(), header.end(),
                   [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; }));
}

Bytes dearmor(ByteView input, age::Status& status)
{
    age::BufferedSource raw(age::memorySource(input, 1 + input.size() % 67));
    age::ArmorReader armor(raw);
    Bytes out;
    std::uint8_t buffer[100];
    for (;;) {
        const auto n = armor.read(buffer);
        if (!n || *n == 0) {
            status = armor.status();
            return out;
        }
        PT_FUZZ_CHECK(*n <= sizeof buffer);
        out.insert(out.end(), buffer, buffer + *n);
    }
}

void armorRoundTrip(ByteView input)
{
    age::Status status;
    const Bytes decoded = dearmor(input, status);
    if (!status) {
        PT_FUZZ_CHECK(status.code() == age::ErrorCode::Armor);
        return;
    }
    Bytes text;
    age::ArmorWriter writer(age::appendingSink(text));
    PT_FUZZ_CHECK(writer.write(decoded));
    PT_FUZZ_CHECK(writer.finish().ok());
    age::Status again;
    PT_FUZZ_CHECK(dearmor(text, again) == decoded);
    PT_FUZZ_CHECK(again.ok());
}

void textRoundTrips(ByteView input)
{
    const std::string_view text(reinterpret_cast<const char*>(input.data()), input.size());
    if (const auto bytes = age::base64::decode(text))
        PT_FUZZ_CHECK(age::base64::encode(*bytes) == text);
    auto upper = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](char c) { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; });
        return s;
    };
    if (const auto recipient = age::X25519Recipient::parse(text))
        PT_FUZZ_CHECK(upper(recipient->toString()) == upper(std::string(text)));
    if (const auto identity = age::X25519Identity::parse(text)) {
        const SecureBytes encoded = identity->toString();
        const std::string_view back(reinterpret_cast<const char*>(encoded.data()), encoded.size());
        PT_FUZZ_CHECK(back == upper(std::string(text)));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const ByteView input(data, size);
    readWhole(input);
    headerRoundTrip(input);
    armorRoundTrip(input);
    if (size <= 512)
        textRoundTrips(input);
    return 0;
}
