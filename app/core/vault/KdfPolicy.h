#pragma once
// Which key-derivation parameters a vault may use. A header asking for less than the floor was
// weakened by someone (or made by a test build) and is refused when read; new keys always get
// parameters measured on this device.
#include "Result.h"
#include "crypto/PasswordHash.h"

namespace pt::core::kdf {

// 3 passes and 64 MiB. Only a test build (CMake option PT_TEST_KDF) run with
// PAPERTRAIL_TEST_KDF=1 lowers it to the test suites' 1 pass and 8 MiB.
[[nodiscard]] crypto::pwhash::Params floor();
[[nodiscard]] bool weakTestKdfEnabled();
// Parameters for a new passphrase key: calibrated to about a second on this device (the test
// parameters where weakTestKdfEnabled()).
[[nodiscard]] crypto::pwhash::Params forNewKey();
// Damaged, in plain words, when `params` is below the floor or above the ceilings.
[[nodiscard]] Status check(const crypto::pwhash::Params& params);

} // namespace pt::core::kdf
