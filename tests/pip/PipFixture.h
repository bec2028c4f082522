#pragma once
// A vault with a plan of three goals over 30 working days (Monday 4 January to Friday 12 February
// 2027), and the clock the tests move, for test_pip.
#include "TestSupport.h"

#include "pip/PipKinds.h"
#include "pip/PipRecorder.h"
#include "pip/PipWorkspace.h"

namespace pt::test {

inline const QDate PlanStart{2027, 1, 4};
inline const QDate PlanEnd{2027, 2, 12};

inline core::pip::Plan threeGoalPlan()
{
    core::pip::Plan plan;
    plan.title = QStringLiteral("PIP from Dana Smith");
    plan.start = PlanStart;
    plan.end = PlanEnd;
    plan.manager = QStringLiteral("Dana Smith <dana@example.com>");
    plan.hr = QStringLiteral("Robin Lee (HR)");
    plan.unionContact = QStringLiteral("Sam Ortiz, steward");
    plan.employee = QStringLiteral("Alex Doe");
    plan.areas = {QStringLiteral("Ticket response times"), QStringLiteral("Reporting")};
    plan.shoutOutsPerWeek = 3;
    for (const char* text : {"Respond to every P1 ticket within 4 hours", "Deliver the monthly SSRS report",
                             "Document the permissions model"}) {
        core::pip::Goal g;
        g.text = QString::fromLatin1(text);
        plan.goals << g;
    }
    plan.goals[0].measuredBy = QStringLiteral("the ticket system's first-response time");
    plan.goals[0].decidedBy = QStringLiteral("Dana Smith");
    plan.goals[0].smart = QStringLiteral("Every P1 ticket answered within 4 working hours, every day of the plan");
    plan.goals[0].area = QStringLiteral("Ticket response times");
    plan.goals[1].area = QStringLiteral("Reporting");
    return plan;
}

struct PipVault {
    QTemporaryDir dir;
    ManualClock clock{QDateTime(QDate(2027, 1, 4), QTime(17, 0))};
    std::unique_ptr<core::Vault> vault = createVault(dir.path() + QStringLiteral("/vault"), nullptr, clock.clock());
    core::pip::PipRecorder recorder{vault->journal(), clock.clock()};
    QString planId;

    PipVault()
    {
        auto id = recorder.createPlan(threeGoalPlan());
        INFO((id ? QString() : id.error().message));
        REQUIRE(id.ok());
        planId = *id;
    }
    [[nodiscard]] core::pip::PipWorkspace workspace() const
    {
        return core::pip::PipWorkspace::read(vault->journal().entries());
    }
    QString goalId(int number) const { return workspace().plan().goals.at(number - 1).id; }
};

} // namespace pt::test
