#pragma once
// The base64 of age headers: the standard alphabet without '=' padding (RFC 4648 section 4, "raw"),
// canonical only. crypto::toBase64/fromBase64 are the padded form, which the ASCII armor uses.
#include "crypto/Bytes.h"

namespace pt::crypto::age::base64 {

[[nodiscard]] std::string encode(ByteView bytes);

// Rejects any character outside A-Z a-z 0-9 + / (so '=', CR and LF too), a length that leaves
// one character over, and non-zero trailing bits (a non-canonical encoding).
[[nodiscard]] std::optional<Bytes> decode(std::string_view text);

// The length of the encoding of n bytes.
[[nodiscard]] constexpr std::size_t encodedSize(std::size_t n) { return (n * 4 + 2) / 3; }

} // namespace pt::crypto::age::base64
