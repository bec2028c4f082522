#pragma once
// The devices of a vault as its remote lists them: each one's registration (name, who added it,
// when) and its signed head (how far its log goes and when it last synced). What the device list
// shows and what "revoke a device" picks from. Two listings and one read per device and head.
#include "DeviceRegistration.h"
#include "Remote.h"
#include "SignedHead.h"
#include "Result.h"
#include "vault/VaultKeys.h"

#include <QList>

#include <optional>

namespace pt::core::sync {

struct ListedDevice {
    DeviceRegistration registration;
    std::optional<SignedHead> head; // none before its first sync
    QString headProblem;            // a head that is there but does not check out, in words
};

// Sorted by when each device was added. A registration that does not open (planted) is left out.
[[nodiscard]] Result<QList<ListedDevice>> devicesOn(Remote& remote, const VaultKeys& keys, const QString& vaultId);

} // namespace pt::core::sync
