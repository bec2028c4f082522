#pragma once
// Notifications on Linux desktops: the freedesktop notification service
// (org.freedesktop.Notifications on the session D-Bus, which GNOME Shell, KDE Plasma, XFCE,
// dunst and mako all provide). Each notification replaces the one before it, so reminders do not
// pile up. The Notify call itself is asynchronous: show() waits only for the bus daemon's
// answer to "is anyone providing the service?" (at most CallTimeout), never for the service.
#include "platform/Notifier.h"

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <chrono>

namespace pt::platform {

class DesktopNotifier final : public Notifier {
public:
    static constexpr std::chrono::milliseconds CallTimeout{1000};

    // `bus` is the session bus unless a test hands in a private one.
    explicit DesktopNotifier(QDBusConnection bus = QDBusConnection::sessionBus());
    ~DesktopNotifier() override;

    DesktopNotifier(const DesktopNotifier&) = delete;
    DesktopNotifier& operator=(const DesktopNotifier&) = delete;

    // True once the Notify call is on its way to a service that is running (or that the bus
    // starts on demand). A service that then refuses it or does not answer within CallTimeout
    // shows in unavailableReason() afterwards; the next show() tries again.
    bool show(const QString& title, const QString& text) override;
    [[nodiscard]] QString unavailableReason() const override { return m_reason; }

    // The service's id for the notification shown last, which the next one replaces; 0 before
    // the service has answered.
    [[nodiscard]] quint32 currentId() const { return m_currentId; }

    // `text` with &, < and > as entities: servers that read markup in the body then show it as
    // typed, and the words of a fixed text are unchanged.
    [[nodiscard]] static QString escapeBody(const QString& text);

private:
    enum class Presence { Present, Absent, NoAnswer };
    [[nodiscard]] Presence servicePresence();

    QDBusConnection m_bus;
    QString m_reason;
    quint32 m_currentId = 0;
    QObject m_context; // the pending calls' watchers die with it
};

} // namespace pt::platform
