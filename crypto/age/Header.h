#pragma once
// The age v1 header (age-encryption.org/v1, "Header"): the version line, one or more recipient
// stanzas, and the MAC line. Parsing is strict: what parses re-encodes to the same bytes, so the
// MAC checked over the bytes as read is also the MAC over the canonical encoding.
#include "crypto/Sha256.h"
#include "crypto/age/Error.h"

#include <array>
#include <string>
#include <vector>

namespace pt::crypto::age {

inline constexpr std::string_view VersionLine = "age-encryption.org/v1\n";
inline constexpr std::size_t FileKeySize = 16;
inline constexpr std::size_t MacSize = 32;
inline constexpr std::size_t ColumnsPerLine = 64; // stanza bodies are wrapped at 64 columns
inline constexpr std::size_t BytesPerLine = ColumnsPerLine / 4 * 3;

struct Stanza {
    std::string type;              // the first argument: "X25519", "scrypt", or any other
    std::vector<std::string> args; // the arguments after the type
    Bytes body;
};

struct Header {
    std::vector<Stanza> stanzas; // at least one
    std::array<std::uint8_t, MacSize> mac{};
    std::size_t macInputSize = 0; // the encoded header through "---": the bytes the MAC covers
};

// An argument (the type too): one or more printable ASCII characters (VCHAR, 0x21 to 0x7e).
[[nodiscard]] bool isValidArgument(std::string_view argument);

// Parses one complete encoded header, from the version line through the LF that ends the MAC
// line, with nothing after it. Any deviation from the grammar is an ErrorCode::Header error:
// another version, CR before LF, an empty or non-VCHAR argument, body lines that are not
// canonical unpadded base64 or longer than 64 columns, a stanza not ended by a line shorter than
// 64 columns, no stanza, a MAC line other than "--- " and the 43 characters of a 32-byte MAC.
[[nodiscard]] Result<Header> parseHeader(ByteView encoded);

// The encoded header up to and including "---" (the MAC input); nullopt when there is no stanza
// or an argument is not valid.
[[nodiscard]] std::optional<std::string> encodeHeaderWithoutMac(const std::vector<Stanza>& stanzas);
// The complete encoded header, with the MAC line for fileKey.
[[nodiscard]] std::optional<std::string> encodeHeader(const std::vector<Stanza>& stanzas,
                                                      ByteView fileKey);

// HMAC-SHA-256 keyed with HKDF-SHA-256(ikm = file key, salt = empty, info = "header").
[[nodiscard]] Digest headerMac(ByteView fileKey, ByteView macInput);

} // namespace pt::crypto::age
