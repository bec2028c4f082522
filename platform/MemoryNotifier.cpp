#include "platform/MemoryNotifier.h"

namespace pt::platform {

bool MemoryNotifier::show(const QString& title, const QString& text)
{
    if (!m_available)
        return false;
    m_shown.append({title, text});
    return true;
}

QString MemoryNotifier::unavailableReason() const
{
    return m_available ? QString() : m_reason;
}

void MemoryNotifier::setAvailable(bool available, const QString& reason)
{
    m_available = available;
    m_reason = reason.isEmpty() ? QStringLiteral("This device offers Paper Trail no notifications: "
                                                 "reminders show in the app only.")
                                : reason;
}

} // namespace pt::platform
