#pragma once
// Everything the PIP tab, `papertrail-cli pip` and the archive's PIP section show, read from the
// journal's entries: the plan with its goals and extensions, the check-ins by day, shout-outs,
// rebuttal points, incidents, meetings, the outcome and who was told. Built fresh from a list of
// entries (cheap next to decrypting them), so it is never out of step with the journal.
#include "PipPlan.h"
#include "PipRecords.h"
#include "vault/Journal.h"

#include <QList>
#include <QMap>
#include <optional>

namespace pt::core::pip {

// One week of shout-outs against the support rotation's plan.
struct ShoutOutWeek {
    QDate monday;
    int count = 0;
    int planned = 0;
};

// Where the plan stands on `today`.
struct PlanStatus {
    int workingDaysTotal = 0; // start to the end as extended
    int workingDaysLeft = 0;  // today (when a working day) to the end
    int checkInsHeld = 0;
    int checkInsNotHeld = 0;
    QString lastJobTomorrow;  // the latest check-in's answer, or empty
    QString result;           // the outcome's, or empty while it runs
    bool started = false;
    bool ended = false;       // today is after the end, or there is an outcome
};

class PipWorkspace final {
public:
    // The plan `planId`, or when empty the current one: the one that started last of those not
    // deleted. hasPlan() is false when there is none.
    [[nodiscard]] static PipWorkspace read(const QList<Entry>& entries, const QString& planId = {});

    [[nodiscard]] bool hasPlan() const { return m_plan.has_value(); }
    [[nodiscard]] const Plan& plan() const { return *m_plan; }
    // Every plan in the journal, newest start first (for someone on a second PIP).
    [[nodiscard]] const QList<Plan>& plans() const { return m_plans; }

    // One check-in per day, oldest first: of two for one day (written on two devices), the one
    // recorded last, with the other's grades for goals it lacks.
    [[nodiscard]] const QList<CheckIn>& checkIns() const { return m_checkIns; }
    [[nodiscard]] const CheckIn* checkInOn(const QDate& day) const;
    [[nodiscard]] const QList<ShoutOut>& shoutOuts() const { return m_shoutOuts; } // oldest first
    [[nodiscard]] const QList<RebuttalPoint>& rebuttal() const { return m_rebuttal; }
    [[nodiscard]] const QList<Told>& told() const { return m_told; }
    [[nodiscard]] const std::optional<Outcome>& outcome() const { return m_outcome; }
    // Entry ids of the plan's meetings and of incidents (with the plan or without one), oldest first.
    [[nodiscard]] const QStringList& meetings() const { return m_meetings; }
    [[nodiscard]] const QStringList& incidents() const { return m_incidents; }

    [[nodiscard]] PlanStatus status(const QDate& today) const;
    // Shout-outs per week from the plan's start to its end (or `today` if earlier).
    [[nodiscard]] QList<ShoutOutWeek> shoutOutWeeks(const QDate& today) const;

private:
    std::optional<Plan> m_plan;
    QList<Plan> m_plans;
    QList<CheckIn> m_checkIns;
    QList<ShoutOut> m_shoutOuts;
    QList<RebuttalPoint> m_rebuttal;
    QList<Told> m_told;
    std::optional<Outcome> m_outcome;
    QStringList m_meetings;
    QStringList m_incidents;
};

} // namespace pt::core::pip
