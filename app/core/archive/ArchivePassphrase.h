#pragma once
// A strong passphrase for an archive that the person can read out over the phone: six groups of
// four characters from an alphabet without look-alikes (no 0/o, 1/l/i), about 119 bits, which
// puts scrypt at work factor 18 far out of reach of guessing. "k7mq-2xpr-9dwh-c4tn-v8bs-3fja".
#include "crypto/SecureBytes.h"

namespace pt::core::archive {

[[nodiscard]] crypto::SecureBytes generatePassphrase();

} // namespace pt::core::archive
