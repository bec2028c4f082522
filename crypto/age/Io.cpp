#include "crypto/age/Io.h"

#include <algorithm>
#include <cstring>

namespace pt::crypto::age {

Source memorySource(ByteView bytes, std::size_t pieceSize)
{
    return [bytes, pieceSize, offset = std::size_t{0}](
               std::span<std::uint8_t> buffer) mutable -> std::optional<std::size_t> {
        std::size_t n = std::min(buffer.size(), bytes.size() - offset);
        if (pieceSize != 0)
            n = std::min(n, pieceSize);
        if (n != 0)
            std::memcpy(buffer.data(), bytes.data() + offset, n);
        offset += n;
        return n;
    };
}

Sink appendingSink(Bytes& out)
{
    return [&out](ByteView bytes) {
        out.insert(out.end(), bytes.begin(), bytes.end());
        return true;
    };
}

BufferedSource::BufferedSource(Source source, std::size_t bufferSize)
    : m_source(std::move(source)), m_buffer(std::max<std::size_t>(bufferSize, 64))
{
}

std::optional<std::size_t> BufferedSource::fill()
{
    if (m_failed)
        return std::nullopt;
    if (m_ended)
        return 0;
    if (m_begin == m_end) {
        m_begin = m_end = 0;
    } else if (m_end == m_buffer.size()) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, buffered());
        m_end -= m_begin;
        m_begin = 0;
    }
    const std::span<std::uint8_t> space(m_buffer.data() + m_end, m_buffer.size() - m_end);
    if (space.empty())
        return 0; // full: callers never ask for more than the buffer holds
    const auto got = m_source(space);
    if (!got || *got > space.size()) {
        m_failed = true;
        return std::nullopt;
    }
    if (*got == 0)
        m_ended = true;
    m_end += *got;
    return *got;
}

BufferedSource::Line BufferedSource::readLine(Bytes& line, std::size_t maxSize)
{
    line.clear();
    for (;;) {
        const auto* first = m_buffer.data() + m_begin;
        const auto* last = m_buffer.data() + m_end;
        const auto* lf = std::find(first, last, std::uint8_t{'\n'});
        const std::size_t take = static_cast<std::size_t>(lf - first) + (lf != last ? 1 : 0);
        if (line.size() + take > maxSize)
            return Line::TooLong;
        line.insert(line.end(), first, first + take);
        m_begin += take;
        if (lf != last)
            return Line::Complete;
        const auto got = fill();
        if (!got)
            return Line::Failed;
        if (*got == 0)
            return Line::Unterminated;
    }
}

std::optional<std::size_t> BufferedSource::read(std::span<std::uint8_t> out)
{
    if (m_failed)
        return std::nullopt;
    std::size_t done = std::min(out.size(), buffered());
    if (done != 0)
        std::memcpy(out.data(), m_buffer.data() + m_begin, done);
    m_begin += done;
    // The rest goes straight from the Source into `out`: payload chunks are not copied twice.
    while (done < out.size() && !m_ended) {
        const std::span<std::uint8_t> rest = out.subspan(done);
        const auto got = m_source(rest);
        if (!got || *got > rest.size()) {
            m_failed = true;
            return std::nullopt;
        }
        if (*got == 0)
            m_ended = true;
        done += *got;
    }
    return done;
}

std::optional<ByteView> BufferedSource::peek(std::size_t n)
{
    n = std::min(n, m_buffer.size());
    while (buffered() < n) {
        const auto got = fill();
        if (!got)
            return std::nullopt;
        if (*got == 0)
            break;
    }
    return ByteView(m_buffer.data() + m_begin, std::min(n, buffered()));
}

void BufferedSource::skip(std::size_t n)
{
    m_begin += std::min(n, buffered());
}

std::optional<bool> BufferedSource::atEnd()
{
    const auto next = peek(1);
    if (!next)
        return std::nullopt;
    return next->empty();
}

} // namespace pt::crypto::age
