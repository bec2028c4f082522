// The reminder scheduler with a MemoryNotifier and the clock injected: armed for the next
// reminder, showing exactly its fixed words when due, skipping a day whose check-in is written,
// nothing once the plan has an outcome, and a clock that jumps (a sleep, a clock set back, a
// timer that fires early). checkNow() is what the timer calls; one test lets the real timer fire.
#include "NotifySupport.h"
#include "PipFixture.h"

#include "ReminderScheduler.h"
#include "pip/Reminders.h"
#include "platform/MemoryNotifier.h"

using namespace pt::core;
using namespace pt::core::pip;
using namespace pt::test;
using pt::gui::ReminderScheduler;
using pt::platform::MemoryNotifier;
using namespace std::chrono_literals;

namespace {

const QString CheckInText = QStringLiteral("Time for today's check-in.");

// The plan's reminders, as tests/pip/test_reminders.cpp sets them.
void setReminders(PipVault& v, std::optional<QTime> checkIn, int oneOnOneDay = 0,
                  QTime oneOnOne = {})
{
    Plan plan = v.workspace().plan();
    plan.reminders.checkIn = checkIn;
    plan.reminders.oneOnOneDay = oneOnOneDay;
    plan.reminders.oneOnOneTime = oneOnOne;
    REQUIRE(v.recorder.updatePlan(plan).ok());
}

// A plan (PipVault), and a scheduler on its clock showing into a MemoryNotifier.
struct Scheduled {
    PipVault v;
    MemoryNotifier* notifier = nullptr;
    std::unique_ptr<ReminderScheduler> scheduler;

    Scheduled()
    {
        auto memory = std::make_unique<MemoryNotifier>();
        notifier = memory.get();
        scheduler = std::make_unique<ReminderScheduler>(std::move(memory), v.clock.clock());
    }
    void setClock(const QDate& day, const QTime& time) { v.clock.set(QDateTime(day, time)); }
    // What the PIP controller does after every change to the journal.
    void journalChanged() { scheduler->setWorkspace(v.workspace()); }
    [[nodiscard]] QStringList texts() const
    {
        QStringList texts;
        for (const MemoryNotifier::Shown& shown : notifier->shown())
            texts << shown.text;
        return texts;
    }
};

const QDate Monday = PlanStart; // 4 January 2027
const QDate Tuesday = PlanStart.addDays(1);
const QDate Thursday = PlanStart.addDays(3);
const QDate Friday = PlanStart.addDays(4);

} // namespace

TEST_CASE("reminder scheduler: armed for the next reminder, and shows exactly its fixed words",
          "[notify][scheduler]")
{
    Scheduled s;
    setReminders(s.v, QTime(16, 30), 4, QTime(10, 0));
    s.setClock(Monday, QTime(16, 0));
    s.journalChanged();

    const auto expected = nextReminder(s.v.workspace(), s.v.clock.now());
    REQUIRE(expected);
    CHECK(s.scheduler->nextAt() == QDateTime(Monday, QTime(16, 30)));
    CHECK(s.scheduler->nextAt() == expected->at);
    CHECK(s.scheduler->nextText() == CheckInText);
    // Half an hour ahead: the timer waits its longest, then looks again.
    CHECK(s.scheduler->armed());
    CHECK(s.scheduler->armedFor() == ReminderScheduler::MaxWait);

    s.setClock(Monday, QTime(16, 29, 30));
    s.scheduler->checkNow();
    CHECK(s.notifier->shown().isEmpty());
    CHECK(s.scheduler->armedFor() == 30s);

    s.v.clock.set(QDateTime(Monday, QTime(16, 30)).addMSecs(200));
    s.scheduler->checkNow();
    REQUIRE(s.notifier->shown().size() == 1);
    CHECK(s.notifier->shown().first() ==
          MemoryNotifier::Shown{QStringLiteral("Paper Trail"), CheckInText});
    for (const QString& word : journalWords(s.v.workspace())) {
        CHECK_FALSE(s.notifier->shown().first().text.contains(word, Qt::CaseInsensitive));
        CHECK_FALSE(s.notifier->shown().first().title.contains(word, Qt::CaseInsensitive));
    }

    // Re-armed for Tuesday's, and a second look shows nothing twice.
    CHECK(s.scheduler->nextAt() == QDateTime(Tuesday, QTime(16, 30)));
    CHECK(s.scheduler->armed());
    s.scheduler->checkNow();
    CHECK(s.notifier->shown().size() == 1);
}

TEST_CASE("reminder scheduler: the real timer fires, re-arms when early, and shows on time",
          "[notify][scheduler]")
{
    Scheduled s;
    setReminders(s.v, QTime(16, 30));
    s.v.clock.set(QDateTime(Monday, QTime(16, 30)).addMSecs(-150));
    s.journalChanged();
    REQUIRE(s.scheduler->armed());
    CHECK(s.scheduler->armedFor() == 150ms);

    // The timer fires but the clock has not moved: too early, so nothing, and armed again.
    spinFor(400ms);
    CHECK(s.notifier->shown().isEmpty());
    CHECK(s.scheduler->armed());
    CHECK(s.scheduler->nextAt() == QDateTime(Monday, QTime(16, 30)));

    s.setClock(Monday, QTime(16, 30));
    CHECK(spinUntil([&s] { return !s.notifier->shown().isEmpty(); }, 1500ms));
    CHECK(s.texts() == QStringList{CheckInText});
    CHECK(s.scheduler->nextAt() == QDateTime(Tuesday, QTime(16, 30)));
}

TEST_CASE("reminder scheduler: a day whose check-in is written gets no reminder",
          "[notify][scheduler]")
{
    Scheduled s;
    setReminders(s.v, QTime(16, 30));
    s.setClock(Monday, QTime(15, 0));
    s.journalChanged();
    REQUIRE(s.scheduler->nextAt() == QDateTime(Monday, QTime(16, 30)));

    s.setClock(Monday, QTime(15, 10));
    CheckIn checkIn;
    checkIn.date = Monday;
    checkIn.jobTomorrow = QStringLiteral("unsure");
    REQUIRE(s.v.recorder.saveCheckIn(s.v.workspace(), checkIn).ok());
    s.journalChanged();
    CHECK(s.scheduler->nextAt() == QDateTime(Tuesday, QTime(16, 30)));

    s.setClock(Monday, QTime(16, 31));
    s.scheduler->checkNow();
    CHECK(s.notifier->shown().isEmpty());

    s.setClock(Tuesday, QTime(16, 30));
    s.scheduler->checkNow();
    CHECK(s.texts() == QStringList{CheckInText});
}

TEST_CASE("reminder scheduler: a plan with an outcome arms nothing", "[notify][scheduler]")
{
    Scheduled s;
    setReminders(s.v, QTime(16, 30), 4, QTime(10, 0));
    s.setClock(Monday, QTime(16, 0));
    s.journalChanged();
    REQUIRE(s.scheduler->armed());

    Outcome passed;
    passed.result = QStringLiteral("passed");
    REQUIRE(s.v.recorder.recordOutcome(s.v.planId, passed).ok());
    s.journalChanged();
    CHECK_FALSE(s.scheduler->armed());
    CHECK_FALSE(s.scheduler->nextAt().isValid());
    CHECK(s.scheduler->nextText().isEmpty());

    s.setClock(Thursday, QTime(17, 0));
    s.scheduler->checkNow();
    CHECK(s.notifier->shown().isEmpty());
    CHECK_FALSE(s.scheduler->armed());

    // No plan at all (a journal without one, or clear()) is the same.
    Scheduled none;
    none.scheduler->setWorkspace(PipWorkspace{});
    CHECK_FALSE(none.scheduler->armed());
    none.journalChanged();
    REQUIRE(none.scheduler->armed());
    none.scheduler->clear();
    CHECK_FALSE(none.scheduler->armed());
    CHECK_FALSE(none.scheduler->nextAt().isValid());
}

TEST_CASE("reminder scheduler: after a sleep only the latest due is shown, and only on its day",
          "[notify][scheduler]")
{
    Scheduled s;
    setReminders(s.v, QTime(16, 30), 4, QTime(10, 0)); // the 1:1 reminder on Thursdays at 9:45
    s.setClock(Thursday, QTime(9, 0));
    s.journalChanged();
    REQUIRE(s.scheduler->nextAt() == QDateTime(Thursday, QTime(9, 45)));

    // Asleep from 9:00 to 17:00: the 1:1's and the check-in's were both due; the check-in's is
    // the one still true.
    s.setClock(Thursday, QTime(17, 0));
    s.scheduler->checkNow();
    CHECK(s.texts() == QStringList{CheckInText});
    CHECK(s.scheduler->nextAt() == QDateTime(Friday, QTime(16, 30)));

    // Asleep over the weekend: Friday's is no longer about today, so nothing until Monday's.
    s.setClock(Friday.addDays(3), QTime(8, 0));
    s.scheduler->checkNow();
    CHECK(s.notifier->shown().size() == 1);
    CHECK(s.scheduler->nextAt() == QDateTime(Friday.addDays(3), QTime(16, 30)));
}

TEST_CASE("reminder scheduler: a clock set back shows nothing twice and loses nothing to come",
          "[notify][scheduler]")
{
    Scheduled s;
    setReminders(s.v, QTime(16, 30));
    s.setClock(Monday, QTime(16, 0));
    s.journalChanged();
    s.setClock(Monday, QTime(16, 31));
    s.scheduler->checkNow();
    REQUIRE(s.notifier->shown().size() == 1);

    s.setClock(Monday, QTime(16, 0)); // set back half an hour
    s.scheduler->checkNow();
    CHECK(s.scheduler->nextAt() == QDateTime(Tuesday, QTime(16, 30)));
    s.setClock(Monday, QTime(16, 45));
    s.scheduler->checkNow();
    CHECK(s.notifier->shown().size() == 1);

    // A clock set forward by days is a sleep: Tuesday's is shown on Tuesday.
    s.setClock(Tuesday, QTime(18, 0));
    s.scheduler->checkNow();
    CHECK(s.notifier->shown().size() == 2);
}

TEST_CASE(
    "reminder scheduler: off, nothing is armed or shown, and turning it on shows nothing late",
    "[notify][scheduler]")
{
    Scheduled s;
    setReminders(s.v, QTime(16, 30));
    s.setClock(Monday, QTime(16, 0));
    s.journalChanged();
    int nextChanges = 0;
    QObject::connect(s.scheduler.get(), &ReminderScheduler::nextChanged,
                     [&nextChanges] { ++nextChanges; });

    s.scheduler->setEnabled(false);
    CHECK_FALSE(s.scheduler->enabled());
    CHECK_FALSE(s.scheduler->armed());
    CHECK_FALSE(s.scheduler->nextAt().isValid());
    CHECK(nextChanges == 1);

    s.setClock(Monday, QTime(16, 30));
    s.scheduler->checkNow();
    s.setClock(Monday, QTime(16, 40));
    s.scheduler->setEnabled(true);
    CHECK(s.notifier->shown().isEmpty());
    CHECK(s.scheduler->armed());
    CHECK(s.scheduler->nextAt() == QDateTime(Tuesday, QTime(16, 30)));
    CHECK(nextChanges == 2);
}

TEST_CASE("reminder scheduler: with no notification service the app is told, with the reason",
          "[notify][scheduler]")
{
    Scheduled s;
    s.notifier->setAvailable(false);
    setReminders(s.v, QTime(16, 30));
    s.setClock(Monday, QTime(16, 0));
    s.journalChanged();

    QStringList due;
    QList<bool> notified;
    QObject::connect(s.scheduler.get(), &ReminderScheduler::reminderDue,
                     [&](const QString& text, bool shown) {
                         due << text;
                         notified << shown;
                     });
    s.setClock(Monday, QTime(16, 30));
    s.scheduler->checkNow();
    CHECK(due == QStringList{CheckInText});
    CHECK(notified == QList<bool>{false});
    CHECK(s.scheduler->unavailableReason().contains(
        QStringLiteral("reminders show in the app only")));
}

TEST_CASE("reminder scheduler: reminders keep coming with the vault locked, and beyond two weeks",
          "[notify][scheduler][privacy]")
{
    Scheduled s;
    setReminders(s.v, std::nullopt); // only the end's two, on by default
    s.setClock(Monday, QTime(17, 0));
    s.journalChanged();
    // The end's first reminder, two working days before Friday 12 February, is five weeks away:
    // past nextReminder()'s two weeks, still the scheduler's next.
    CHECK_FALSE(nextReminder(s.v.workspace(), s.v.clock.now()));
    CHECK(s.scheduler->nextAt() == QDateTime(QDate(2027, 2, 10), QTime(9, 0)));

    // The scheduler kept what it needs: locking the vault (the journal and its keys wiped)
    // changes nothing.
    s.v.vault->lock();
    s.setClock(QDate(2027, 2, 10), QTime(9, 0, 5));
    s.scheduler->checkNow();
    CHECK(s.texts() == QStringList{QStringLiteral("Your plan ends in two working days.")});
    CHECK(s.scheduler->nextAt() == QDateTime(PlanEnd, QTime(9, 0)));
}
