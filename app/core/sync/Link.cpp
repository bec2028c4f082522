#include "Link.h"

#include "RemoteLayout.h"
#include "vault/VaultHeader.h"

namespace pt::core::sync {

Result<QStringList> vaultsOn(Remote& remote)
{
    auto listing = remote.list(QStringLiteral("papertrail/vaults"));
    if (!listing)
        return listing.error();
    QStringList ids;
    for (const RemoteFile& f : *listing)
        if (RemoteLayout::isVaultId(f.name))
            ids << f.name;
    if (ids.isEmpty())
        return notFound(QStringLiteral("There is no Paper Trail vault on %1 yet. Sync from the device that has the "
                                       "vault first, then link this one.")
                            .arg(remote.describe()));
    return ids;
}

Result<QByteArray> vaultHeaderOn(Remote& remote, const QString& vaultId)
{
    if (!RemoteLayout::isVaultId(vaultId))
        return usage(QStringLiteral("%1 is not a vault id.").arg(vaultId.left(80)));
    auto header = remote.get(RemoteLayout(vaultId).vaultHeader(), VaultHeader::MaxFileSize);
    if (!header)
        return header.error().code == ErrorCode::NotFound
                   ? notFound(QStringLiteral("Vault %1 on %2 has no vault.json yet. Sync from a device that has it, "
                                             "then link again.")
                                  .arg(vaultId, remote.describe()))
                   : header.error();
    return header;
}

} // namespace pt::core::sync
