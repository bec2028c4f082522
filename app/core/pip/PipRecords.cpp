#include "PipRecords.h"

#include "FieldText.h"
#include "PipKinds.h"
#include "PipPlan.h"
#include "vault/EntryLinks.h"

#include <QJsonArray>

namespace pt::core::pip {

namespace {

// A planted check-in cannot make the grid hold more grades than goals a plan may have, twice.
constexpr qsizetype MaxGradesPerCheckIn = 2 * MaxGoals;

QString oneOf(const QString& value, const QStringList& allowed) { return allowed.contains(value) ? value : QString(); }

} // namespace

QStringList notHeldReasons()
{
    return {QStringLiteral("cancelled"), QStringLiteral("refused"), QStringLiteral("no-show"), QStringLiteral("other")};
}

QString notHeldText(const QString& reason)
{
    if (reason == QLatin1String("cancelled"))
        return QStringLiteral("cancelled by the manager");
    if (reason == QLatin1String("refused"))
        return QStringLiteral("the manager refused to meet");
    if (reason == QLatin1String("no-show"))
        return QStringLiteral("the manager did not come");
    return QStringLiteral("did not happen");
}

QStringList outcomeResults()
{
    return {QStringLiteral("passed"), QStringLiteral("extended"), QStringLiteral("failed"), QStringLiteral("resigned"),
            QStringLiteral("severance")};
}

const GradeMark* CheckIn::gradeFor(const QString& goalId) const
{
    for (const GradeMark& g : grades)
        if (g.goal == goalId)
            return &g;
    return nullptr;
}

CheckIn checkInFrom(const EntryRevision& r)
{
    const QJsonObject& f = r.fields;
    CheckIn c;
    c.id = r.entryId;
    c.plan = fieldText(f, field::PlanId);
    c.date = dateFrom(fieldText(f, field::Date));
    if (!c.date.isValid())
        c.date = r.occurredAt.date();
    c.occurredAt = r.occurredAt;
    c.recordedAt = r.recordedAt;
    for (const QJsonValue& v : f.value(QLatin1String(field::Grades)).toArray()) {
        const QJsonObject g = v.toObject();
        GradeMark m{fieldText(g, field::Goal), fieldText(g, field::Grade), fieldText(g, field::Comment), fieldText(g, field::Note),
                    fieldText(g, field::Screenshot)};
        if (m.goal.isEmpty() || c.gradeFor(m.goal) || c.grades.size() >= MaxGradesPerCheckIn)
            continue;
        c.grades << m;
    }
    c.jobTomorrow = oneOf(fieldText(f, field::JobTomorrow), {JobYes, JobNo, JobUnsure});
    c.jobTomorrowWords = fieldText(f, field::JobTomorrowWords);
    const QString notHeld = fieldText(f, field::DidNotHappen);
    c.didNotHappen = notHeld.isEmpty() ? QString() : notHeldReasons().contains(notHeld) ? notHeld : QStringLiteral("other");
    c.note = r.body;
    return c;
}

QJsonObject checkInFields(const CheckIn& c, QJsonObject f)
{
    f.insert(QLatin1String(field::PlanId), c.plan);
    f.insert(QLatin1String(field::Date), dateText(c.date));
    QJsonArray grades;
    QStringList screenshots;
    for (const GradeMark& m : c.grades) {
        QJsonObject g{{QLatin1String(field::Goal), m.goal}};
        putText(g, field::Grade, m.grade);
        putText(g, field::Comment, m.comment);
        putText(g, field::Note, m.note);
        putText(g, field::Screenshot, m.screenshot);
        grades.append(g);
        if (!m.screenshot.isEmpty())
            screenshots << m.screenshot;
    }
    if (grades.isEmpty())
        f.remove(QLatin1String(field::Grades));
    else
        f.insert(QLatin1String(field::Grades), grades);
    putText(f, field::JobTomorrow, c.jobTomorrow);
    putText(f, field::JobTomorrowWords, c.jobTomorrowWords);
    putText(f, field::DidNotHappen, c.didNotHappen);
    // A grade's screenshot is also one of the check-in's links, so it shows on both entries.
    setLinks(f, linksIn(f) + screenshots);
    return f;
}

ShoutOut shoutOutFrom(const EntryRevision& r)
{
    ShoutOut s;
    s.id = r.entryId;
    s.plan = fieldText(r.fields, field::PlanId);
    s.occurredAt = r.occurredAt;
    s.from = fieldText(r.fields, field::From);
    s.where = fieldText(r.fields, field::Where);
    s.text = r.body;
    s.forwarded = dateFrom(fieldText(r.fields, field::Forwarded));
    s.files = int(r.attachments.size());
    return s;
}

RebuttalPoint rebuttalFrom(const EntryRevision& r)
{
    const QJsonObject& f = r.fields;
    RebuttalPoint p;
    p.id = r.entryId;
    p.plan = fieldText(f, field::PlanId);
    p.area = fieldText(f, field::Area);
    p.steps = fieldText(f, field::Steps);
    p.results = fieldText(f, field::Results);
    p.unclear = fieldText(f, field::Unclear);
    p.question = fieldText(f, field::Question);
    p.claim = fieldText(f, field::Claim);
    p.facts = fieldText(f, field::Facts);
    p.evidence = linksOf(r);
    return p;
}

Outcome outcomeFrom(const EntryRevision& r)
{
    Outcome o;
    o.id = r.entryId;
    o.plan = fieldText(r.fields, field::PlanId);
    o.occurredAt = r.occurredAt;
    o.result = oneOf(fieldText(r.fields, field::Result), outcomeResults());
    o.words = r.body;
    return o;
}

Told toldFrom(const EntryRevision& r)
{
    Told t;
    t.id = r.entryId;
    t.plan = fieldText(r.fields, field::PlanId);
    t.occurredAt = r.occurredAt;
    t.person = fieldText(r.fields, field::Person);
    t.how = fieldText(r.fields, field::How);
    t.what = r.body;
    return t;
}

} // namespace pt::core::pip
