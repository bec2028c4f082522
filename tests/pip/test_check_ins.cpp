// Daily check-ins: a grade per goal per day, the job-tomorrow question, the meetings that did not
// happen; the grid, trends and strip drawn from them; shout-outs counted per week.
#include "PipFixture.h"

#include "pip/GradeGrid.h"
#include "pip/ShoutOutForward.h"
#include "pip/WorkingDays.h"
#include "vault/EntryLinks.h"

#include <QUrlQuery>

using namespace pt::core;
using namespace pt::core::pip;
using namespace pt::test;

namespace {

// Goal 1 is met every day, goal 2 goes from not met to met, goal 3 is always partly met; the
// manager refuses to meet on Wednesday 20 January.
const QDate Refused{2027, 1, 20};

QString gradeOf(int goal, int day)
{
    if (goal == 1)
        return QStringLiteral("met");
    if (goal == 2)
        return day < 10 ? QStringLiteral("Not met") : day < 20 ? QStringLiteral("Partly met") : QStringLiteral("Met");
    return QStringLiteral("Partly met");
}

void gradeEveryDay(PipVault& v)
{
    int n = 0;
    for (const QDate& day : workingDaysIn(PlanStart, PlanEnd)) {
        v.clock.set(QDateTime(day, QTime(17, 0)));
        if (day == Refused) {
            CheckIn c;
            c.date = day;
            c.didNotHappen = QStringLiteral("refused");
            c.note = QStringLiteral("Dana said she had no time for a check-in today.");
            REQUIRE(v.recorder.saveCheckIn(v.workspace(), c).ok());
            ++n;
            continue;
        }
        for (int goal = 1; goal <= 3; ++goal) {
            GradeMark m{v.goalId(goal), gradeOf(goal, n), QStringLiteral("Day %1").arg(n), {}, {}};
            auto id = v.recorder.grade(v.workspace(), day, m);
            INFO((id ? QString() : id.error().message));
            REQUIRE(id.ok());
        }
        CheckIn c = *v.workspace().checkInOn(day);
        c.jobTomorrow = n < 20 ? QStringLiteral("unsure") : QStringLiteral("yes");
        c.jobTomorrowWords = n < 20 ? QStringLiteral("It's too early to say.") : QStringLiteral("Yes, if this continues.");
        REQUIRE(v.recorder.saveCheckIn(v.workspace(), c).ok());
        ++n;
    }
}

} // namespace

TEST_CASE("check-ins: a grade per goal per day, one entry per day", "[pip][checkin]")
{
    PipVault v;
    gradeEveryDay(v);
    const PipWorkspace w = v.workspace();
    REQUIRE(w.checkIns().size() == 30);
    // 4 plan entries + 30 check-ins; grading three goals and answering made revisions, not entries.
    CHECK(v.vault->journal().count() == 34);
    const CheckIn* first = w.checkInOn(PlanStart);
    REQUIRE(first);
    CHECK(first->grades.size() == 3);
    CHECK(first->gradeFor(v.goalId(1))->grade == QStringLiteral("Met")); // the scale's spelling
    CHECK(first->jobTomorrow == QStringLiteral("unsure"));
    auto history = v.vault->journal().history(first->id);
    REQUIRE(history.ok());
    CHECK(history->size() == 4);
    auto entry = v.vault->journal().entry(first->id);
    REQUIRE(entry.ok());
    CHECK(entry->latest.kind == QStringLiteral("check-in"));
    CHECK(entry->latest.title == QStringLiteral("Check-in Mon 4 Jan 2027"));
    CHECK(peopleOf(entry->latest) == QStringList{QStringLiteral("Dana Smith")}); // a name, not the address

    const CheckIn* refused = w.checkInOn(Refused);
    REQUIRE(refused);
    CHECK(refused->didNotHappen == QStringLiteral("refused"));
    CHECK(refused->grades.isEmpty());
    const PlanStatus s = w.status(QDate(2027, 2, 12));
    CHECK(s.checkInsHeld == 29);
    CHECK(s.checkInsNotHeld == 1);
    CHECK(s.lastJobTomorrow == QStringLiteral("yes"));

    // The manager's grade is searchable by the words of its comment.
    auto hits = v.vault->journal().search(QStringLiteral("\"Day 7\""));
    REQUIRE(hits.ok());
    QStringList found;
    for (const SearchHit& hit : *hits)
        found << hit.entryId;
    CHECK(found.contains(w.checkInOn(QDate(2027, 1, 13))->id)); // the eighth day's comment
    CHECK(hits->size() <= 2);                                   // and "Thu 7 Jan" with "Day 3"
}

TEST_CASE("check-ins: the grid, the trends and the job-tomorrow strip", "[pip][checkin][grid]")
{
    PipVault v;
    gradeEveryDay(v);
    const PipWorkspace w = v.workspace();
    const GradeGrid grid = GradeGrid::of(w);
    REQUIRE(grid.goals.size() == 3);
    REQUIRE(grid.days.size() == 30);
    REQUIRE(grid.rows.size() == 3);
    CHECK(grid.days.first() == PlanStart);
    CHECK(grid.days.last() == PlanEnd);

    const qsizetype refused = grid.days.indexOf(Refused);
    CHECK(grid.rows[0][refused].notHeld);
    CHECK(grid.rows[0][refused].grade.isEmpty());
    CHECK(grid.rows[1][0].grade == QStringLiteral("Not met"));
    CHECK(grid.rows[1][0].score == 0.0);
    CHECK(grid.rows[1][29].score == 1.0);
    CHECK(grid.rows[2][5].score == 0.5);
    CHECK(grid.rows[0][3].comment == QStringLiteral("Day 3"));

    CHECK(grid.gradedCount(0) == 29);
    CHECK(grid.meanScore(0) == 1.0);
    CHECK(grid.meanScore(2) == 0.5);
    const QList<TrendPoint> trend = grid.trend(1);
    REQUIRE(trend.size() == 29);
    CHECK(trend.first().score == 0.0);
    CHECK(trend.last().score == 1.0);
    CHECK(std::is_sorted(trend.cbegin(), trend.cend(), [](const TrendPoint& a, const TrendPoint& b) { return a.score < b.score; }));

    const QList<JobTomorrowDay> strip = jobTomorrowStrip(w);
    REQUIRE(strip.size() == 30);
    CHECK(strip.first().answer == QStringLiteral("unsure"));
    CHECK(strip.first().words == QStringLiteral("It's too early to say."));
    CHECK(strip.last().answer == QStringLiteral("yes"));
    CHECK(strip[grid.days.indexOf(Refused)].notHeld == QStringLiteral("refused"));
}

TEST_CASE("check-ins: a grade changed later is a revision, and its own words stay", "[pip][checkin]")
{
    PipVault v;
    const QDate day(2027, 1, 5);
    REQUIRE(v.recorder.grade(v.workspace(), day, {v.goalId(2), QStringLiteral("Not met"), QStringLiteral("No report yet"), {}, {}}).ok());
    REQUIRE(v.recorder.grade(v.workspace(), day, {v.goalId(2), QStringLiteral("Partly met"), QStringLiteral("Draft seen"),
                                                  QStringLiteral("I showed the draft at 16:00"), {}}).ok());
    REQUIRE(v.recorder.grade(v.workspace(), day, {v.goalId(3), QStringLiteral("Acceptable-ish"), {}, {}, {}}).ok());
    const PipWorkspace w = v.workspace(); // the check-in below points into it
    const CheckIn* c = w.checkInOn(day);
    REQUIRE(c);
    CHECK(c->grades.size() == 2);
    CHECK(c->gradeFor(v.goalId(2))->grade == QStringLiteral("Partly met"));
    CHECK(c->gradeFor(v.goalId(2))->note == QStringLiteral("I showed the draft at 16:00"));
    CHECK(c->gradeFor(v.goalId(3))->grade == QStringLiteral("Acceptable-ish")); // off the scale, kept as said
    CHECK_FALSE(GradeGrid::of(v.workspace()).rows[2][1].score.has_value());
    auto history = v.vault->journal().history(c->id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 3);
    CHECK(checkInFrom(history->first()).gradeFor(v.goalId(2))->grade == QStringLiteral("Not met"));

    // A goal that is not the plan's, or no grade, is refused.
    CHECK(v.recorder.grade(v.workspace(), day, {QStringLiteral("nope"), QStringLiteral("Met"), {}, {}, {}}).error().code ==
          ErrorCode::NotFound);
    CHECK(v.recorder.grade(v.workspace(), day, {v.goalId(1), QStringLiteral("  "), {}, {}, {}}).error().code == ErrorCode::Usage);
}

TEST_CASE("check-ins: a grade's screenshot is linked both ways", "[pip][checkin][links]")
{
    PipVault v;
    EntryDraft shot;
    shot.kind = QStringLiteral("screenshot");
    shot.title = QStringLiteral("Tracker 6 Jan");
    auto screenshot = v.vault->journal().add(shot);
    REQUIRE(screenshot.ok());
    const QString shotId = screenshot->latest.entryId;
    const QDate day(2027, 1, 6);
    REQUIRE(v.recorder.grade(v.workspace(), day, {v.goalId(1), QStringLiteral("Met"), {}, {}, shotId}).ok());
    // Grading again without a screenshot keeps the one it had.
    REQUIRE(v.recorder.grade(v.workspace(), day, {v.goalId(1), QStringLiteral("Partly met"), {}, {}, {}}).ok());
    const PipWorkspace w = v.workspace(); // the check-in below points into it
    const CheckIn* c = w.checkInOn(day);
    REQUIRE(c);
    CHECK(c->gradeFor(v.goalId(1))->screenshot == shotId);
    const LinkIndex links(v.vault->journal().entries());
    CHECK(links.linksFrom(c->id) == QStringList{shotId});
    CHECK(links.linksTo(shotId) == QStringList{c->id});
}

TEST_CASE("check-ins: two devices' check-ins for one day read as one", "[pip][checkin]")
{
    PipVault v;
    const QDate day(2027, 1, 7);
    // Written as two entries, as two devices that had not synced would.
    for (int goal : {1, 2}) {
        EntryDraft d;
        d.kind = QLatin1String(kind::CheckIn);
        d.title = QStringLiteral("Check-in from device %1").arg(goal);
        CheckIn c;
        c.plan = v.planId;
        c.date = day;
        c.grades = {GradeMark{v.goalId(goal), QStringLiteral("Met"), {}, {}, {}}};
        if (goal == 2)
            c.grades << GradeMark{v.goalId(1), QStringLiteral("Not met"), {}, {}, {}};
        d.fields = checkInFields(c);
        v.clock.advance(1000);
        REQUIRE(v.vault->journal().add(d).ok());
    }
    const PipWorkspace w = v.workspace();
    CHECK(w.checkIns().size() == 1);
    const CheckIn* c = w.checkInOn(day);
    REQUIRE(c);
    CHECK(c->grades.size() == 2);
    CHECK(c->gradeFor(v.goalId(1))->grade == QStringLiteral("Not met")); // the later one's
}

TEST_CASE("shout-outs: counted per week against the rotation, with a draft to forward", "[pip][shoutout]")
{
    PipVault v;
    QList<QDate> days{{2027, 1, 5}, {2027, 1, 6}, {2027, 1, 12}, {2027, 1, 13}, {2027, 1, 14}, {2027, 1, 15}};
    QString last;
    for (const QDate& d : days) {
        ShoutOut s;
        s.from = QStringLiteral("Kim Park");
        s.where = QStringLiteral("Slack");
        s.occurredAt = QDateTime(d, QTime(11, 0));
        s.text = QStringLiteral("Thanks to Alex for fixing the report filters!");
        auto id = v.recorder.addShoutOut(v.planId, s);
        REQUIRE(id.ok());
        last = *id;
    }
    const PipWorkspace w = v.workspace();
    REQUIRE(w.shoutOuts().size() == 6);
    const QList<ShoutOutWeek> weeks = w.shoutOutWeeks(QDate(2027, 1, 20));
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0].monday == PlanStart);
    CHECK(weeks[0].count == 2);
    CHECK(weeks[1].count == 4);
    CHECK(weeks[2].count == 0);
    CHECK(weeks[0].planned == 3);
    CHECK(w.shoutOutWeeks(QDate(2027, 3, 1)).size() == 6); // the plan's six weeks, not beyond

    auto entry = v.vault->journal().entry(last);
    REQUIRE(entry.ok());
    CHECK(entry->latest.title == QStringLiteral("Shout-out from Kim Park (Slack)"));
    CHECK(peopleOf(entry->latest) == QStringList{QStringLiteral("Kim Park")});

    const MailDraft mail = composeShoutOutForward(w.plan(), w.shoutOuts().last());
    CHECK(mail.subject == QStringLiteral("Re: Alex Doe Shout Outs"));
    CHECK(mail.body.contains(QStringLiteral("Kim Park gave me a shout-out on Slack on Friday 15 January 2027")));
    CHECK(mail.body.contains(QStringLiteral("\"Thanks to Alex for fixing the report filters!\"")));
    CHECK(managerAddress(w.plan()) == QStringLiteral("dana@example.com"));
    CHECK(managerName(w.plan()) == QStringLiteral("Dana Smith"));
    CHECK(mail.mailtoUrl({managerAddress(w.plan())}).path() == QStringLiteral("dana@example.com"));

    REQUIRE(v.recorder.markForwarded(last, QDate(2027, 1, 15)).ok());
    CHECK(v.workspace().shoutOuts().last().forwarded == QDate(2027, 1, 15));
    CHECK(v.recorder.addShoutOut(v.planId, ShoutOut{}).error().code == ErrorCode::Usage);
}

TEST_CASE("outcome: how it ended and who was told", "[pip][outcome]")
{
    PipVault v;
    Outcome o;
    o.result = QStringLiteral("passed");
    o.words = QStringLiteral("Dana: \"You passed, congratulations.\"");
    o.occurredAt = QDateTime(PlanEnd, QTime(16, 0));
    REQUIRE(v.recorder.recordOutcome(v.planId, o).ok());
    for (const char* who : {"Kim Park", "Sam Ortiz"}) {
        Told t;
        t.person = QString::fromLatin1(who);
        t.how = QStringLiteral("text message");
        t.what = QStringLiteral("My manager told me I passed.");
        t.occurredAt = QDateTime(PlanEnd, QTime(16, 30));
        REQUIRE(v.recorder.addTold(v.planId, t).ok());
    }
    const PipWorkspace w = v.workspace();
    REQUIRE(w.outcome().has_value());
    CHECK(w.outcome()->result == QStringLiteral("passed"));
    CHECK(w.told().size() == 2);
    CHECK(w.status(QDate(2027, 2, 1)).ended);
    CHECK(w.status(QDate(2027, 2, 1)).result == QStringLiteral("passed"));
    o.result = QStringLiteral("fired?");
    CHECK(v.recorder.recordOutcome(v.planId, o).error().code == ErrorCode::Usage);
}
