#pragma once
// devices/<device>: a device's entry in the vault's device list on the remote: its Ed25519 public
// key (which checks its log records and its head), a name the person recognises, which device
// added it and when. Sealed with subkey 8, so only a holder of the vault key can register a
// device; a file planted by the remote's operator does not open, and its device is refused.
#include "Result.h"
#include "vault/VaultKeys.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pt::core::sync {

struct DeviceRegistration {
    static constexpr int FormatVersion = 1;
    static constexpr qint64 MaxFileBytes = 64 * 1024;

    QString device;
    QByteArray publicKey; // 32 bytes
    QString name;         // "Pixel 8", "Home laptop"
    QString addedBy;      // the device that linked it; itself for the vault's first device
    QDateTime addedAt;

    [[nodiscard]] QByteArray seal(const VaultKeys& keys) const;
    [[nodiscard]] static Result<DeviceRegistration> open(const VaultKeys& keys, const QByteArray& sealed,
                                                         const QString& device);
};

// How this machine is listed to the other devices: its host name and what runs there
// ("laptop (papertrail-cli)", "laptop (Debian GNU/Linux 12)").
[[nodiscard]] QString thisDeviceName(const QString& what);

} // namespace pt::core::sync
