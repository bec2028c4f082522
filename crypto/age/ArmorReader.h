#pragma once
// The ASCII armor of age files (age-encryption.org/v1, "ASCII armor"): strict PEM (RFC 7468
// section 3) with the label "AGE ENCRYPTED FILE", read as strictly as the reference
// implementation does:
//  - before "-----BEGIN AGE ENCRYPTED FILE-----" only whole lines of whitespace (at most 1 KiB);
//  - lines end in LF or CRLF;
//  - base64 with '=' padding, canonical, every line 64 columns except the last, which may be
//    shorter (and must then be followed by the END line); no empty line, no header, no checksum,
//    no space anywhere;
//  - after "-----END AGE ENCRYPTED FILE-----" only whitespace (less than 1 KiB).
#include "crypto/age/Error.h"
#include "crypto/age/Io.h"

#include <array>

namespace pt::crypto::age {

inline constexpr std::string_view ArmorBeginLine = "-----BEGIN AGE ENCRYPTED FILE-----";
inline constexpr std::string_view ArmorEndLine = "-----END AGE ENCRYPTED FILE-----";
inline constexpr std::size_t ArmorColumns = 64;
inline constexpr std::size_t MaxArmorWhitespace = 1024;

class ArmorReader final {
public:
    // `input` (the armored text) must outlive this reader.
    explicit ArmorReader(BufferedSource& input) : m_input(input) {}
    ArmorReader(const ArmorReader&) = delete;
    ArmorReader& operator=(const ArmorReader&) = delete;

    // The decoded bytes, as a Source: fills the front of `out`, returns 0 at the end of the armor
    // and nullopt on a malformed armor (ErrorCode::Armor) or a failed input (ErrorCode::Io), see
    // status(). Bytes decoded before an error are handed out first.
    [[nodiscard]] std::optional<std::size_t> read(std::span<std::uint8_t> out);
    [[nodiscard]] const Status& status() const { return m_status; }

private:
    enum class State { Start, Body, End, Failed };
    void decodeNextLine();
    // After the END line: only whitespace may follow.
    void finishAtEnd();
    void fail(ErrorCode code, std::string message);
    // The next line without LF or CRLF; false after fail() (an input failure, a line too long, or
    // the end of the input, which the armor never allows where a line is expected).
    bool nextLine(std::size_t maxSize, std::string_view& line);

    BufferedSource& m_input;
    State m_state = State::Start;
    Status m_status;
    Bytes m_line;
    std::array<std::uint8_t, ArmorColumns / 4 * 3> m_decoded{};
    std::size_t m_decodedBegin = 0;
    std::size_t m_decodedEnd = 0;
};

} // namespace pt::crypto::age
