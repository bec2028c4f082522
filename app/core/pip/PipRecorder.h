#pragma once
// Writes the PIP workspace's entries (PipKinds.h) through the journal, so each change is one
// signed revision like any edit: setting up a plan with its goals, an extension, a day's grades
// and check-in, a shout-out, a rebuttal point, the outcome and who was told. The CLI and the app
// both write through this, so an entry written by one reads the same in the other.
#include "PipWorkspace.h"
#include "vault/Journal.h"

#include <QDate>
#include <QList>
#include <QString>

namespace pt::core::pip {

class PipRecorder final {
public:
    // `clock` says what "now" is for entries dated today (tests set it); the system clock if empty.
    explicit PipRecorder(Journal& journal, Clock clock = {}) : m_journal(journal), m_clock(std::move(clock)) {}

    // A new plan and its goals (`plan.goals`, numbered in order), saved together or not at all;
    // `documents` are the PIP itself (a PDF, a screenshot). Returns the plan's entry id.
    [[nodiscard]] Result<QString> createPlan(const Plan& plan, const QList<NewAttachment>& documents = {});
    // The plan's own fields (dates, contacts, areas, scale, reminders) as in `plan`; goals and
    // extensions are their own entries and stay as they are.
    [[nodiscard]] Status updatePlan(const Plan& plan);
    [[nodiscard]] Result<QString> addGoal(const QString& planId, Goal goal);
    // The goal as given, its evidence (links) included: start from the goal as read to keep them.
    [[nodiscard]] Status updateGoal(const QString& planId, const Goal& goal);
    [[nodiscard]] Result<QString> extend(const QString& planId, const Extension& extension);

    // Sets one goal's grade on `day`: that day's check-in gains it (or a new check-in is written).
    [[nodiscard]] Result<QString> grade(const PipWorkspace& workspace, const QDate& day, const GradeMark& mark);
    // Writes the day's check-in as given (`checkIn.id` empty: a new one, or else that one edited),
    // its grades on the plan's scale spelt as the scale spells them;
    // `occurredAt` invalid: now, if `day` is today, else midday of that day.
    [[nodiscard]] Result<QString> saveCheckIn(const PipWorkspace& workspace, CheckIn checkIn);

    [[nodiscard]] Result<QString> addShoutOut(const QString& planId, const ShoutOut& shoutOut,
                                              const QList<NewAttachment>& files = {});
    [[nodiscard]] Status markForwarded(const QString& shoutOutId, const QDate& day);
    [[nodiscard]] Result<QString> saveRebuttalPoint(const QString& planId, const RebuttalPoint& point);
    [[nodiscard]] Result<QString> recordOutcome(const QString& planId, const Outcome& outcome);
    [[nodiscard]] Result<QString> addTold(const QString& planId, const Told& told);

    // When a day's entry happened: now on that day, midday on another (a check-in written later).
    [[nodiscard]] QDateTime occurredOn(const QDate& day) const;

private:
    Journal& m_journal;
    Clock m_clock;
};

// The titles the timeline shows for the workspace's entries.
[[nodiscard]] QString checkInTitle(const CheckIn& checkIn);
[[nodiscard]] QString shoutOutTitle(const ShoutOut& shoutOut);
[[nodiscard]] QString extensionTitle(const Extension& extension);
[[nodiscard]] QString rebuttalTitle(const RebuttalPoint& point);

} // namespace pt::core::pip
