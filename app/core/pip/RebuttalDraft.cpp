#include "RebuttalDraft.h"

#include "PipKinds.h"

#include <QLocale>

namespace pt::core::pip {

namespace {

QString longDay(const QDate& d) { return QLocale::c().toString(d, QStringLiteral("d MMMM yyyy")); }

QString kindWord(const QString& kind)
{
    if (kind == QLatin1String("email"))
        return QStringLiteral("the email");
    if (kind == QLatin1String("screenshot"))
        return QStringLiteral("the screenshot");
    if (kind == QLatin1String("photo"))
        return QStringLiteral("the photo");
    if (kind == QLatin1String(kind::CheckIn))
        return QStringLiteral("the check-in record");
    if (kind == QLatin1String(kind::Meeting))
        return QStringLiteral("my notes of the meeting");
    if (kind == QLatin1String(kind::ShoutOut))
        return QStringLiteral("the shout-out");
    return QStringLiteral("my note");
}

QString part(const QString& label, const QString& text, const QString& missing)
{
    return QStringLiteral("%1\n%2\n\n").arg(label, text.trimmed().isEmpty() ? missing : text.trimmed());
}

QString records(const QStringList& ids, const QHash<QString, EntryRevision>& entries)
{
    QStringList names;
    for (const QString& id : ids)
        if (const auto it = entries.constFind(id); it != entries.cend())
            names << recordName(*it);
    if (names.isEmpty())
        return {};
    return QStringLiteral("Records: %1.\n\n").arg(names.join(QStringLiteral("; ")));
}

} // namespace

QString recordName(const EntryRevision& r)
{
    const QString title = r.title.trimmed().isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(r.title.trimmed());
    return QStringLiteral("%1%2 of %3").arg(kindWord(r.kind), title, longDay(r.occurredAt.date()));
}

RebuttalText composeRebuttal(const PipWorkspace& w, const QHash<QString, EntryRevision>& entries)
{
    RebuttalText text;
    if (!w.hasPlan())
        return text;
    const Plan& plan = w.plan();
    text.subject = plan.start.isValid()
                       ? QStringLiteral("My response to the performance improvement plan of %1").arg(longDay(plan.start))
                       : QStringLiteral("My response to the performance improvement plan");

    QString body = QStringLiteral("Dear %1,\n\n").arg(managerName(plan).isEmpty() ? QStringLiteral("[manager]") : managerName(plan));
    body += QStringLiteral("Thank you for setting out the plan. I take it seriously and want to meet each of its goals. "
                           "Below, for each area the plan names, are the steps I have taken, the results so far, and "
                           "where I would welcome your direction.\n\n");

    QList<const RebuttalPoint*> areaPoints, claims;
    for (const RebuttalPoint& p : w.rebuttal())
        (p.isClaim() ? claims : areaPoints) << &p;

    // Every problem area of the plan, written or not, then points for areas it does not list.
    QStringList areas = plan.areas;
    for (const RebuttalPoint* p : std::as_const(areaPoints))
        if (!areas.contains(p->area))
            areas << p->area;
    int number = 0;
    for (const QString& area : std::as_const(areas)) {
        body += QStringLiteral("%1. %2\n\n").arg(++number).arg(area.isEmpty() ? QStringLiteral("General") : area);
        const RebuttalPoint* point = nullptr;
        for (const RebuttalPoint* p : std::as_const(areaPoints))
            if (p->area == area)
                point = p;
        if (!point) {
            body += QStringLiteral("[Write the steps you have taken and the results so far.]\n\n");
            continue;
        }
        body += part(QStringLiteral("Steps I have taken:"), point->steps, QStringLiteral("[Write the steps you have taken.]"));
        body += part(QStringLiteral("Results so far:"), point->results, QStringLiteral("[Write the results so far.]"));
        if (!point->unclear.trimmed().isEmpty())
            body += part(QStringLiteral("What is still unclear to me:"), point->unclear, {});
        if (!point->question.trimmed().isEmpty())
            body += part(QStringLiteral("My question:"), point->question, {});
        body += records(point->evidence, entries);
    }

    if (!claims.isEmpty()) {
        body += QStringLiteral("A few points to correct for the record\n\n");
        for (const RebuttalPoint* c : std::as_const(claims)) {
            body += QStringLiteral("The plan says: \"%1\"\n").arg(c->claim);
            body += (c->facts.trimmed().isEmpty() ? QStringLiteral("[Write the facts.]") : c->facts.trimmed()) + QStringLiteral("\n");
            const QString r = records(c->evidence, entries);
            body += r.isEmpty() ? QStringLiteral("\n") : r;
        }
    }

    body += QStringLiteral("I would welcome a meeting to go through these results and to hear your assessment of where my "
                           "work now meets the standard and where it does not yet, and what it will take to get there.\n\n");
    body += QStringLiteral("Kind regards,\n%1\n").arg(plan.employee.isEmpty() ? QStringLiteral("[your name]") : plan.employee);
    text.body = body;
    return text;
}

} // namespace pt::core::pip
