#pragma once
// Writes the ASCII armor (see ArmorReader.h) around bytes pushed in pieces of any size: the
// BEGIN line, 64-column lines of padded base64, the END line, each ending in LF.
#include "crypto/age/Error.h"
#include "crypto/age/Io.h"

#include <array>

namespace pt::crypto::age {

class ArmorWriter final {
public:
    explicit ArmorWriter(Sink out) : m_out(std::move(out)) {}
    // sink() captures this object, which must not move.
    ArmorWriter(const ArmorWriter&) = delete;
    ArmorWriter& operator=(const ArmorWriter&) = delete;

    // A Sink feeding this writer (for Writer::toRecipients and toPassphrase).
    [[nodiscard]] Sink sink();
    [[nodiscard]] bool write(ByteView bytes);
    // Writes the last line and the END line. ErrorCode::Io when the output failed at any point.
    [[nodiscard]] Status finish();

private:
    bool begin();
    bool emitLine(ByteView bytes);

    Sink m_out;
    std::array<std::uint8_t, 48> m_pending{};
    std::size_t m_pendingSize = 0;
    bool m_begun = false;
    bool m_failed = false;
    bool m_finished = false;
};

} // namespace pt::crypto::age
