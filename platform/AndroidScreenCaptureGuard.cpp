#include "platform/AndroidScreenCaptureGuard.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QJniEnvironment>
#include <QJniObject>
#include <QVariant>
#include <QtCore/qcoreapplication_platform.h>

namespace pt::platform {

namespace {

// android.view.WindowManager.LayoutParams.FLAG_SECURE
constexpr jint FlagSecure = 0x00002000;
constexpr int UiThreadTimeoutMs = 2000;

enum class Outcome { Applied, Failed };

// Runs on Android's UI thread: window flags may only be changed there.
Outcome applyOnUiThread(bool prevent)
{
    if (!QNativeInterface::QAndroidApplication::isActivityContext())
        return Outcome::Failed; // a service has no window to protect
    QJniEnvironment env;
    const QJniObject activity(QNativeInterface::QAndroidApplication::context());
    const QJniObject window = activity.callObjectMethod("getWindow", "()Landroid/view/Window;");
    if (env.checkAndClearExceptions() || !window.isValid())
        return Outcome::Failed;
    window.callMethod<void>(prevent ? "addFlags" : "clearFlags", "(I)V", FlagSecure);
    if (env.checkAndClearExceptions())
        return Outcome::Failed;
    // Trust what the window reports, not that the call returned.
    const QJniObject attributes =
        window.callObjectMethod("getAttributes", "()Landroid/view/WindowManager$LayoutParams;");
    if (env.checkAndClearExceptions() || !attributes.isValid())
        return Outcome::Failed;
    const jint flags = attributes.getField<jint>("flags");
    if (env.checkAndClearExceptions())
        return Outcome::Failed;
    return ((flags & FlagSecure) != 0) == prevent ? Outcome::Applied : Outcome::Failed;
}

} // namespace

ScreenCaptureGuard::Result AndroidScreenCaptureGuard::setPreventCapture(QWindow* window, bool prevent)
{
    if (window == nullptr)
        return Result::Failed;
    // With a deadline, a UI thread that is stuck (or waiting on us) means Failed, not a hang.
    QFuture<QVariant> done = QNativeInterface::QAndroidApplication::runOnAndroidMainThread(
        [prevent]() -> QVariant { return applyOnUiThread(prevent) == Outcome::Applied; },
        QDeadlineTimer(UiThreadTimeoutMs));
    done.waitForFinished();
    if (done.isCanceled() || done.resultCount() == 0)
        return Result::Failed;
    return done.result().toBool() ? Result::Applied : Result::Failed;
}

} // namespace pt::platform
