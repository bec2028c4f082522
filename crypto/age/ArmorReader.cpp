#include "crypto/age/ArmorReader.h"

#include <algorithm>
#include <cstring>

namespace pt::crypto::age {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

const std::string EndLine(ArmorEndLine);

} // namespace

void ArmorReader::fail(ErrorCode code, std::string message)
{
    m_state = State::Failed;
    m_status = Status(code, code == ErrorCode::Armor ? "invalid ASCII armor: " + message : message);
}

bool ArmorReader::nextLine(std::size_t maxSize, std::string_view& line)
{
    switch (m_input.readLine(m_line, maxSize)) {
    case BufferedSource::Line::Failed:
        fail(ErrorCode::Io, "reading the encrypted file failed");
        return false;
    case BufferedSource::Line::TooLong:
        fail(ErrorCode::Armor, "a line is too long");
        return false;
    case BufferedSource::Line::Unterminated:
        if (m_line.empty()) {
            fail(ErrorCode::Armor, "it ends before " + EndLine);
            return false;
        }
        break; // the last line may lack its line ending
    case BufferedSource::Line::Complete:
        m_line.pop_back();
        if (!m_line.empty() && m_line.back() == '\r')
            m_line.pop_back();
        break;
    }
    line = {reinterpret_cast<const char*>(m_line.data()), m_line.size()};
    return true;
}

void ArmorReader::finishAtEnd()
{
    const auto rest = m_input.peek(MaxArmorWhitespace);
    if (!rest)
        return fail(ErrorCode::Io, "reading the encrypted file failed");
    if (!std::all_of(rest->begin(), rest->end(), [](std::uint8_t c) { return isSpace(char(c)); }))
        return fail(ErrorCode::Armor, "data after " + EndLine);
    if (rest->size() == MaxArmorWhitespace)
        return fail(ErrorCode::Armor, "too much whitespace after " + EndLine);
    m_input.skip(rest->size());
    m_state = State::End;
}

void ArmorReader::decodeNextLine()
{
    std::string_view line;
    if (m_state == State::Start) {
        std::size_t skipped = 0;
        for (;;) {
            if (!nextLine(MaxArmorWhitespace + 2, line))
                return;
            if (!std::all_of(line.begin(), line.end(), isSpace))
                break;
            skipped += line.size() + 1;
            if (skipped > MaxArmorWhitespace)
                return fail(ErrorCode::Armor, "too much whitespace before the beginning");
        }
        if (line != ArmorBeginLine)
            return fail(ErrorCode::Armor, "it does not begin with " + std::string(ArmorBeginLine));
        m_state = State::Body;
    }

    if (!nextLine(ArmorColumns + 2, line)) // CRLF: 66 bytes at most
        return;
    if (line == ArmorEndLine) // straight after a full line, or after BEGIN for an empty file
        return finishAtEnd();
    if (line.empty())
        return fail(ErrorCode::Armor, "an empty line");
    if (line.size() > ArmorColumns)
        return fail(ErrorCode::Armor, "a line is longer than 64 columns");
    // fromBase64 is the strict padded form: only the alphabet, exact padding, zero trailing bits.
    const auto bytes = fromBase64(line);
    if (!bytes || bytes->empty())
        return fail(ErrorCode::Armor, "a line is not canonical base64");
    std::memcpy(m_decoded.data(), bytes->data(), bytes->size());
    m_decodedBegin = 0;
    m_decodedEnd = bytes->size();
    if (bytes->size() < m_decoded.size()) {
        // A short line is the last one.
        if (!nextLine(ArmorEndLine.size() + 2, line))
            return;
        if (line != ArmorEndLine)
            return fail(ErrorCode::Armor, "a short line is not followed by " + EndLine);
        finishAtEnd();
    }
}

std::optional<std::size_t> ArmorReader::read(std::span<std::uint8_t> out)
{
    std::size_t done = 0;
    while (done < out.size()) {
        if (m_decodedBegin < m_decodedEnd) {
            const std::size_t n = std::min(out.size() - done, m_decodedEnd - m_decodedBegin);
            std::memcpy(out.data() + done, m_decoded.data() + m_decodedBegin, n);
            m_decodedBegin += n;
            done += n;
            continue;
        }
        if (m_state == State::End)
            break;
        if (m_state == State::Failed)
            return done != 0 ? std::optional<std::size_t>(done) : std::nullopt;
        decodeNextLine();
    }
    return done;
}

} // namespace pt::crypto::age
