#pragma once
// When to remind the person, computed on the device from the plan's reminder settings: the daily
// check-in (working days the plan runs, unless that day's check-in is written), the weekly 1:1
// (15 minutes before) and the end (two working days before, and on the day). Nothing is sent
// anywhere, and a reminder's words never include the journal's: a notification can show on a
// locked screen, so it says "Time for today's check-in", never a goal.
#include "PipWorkspace.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace pt::core::pip {

enum class ReminderKind { CheckIn, OneOnOne, EndSoon, EndToday };

struct Reminder {
    QDateTime at;
    ReminderKind kind = ReminderKind::CheckIn;

    // What the notification says: fixed words, no journal text.
    [[nodiscard]] QString text() const;
    bool operator==(const Reminder&) const = default;
};

// The reminders due in (after, until], earliest first; none once the plan has an outcome.
[[nodiscard]] QList<Reminder> remindersBetween(const PipWorkspace& workspace, const QDateTime& after, const QDateTime& until);
// The first one after `after`, looking two weeks ahead.
[[nodiscard]] std::optional<Reminder> nextReminder(const PipWorkspace& workspace, const QDateTime& after);

} // namespace pt::core::pip
