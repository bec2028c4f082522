#pragma once
// The recovery key: 32 random bytes shown once as Bech32 "ptrk1...". It wraps the vault key
// through HKDF (it is already high-entropy, so no slow KDF is needed).
#include "crypto/SecureBytes.h"

#include <QString>

namespace pt::core::recovery {

inline constexpr auto Hrp = "ptrk";

[[nodiscard]] QString encode(const crypto::SecureBytes& key);
// Accepts upper or lower case and ignores spaces and dashes people add when copying it out.
[[nodiscard]] std::optional<crypto::SecureBytes> decode(const QString& text);
// The key that wraps K.
[[nodiscard]] crypto::SecureBytes wrappingKey(const crypto::SecureBytes& recoveryKey,
                                              const QString& vaultId);

} // namespace pt::core::recovery
