#pragma once
// The guard on Linux desktops (X11 and Wayland): neither offers an application a way to keep its
// windows out of screenshots or screen sharing (on X11 any client can read the screen; on Wayland
// the compositor and its portals decide), so this guard changes nothing and says Unsupported.
// It is also the stand-in for tests. Windows (SetWindowDisplayAffinity with
// WDA_EXCLUDEFROMCAPTURE) and macOS (NSWindow.sharingType = none) would get guards of their own.
#include "platform/ScreenCaptureGuard.h"

namespace pt::platform {

class DesktopScreenCaptureGuard final : public ScreenCaptureGuard {
public:
    [[nodiscard]] bool canPreventCapture() const override { return false; }
    // Unsupported for any window, whether asked to prevent or to allow capture; Failed for none.
    [[nodiscard]] Result setPreventCapture(QWindow* window, bool prevent) override;
};

} // namespace pt::platform
