#include "platform/ScreenCaptureGuard.h"

namespace pt::platform {

// Out of line so the vtable has one home.
ScreenCaptureGuard::~ScreenCaptureGuard() = default;

} // namespace pt::platform
