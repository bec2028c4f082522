// The screen-capture seam: the desktop guard is honest (Unsupported, never a silent Applied), and
// whatever guard the factory builds here keeps the same promise. The Android guard needs a device
// and is not built here.
#include <catch2/catch.hpp>

#include "platform/DesktopScreenCaptureGuard.h"
#include "platform/ScreenCaptureGuard.h"

#include <QWindow>

using pt::platform::DesktopScreenCaptureGuard;
using pt::platform::ScreenCaptureGuard;
using Result = ScreenCaptureGuard::Result;

TEST_CASE("the desktop guard says Unsupported and never Applied", "[gui][platform][capture]")
{
    DesktopScreenCaptureGuard guard;
    QWindow window;
    window.create();

    CHECK_FALSE(guard.canPreventCapture());
    CHECK(guard.setPreventCapture(&window, true) == Result::Unsupported);
    CHECK(guard.setPreventCapture(&window, false) == Result::Unsupported);
    window.show();
    CHECK(guard.setPreventCapture(&window, true) == Result::Unsupported);
}

TEST_CASE("a guard without a window fails", "[gui][platform][capture]")
{
    DesktopScreenCaptureGuard guard;
    CHECK(guard.setPreventCapture(nullptr, true) == Result::Failed);
    CHECK(guard.setPreventCapture(nullptr, false) == Result::Failed);
}

TEST_CASE("the factory's guard claims Applied only where it can prevent capture", "[gui][platform][capture]")
{
    const std::unique_ptr<ScreenCaptureGuard> guard = pt::platform::makeScreenCaptureGuard();
    REQUIRE(guard);
    QWindow window;
    window.create();
    const Result result = guard->setPreventCapture(&window, true);
    if (!guard->canPreventCapture())
        CHECK(result == Result::Unsupported);
    else
        CHECK(result != Result::Unsupported);
#if defined(__linux__) && !defined(__ANDROID__)
    // This build runs on a Linux desktop: the factory must have picked the desktop guard.
    CHECK_FALSE(guard->canPreventCapture());
#endif
}
