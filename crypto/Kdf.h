#pragma once
// Subkeys of the vault key: crypto_kdf_derive_from_key with an 8-byte context.
#include "SecureBytes.h"

namespace pt::crypto {

// context must be exactly 8 characters (e.g. "ptvault1"); length 16..64.
[[nodiscard]] SecureBytes deriveSubkey(const SecureBytes& key, std::uint64_t id,
                                       std::string_view context, std::size_t length = 32);

} // namespace pt::crypto
