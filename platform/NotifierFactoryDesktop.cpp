// makeNotifier() on Linux desktops (CMake compiles this file there when Qt D-Bus is found): the
// freedesktop notification service on the session bus.
#include "platform/DesktopNotifier.h"

namespace pt::platform {

std::unique_ptr<Notifier> makeNotifier()
{
    return std::make_unique<DesktopNotifier>();
}

} // namespace pt::platform
