#include "ReminderScheduler.h"

#include <algorithm>
#include <utility>

namespace pt::gui {

namespace {

// How far ahead the reminders are taken: remindersBetween() scans no more than this, and a plan
// with its extensions ends well within it.
constexpr int HorizonDays = 400;

QDateTime systemNow()
{
    return QDateTime::currentDateTime();
}

} // namespace

ReminderScheduler::ReminderScheduler(QObject* parent) : ReminderScheduler(nullptr, {}, parent) {}

ReminderScheduler::ReminderScheduler(std::unique_ptr<platform::Notifier> notifier,
                                     core::Clock clock, QObject* parent)
    : QObject(parent), m_notifier(notifier ? std::move(notifier) : platform::makeNotifier()),
      m_clock(clock ? std::move(clock) : core::Clock(systemNow))
{
    m_timer.setSingleShot(true);
    // Not VeryCoarseTimer (whole seconds, late by up to 500 ms); a coarse one may fire a little
    // early or late, and checkNow() re-arms for what is left when early.
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReminderScheduler::checkNow);
}

ReminderScheduler::~ReminderScheduler() = default;

void ReminderScheduler::setWorkspace(const core::pip::PipWorkspace& workspace)
{
    const QDateTime t = now();
    if (!m_checkedUntil.isValid() || t < m_checkedUntil)
        m_checkedUntil = t;
    // Only times and kinds are kept: nothing of the workspace's text outlives this call.
    m_reminders =
        core::pip::remindersBetween(workspace, m_checkedUntil, m_checkedUntil.addDays(HorizonDays));
    checkNow();
}

void ReminderScheduler::clear()
{
    m_reminders.clear();
    arm(now());
}

void ReminderScheduler::checkNow()
{
    const QDateTime t = now();
    // The first check, or the clock was set back: what is listed is still to come, and what was
    // shown before stays shown once.
    if (!m_checkedUntil.isValid() || t < m_checkedUntil)
        m_checkedUntil = t;

    const auto firstToCome = std::find_if(m_reminders.cbegin(), m_reminders.cend(),
                                          [&t](const core::pip::Reminder& r) { return r.at > t; });
    const qsizetype due = firstToCome - m_reminders.cbegin();
    if (due > 0) {
        // Several are due after a sleep (or a clock set forward): the latest says what is true
        // now, and only while it is still its day ("Time for today's check-in." is not true of
        // yesterday's).
        const core::pip::Reminder latest = m_reminders.at(due - 1);
        m_reminders.remove(0, due);
        if (m_enabled && latest.at.date() == t.date())
            show(latest);
    }
    m_checkedUntil = t;
    setUnavailableReason(m_notifier->unavailableReason()); // a service may have failed since
    arm(t);
}

void ReminderScheduler::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (m_enabled)
        passUntil(now()); // what fell due while off is not shown late
    emit enabledChanged();
    arm(now());
}

QDateTime ReminderScheduler::nextAt() const
{
    const core::pip::Reminder* reminder = next();
    return reminder ? reminder->at : QDateTime();
}

QString ReminderScheduler::nextText() const
{
    const core::pip::Reminder* reminder = next();
    return reminder ? reminder->text() : QString();
}

const core::pip::Reminder* ReminderScheduler::next() const
{
    return m_enabled && !m_reminders.isEmpty() ? &m_reminders.constFirst() : nullptr;
}

void ReminderScheduler::passUntil(const QDateTime& t)
{
    m_reminders.removeIf([&t](const core::pip::Reminder& r) { return r.at <= t; });
    if (!m_checkedUntil.isValid() || m_checkedUntil < t)
        m_checkedUntil = t;
}

void ReminderScheduler::show(const core::pip::Reminder& reminder)
{
    const QString text = reminder.text(); // fixed words, never the journal's
    const bool notified = m_notifier->show(platform::Notifier::appName(), text);
    setUnavailableReason(m_notifier->unavailableReason());
    emit reminderDue(text, notified);
}

void ReminderScheduler::arm(const QDateTime& t)
{
    const core::pip::Reminder* reminder = next();
    if (reminder) {
        // At most MaxWait at a time: the timer counts on a monotonic clock, which stands still
        // while the machine sleeps and knows nothing of the wall clock being set.
        const qint64 wait = std::clamp<qint64>(t.msecsTo(reminder->at), 1,
                                               std::chrono::milliseconds(MaxWait).count());
        m_timer.start(std::chrono::milliseconds(wait));
    } else {
        m_timer.stop();
    }
    const QDateTime at = nextAt();
    const QString text = nextText();
    if (at != m_announcedAt || text != m_announcedText) {
        m_announcedAt = at;
        m_announcedText = text;
        emit nextChanged();
    }
}

void ReminderScheduler::setUnavailableReason(const QString& reason)
{
    if (reason == m_unavailableReason)
        return;
    m_unavailableReason = reason;
    emit unavailableReasonChanged();
}

} // namespace pt::gui
