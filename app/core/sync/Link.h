#pragma once
// "I already have a Paper Trail vault": finding the vaults on a remote and the vault.json a new
// device links with (Vault::link), then the first sync pulls the journal.
#include "Remote.h"
#include "Result.h"

#include <QByteArray>
#include <QStringList>

namespace pt::core::sync {

// The ids of the vaults on `remote` (papertrail/vaults/<id>).
[[nodiscard]] Result<QStringList> vaultsOn(Remote& remote);
// papertrail/<id>/vault.json: what Vault::link takes. The header names its own KDF parameters,
// which unlocking checks against the floor, so a weakened copy on the remote is refused.
[[nodiscard]] Result<QByteArray> vaultHeaderOn(Remote& remote, const QString& vaultId);

} // namespace pt::core::sync
