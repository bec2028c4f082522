// makeScreenCaptureGuard() on every platform without a guard of its own (CMake compiles this file
// everywhere but Android).
#include "platform/DesktopScreenCaptureGuard.h"

namespace pt::platform {

std::unique_ptr<ScreenCaptureGuard> makeScreenCaptureGuard()
{
    return std::make_unique<DesktopScreenCaptureGuard>();
}

} // namespace pt::platform
