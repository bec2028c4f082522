#pragma once
#include "SecureBytes.h"

namespace pt::crypto {

[[nodiscard]] Bytes randomBytes(std::size_t size);
[[nodiscard]] SecureBytes randomSecret(std::size_t size);

} // namespace pt::crypto
