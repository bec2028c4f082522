#include "EntrySections.h"

#include "FieldNames.h"
#include "MeetingRecap.h"
#include "pip/MeetingTemplate.h"
#include "pip/PipKinds.h"
#include "pip/PipPlan.h"
#include "pip/PipRecords.h"
#include "vault/EntryLinks.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace pt::gui {

namespace {

namespace pip = core::pip;
namespace field = core::pip::field;

QString tr(const char* text) { return QCoreApplication::translate("EntrySections", text); }

QString day(const QDate& d) { return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString(); }

class Sections {
public:
    void add(const QString& key, const QString& label, const QString& text)
    {
        if (!text.trimmed().isEmpty())
            m_list.append(QVariantMap{{QStringLiteral("key"), key}, {QStringLiteral("label"), label},
                                      {QStringLiteral("text"), text.trimmed()}});
    }
    [[nodiscard]] QVariantList list() const { return m_list; }

private:
    QVariantList m_list;
};

QString joined(const QJsonValue& value)
{
    QStringList items;
    for (const QJsonValue& item : value.toArray())
        if (const QString s = item.toString().trimmed(); !s.isEmpty())
            items << s;
    return items.join(QStringLiteral(", "));
}

QString meetingTypeText(const QString& type)
{
    if (type == QLatin1String(pip::MeetingDelivery))
        return tr("PIP delivery meeting");
    if (type == QLatin1String(pip::MeetingOneOnOne))
        return tr("1:1");
    return {};
}

QString jobText(const QString& answer)
{
    if (answer == QLatin1String(pip::JobYes))
        return tr("Yes");
    if (answer == QLatin1String(pip::JobNo))
        return tr("No");
    if (answer == QLatin1String(pip::JobUnsure))
        return tr("Would not say");
    return {};
}

void meeting(Sections& s, const QJsonObject& f)
{
    s.add(QStringLiteral("meeting_type"), tr("Meeting"), meetingTypeText(f.value(QLatin1String(field::MeetingType)).toString()));
    for (const char* key : {core::meeting::Attendees, core::meeting::Agreements, core::meeting::Disagreements, core::meeting::ActionItems}) {
        const QJsonValue v = f.value(QLatin1String(key));
        s.add(QString::fromLatin1(key), FieldNames::label(QStringLiteral("fields.") + QLatin1String(key)),
              v.isArray() ? joined(v) : v.toString());
    }
    int n = 0;
    for (const QJsonValue& v : f.value(QLatin1String(field::Questions)).toArray()) {
        const QString q = v[QLatin1String(field::Question)].toString();
        const QString a = v[QLatin1String(field::Answer)].toString();
        s.add(QStringLiteral("question-%1").arg(n++), q, a.trimmed().isEmpty() ? tr("(not answered)") : a);
    }
}

void incident(Sections& s, const QJsonObject& f)
{
    s.add(QStringLiteral("where"), tr("Where"), f.value(QLatin1String(field::Where)).toString());
    s.add(QStringLiteral("said"), tr("Who said what, in their words"), f.value(QLatin1String(field::Said)).toString());
    s.add(QStringLiteral("witnesses"), tr("Witnesses"), joined(f.value(QLatin1String(field::Witnesses))));
    s.add(QStringLiteral("response"), tr("What I said or did"), f.value(QLatin1String(field::Response)).toString());
    s.add(QStringLiteral("reported"), tr("How it was reported"), f.value(QLatin1String(field::Reported)).toString());
}

void checkIn(Sections& s, const core::EntryRevision& r, const std::function<QString(const QString&)>& titleOf)
{
    const pip::CheckIn c = pip::checkInFrom(r);
    if (!c.didNotHappen.isEmpty())
        s.add(QStringLiteral("did_not_happen"), tr("The check-in did not happen"), pip::notHeldText(c.didNotHappen));
    int n = 0;
    for (const pip::GradeMark& m : c.grades) {
        QString text = m.grade;
        if (!m.comment.isEmpty())
            text += QStringLiteral("\n") + tr("Manager: %1").arg(m.comment);
        if (!m.note.isEmpty())
            text += QStringLiteral("\n") + tr("My note: %1").arg(m.note);
        const QString goal = titleOf ? titleOf(m.goal) : QString();
        s.add(QStringLiteral("grade-%1").arg(n++), goal.isEmpty() ? tr("A goal") : goal, text);
    }
    QString job = jobText(c.jobTomorrow);
    if (!job.isEmpty() && !c.jobTomorrowWords.isEmpty())
        job += QStringLiteral(": \u201C%1\u201D").arg(c.jobTomorrowWords);
    s.add(QStringLiteral("job_tomorrow"), tr("If the PIP ended today, would I have a job tomorrow?"), job);
}

} // namespace

QVariantList entrySections(const core::EntryRevision& r, const std::function<QString(const QString& id)>& titleOf)
{
    Sections s;
    const QJsonObject& f = r.fields;
    const QString& kind = r.kind;
    if (kind == QLatin1String("meeting")) {
        meeting(s, f);
    } else if (kind == QLatin1String(pip::kind::Incident)) {
        incident(s, f);
    } else if (kind == QLatin1String(pip::kind::CheckIn)) {
        checkIn(s, r, titleOf);
    } else if (kind == QLatin1String(pip::kind::ShoutOut)) {
        const pip::ShoutOut so = pip::shoutOutFrom(r);
        s.add(QStringLiteral("from"), tr("From"), so.from);
        s.add(QStringLiteral("where"), tr("Where"), so.where);
        s.add(QStringLiteral("forwarded"), tr("Forwarded to the manager"), day(so.forwarded));
    } else if (kind == QLatin1String(pip::kind::Rebuttal)) {
        const pip::RebuttalPoint p = pip::rebuttalFrom(r);
        s.add(QStringLiteral("area"), tr("Problem area"), p.area);
        s.add(QStringLiteral("steps"), tr("Steps I have taken"), p.steps);
        s.add(QStringLiteral("results"), tr("Results so far"), p.results);
        s.add(QStringLiteral("unclear"), tr("Still unclear"), p.unclear);
        s.add(QStringLiteral("question"), tr("My question"), p.question);
        s.add(QStringLiteral("claim"), tr("The plan says"), p.claim);
        s.add(QStringLiteral("facts"), tr("The facts"), p.facts);
    } else if (kind == QLatin1String(pip::kind::Plan)) {
        const pip::Plan p = pip::planFrom(r);
        s.add(QStringLiteral("dates"), tr("Runs"), tr("%1 to %2").arg(day(p.start), day(p.end)));
        s.add(QStringLiteral("manager"), tr("Manager"), p.manager);
        s.add(QStringLiteral("hr"), tr("HR"), p.hr);
        s.add(QStringLiteral("union"), tr("Union"), p.unionContact);
        s.add(QStringLiteral("areas"), tr("Problem areas"), p.areas.join(QStringLiteral("\n")));
        s.add(QStringLiteral("scale"), tr("Grades"), p.scale.grades.join(QStringLiteral(" / ")));
    } else if (kind == QLatin1String(pip::kind::Goal)) {
        const pip::Goal g = pip::goalFrom(r);
        s.add(QStringLiteral("measured_by"), tr("Measured by"), g.measuredBy);
        s.add(QStringLiteral("decided_by"), tr("Decided by"), g.decidedBy);
        s.add(QStringLiteral("smart"), tr("My specific, measurable version"), g.smart);
        s.add(QStringLiteral("area"), tr("Problem area"), g.area);
    } else if (kind == QLatin1String(pip::kind::Extension)) {
        const pip::Extension e = pip::extensionFrom(r);
        s.add(QStringLiteral("days"), tr("Working days added"), QString::number(e.days));
        s.add(QStringLiteral("reason"), tr("Reason"), pip::extensionReasonText(e.reason));
    } else if (kind == QLatin1String(pip::kind::Outcome)) {
        s.add(QStringLiteral("result"), tr("Outcome"), pip::outcomeFrom(r).result);
    } else if (kind == QLatin1String(pip::kind::Told)) {
        const pip::Told t = pip::toldFrom(r);
        s.add(QStringLiteral("person"), tr("Told"), t.person);
        s.add(QStringLiteral("how"), tr("How"), t.how);
    }
    // People the sections above already name (attendees, witnesses, the sender) are not repeated.
    QStringList shown;
    for (const char* key : {core::meeting::Attendees, field::Witnesses})
        for (const QJsonValue& v : f.value(QLatin1String(key)).toArray())
            shown << v.toString();
    shown << f.value(QLatin1String(field::From)).toString();
    QStringList others;
    for (const QString& name : core::peopleOf(r))
        if (std::none_of(shown.cbegin(), shown.cend(), [&](const QString& s) { return core::samePerson(s, name); }))
            others << name;
    s.add(QStringLiteral("people"), tr("People"), others.join(QStringLiteral(", ")));
    return s.list();
}

} // namespace pt::gui
