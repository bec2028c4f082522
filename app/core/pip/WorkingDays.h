#pragma once
// Working days: Monday to Friday. A PIP runs for working days, and the seeds advise asking that
// it be extended by every sick day, so its end moves by working days, not calendar days.
#include <QDate>
#include <QList>

namespace pt::core::pip {

[[nodiscard]] bool isWorkingDay(const QDate& day);
// How many working days lie in [from, to], both included; 0 when to is before from.
[[nodiscard]] int workingDaysBetween(const QDate& from, const QDate& to);
// The day `n` working days after `day`: n = 0 is `day` itself; Friday + 1 is Monday, and so is
// Saturday + 1.
[[nodiscard]] QDate addWorkingDays(const QDate& day, int n);
// Each working day in [from, to]; at most `limit` of them.
[[nodiscard]] QList<QDate> workingDaysIn(const QDate& from, const QDate& to, int limit = 5000);

} // namespace pt::core::pip
