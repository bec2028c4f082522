#include "DeviceRegistration.h"

#include "RemoteLayout.h"
#include "TimeFormat.h"
#include "crypto/Aead.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace pt::core::sync {

namespace {

QString aadFor(const QString& device) { return QStringLiteral("device-registration/") + device; }

Error unregistered(const QString& device)
{
    return damaged(QStringLiteral("Device %1 on the sync remote is not registered by this vault: its registration "
                                  "does not open with the vault's key. Nothing it wrote was taken.")
                       .arg(device));
}

} // namespace

QString thisDeviceName(const QString& what)
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? what : host + QStringLiteral(" (") + what + QLatin1Char(')');
}

QByteArray DeviceRegistration::seal(const VaultKeys& keys) const
{
    const QJsonObject o{
        {QStringLiteral("added_at"), isoWithOffset(addedAt.toUTC())},
        {QStringLiteral("added_by"), addedBy},
        {QStringLiteral("device"), device},
        {QStringLiteral("format"), FormatVersion},
        {QStringLiteral("name"), name},
        {QStringLiteral("public_key"), QString::fromLatin1(publicKey.toBase64())},
    };
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return toQByteArray(crypto::aead::seal(keys.subkey(Purpose::DeviceRegistration).view(), bytesOf(json),
                                           bytesOf(keys.aad(aadFor(device)))));
}

Result<DeviceRegistration> DeviceRegistration::open(const VaultKeys& keys, const QByteArray& sealed,
                                                    const QString& device)
{
    if (sealed.size() > MaxFileBytes)
        return unregistered(device);
    const auto json = crypto::aead::open(keys.subkey(Purpose::DeviceRegistration).view(), bytesOf(sealed),
                                         bytesOf(keys.aad(aadFor(device))));
    if (!json)
        return unregistered(device);
    const QJsonDocument doc = QJsonDocument::fromJson(toQByteArray(*json));
    const QJsonObject o = doc.object();
    DeviceRegistration r;
    r.device = o.value(QStringLiteral("device")).toString();
    r.publicKey = QByteArray::fromBase64(o.value(QStringLiteral("public_key")).toString().toLatin1(),
                                         QByteArray::AbortOnBase64DecodingErrors);
    r.name = o.value(QStringLiteral("name")).toString().left(200);
    r.addedBy = o.value(QStringLiteral("added_by")).toString();
    r.addedAt = parseIso(o.value(QStringLiteral("added_at")).toString());
    if (!doc.isObject() || o.value(QStringLiteral("format")).toInt() != FormatVersion || r.device != device ||
        r.publicKey.size() != 32 || !RemoteLayout::isDeviceId(r.addedBy))
        return damaged(QStringLiteral("Device %1's registration on the sync remote is damaged. Link that device "
                                      "again.")
                           .arg(device));
    return r;
}

} // namespace pt::core::sync
