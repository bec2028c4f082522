#include "SyncDevices.h"

#include "VaultController.h"
#include "sync/RemoteSettings.h"

#include <memory>

namespace pt::gui {

using namespace pt::core;
using namespace pt::core::sync;

SyncDevices::SyncDevices(QObject* parent) : QObject(parent) {}

void SyncDevices::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &VaultController::locked, this, [this] {
            m_listed.clear();
            m_message.clear();
            emit changed();
        });
    emit controllerChanged();
}

void SyncDevices::setMessage(const QString& message)
{
    m_message = message;
    m_busy = false;
    emit changed();
}

void SyncDevices::refresh()
{
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault || m_busy)
        return;
    const QString vaultId = vault->header().vaultId;
    auto settings = RemoteSettings::load(vaultId);
    if (!settings || settings->isEmpty()) {
        setMessage(tr("Choose a sync folder or server above first: the device list is kept there."));
        return;
    }
    m_busy = true;
    m_message.clear();
    emit changed();
    if (settings->isFolder()) {
        read(*settings, {});
        return;
    }
    m_controller->secrets()->read(RemoteSettings::keychainKey(vaultId), [this, vaultId, settings = *settings](platform::SecretResult secret) {
        if (!m_controller->vault() || m_controller->vault()->header().vaultId != vaultId)
            return setMessage({});
        if (!secret.ok())
            return setMessage(tr("The app password is not in the keychain (%1). Enter it again under Sync.").arg(secret.message));
        read(settings, QString::fromUtf8(reinterpret_cast<const char*>(secret.secret.data()), qsizetype(secret.secret.size())));
    });
}

void SyncDevices::read(const RemoteSettings& settings, const QString& password)
{
    Vault* vault = m_controller->vault();
    const QString vaultId = vault->header().vaultId;
    const Vault::Store store = vault->store();
    auto result = std::make_shared<std::optional<Result<QList<ListedDevice>>>>();
    const bool started = m_controller->runInBackground(
        [=](const std::atomic<bool>&) {
            auto remote = openRemote(settings, password);
            *result = remote ? devicesOn(**remote, store.keys, vaultId) : Result<QList<ListedDevice>>(remote.error());
        },
        [this, result] {
            if (!result->has_value() || !m_controller->vault())
                return setMessage({});
            if (!**result)
                return setMessage(tr("Could not read the device list: %1").arg((*result)->error().message));
            m_listed = ***result;
            setMessage({});
        });
    if (!started)
        setMessage(tr("A sync is running; try again in a moment."));
}

QVariantList SyncDevices::devices() const
{
    QVariantList list;
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault)
        return list;
    const Journal& journal = vault->journal();
    for (const ListedDevice& d : m_listed) {
        const QString& id = d.registration.device;
        const auto revoked = journal.revocationOf(id);
        list.append(QVariantMap{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), d.registration.name},
            {QStringLiteral("thisDevice"), id == vault->deviceId()},
            {QStringLiteral("addedAt"), d.registration.addedAt.toLocalTime()},
            {QStringLiteral("lastSynced"), d.head ? d.head->writtenAt.toLocalTime() : QDateTime()},
            {QStringLiteral("records"), d.head ? d.head->seq : 0},
            {QStringLiteral("revoked"), revoked.has_value()},
            {QStringLiteral("revokedAt"), revoked ? revoked->time.toLocalTime() : QDateTime()},
            {QStringLiteral("refused"), revoked ? revoked->refused : 0},
        });
    }
    return list;
}

bool SyncDevices::revoke(const QString& device)
{
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault)
        return false;
    if (Status s = vault->journal().revoke(device); !s) {
        setMessage(s.error().message);
        return false;
    }
    m_controller->notifyJournalChanged(); // syncs soon, which takes the revocation to the others
    emit changed();
    return true;
}

} // namespace pt::gui
