#include "PipWorkspace.h"

#include "PipKinds.h"
#include "WorkingDays.h"

#include <QLatin1String>

#include <algorithm>

namespace pt::core::pip {

namespace {

bool isKind(const EntryRevision& r, const char* kind) { return r.kind == QLatin1String(kind); }
QString planOf(const EntryRevision& r) { return r.fields.value(QLatin1String(field::PlanId)).toString(); }

// Of two check-ins for one day, the later recorded; grades for goals it lacks come from the other.
CheckIn merged(const CheckIn& a, const CheckIn& b)
{
    const bool aLater = a.recordedAt > b.recordedAt || (a.recordedAt == b.recordedAt && a.id > b.id);
    CheckIn keep = aLater ? a : b;
    const CheckIn& other = aLater ? b : a;
    for (const GradeMark& m : other.grades)
        if (!keep.gradeFor(m.goal))
            keep.grades << m;
    return keep;
}

} // namespace

PipWorkspace PipWorkspace::read(const QList<Entry>& entries, const QString& planId)
{
    PipWorkspace w;
    for (const Entry& e : entries)
        if (!e.deleted && isKind(e.latest, kind::Plan))
            w.m_plans << planFrom(e.latest);
    std::stable_sort(w.m_plans.begin(), w.m_plans.end(), [](const Plan& a, const Plan& b) { return a.start > b.start; });
    for (const Plan& p : std::as_const(w.m_plans))
        if (planId.isEmpty() ? true : p.id == planId) {
            w.m_plan = p;
            break;
        }
    if (!w.m_plan)
        return w;
    Plan& plan = *w.m_plan;
    const QString& id = plan.id;

    QMap<QDate, CheckIn> byDay;
    // Oldest first: entries() gives the newest occurrence first.
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        const Entry& e = *it;
        const EntryRevision& r = e.latest;
        if (e.deleted)
            continue;
        if (isKind(r, kind::Incident) && (planOf(r).isEmpty() || planOf(r) == id))
            w.m_incidents << r.entryId;
        if (planOf(r) != id)
            continue;
        if (isKind(r, kind::Goal) && plan.goals.size() < MaxGoals) {
            plan.goals << goalFrom(r);
        } else if (isKind(r, kind::Extension)) {
            plan.extensions << extensionFrom(r);
        } else if (isKind(r, kind::CheckIn)) {
            CheckIn c = checkInFrom(r);
            const auto found = byDay.constFind(c.date);
            byDay.insert(c.date, found == byDay.cend() ? c : merged(*found, c));
        } else if (isKind(r, kind::ShoutOut)) {
            w.m_shoutOuts << shoutOutFrom(r);
        } else if (isKind(r, kind::Rebuttal)) {
            w.m_rebuttal << rebuttalFrom(r);
        } else if (isKind(r, kind::Told)) {
            w.m_told << toldFrom(r);
        } else if (isKind(r, kind::Outcome)) {
            w.m_outcome = outcomeFrom(r); // the latest said is the one that stands
        } else if (isKind(r, kind::Meeting)) {
            w.m_meetings << r.entryId;
        }
    }
    std::stable_sort(plan.goals.begin(), plan.goals.end(), [](const Goal& a, const Goal& b) { return a.number < b.number; });
    w.m_checkIns = byDay.values();
    // Rebuttal points in the order of the plan's problem areas, then the claims.
    std::stable_sort(w.m_rebuttal.begin(), w.m_rebuttal.end(), [&plan](const RebuttalPoint& a, const RebuttalPoint& b) {
        const auto rank = [&plan](const RebuttalPoint& p) {
            if (p.isClaim())
                return int(plan.areas.size()) + 1;
            const qsizetype i = plan.areas.indexOf(p.area);
            return i < 0 ? int(plan.areas.size()) : int(i);
        };
        return rank(a) < rank(b);
    });
    return w;
}

const CheckIn* PipWorkspace::checkInOn(const QDate& day) const
{
    for (const CheckIn& c : m_checkIns)
        if (c.date == day)
            return &c;
    return nullptr;
}

PlanStatus PipWorkspace::status(const QDate& today) const
{
    PlanStatus s;
    if (!m_plan)
        return s;
    const QDate end = m_plan->effectiveEnd();
    s.workingDaysTotal = workingDaysBetween(m_plan->start, end);
    s.workingDaysLeft = workingDaysBetween(std::max(today, m_plan->start), end);
    for (const CheckIn& c : m_checkIns) {
        c.didNotHappen.isEmpty() ? ++s.checkInsHeld : ++s.checkInsNotHeld;
        if (!c.jobTomorrow.isEmpty())
            s.lastJobTomorrow = c.jobTomorrow;
    }
    s.result = m_outcome ? m_outcome->result : QString();
    s.started = m_plan->start.isValid() && today >= m_plan->start;
    s.ended = m_outcome.has_value() || (end.isValid() && today > end);
    return s;
}

QList<ShoutOutWeek> PipWorkspace::shoutOutWeeks(const QDate& today) const
{
    QList<ShoutOutWeek> weeks;
    if (!m_plan || !m_plan->start.isValid())
        return weeks;
    const QDate last = std::min(today, m_plan->effectiveEnd().isValid() ? m_plan->effectiveEnd() : today);
    const QDate first = m_plan->start.addDays(1 - m_plan->start.dayOfWeek());
    for (QDate monday = first; monday <= last && weeks.size() < 520; monday = monday.addDays(7))
        weeks << ShoutOutWeek{monday, 0, m_plan->shoutOutsPerWeek};
    for (const ShoutOut& s : m_shoutOuts) {
        const qint64 week = first.daysTo(s.occurredAt.date()) / 7;
        if (s.occurredAt.date() >= first && week < weeks.size())
            ++weeks[week].count;
    }
    return weeks;
}

} // namespace pt::core::pip
