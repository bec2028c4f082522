#include "FakeNotificationService.h"

namespace pt::test {

bool FakeNotificationService::registerOn(QDBusConnection bus)
{
    return bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                              QDBusConnection::ExportAllSlots) &&
           bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
}

uint FakeNotificationService::Notify(const QString& appName, uint replacesId,
                                     const QString& appIcon, const QString& summary,
                                     const QString& body, const QStringList& actions,
                                     const QVariantMap& hints, int expireTimeout)
{
    m_calls.append({appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout});
    if (!m_answers) {
        setDelayedReply(true); // and never send it
        return 0;
    }
    return replacesId != 0 ? replacesId : m_nextId++;
}

QStringList FakeNotificationService::GetCapabilities()
{
    return {QStringLiteral("body")};
}

} // namespace pt::test
