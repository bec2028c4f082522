// makeNotifier() where there is no notification service to talk to yet (CMake compiles this file
// everywhere but Linux desktops with Qt D-Bus): reminders show in the app only. Android's
// NotificationManager, Windows' toast notifications and macOS's UNUserNotificationCenter would
// each get a notifier and a factory file of their own.
#include "platform/MemoryNotifier.h"

namespace pt::platform {

std::unique_ptr<Notifier> makeNotifier()
{
    auto notifier = std::make_unique<MemoryNotifier>();
    notifier->setAvailable(false);
    return notifier;
}

} // namespace pt::platform
