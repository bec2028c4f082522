#pragma once
// The seam for local notifications (the PIP's reminders, issue 13). Each platform has its own
// implementation, chosen in CMake; makeNotifier() returns the one built for this platform:
// DesktopNotifier (the freedesktop notification service over the session D-Bus) on Linux
// desktops, MemoryNotifier (nothing leaves the app) elsewhere for now. A notification can show on
// a locked screen, so callers pass fixed words, never journal text.
#include <QString>

#include <memory>

namespace pt::platform {

class Notifier {
public:
    // The title every notification of the app carries.
    static QString appName() { return QStringLiteral("Paper Trail"); }

    virtual ~Notifier();

    // Shows (or hands to the system to show) one notification, replacing the one shown before,
    // so reminders do not pile up. Plain text: any markup in `text` is shown as typed. False when
    // there is no notification service to show it; unavailableReason() then says so. Never
    // blocks for more than about a second, whatever the service does.
    virtual bool show(const QString& title, const QString& text) = 0;
    // Why notifications cannot be shown here, as a sentence for the person with what follows
    // from it ("reminders show in the app only"); empty while they can (as far as is known).
    [[nodiscard]] virtual QString unavailableReason() const = 0;
};

// The notifier for the platform this was built for. Two files define it and CMake compiles one:
// NotifierFactoryDesktop.cpp on Linux desktops with Qt D-Bus, NotifierFactoryMemory.cpp elsewhere.
[[nodiscard]] std::unique_ptr<Notifier> makeNotifier();

} // namespace pt::platform
