#pragma once
// The seam for keeping the journal out of screenshots, screen recordings, screen sharing and the
// task switcher's thumbnails. Each OS has its own implementation, chosen in CMake; the factory
// makeScreenCaptureGuard() returns the one built for this platform. A guard never claims more than
// it did: where the OS offers no control it says Unsupported, and the app shows a banner saying
// that screenshots are possible.
#include <memory>

class QWindow;

namespace pt::platform {

class ScreenCaptureGuard {
public:
    enum class Result {
        Applied,     // the OS confirmed the requested state
        Unsupported, // this platform offers no way to control capture; nothing was changed
        Failed,      // it should have worked but did not (no window, the OS refused, a timeout)
    };

    virtual ~ScreenCaptureGuard();

    // Whether setPreventCapture() can ever return Applied here.
    [[nodiscard]] virtual bool canPreventCapture() const = 0;
    // `window` must be the app's window (not null). Call with `prevent` true before the window
    // first shows journal content (so the task switcher's thumbnail is covered too) and again
    // whenever the setting changes; call on the GUI thread.
    [[nodiscard]] virtual Result setPreventCapture(QWindow* window, bool prevent) = 0;
};

// The guard for the platform this was built for. Two files define it and CMake compiles one:
// ScreenCaptureGuardFactoryAndroid.cpp on Android, ScreenCaptureGuardFactoryDesktop.cpp elsewhere.
[[nodiscard]] std::unique_ptr<ScreenCaptureGuard> makeScreenCaptureGuard();

} // namespace pt::platform
