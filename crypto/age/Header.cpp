#include "crypto/age/Header.h"

#include "crypto/Hkdf.h"
#include "crypto/age/Base64.h"

#include <algorithm>

namespace pt::crypto::age {

namespace {

constexpr std::string_view StanzaPrefix = "-> ";
constexpr std::string_view FooterPrefix = "---";

Status malformed(std::string what)
{
    return {ErrorCode::Header, "malformed age header: " + std::move(what)};
}

std::string_view textOf(ByteView bytes)
{
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Splits on single spaces; empty parts are kept, so a doubled space shows as an empty argument.
std::vector<std::string_view> splitSpaces(std::string_view text)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t space = text.find(' ', start);
        parts.push_back(
            text.substr(start, space == std::string_view::npos ? text.npos : space - start));
        if (space == std::string_view::npos)
            return parts;
        start = space + 1;
    }
}

void appendWrappedBody(std::string& out, ByteView body)
{
    const std::string encoded = base64::encode(body);
    std::size_t pos = 0;
    // Every full line is followed by one more: a stanza always ends with a line shorter than 64
    // columns, empty when the body fills its last line exactly (or is empty).
    for (;;) {
        const std::size_t n = std::min(ColumnsPerLine, encoded.size() - pos);
        out.append(encoded, pos, n);
        out.push_back('\n');
        pos += n;
        if (n < ColumnsPerLine)
            return;
    }
}

} // namespace

bool isValidArgument(std::string_view argument)
{
    return !argument.empty() && std::all_of(argument.begin(), argument.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x21 && static_cast<unsigned char>(c) <= 0x7e;
    });
}

Result<Header> parseHeader(ByteView encoded)
{
    const std::string_view text = textOf(encoded);
    std::size_t pos = 0;
    // The next line without its LF; nullopt when no LF is left.
    auto nextLine = [&]() -> std::optional<std::string_view> {
        const std::size_t lf = text.find('\n', pos);
        if (lf == std::string_view::npos)
            return std::nullopt;
        const std::string_view line = text.substr(pos, lf - pos);
        pos = lf + 1;
        return line;
    };

    const auto version = nextLine();
    if (!version)
        return malformed("no version line");
    if (!text.starts_with(VersionLine)) {
        if (version->starts_with("age-encryption.org/")) {
            const std::string_view name = version->substr(19);
            if (isValidArgument(name) && name.size() <= 32)
                return Status(ErrorCode::Header, "unsupported age version " + std::string(name));
            return Status(ErrorCode::Header, "unsupported age version");
        }
        return malformed("this is not an age file");
    }

    Header header;
    for (;;) {
        const std::size_t lineStart = pos;
        const auto line = nextLine();
        if (!line)
            return malformed("it ends before the MAC line");
        if (line->starts_with(FooterPrefix)) {
            if (header.stanzas.empty())
                return malformed("no recipient stanza");
            if (!line->starts_with("--- "))
                return malformed("bad MAC line");
            const auto mac = base64::decode(line->substr(4));
            if (!mac || mac->size() != MacSize)
                return malformed("bad MAC line");
            if (pos != text.size())
                return malformed("bytes after the MAC line");
            std::copy(mac->begin(), mac->end(), header.mac.begin());
            header.macInputSize = lineStart + FooterPrefix.size();
            return header;
        }
        if (!line->starts_with("->"))
            return malformed("a line is neither a stanza nor the MAC line");
        if (!line->starts_with(StanzaPrefix))
            return malformed("a stanza line without arguments");
        const auto parts = splitSpaces(line->substr(StanzaPrefix.size()));
        for (const std::string_view part : parts)
            if (!isValidArgument(part))
                return malformed("a stanza argument is empty or not printable ASCII");
        Stanza stanza;
        stanza.type = std::string(parts.front());
        for (std::size_t i = 1; i < parts.size(); ++i)
            stanza.args.emplace_back(parts[i]);

        for (;;) {
            const auto bodyLine = nextLine();
            if (!bodyLine)
                return malformed("it ends inside a stanza body");
            if (bodyLine->size() > ColumnsPerLine)
                return malformed("a stanza body line is longer than 64 columns");
            const auto bytes = base64::decode(*bodyLine);
            if (!bytes) {
                if (bodyLine->starts_with("->") || bodyLine->starts_with(FooterPrefix))
                    return malformed("a stanza ends without a short body line");
                return malformed("a stanza body is not canonical unpadded base64");
            }
            stanza.body.insert(stanza.body.end(), bytes->begin(), bytes->end());
            if (bodyLine->size() < ColumnsPerLine)
                break;
        }
        header.stanzas.push_back(std::move(stanza));
    }
}

std::optional<std::string> encodeHeaderWithoutMac(const std::vector<Stanza>& stanzas)
{
    if (stanzas.empty())
        return std::nullopt;
    std::string out(VersionLine);
    for (const Stanza& stanza : stanzas) {
        if (!isValidArgument(stanza.type))
            return std::nullopt;
        out.append(StanzaPrefix);
        out.append(stanza.type);
        for (const std::string& arg : stanza.args) {
            if (!isValidArgument(arg))
                return std::nullopt;
            out.push_back(' ');
            out.append(arg);
        }
        out.push_back('\n');
        appendWrappedBody(out, stanza.body);
    }
    out.append(FooterPrefix);
    return out;
}

std::optional<std::string> encodeHeader(const std::vector<Stanza>& stanzas, ByteView fileKey)
{
    auto out = encodeHeaderWithoutMac(stanzas);
    if (!out)
        return std::nullopt;
    const Digest mac = headerMac(fileKey, view(*out));
    out->push_back(' ');
    out->append(base64::encode(mac));
    out->push_back('\n');
    return out;
}

Digest headerMac(ByteView fileKey, ByteView macInput)
{
    const SecureBytes key = hkdf::derive({}, fileKey, view("header"), 32);
    return hmacSha256(key.view(), macInput);
}

} // namespace pt::crypto::age
