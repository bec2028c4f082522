#pragma once
// Where age bytes come from and go to. The reader pulls from a Source and the writer pushes to a
// Sink, so neither ever holds a whole file: a zip writer can stream straight into an age writer,
// and an age reader straight into a file.
#include "crypto/Bytes.h"

#include <functional>
#include <optional>

namespace pt::crypto::age {

// Fills the front of `buffer` (never more than its size) and returns how many bytes it wrote:
// 0 means the end of the input, nullopt a read error. It may return fewer bytes than asked for
// before the end.
using Source = std::function<std::optional<std::size_t>(std::span<std::uint8_t> buffer)>;

// Takes all of `bytes`; false on a write error (the writer then fails with ErrorCode::Io).
using Sink = std::function<bool(ByteView bytes)>;

// A Source over bytes in memory, which must outlive it. pieceSize > 0 hands out at most that
// many bytes per call (to exercise callers' buffering in tests).
[[nodiscard]] Source memorySource(ByteView bytes, std::size_t pieceSize = 0);
// A Sink appending to `out`, which must outlive it.
[[nodiscard]] Sink appendingSink(Bytes& out);

// A read buffer over a Source, for the line-oriented parts of the format (header, armor).
// A failed Source stays failed.
class BufferedSource final {
public:
    explicit BufferedSource(Source source, std::size_t bufferSize = 16 * 1024);

    enum class Line {
        Complete,     // `line` ends with LF
        Unterminated, // the input ended first: `line` holds what was left (empty at the end)
        TooLong,      // no LF within maxSize bytes
        Failed,       // the Source failed
    };
    // Replaces `line` with the bytes through the next LF, at most maxSize of them.
    [[nodiscard]] Line readLine(Bytes& line, std::size_t maxSize);

    // Fills `out` completely unless the input ends first; returns the count, nullopt when the
    // Source failed.
    [[nodiscard]] std::optional<std::size_t> read(std::span<std::uint8_t> out);

    // The next min(n, bufferSize) bytes without consuming them (fewer only at the end of the
    // input); nullopt when the Source failed. The view is valid until the next call.
    [[nodiscard]] std::optional<ByteView> peek(std::size_t n);
    // Consumes n bytes already returned by peek().
    void skip(std::size_t n);

    // True when the input has no byte left; nullopt when the Source failed.
    [[nodiscard]] std::optional<bool> atEnd();

private:
    // Reads once more into the free space; 0 at the end, nullopt on failure.
    std::optional<std::size_t> fill();
    [[nodiscard]] std::size_t buffered() const { return m_end - m_begin; }

    Source m_source;
    Bytes m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    bool m_failed = false;
    bool m_ended = false;
};

} // namespace pt::crypto::age
