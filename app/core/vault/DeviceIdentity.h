#pragma once
// This device's identity in the vault: an id and an Ed25519 key pair that signs its log.
#include "crypto/Signing.h"

#include <QString>

namespace pt::core {

struct DeviceIdentity {
    QString id; // UUID
    crypto::Bytes publicKey;
    crypto::SecureBytes secretKey;
};

} // namespace pt::core
