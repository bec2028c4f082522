#include "PipRecorder.h"

#include "FieldText.h"
#include "PipKinds.h"
#include "vault/EntryLinks.h"

#include <QLocale>

#include <optional>

namespace pt::core::pip {

namespace {

QString day(const QDate& d) { return QLocale::c().toString(d, QStringLiteral("ddd d MMM yyyy")); }

// A goal's entry, placed at its plan's start.
EntryDraft goalDraft(const Goal& goal, const QString& planId, const QDateTime& occurredAt)
{
    EntryDraft g;
    g.kind = QLatin1String(kind::Goal);
    g.title = goal.text.trimmed();
    g.body = goal.notes;
    g.occurredAt = occurredAt;
    g.fields = goalFields(goal, planId);
    return g;
}

Result<QString> added(Result<Entry> entry)
{
    if (!entry)
        return entry.error();
    return entry->latest.entryId;
}

// Saves what `change` changes in `current`: saving a form as it was writes no revision and is
// not an error.
Status saveChange(Journal& journal, const EntryRevision& current, EntryChange change)
{
    if (change.title && *change.title == current.title)
        change.title.reset();
    if (change.body && *change.body == current.body)
        change.body.reset();
    if (change.fields && *change.fields == current.fields)
        change.fields.reset();
    if (change.occurredAt && *change.occurredAt == current.occurredAt)
        change.occurredAt.reset();
    if (change.isEmpty())
        return Ok{};
    if (auto e = journal.edit(current.entryId, change); !e)
        return e.error();
    return Ok{};
}

} // namespace

QString checkInTitle(const CheckIn& c)
{
    if (!c.didNotHappen.isEmpty())
        return QStringLiteral("Check-in %1 did not happen: %2").arg(day(c.date), notHeldText(c.didNotHappen));
    return QStringLiteral("Check-in %1").arg(day(c.date));
}

QString shoutOutTitle(const ShoutOut& s)
{
    QString title = QStringLiteral("Shout-out from %1").arg(s.from.isEmpty() ? QStringLiteral("a colleague") : s.from);
    if (!s.where.isEmpty())
        title += QStringLiteral(" (%1)").arg(s.where);
    return title;
}

QString extensionTitle(const Extension& e)
{
    return QStringLiteral("PIP extended by %1 working day%2 (%3)").arg(e.days).arg(e.days == 1 ? "" : "s",
                                                                           extensionReasonText(e.reason));
}

QString rebuttalTitle(const RebuttalPoint& p)
{
    if (p.isClaim())
        return QStringLiteral("Correction: %1").arg(p.claim.left(80));
    return QStringLiteral("Response: %1").arg(p.area.isEmpty() ? QStringLiteral("general") : p.area.left(80));
}

QDateTime PipRecorder::occurredOn(const QDate& d) const
{
    const QDateTime now = m_clock ? m_clock().toLocalTime() : QDateTime::currentDateTime();
    if (!d.isValid() || d == now.date())
        return now;
    return QDateTime(d, QTime(12, 0));
}

Result<QString> PipRecorder::createPlan(const Plan& plan, const QList<NewAttachment>& documents)
{
    if (!plan.start.isValid() || !plan.end.isValid())
        return usage(QStringLiteral("A plan needs its start and end dates."));
    if (plan.end < plan.start)
        return usage(QStringLiteral("The plan ends before it starts: check the dates."));
    if (plan.goals.size() > MaxGoals)
        return usage(QStringLiteral("A plan can have at most %1 goals.").arg(MaxGoals));
    if (Status s = m_journal.beginBatch(); !s)
        return s.error();
    EntryDraft draft;
    draft.kind = QLatin1String(kind::Plan);
    draft.title = plan.title.trimmed().isEmpty() ? QStringLiteral("Performance improvement plan") : plan.title.trimmed();
    draft.body = plan.notes;
    draft.occurredAt = plan.start.startOfDay();
    draft.fields = planFields(plan);
    draft.attachments = documents;
    auto entry = m_journal.add(draft);
    if (!entry) {
        m_journal.abandonBatch();
        return entry.error();
    }
    const QString planId = entry->latest.entryId;
    int number = 0;
    for (Goal goal : plan.goals) {
        goal.number = ++number;
        if (auto added = m_journal.add(goalDraft(goal, planId, plan.start.startOfDay())); !added) {
            m_journal.abandonBatch();
            return added.error();
        }
    }
    if (Status s = m_journal.finishBatch(); !s)
        return s.error();
    return planId;
}

Status PipRecorder::updatePlan(const Plan& plan)
{
    auto current = m_journal.entry(plan.id);
    if (!current)
        return current.error();
    if (!plan.start.isValid() || !plan.end.isValid() || plan.end < plan.start)
        return usage(QStringLiteral("A plan needs a start and an end on or after it."));
    QJsonObject fields = planFields(plan);
    // Links and people written on the plan by hand stay.
    setLinks(fields, linksOf(current->latest));
    addPeople(fields, peopleOf(current->latest));
    EntryChange change;
    change.title = plan.title;
    change.body = plan.notes;
    change.fields = fields;
    change.occurredAt = plan.start.startOfDay();
    return saveChange(m_journal, current->latest, change);
}

Result<QString> PipRecorder::addGoal(const QString& planId, Goal goal)
{
    if (goal.text.trimmed().isEmpty())
        return usage(QStringLiteral("Write what the goal says."));
    auto plan = m_journal.entry(planId);
    if (!plan)
        return plan.error();
    if (goal.number <= 0) {
        const PipWorkspace w = PipWorkspace::read(m_journal.entries(), planId);
        goal.number = w.hasPlan() && !w.plan().goals.isEmpty() ? w.plan().goals.last().number + 1 : 1;
    }
    return added(m_journal.add(goalDraft(goal, planId, plan->latest.occurredAt)));
}

Status PipRecorder::updateGoal(const QString& planId, const Goal& goal)
{
    auto current = m_journal.entry(goal.id);
    if (!current)
        return current.error();
    // Its people stay; its own fields and evidence are as given.
    QJsonObject fields = goalFields(goal, planId);
    setPeople(fields, peopleOf(current->latest));
    EntryChange change;
    change.title = goal.text.trimmed();
    change.body = goal.notes;
    change.fields = fields;
    return saveChange(m_journal, current->latest, change);
}

Result<QString> PipRecorder::extend(const QString& planId, const Extension& e)
{
    if (e.days <= 0 || e.days > MaxExtensionDays)
        return usage(QStringLiteral("An extension adds 1 to %1 working days.").arg(MaxExtensionDays));
    EntryDraft d;
    d.kind = QLatin1String(kind::Extension);
    d.title = extensionTitle(e);
    d.body = e.note;
    d.occurredAt = e.agreedOn.isValid() ? occurredOn(e.agreedOn) : QDateTime();
    d.fields = extensionFields(e, planId);
    return added(m_journal.add(d));
}

Result<QString> PipRecorder::grade(const PipWorkspace& w, const QDate& d, const GradeMark& mark)
{
    if (!w.hasPlan())
        return notFound(QStringLiteral("There is no plan yet: set one up first."));
    if (!w.plan().goal(mark.goal))
        return notFound(QStringLiteral("That goal is not in the plan."));
    if (mark.grade.trimmed().isEmpty())
        return usage(QStringLiteral("Write the grade the manager gave."));
    CheckIn c;
    if (const CheckIn* existing = w.checkInOn(d))
        c = *existing;
    else {
        c.plan = w.plan().id;
        c.date = d;
    }
    GradeMark m = mark;
    bool replaced = false;
    for (GradeMark& g : c.grades)
        if (g.goal == m.goal) {
            if (m.screenshot.isEmpty())
                m.screenshot = g.screenshot;
            g = m;
            replaced = true;
        }
    if (!replaced)
        c.grades << m;
    return saveCheckIn(w, c);
}

Result<QString> PipRecorder::saveCheckIn(const PipWorkspace& w, CheckIn c)
{
    if (!w.hasPlan())
        return notFound(QStringLiteral("There is no plan yet: set one up first."));
    if (!c.date.isValid())
        return usage(QStringLiteral("A check-in needs its day."));
    c.plan = w.plan().id;
    // A grade on the plan's scale is kept as the scale spells it ("met" -> "Met"); others as said.
    for (GradeMark& m : c.grades)
        if (const QString onScale = w.plan().scale.canonical(m.grade); !onScale.isEmpty())
            m.grade = onScale;
    if (c.id.isEmpty())
        if (const CheckIn* existing = w.checkInOn(c.date))
            c.id = existing->id;
    if (c.id.isEmpty()) {
        EntryDraft d;
        d.kind = QLatin1String(kind::CheckIn);
        d.title = checkInTitle(c);
        d.body = c.note;
        d.occurredAt = c.occurredAt.isValid() ? c.occurredAt : occurredOn(c.date);
        d.fields = checkInFields(c);
        addPeople(d.fields, {managerName(w.plan())});
        return added(m_journal.add(d));
    }
    auto current = m_journal.entry(c.id);
    if (!current)
        return current.error();
    EntryChange change;
    change.title = checkInTitle(c);
    change.body = c.note;
    change.fields = checkInFields(c, current->latest.fields);
    if (c.occurredAt.isValid())
        change.occurredAt = c.occurredAt;
    if (Status saved = saveChange(m_journal, current->latest, change); !saved)
        return saved.error();
    return c.id;
}

Result<QString> PipRecorder::addShoutOut(const QString& planId, const ShoutOut& s, const QList<NewAttachment>& files)
{
    if (s.from.trimmed().isEmpty())
        return usage(QStringLiteral("Write who gave the shout-out."));
    EntryDraft d;
    d.kind = QLatin1String(kind::ShoutOut);
    d.title = shoutOutTitle(s);
    d.body = s.text;
    d.occurredAt = s.occurredAt;
    putText(d.fields, field::PlanId, planId);
    putText(d.fields, field::From, s.from);
    putText(d.fields, field::Where, s.where);
    addPeople(d.fields, {s.from});
    d.attachments = files;
    return added(m_journal.add(d));
}

Status PipRecorder::markForwarded(const QString& shoutOutId, const QDate& d)
{
    auto current = m_journal.entry(shoutOutId);
    if (!current)
        return current.error();
    QJsonObject fields = current->latest.fields;
    putText(fields, field::Forwarded, dateText(d));
    EntryChange change;
    change.fields = fields;
    return saveChange(m_journal, current->latest, change);
}

Result<QString> PipRecorder::saveRebuttalPoint(const QString& planId, const RebuttalPoint& p)
{
    QJsonObject fields;
    std::optional<Entry> current;
    if (!p.id.isEmpty()) {
        auto found = m_journal.entry(p.id);
        if (!found)
            return found.error();
        current = *found;
        fields = current->latest.fields;
    }
    fields.insert(QLatin1String(field::PlanId), planId);
    putText(fields, field::Area, p.area);
    putText(fields, field::Steps, p.steps);
    putText(fields, field::Results, p.results);
    putText(fields, field::Unclear, p.unclear);
    putText(fields, field::Question, p.question);
    putText(fields, field::Claim, p.claim);
    putText(fields, field::Facts, p.facts);
    setLinks(fields, p.evidence);
    if (p.id.isEmpty()) {
        EntryDraft d;
        d.kind = QLatin1String(kind::Rebuttal);
        d.title = rebuttalTitle(p);
        d.fields = fields;
        return added(m_journal.add(d));
    }
    EntryChange change;
    change.title = rebuttalTitle(p);
    change.fields = fields;
    if (Status saved = saveChange(m_journal, current->latest, change); !saved)
        return saved.error();
    return p.id;
}

Result<QString> PipRecorder::recordOutcome(const QString& planId, const Outcome& o)
{
    if (!outcomeResults().contains(o.result))
        return usage(QStringLiteral("The outcome is one of: %1.").arg(outcomeResults().join(QStringLiteral(", "))));
    EntryDraft d;
    d.kind = QLatin1String(kind::Outcome);
    d.title = QStringLiteral("PIP outcome: %1").arg(o.result);
    d.body = o.words;
    d.occurredAt = o.occurredAt;
    d.fields = QJsonObject{{QLatin1String(field::PlanId), planId}, {QLatin1String(field::Result), o.result}};
    return added(m_journal.add(d));
}

Result<QString> PipRecorder::addTold(const QString& planId, const Told& t)
{
    if (t.person.trimmed().isEmpty())
        return usage(QStringLiteral("Write who you told."));
    EntryDraft d;
    d.kind = QLatin1String(kind::Told);
    d.title = QStringLiteral("Told %1").arg(t.person.trimmed());
    d.body = t.what;
    d.occurredAt = t.occurredAt;
    d.fields = QJsonObject{{QLatin1String(field::PlanId), planId}};
    putText(d.fields, field::Person, t.person);
    putText(d.fields, field::How, t.how);
    addPeople(d.fields, {t.person});
    return added(m_journal.add(d));
}

} // namespace pt::core::pip
