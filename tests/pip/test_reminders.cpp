// Reminders computed on the device with the clock injected: the daily check-in (skipped once it is
// written), the weekly 1:1, the end date moved by an extension; their words never the journal's.
#include "PipFixture.h"

#include "pip/Reminders.h"

using namespace pt::core;
using namespace pt::core::pip;
using namespace pt::test;

namespace {

void setReminders(PipVault& v, std::optional<QTime> checkIn, int oneOnOneDay = 0, QTime oneOnOne = {})
{
    Plan plan = v.workspace().plan();
    plan.reminders.checkIn = checkIn;
    plan.reminders.oneOnOneDay = oneOnOneDay;
    plan.reminders.oneOnOneTime = oneOnOne;
    REQUIRE(v.recorder.updatePlan(plan).ok());
}

} // namespace

TEST_CASE("reminders: the daily check-in fires at its time, not on weekends, not once written", "[pip][reminders]")
{
    PipVault v;
    setReminders(v, QTime(16, 30), 4, QTime(10, 0)); // 1:1 on Thursdays at 10:00
    const PipWorkspace w = v.workspace();
    REQUIRE(w.plan().reminders.checkIn == QTime(16, 30));

    // Monday at 16:00: the next reminder is today's check-in at 16:30.
    auto next = nextReminder(w, QDateTime(PlanStart, QTime(16, 0)));
    REQUIRE(next);
    CHECK(next->kind == ReminderKind::CheckIn);
    CHECK(next->at == QDateTime(PlanStart, QTime(16, 30)));
    CHECK(next->text() == QStringLiteral("Time for today's check-in."));

    // The first week: five check-ins and the 1:1 at 9:45 on Thursday, nothing on the weekend.
    const QList<Reminder> week = remindersBetween(w, QDateTime(PlanStart, QTime(0, 0)), QDateTime(PlanStart.addDays(7), QTime(0, 0)));
    REQUIRE(week.size() == 6);
    CHECK(week.at(3) == Reminder{QDateTime(QDate(2027, 1, 7), QTime(9, 45)), ReminderKind::OneOnOne});
    for (const Reminder& r : week)
        CHECK(r.at.date().dayOfWeek() <= 5);

    // Once Monday's check-in is written, Monday's reminder is gone.
    v.clock.set(QDateTime(PlanStart, QTime(15, 0)));
    CheckIn c;
    c.date = PlanStart;
    c.jobTomorrow = QStringLiteral("unsure");
    REQUIRE(v.recorder.saveCheckIn(v.workspace(), c).ok());
    next = nextReminder(v.workspace(), QDateTime(PlanStart, QTime(16, 0)));
    REQUIRE(next);
    CHECK(next->at == QDateTime(QDate(2027, 1, 5), QTime(16, 30)));
}

TEST_CASE("reminders: the end follows the extension, and an outcome stops them", "[pip][reminders]")
{
    PipVault v;
    setReminders(v, std::nullopt);
    Extension sick;
    sick.agreedOn = QDate(2027, 1, 25);
    sick.days = 2;
    sick.reason = QStringLiteral("sick");
    REQUIRE(v.recorder.extend(v.planId, sick).ok());
    const PipWorkspace w = v.workspace();
    REQUIRE(w.plan().effectiveEnd() == QDate(2027, 2, 16)); // Friday 12th + 2 working days

    const QList<Reminder> end = remindersBetween(w, QDateTime(QDate(2027, 2, 8), QTime(0, 0)), QDateTime(QDate(2027, 2, 20), QTime(0, 0)));
    REQUIRE(end.size() == 2);
    CHECK(end.at(0) == Reminder{QDateTime(QDate(2027, 2, 12), QTime(9, 0)), ReminderKind::EndSoon});
    CHECK(end.at(1) == Reminder{QDateTime(QDate(2027, 2, 16), QTime(9, 0)), ReminderKind::EndToday});

    // The injected clock reaches the Friday: that reminder is the one due in the last minute.
    v.clock.set(QDateTime(QDate(2027, 2, 12), QTime(9, 0)));
    const QList<Reminder> firing = remindersBetween(w, v.clock.now().addSecs(-60), v.clock.now());
    REQUIRE(firing.size() == 1);
    CHECK(firing.first().text() == QStringLiteral("Your plan ends in two working days."));

    Outcome passed;
    passed.result = QStringLiteral("passed");
    REQUIRE(v.recorder.recordOutcome(v.planId, passed).ok());
    CHECK(remindersBetween(v.workspace(), QDateTime(QDate(2027, 2, 8), QTime(0, 0)), QDateTime(QDate(2027, 2, 20), QTime(0, 0))).isEmpty());
}

TEST_CASE("reminders: no journal words in any notification", "[pip][reminders][privacy]")
{
    PipVault v;
    setReminders(v, QTime(17, 0), 1, QTime(11, 0));
    const PipWorkspace w = v.workspace();
    const QList<Reminder> all = remindersBetween(w, QDateTime(PlanStart.addDays(-1), QTime(0, 0)), QDateTime(PlanEnd.addDays(1), QTime(0, 0)));
    CHECK(all.size() == 30 + 6 + 2);
    QStringList words{w.plan().title, w.plan().manager};
    for (const Goal& g : w.plan().goals)
        words << g.text;
    for (const Reminder& r : all)
        for (const QString& secret : words)
            CHECK_FALSE(r.text().contains(secret.left(12), Qt::CaseInsensitive));
}

TEST_CASE("reminders: a planted plan with a time of the wrong shape sets no reminder", "[pip][reminders][hostile]")
{
    PipVault v;
    EntryChange change;
    QJsonObject fields = v.vault->journal().entry(v.planId)->latest.fields;
    fields.insert(QStringLiteral("reminders"), QJsonObject{{QStringLiteral("check_in"), QStringLiteral("25:99")},
                                                           {QStringLiteral("one_on_one"), QJsonArray{1, 2}}});
    change.fields = fields;
    REQUIRE(v.vault->journal().edit(v.planId, change).ok());
    const PipWorkspace w = v.workspace();
    REQUIRE(w.hasPlan());
    CHECK_FALSE(w.plan().reminders.checkIn);
    CHECK(w.plan().reminders.oneOnOneDay == 0);
    const QList<Reminder> all = remindersBetween(w, QDateTime(PlanStart, QTime(0, 0)), QDateTime(PlanEnd.addDays(1), QTime(0, 0)));
    CHECK(all.size() == 2); // the end's two, on by default
}
