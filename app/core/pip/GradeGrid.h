#pragma once
// The plan's grades as a grid, goals by days, with what the grid, the trend lines and the
// job-tomorrow strip draw: the PIP tab, `pip show` and the archive's report all read this.
#include "PipWorkspace.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace pt::core::pip {

struct GridCell {
    QString grade;                // empty: not graded that day
    std::optional<double> score;  // 1 best ... 0 worst; none off the scale
    QString comment;
    QString checkIn;              // its entry
    bool notHeld = false;         // the check-in did not happen that day
};

struct JobTomorrowDay {
    QDate day;
    QString answer;   // yes, no, unsure, or empty: not asked
    QString words;
    QString notHeld;  // why the check-in did not happen, or empty
};

struct TrendPoint {
    QDate day;
    double score = 0;
};

struct GradeGrid {
    QList<QDate> days;          // the plan's working days, and any other day with a check-in
    QList<Goal> goals;          // by number
    QList<QList<GridCell>> rows; // rows[goal][day]

    [[nodiscard]] static GradeGrid of(const PipWorkspace& workspace);

    // A goal's graded days on the scale, oldest first.
    [[nodiscard]] QList<TrendPoint> trend(qsizetype goal) const;
    // How many of a goal's grades there are, and their mean score (none when none is on the scale).
    [[nodiscard]] int gradedCount(qsizetype goal) const;
    [[nodiscard]] std::optional<double> meanScore(qsizetype goal) const;
};

// Each check-in's answer, oldest first.
[[nodiscard]] QList<JobTomorrowDay> jobTomorrowStrip(const PipWorkspace& workspace);

} // namespace pt::core::pip
