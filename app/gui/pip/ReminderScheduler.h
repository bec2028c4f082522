#pragma once
// The PIP's reminders as local notifications (issue 13): a single-shot timer armed for the next
// reminder, which hands the reminder's fixed words to the platform's Notifier when it is due.
//
// It keeps only the reminders themselves (when, and which of the fixed texts), computed from the
// workspace the PIP controller passes in each time the journal changes: no plan text, goal or
// check-in survives setWorkspace(), so nothing of the journal stays here after the vault locks,
// while the reminders still come. The list runs to the plan's end, so it never goes stale
// however long the vault stays locked.
//
// The timer waits at most MaxWait at a time and every wake-up re-reads the clock: a timer that
// fires early re-arms, a clock set back or forward is caught within MaxWait, and after a sleep
// of the machine only the latest reminder due is shown, and only if it was due today (the
// others' words would no longer be true).
#include "pip/Reminders.h"
#include "platform/Notifier.h"
#include "vault/Journal.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <memory>

namespace pt::gui {

class ReminderScheduler : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Off: nothing is shown and nothing armed; turning it on skips what fell due meanwhile.
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
    // The next reminder while enabled, for "Next reminder: Thu 10:45"; invalid and empty when none.
    Q_PROPERTY(QDateTime nextAt READ nextAt NOTIFY nextChanged)
    Q_PROPERTY(QString nextText READ nextText NOTIFY nextChanged)
    // Why reminders cannot come as notifications here (the Notifier's sentence); empty while
    // they can, as far as the last one showed.
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY unavailableReasonChanged)

public:
    static constexpr std::chrono::minutes MaxWait{5};

    // The platform's notifier (platform::makeNotifier()) and the system clock.
    explicit ReminderScheduler(QObject* parent = nullptr);
    // For tests: a given notifier (makeNotifier() when null) and clock (the system's when empty).
    ReminderScheduler(std::unique_ptr<platform::Notifier> notifier, core::Clock clock,
                      QObject* parent = nullptr);
    ~ReminderScheduler() override;

    // Takes the reminders of `workspace` from the last check on and re-arms; shows one that is
    // already due. An empty workspace, or a plan with an outcome, leaves nothing armed.
    void setWorkspace(const core::pip::PipWorkspace& workspace);
    // Forgets every reminder (a vault closed for good, another vault opened).
    Q_INVOKABLE void clear();
    // Shows the latest reminder due since the last check, if any, and re-arms. The timer calls
    // it; so may the app when it comes back to the foreground or learns the clock changed, and
    // tests, to fire without waiting.
    Q_INVOKABLE void checkNow();

    [[nodiscard]] bool enabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    [[nodiscard]] QDateTime nextAt() const;
    [[nodiscard]] QString nextText() const;
    [[nodiscard]] QString unavailableReason() const { return m_unavailableReason; }

    // The timer, for tests: whether it is armed and for how long it was set.
    [[nodiscard]] bool armed() const { return m_timer.isActive(); }
    [[nodiscard]] std::chrono::milliseconds armedFor() const
    {
        return m_timer.intervalAsDuration();
    }

signals:
    void enabledChanged();
    void nextChanged();
    void unavailableReasonChanged();
    // A reminder fell due: `text` is its fixed words; `notified` says whether the system shows
    // it, so the app can show it itself when not.
    void reminderDue(const QString& text, bool notified);

private:
    [[nodiscard]] QDateTime now() const { return m_clock(); }
    [[nodiscard]] const core::pip::Reminder* next() const;
    void passUntil(const QDateTime& now);
    void show(const core::pip::Reminder& reminder);
    void arm(const QDateTime& now);
    void setUnavailableReason(const QString& reason);

    std::unique_ptr<platform::Notifier> m_notifier;
    core::Clock m_clock;
    QTimer m_timer;
    // Reminders after m_checkedUntil, earliest first: times and kinds, no journal text.
    QList<core::pip::Reminder> m_reminders;
    QDateTime m_checkedUntil; // everything due up to here was shown or passed over
    QString m_unavailableReason;
    QDateTime m_announcedAt; // what nextChanged last told
    QString m_announcedText;
    bool m_enabled = true;
};

} // namespace pt::gui
