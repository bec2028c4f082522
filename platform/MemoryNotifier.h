#pragma once
// A notifier that keeps what it was asked to show, in memory: the tests' stand-in, and the
// notifier of platforms with no service of their own yet (see NotifierFactoryMemory.cpp), where
// it says it is unavailable and the app shows reminders itself. The mobile seam comes later:
// Android's NotificationManager (through a Java helper, with the POST_NOTIFICATIONS permission
// on Android 13) would be a third implementation with a factory file of its own, as
// AndroidScreenCaptureGuard is for the screen-capture seam.
#include "platform/Notifier.h"

#include <QList>
#include <QString>

namespace pt::platform {

class MemoryNotifier final : public Notifier {
public:
    struct Shown {
        QString title;
        QString text;
        bool operator==(const Shown&) const = default;
    };

    // Records the notification and returns true; while unavailable, records nothing and returns
    // false.
    bool show(const QString& title, const QString& text) override;
    [[nodiscard]] QString unavailableReason() const override;

    // As with no notification service: show() answers false and unavailableReason() `reason`
    // (a default sentence when empty).
    void setAvailable(bool available, const QString& reason = {});
    [[nodiscard]] bool available() const { return m_available; }

    // Everything shown, oldest first.
    [[nodiscard]] const QList<Shown>& shown() const { return m_shown; }
    void clear() { m_shown.clear(); }

private:
    QList<Shown> m_shown;
    QString m_reason;
    bool m_available = true;
};

} // namespace pt::platform
