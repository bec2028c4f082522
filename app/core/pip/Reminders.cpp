#include "Reminders.h"

#include "WorkingDays.h"

#include <algorithm>

namespace pt::core::pip {

namespace {
constexpr int EndReminderHour = 9;
constexpr int MinutesBeforeOneOnOne = 15;
constexpr int MaxDaysScanned = 400;
} // namespace

QString Reminder::text() const
{
    switch (kind) {
    case ReminderKind::CheckIn:
        return QStringLiteral("Time for today's check-in.");
    case ReminderKind::OneOnOne:
        return QStringLiteral("Your weekly 1:1 starts in %1 minutes. Take notes as it happens.").arg(MinutesBeforeOneOnOne);
    case ReminderKind::EndSoon:
        return QStringLiteral("Your plan ends in two working days.");
    case ReminderKind::EndToday:
        return QStringLiteral("Your plan ends today. Write down what you are told, word for word.");
    }
    return {};
}

QList<Reminder> remindersBetween(const PipWorkspace& w, const QDateTime& after, const QDateTime& until)
{
    QList<Reminder> due;
    if (!w.hasPlan() || w.outcome() || !after.isValid() || !until.isValid() || until <= after)
        return due;
    const Plan& plan = w.plan();
    const QDate end = plan.effectiveEnd();
    if (!plan.start.isValid() || !end.isValid())
        return due;
    const auto consider = [&](const QDateTime& at, ReminderKind kind) {
        if (at > after && at <= until)
            due << Reminder{at, kind};
    };
    const QDate first = std::max(after.date(), plan.start);
    const QDate last = std::min(until.date(), end);
    int scanned = 0;
    for (QDate d = first; d <= last && scanned < MaxDaysScanned; d = d.addDays(1), ++scanned) {
        if (plan.reminders.checkIn && isWorkingDay(d) && !w.checkInOn(d))
            consider(QDateTime(d, *plan.reminders.checkIn), ReminderKind::CheckIn);
        if (plan.reminders.oneOnOneDay == d.dayOfWeek())
            consider(QDateTime(d, plan.reminders.oneOnOneTime).addSecs(-60 * MinutesBeforeOneOnOne), ReminderKind::OneOnOne);
    }
    if (plan.reminders.endDate) {
        // Two working days before the end is the day whose two working days after it reach it.
        QDate soon = end.addDays(-1);
        for (int left = 2; left > 0; soon = soon.addDays(-1))
            if (isWorkingDay(soon) && --left == 0)
                break;
        if (soon >= plan.start)
            consider(QDateTime(soon, QTime(EndReminderHour, 0)), ReminderKind::EndSoon);
        consider(QDateTime(end, QTime(EndReminderHour, 0)), ReminderKind::EndToday);
    }
    std::stable_sort(due.begin(), due.end(), [](const Reminder& a, const Reminder& b) { return a.at < b.at; });
    return due;
}

std::optional<Reminder> nextReminder(const PipWorkspace& w, const QDateTime& after)
{
    const QList<Reminder> due = remindersBetween(w, after, after.addDays(14));
    if (due.isEmpty())
        return std::nullopt;
    return due.first();
}

} // namespace pt::core::pip
