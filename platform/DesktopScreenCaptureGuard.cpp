#include "platform/DesktopScreenCaptureGuard.h"

namespace pt::platform {

ScreenCaptureGuard::Result DesktopScreenCaptureGuard::setPreventCapture(QWindow* window,
                                                                         bool /*prevent*/)
{
    return window != nullptr ? Result::Unsupported : Result::Failed;
}

} // namespace pt::platform
