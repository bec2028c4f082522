// makeScreenCaptureGuard() on Android (CMake compiles this file only there).
#include "platform/AndroidScreenCaptureGuard.h"

namespace pt::platform {

std::unique_ptr<ScreenCaptureGuard> makeScreenCaptureGuard()
{
    return std::make_unique<AndroidScreenCaptureGuard>();
}

} // namespace pt::platform
