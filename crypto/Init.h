#pragma once

namespace pt::crypto {

// sodium_init() plus a known-answer self test of every primitive crypto/ uses.
// Call once before anything else; when it returns false no vault may be opened.
[[nodiscard]] bool init();

} // namespace pt::crypto
