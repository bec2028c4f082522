#include "GradeGrid.h"

#include "WorkingDays.h"

#include <algorithm>

namespace pt::core::pip {

GradeGrid GradeGrid::of(const PipWorkspace& w)
{
    GradeGrid grid;
    if (!w.hasPlan())
        return grid;
    const Plan& plan = w.plan();
    grid.goals = plan.goals;
    grid.days = workingDaysIn(plan.start, plan.effectiveEnd());
    for (const CheckIn& c : w.checkIns())
        if (c.date.isValid() && !grid.days.contains(c.date))
            grid.days << c.date;
    std::sort(grid.days.begin(), grid.days.end());

    for (const Goal& goal : std::as_const(grid.goals)) {
        QList<GridCell> row(grid.days.size());
        for (const CheckIn& c : w.checkIns()) {
            const qsizetype day = std::lower_bound(grid.days.cbegin(), grid.days.cend(), c.date) - grid.days.cbegin();
            GridCell& cell = row[day];
            cell.checkIn = c.id;
            cell.notHeld = !c.didNotHappen.isEmpty();
            if (const GradeMark* m = c.gradeFor(goal.id)) {
                cell.grade = m->grade;
                cell.comment = m->comment;
                cell.score = plan.scale.score(m->grade);
            }
        }
        grid.rows << row;
    }
    return grid;
}

QList<TrendPoint> GradeGrid::trend(qsizetype goal) const
{
    QList<TrendPoint> points;
    if (goal < 0 || goal >= rows.size())
        return points;
    for (qsizetype d = 0; d < days.size(); ++d)
        if (const auto& s = rows[goal][d].score)
            points << TrendPoint{days[d], *s};
    return points;
}

int GradeGrid::gradedCount(qsizetype goal) const
{
    if (goal < 0 || goal >= rows.size())
        return 0;
    return int(std::count_if(rows[goal].cbegin(), rows[goal].cend(), [](const GridCell& c) { return !c.grade.isEmpty(); }));
}

std::optional<double> GradeGrid::meanScore(qsizetype goal) const
{
    const QList<TrendPoint> points = trend(goal);
    if (points.isEmpty())
        return std::nullopt;
    double sum = 0;
    for (const TrendPoint& p : points)
        sum += p.score;
    return sum / double(points.size());
}

QList<JobTomorrowDay> jobTomorrowStrip(const PipWorkspace& w)
{
    QList<JobTomorrowDay> strip;
    for (const CheckIn& c : w.checkIns())
        strip << JobTomorrowDay{c.date, c.jobTomorrow, c.jobTomorrowWords, c.didNotHappen};
    return strip;
}

} // namespace pt::core::pip
