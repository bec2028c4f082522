#pragma once
// Bech32 (BIP 173). Used for recovery keys (ptrk1...) and age keys (age1..., AGE-SECRET-KEY-1...).
#include "Bytes.h"

namespace pt::crypto::bech32 {

struct Decoded {
    std::string hrp;  // lower case
    Bytes data;       // 5-bit values (decodeRaw) or 8-bit bytes (decode)
};

// BIP 173 limit; age keys are shorter than this, but pass a larger limit where a format says so.
inline constexpr std::size_t MaxLength = 90;

// Encodes 8-bit data (converted to 5-bit groups with padding). Lower case.
[[nodiscard]] std::string encode(std::string_view hrp, ByteView data);
// Decodes and converts back to 8-bit bytes; rejects bad checksum, mixed case, bad characters,
// non-zero padding and strings longer than maxLength.
[[nodiscard]] std::optional<Decoded> decode(std::string_view text, std::size_t maxLength = MaxLength);

// The raw 5-bit layer, exactly as BIP 173 specifies it (for its test vectors).
[[nodiscard]] std::string encodeRaw(std::string_view hrp, ByteView fiveBitValues);
[[nodiscard]] std::optional<Decoded> decodeRaw(std::string_view text,
                                               std::size_t maxLength = MaxLength);

} // namespace pt::crypto::bech32
