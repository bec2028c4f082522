// The plan: three goals over 30 working days, its extensions moving the end, the countdown.
#include "PipFixture.h"

#include "pip/PipPlan.h"
#include "vault/EntryLinks.h"

#include <QJsonArray>

using namespace pt::core;
using namespace pt::core::pip;
using namespace pt::test;

TEST_CASE("plan: set up with three goals, read back as written", "[pip][plan]")
{
    PipVault v;
    const PipWorkspace w = v.workspace();
    REQUIRE(w.hasPlan());
    const Plan& p = w.plan();
    CHECK(p.id == v.planId);
    CHECK(p.title == QStringLiteral("PIP from Dana Smith"));
    CHECK(p.start == PlanStart);
    CHECK(p.end == PlanEnd);
    CHECK(p.effectiveEnd() == PlanEnd);
    CHECK(p.manager == QStringLiteral("Dana Smith <dana@example.com>"));
    CHECK(p.areas.size() == 2);
    CHECK(p.shoutOutsPerWeek == 3);
    REQUIRE(p.goals.size() == 3);
    CHECK(p.goals[0].number == 1);
    CHECK(p.goals[2].number == 3);
    CHECK(p.goals[0].text == QStringLiteral("Respond to every P1 ticket within 4 hours"));
    CHECK(p.goals[0].measuredBy == QStringLiteral("the ticket system's first-response time"));
    CHECK(p.goals[0].decidedBy == QStringLiteral("Dana Smith"));
    CHECK(p.goals[0].smart.startsWith(QStringLiteral("Every P1 ticket")));
    CHECK(p.goals[1].area == QStringLiteral("Reporting"));

    // Four entries: the plan and one per goal, each its own kind; the plan names its people.
    const QList<Entry> entries = v.vault->journal().entries();
    CHECK(entries.size() == 4);
    auto plan = v.vault->journal().entry(v.planId);
    REQUIRE(plan.ok());
    CHECK(plan->latest.kind == QStringLiteral("pip"));
    CHECK(peopleOf(plan->latest).contains(QStringLiteral("Robin Lee (HR)")));

    const PlanStatus s = w.status(QDate(2027, 1, 4));
    CHECK(s.workingDaysTotal == 30);
    CHECK(s.workingDaysLeft == 30);
    CHECK(s.started);
    CHECK_FALSE(s.ended);
    CHECK(w.status(QDate(2027, 2, 12)).workingDaysLeft == 1);
    CHECK(w.status(QDate(2027, 2, 13)).workingDaysLeft == 0);
    CHECK(w.status(QDate(2027, 2, 13)).ended);
    CHECK_FALSE(w.status(QDate(2027, 1, 1)).started);
}

TEST_CASE("plan: two sick days move the end by two working days, and stay as a history", "[pip][plan]")
{
    PipVault v;
    Extension sick;
    sick.days = 2;
    sick.reason = QStringLiteral("sick");
    sick.agreedOn = QDate(2027, 1, 20);
    sick.note = QStringLiteral("Out with flu on 18 and 19 January; Dana agreed by email.");
    auto id = v.recorder.extend(v.planId, sick);
    REQUIRE(id.ok());

    PipWorkspace w = v.workspace();
    CHECK(w.plan().end == PlanEnd); // the plan's own end is as written
    CHECK(w.plan().effectiveEnd() == QDate(2027, 2, 16));
    CHECK(w.status(QDate(2027, 1, 4)).workingDaysTotal == 32);
    REQUIRE(w.plan().extensions.size() == 1);
    CHECK(w.plan().extensions[0].days == 2);
    CHECK(w.plan().extensions[0].agreedOn == QDate(2027, 1, 20));
    auto entry = v.vault->journal().entry(*id);
    REQUIRE(entry.ok());
    CHECK(entry->latest.title == QStringLiteral("PIP extended by 2 working days (sick days)"));

    Extension formal;
    formal.days = 5;
    formal.reason = QStringLiteral("formal");
    REQUIRE(v.recorder.extend(v.planId, formal).ok());
    w = v.workspace();
    CHECK(w.plan().extensions.size() == 2);
    CHECK(w.plan().effectiveEnd() == QDate(2027, 2, 23));

    // An extension of nothing, or of years, is refused and writes nothing.
    const int before = v.vault->journal().count();
    formal.days = 0;
    CHECK(v.recorder.extend(v.planId, formal).error().code == ErrorCode::Usage);
    formal.days = MaxExtensionDays + 1;
    CHECK_FALSE(v.recorder.extend(v.planId, formal).ok());
    CHECK(v.vault->journal().count() == before);
}

TEST_CASE("plan: goals found by number, words or the start of their words", "[pip][plan]")
{
    PipVault v;
    const Plan p = v.workspace().plan();
    CHECK(p.findGoal(QStringLiteral("2"))->number == 2);
    CHECK(p.findGoal(QStringLiteral("deliver the monthly ssrs report"))->number == 2);
    CHECK(p.findGoal(QStringLiteral("Document"))->number == 3);
    CHECK(p.findGoal(QStringLiteral("7")) == nullptr);
    CHECK(p.findGoal(QStringLiteral("Respond to every P2")) == nullptr);

    // A goal added later is numbered after the others.
    Goal extra;
    extra.text = QStringLiteral("Attend the weekly team sync");
    REQUIRE(v.recorder.addGoal(v.planId, extra).ok());
    CHECK(v.workspace().plan().goals.last().number == 4);
}

TEST_CASE("plan: editing it keeps its goals and becomes a revision", "[pip][plan]")
{
    PipVault v;
    Plan p = v.workspace().plan();
    p.reminders.checkIn = QTime(16, 30);
    p.reminders.oneOnOneDay = 2;
    p.reminders.oneOnOneTime = QTime(10, 0);
    p.scale = GradeScale::oneToFive();
    REQUIRE(v.recorder.updatePlan(p).ok());
    const Plan after = v.workspace().plan();
    CHECK(after.goals.size() == 3);
    CHECK(after.reminders == p.reminders);
    CHECK(after.scale.grades == GradeScale::oneToFive().grades);
    auto history = v.vault->journal().history(v.planId);
    REQUIRE(history.ok());
    CHECK(history->size() == 2);

    Goal g = after.goals[1];
    g.smart = QStringLiteral("One report, reviewed by Kim, by 29 January");
    REQUIRE(v.recorder.updateGoal(v.planId, g).ok());
    CHECK(v.workspace().plan().goals[1].smart == g.smart);
    CHECK(v.workspace().plan().goals[1].number == 2);

    // Evidence linked to a goal is kept through an edit of its other fields, and shown both ways.
    EntryDraft report;
    report.title = QStringLiteral("January report sent");
    auto sent = v.vault->journal().add(report);
    REQUIRE(sent.ok());
    g = v.workspace().plan().goals[1];
    g.evidence = {sent->latest.entryId};
    REQUIRE(v.recorder.updateGoal(v.planId, g).ok());
    g = v.workspace().plan().goals[1];
    g.measuredBy = QStringLiteral("Kim's review");
    REQUIRE(v.recorder.updateGoal(v.planId, g).ok());
    CHECK(v.workspace().plan().goals[1].evidence == QStringList{sent->latest.entryId});
    CHECK(LinkIndex(v.vault->journal().entries()).linksTo(sent->latest.entryId) == QStringList{g.id});
}

TEST_CASE("plan: dates that do not make a plan write nothing", "[pip][plan]")
{
    QTemporaryDir dir;
    auto vault = createVault(dir.path() + QStringLiteral("/v"));
    PipRecorder recorder(vault->journal());
    Plan p = threeGoalPlan();
    p.end = p.start.addDays(-1);
    CHECK(recorder.createPlan(p).error().code == ErrorCode::Usage);
    p.end = QDate();
    CHECK_FALSE(recorder.createPlan(p).ok());
    CHECK(vault->journal().count() == 0);
    CHECK_FALSE(PipWorkspace::read(vault->journal().entries()).hasPlan());
}

TEST_CASE("plan: a planted plan with fields of the wrong shape reads as a plan with gaps", "[pip][plan][hostile]")
{
    QTemporaryDir dir;
    auto vault = createVault(dir.path() + QStringLiteral("/v"));
    EntryDraft d;
    d.kind = QLatin1String(kind::Plan);
    d.title = QStringLiteral("Planted");
    d.fields = QJsonObject{{QStringLiteral("start"), 12}, {QStringLiteral("end"), QStringLiteral("99999-01-01")},
                           {QStringLiteral("scale"), QStringLiteral("met")}, {QStringLiteral("areas"), QJsonArray{1, 2}},
                           {QStringLiteral("shoutouts_per_week"), 1e12}, {QStringLiteral("reminders"), QJsonArray{}}};
    auto plan = vault->journal().add(d);
    REQUIRE(plan.ok());
    EntryDraft ext;
    ext.kind = QLatin1String(kind::Extension);
    ext.title = QStringLiteral("Planted extension");
    ext.fields = QJsonObject{{QStringLiteral("plan"), plan->latest.entryId}, {QStringLiteral("days"), 2'000'000'000}};
    REQUIRE(vault->journal().add(ext).ok());

    const PipWorkspace w = PipWorkspace::read(vault->journal().entries());
    REQUIRE(w.hasPlan());
    CHECK_FALSE(w.plan().start.isValid());
    CHECK_FALSE(w.plan().end.isValid());
    CHECK_FALSE(w.plan().effectiveEnd().isValid());
    CHECK(w.plan().scale.grades == GradeScale::metPartlyNot().grades);
    CHECK(w.plan().areas.isEmpty());
    CHECK(w.plan().shoutOutsPerWeek == 100);
    CHECK(w.plan().extensions.first().days == MaxExtensionDays);
    CHECK(w.status(QDate(2027, 1, 4)).workingDaysLeft == 0);
}
