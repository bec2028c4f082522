#include "DeviceList.h"

#include "RemoteLayout.h"

#include <algorithm>

namespace pt::core::sync {

Result<QList<ListedDevice>> devicesOn(Remote& remote, const VaultKeys& keys, const QString& vaultId)
{
    const RemoteLayout layout(vaultId);
    auto registered = remote.list(layout.devicesDir());
    if (!registered)
        return registered.error();
    auto heads = remote.list(layout.headsDir());
    if (!heads)
        return heads.error();
    QList<ListedDevice> devices;
    for (const RemoteFile& file : std::as_const(*registered)) {
        auto sealed = remote.get(layout.device(file.name), DeviceRegistration::MaxFileBytes);
        if (!sealed) {
            if (sealed.error().code == ErrorCode::NotFound)
                continue; // gone since the listing
            return sealed.error();
        }
        auto registration = DeviceRegistration::open(keys, *sealed, file.name);
        if (!registration)
            continue; // not sealed with this vault's key: nobody who holds it wrote this
        ListedDevice device{*registration, std::nullopt, {}};
        const bool hasHead = std::any_of(heads->cbegin(), heads->cend(), [&](const RemoteFile& h) { return h.name == file.name; });
        if (hasHead) {
            auto bytes = remote.get(layout.head(file.name), SignedHead::MaxFileBytes);
            auto head = bytes ? SignedHead::open(*bytes, registration->publicKey, vaultId, file.name)
                              : Result<SignedHead>(bytes.error());
            if (head)
                device.head = *head;
            else if (bytes && SignedHead::isCut(*bytes))
                device.headProblem = QStringLiteral("Its last upload was cut short; it is whole again after its next sync.");
            else if (head.error().code != ErrorCode::NotFound)
                device.headProblem = head.error().message;
        }
        devices.append(std::move(device));
    }
    std::sort(devices.begin(), devices.end(), [](const ListedDevice& a, const ListedDevice& b) {
        return a.registration.addedAt != b.registration.addedAt ? a.registration.addedAt < b.registration.addedAt
                                                                : a.registration.device < b.registration.device;
    });
    return devices;
}

} // namespace pt::core::sync
