#include "crypto/age/Reader.h"

#include <algorithm>

namespace pt::crypto::age {

namespace {

constexpr std::string_view FooterPrefix = "---";
// The version line is 22 bytes: a first line longer than this is not worth reading to its end.
constexpr std::size_t MaxFirstLine = 256;

Status headerError(std::string message)
{
    return {ErrorCode::Header, std::move(message)};
}

bool startsWith(ByteView bytes, std::string_view prefix)
{
    return bytes.size() >= prefix.size()
           && std::equal(prefix.begin(), prefix.end(), bytes.begin(),
                         [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

bool isSpace(std::uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

} // namespace

Reader::Reader(Source source, ReaderOptions options)
    : m_options(options), m_raw(std::make_unique<BufferedSource>(std::move(source)))
{
    m_input = m_raw.get();
}

Reader::~Reader() = default;

Status Reader::fail(Status status)
{
    m_status = std::move(status);
    m_headerBytes.clear();
    m_payload.reset();
    return m_status;
}

Status Reader::inputFailed() const
{
    // The armor reader failing makes the dearmored source fail: report the armor's reason.
    if (m_armor && !m_armor->status())
        return m_armor->status();
    return {ErrorCode::Io, "reading the encrypted file failed"};
}

Status Reader::collectHeader(Bytes& header)
{
    // The header ends with the first line starting with "---" (no other line may); it is parsed
    // whole once read.
    Bytes line;
    for (bool first = true;; first = false) {
        const std::size_t max = m_options.maxHeaderSize;
        const std::size_t left = max > header.size() ? max - header.size() : 0;
        const std::size_t budget = first ? MaxFirstLine : left;
        switch (m_input->readLine(line, budget)) {
        case BufferedSource::Line::Failed:
            return inputFailed();
        case BufferedSource::Line::TooLong:
            if (first)
                return headerError("this is not an age file");
            return headerError("the age header is larger than "
                               + std::to_string(m_options.maxHeaderSize) + " bytes");
        case BufferedSource::Line::Unterminated:
            if (first && line.empty())
                return headerError("the file is empty");
            if (first && !startsWith(view(VersionLine), std::string_view(
                             reinterpret_cast<const char*>(line.data()), line.size())))
                return headerError("this is not an age file");
            return headerError("the file ends inside its age header");
        case BufferedSource::Line::Complete:
            break;
        }
        header.insert(header.end(), line.begin(), line.end());
        if (first && !startsWith(header, VersionLine))
            break; // parseHeader says what is wrong with it
        if (!first && startsWith(line, FooterPrefix))
            break;
    }
    return {};
}

Status Reader::readHeader()
{
    if (!m_status)
        return m_status;
    if (m_headerRead)
        return {};

    bool armored = m_options.armor == ArmorMode::Armored;
    if (m_options.armor == ArmorMode::Auto) {
        const auto start = m_raw->peek(MaxArmorWhitespace + 5);
        if (!start)
            return fail(inputFailed());
        const auto text = std::find_if_not(start->begin(), start->end(), isSpace);
        armored =
            startsWith(start->subspan(static_cast<std::size_t>(text - start->begin())), "-----");
    }
    if (armored) {
        m_armor = std::make_unique<ArmorReader>(*m_raw);
        m_dearmored = std::make_unique<BufferedSource>(
            [armor = m_armor.get()](std::span<std::uint8_t> out) { return armor->read(out); });
        m_input = m_dearmored.get();
    }

    Bytes bytes;
    if (Status s = collectHeader(bytes); !s)
        return fail(s);
    auto header = parseHeader(bytes);
    if (!header)
        return fail(header.status());

    const auto& stanzas = header->stanzas;
    const bool hasScrypt = std::any_of(stanzas.begin(), stanzas.end(),
                                       [](const Stanza& s) { return s.type == ScryptStanzaType; });
    if (hasScrypt && stanzas.size() != 1)
        return fail(headerError("a passphrase-encrypted file must have no other stanza"));
    for (const Stanza& stanza : stanzas) {
        if (Status s = checkX25519Stanza(stanza); !s)
            return fail(s);
        if (Status s = checkScryptStanza(stanza, m_options.maxWorkFactor); !s)
            return fail(s);
    }
    m_header = std::move(*header);
    m_headerBytes = std::move(bytes);
    m_headerRead = true;
    return {};
}

bool Reader::needsPassphrase() const
{
    return m_headerRead && m_header.stanzas.size() == 1
           && m_header.stanzas.front().type == ScryptStanzaType;
}

Status Reader::unlock(const Identities& identities)
{
    if (Status s = readHeader(); !s)
        return s;
    if (m_payload)
        return {ErrorCode::Usage, "age: unlock called twice"};

    std::optional<SecureBytes> fileKey;
    // A hard error from any stanza (a low-order share) stops everything, as the spec says.
    auto tryStanzas = [&](const auto& identity) -> Status {
        for (const Stanza& stanza : m_header.stanzas) {
            auto unwrapped = identity.unwrap(stanza);
            if (!unwrapped)
                return unwrapped.status();
            if (*unwrapped) {
                fileKey = std::move(**unwrapped);
                return {};
            }
        }
        return {};
    };
    for (const X25519Identity& identity : identities.x25519) {
        if (Status s = tryStanzas(identity); !s)
            return fail(s);
        if (fileKey)
            break;
    }
    if (!fileKey && !identities.passphrase.empty()) {
        const ScryptIdentity identity(identities.passphrase.clone(), m_options.maxWorkFactor);
        if (Status s = tryStanzas(identity); !s)
            return fail(s);
    }
    if (!fileKey) // not sticky: unlock() may be called again, with the passphrase typed anew
        return {ErrorCode::NoMatch, "no identity matched"};

    const ByteView macInput(m_headerBytes.data(), m_header.macInputSize);
    if (!equal(headerMac(fileKey->view(), macInput), m_header.mac))
        return fail({ErrorCode::HeaderMac, "the age header's MAC does not match: it was altered"});
    m_headerBytes.clear();
    m_headerBytes.shrink_to_fit();

    Bytes nonce(PayloadNonceSize);
    const auto got = m_input->read(nonce);
    if (!got)
        return fail(inputFailed());
    if (*got != nonce.size())
        return fail(headerError("the file ends before its payload"));
    m_payload = std::make_unique<PayloadReader>(payloadKey(fileKey->view(), nonce), *m_input);
    return {};
}

Status Reader::read(ByteView& plaintext)
{
    plaintext = {};
    if (!m_status)
        return m_status;
    if (!m_payload)
        return {ErrorCode::Usage, "age: read before unlock"};
    const Status s = m_payload->read(plaintext);
    if (!s) {
        plaintext = {};
        return fail(s.code() == ErrorCode::Io ? inputFailed() : s);
    }
    return s;
}

Status decrypt(Source source, const Identities& identities, const Sink& sink,
               ReaderOptions options)
{
    Reader reader(std::move(source), options);
    if (Status s = reader.unlock(identities); !s)
        return s;
    for (;;) {
        ByteView chunk;
        if (Status s = reader.read(chunk); !s)
            return s;
        if (chunk.empty())
            return {};
        if (!sink(chunk))
            return {ErrorCode::Io, "writing the decrypted file failed"};
    }
}

} // namespace pt::crypto::age
