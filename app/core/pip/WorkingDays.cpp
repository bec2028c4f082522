#include "WorkingDays.h"

namespace pt::core::pip {

bool isWorkingDay(const QDate& day) { return day.isValid() && day.dayOfWeek() <= 5; }

int workingDaysBetween(const QDate& from, const QDate& to)
{
    if (!from.isValid() || !to.isValid() || to < from)
        return 0;
    // Whole weeks at once, so a hostile date a million years away costs nothing.
    const qint64 days = from.daysTo(to) + 1;
    qint64 count = days / 7 * 5;
    for (QDate d = from.addDays(days / 7 * 7); d <= to; d = d.addDays(1))
        count += isWorkingDay(d) ? 1 : 0;
    return int(std::min<qint64>(count, std::numeric_limits<int>::max()));
}

QDate addWorkingDays(const QDate& day, int n)
{
    if (!day.isValid() || n <= 0)
        return day;
    QDate d = day.addDays(1);
    while (!isWorkingDay(d))
        d = d.addDays(1);
    // From a working day, five working days on is a week on.
    const int more = n - 1;
    d = d.addDays(qint64(more / 5) * 7);
    for (int left = more % 5; left > 0;) {
        d = d.addDays(1);
        if (isWorkingDay(d))
            --left;
    }
    return d;
}

QList<QDate> workingDaysIn(const QDate& from, const QDate& to, int limit)
{
    QList<QDate> days;
    if (!from.isValid() || !to.isValid())
        return days;
    for (QDate d = from; d <= to && days.size() < limit; d = d.addDays(1))
        if (isWorkingDay(d))
            days << d;
    return days;
}

} // namespace pt::core::pip
