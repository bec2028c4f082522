// The whole workspace is ordinary journal entries: it survives lock and unlock, syncs to a second
// device that reads the same plan, grades and rebuttal, and the chain verifies on both.
#include "PipFixture.h"
#include "SyncWorld.h"

#include "pip/GradeGrid.h"
#include "pip/RebuttalDraft.h"
#include "pip/WorkingDays.h"

using namespace pt::core;
using namespace pt::core::pip;
using namespace pt::test;

namespace {

// A plan written on device `d` with an extension, a refused check-in and graded days.
QString writeWorkspace(Device& d)
{
    PipRecorder recorder(d.vault->journal());
    auto planId = recorder.createPlan(threeGoalPlan());
    REQUIRE(planId.ok());
    Extension sick;
    sick.agreedOn = QDate(2027, 1, 12);
    sick.days = 2;
    sick.reason = QStringLiteral("sick");
    REQUIRE(recorder.extend(*planId, sick).ok());
    const QList<QDate> days = workingDaysIn(PlanStart, QDate(2027, 1, 15));
    for (const QDate& day : days) {
        const PipWorkspace w = PipWorkspace::read(d.vault->journal().entries());
        if (day == QDate(2027, 1, 13)) {
            CheckIn refused;
            refused.date = day;
            refused.didNotHappen = QStringLiteral("refused");
            REQUIRE(recorder.saveCheckIn(w, refused).ok());
            continue;
        }
        for (const Goal& g : w.plan().goals)
            REQUIRE(recorder.grade(PipWorkspace::read(d.vault->journal().entries()), day,
                                   GradeMark{g.id, g.number == 2 ? QStringLiteral("partly met") : QStringLiteral("met"), {}, {}, {}})
                        .ok());
    }
    RebuttalPoint p;
    p.area = QStringLiteral("Reporting");
    p.steps = QStringLiteral("Sent the draft report early for review.");
    REQUIRE(recorder.saveRebuttalPoint(*planId, p).ok());
    return *planId;
}

// What a device shows of the workspace, to compare two devices or before and after a lock.
QStringList summary(const Vault& vault)
{
    const PipWorkspace w = PipWorkspace::read(vault.journal().entries());
    REQUIRE(w.hasPlan());
    QStringList lines{w.plan().title, w.plan().effectiveEnd().toString(Qt::ISODate)};
    for (const Goal& g : w.plan().goals)
        lines << QStringLiteral("%1 %2").arg(g.number).arg(g.text);
    const GradeGrid grid = GradeGrid::of(w);
    for (qsizetype g = 0; g < grid.rows.size(); ++g)
        for (qsizetype d = 0; d < grid.days.size(); ++d)
            lines << QStringLiteral("%1 %2 %3").arg(grid.days.at(d).toString(Qt::ISODate)).arg(g + 1).arg(grid.rows.at(g).at(d).grade);
    for (const CheckIn& c : w.checkIns())
        if (!c.didNotHappen.isEmpty())
            lines << QStringLiteral("not held %1 %2").arg(c.date.toString(Qt::ISODate), c.didNotHappen);
    lines << composeRebuttal(w, {}).body;
    return lines;
}

} // namespace

TEST_CASE("pip sync: the workspace survives lock and unlock, syncs to a second device and verifies", "[pip][sync]")
{
    World world;
    Device a = world.create(QStringLiteral("phone"));
    const QString planId = writeWorkspace(a);
    const QStringList onA = summary(*a.vault);
    CHECK(onA.contains(QStringLiteral("not held 2027-01-13 refused")));
    CHECK(onA.at(1) == QStringLiteral("2027-02-16"));

    a.vault->lock();
    CHECK_FALSE(a.vault->isUnlocked());
    REQUIRE(a.vault->unlockWithPassphrase(bytes(Passphrase)).ok());
    CHECK(summary(*a.vault) == onA);

    requireOk(a.sync(world.remote));
    Device b = world.link(QStringLiteral("laptop"));
    requireOk(b.sync(world.remote));
    CHECK(summary(*b.vault) == onA);

    // The laptop grades Friday's goal 3 differently; the phone sees the edit after syncing.
    b.use();
    PipRecorder onLaptop(b.vault->journal());
    const PipWorkspace wb = PipWorkspace::read(b.vault->journal().entries());
    REQUIRE(onLaptop.grade(wb, QDate(2027, 1, 15), GradeMark{wb.plan().goals.at(2).id, QStringLiteral("not met"),
                                                             QStringLiteral("Missing the diagram"), {}, {}})
                .ok());
    requireOk(b.sync(world.remote));
    requireOk(a.sync(world.remote));
    const PipWorkspace wa = PipWorkspace::read(a.vault->journal().entries(), planId);
    const CheckIn* friday = wa.checkInOn(QDate(2027, 1, 15));
    REQUIRE(friday);
    CHECK(friday->gradeFor(wa.plan().goals.at(2).id)->grade == QStringLiteral("Not met"));
    CHECK(friday->gradeFor(wa.plan().goals.at(2).id)->comment == QStringLiteral("Missing the diagram"));
    CHECK(summary(*a.vault) == summary(*b.vault));

    for (Device* d : {&a, &b}) {
        d->use();
        const VerifyReport report = d->vault->verify();
        INFO(describe(report));
        CHECK(report.ok());
    }
}
