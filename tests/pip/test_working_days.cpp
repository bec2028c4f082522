// Working days: Monday to Friday; the end of a plan moves by working days.
#include "TestSupport.h"

#include "pip/WorkingDays.h"

using namespace pt::core::pip;

TEST_CASE("working days: a six-week plan has 30", "[pip][days]")
{
    CHECK(workingDaysBetween(QDate(2027, 1, 4), QDate(2027, 2, 12)) == 30);
    CHECK(workingDaysBetween(QDate(2027, 1, 4), QDate(2027, 1, 4)) == 1);
    CHECK(workingDaysBetween(QDate(2027, 1, 9), QDate(2027, 1, 10)) == 0); // a weekend
    CHECK(workingDaysBetween(QDate(2027, 1, 8), QDate(2027, 1, 4)) == 0);  // backwards
    CHECK(workingDaysIn(QDate(2027, 1, 4), QDate(2027, 2, 12)).size() == 30);
    CHECK_FALSE(isWorkingDay(QDate(2027, 1, 9)));
    CHECK(isWorkingDay(QDate(2027, 1, 11)));
}

TEST_CASE("working days: adding skips the weekend", "[pip][days]")
{
    const QDate friday(2027, 2, 12);
    CHECK(addWorkingDays(friday, 0) == friday);
    CHECK(addWorkingDays(friday, 1) == QDate(2027, 2, 15));
    CHECK(addWorkingDays(friday, 2) == QDate(2027, 2, 16));
    CHECK(addWorkingDays(friday, 5) == QDate(2027, 2, 19));
    CHECK(addWorkingDays(friday, 6) == QDate(2027, 2, 22));
    CHECK(addWorkingDays(QDate(2027, 2, 13), 1) == QDate(2027, 2, 15)); // Saturday + 1
    CHECK(addWorkingDays(QDate(2027, 2, 10), 2) == friday);              // Wednesday + 2
    // Against counting one day at a time, over a year of starts and lengths.
    for (QDate start(2027, 1, 1); start < QDate(2028, 1, 1); start = start.addDays(3))
        for (int n = 0; n < 30; n += 7) {
            QDate d = start;
            for (int left = n; left > 0;) {
                d = d.addDays(1);
                if (isWorkingDay(d))
                    --left;
            }
            INFO(start.toString(Qt::ISODate).toStdString() << " + " << n);
            CHECK(addWorkingDays(start, n) == d);
            if (isWorkingDay(start))
                CHECK(workingDaysBetween(start, d) == n + 1);
        }
}

TEST_CASE("working days: dates far apart cost nothing", "[pip][days]")
{
    CHECK(workingDaysBetween(QDate(1970, 1, 1), QDate(9000, 1, 1)) > 1'800'000);
    CHECK(addWorkingDays(QDate(2027, 1, 4), 1'000'000).isValid());
    CHECK(workingDaysIn(QDate(1970, 1, 1), QDate(9000, 1, 1), 100).size() == 100);
}
