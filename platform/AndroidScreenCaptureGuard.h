#pragma once
// The guard on Android: WindowManager.LayoutParams.FLAG_SECURE on the activity's window, which
// blanks screenshots, screen recordings, casting to non-secure displays and the recent-apps
// thumbnail. Qt draws every QWindow of the app into that one activity window, so the flag covers
// them all; `window` only has to be non-null. Compiled only on Android (see platform/CMakeLists.txt).
#include "platform/ScreenCaptureGuard.h"

namespace pt::platform {

class AndroidScreenCaptureGuard final : public ScreenCaptureGuard {
public:
    [[nodiscard]] bool canPreventCapture() const override { return true; }
    // Sets or clears the flag on Android's UI thread, waits up to two seconds for it, then reads
    // the window's flags back: Applied only when they show the requested state.
    [[nodiscard]] Result setPreventCapture(QWindow* window, bool prevent) override;
};

} // namespace pt::platform
