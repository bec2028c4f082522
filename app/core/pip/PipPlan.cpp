#include "PipPlan.h"

#include "FieldText.h"
#include "PipKinds.h"
#include "WorkingDays.h"
#include "vault/EntryLinks.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace pt::core::pip {

namespace {

QStringList textList(const QJsonObject& fields, const char* key, qsizetype limit = 100)
{
    QStringList list;
    for (const QJsonValue& v : fields.value(QLatin1String(key)).toArray())
        if (const QString s = v.toString().trimmed(); !s.isEmpty() && list.size() < limit)
            list << s;
    return list;
}

QString timeText(const QTime& t) { return t.isValid() ? t.toString(QStringLiteral("HH:mm")) : QString(); }
QTime timeFrom(const QString& s) { return QTime::fromString(s, QStringLiteral("HH:mm")); }

// Goals are found by their words whatever the case and spacing typed.
QString words(const QString& s) { return s.simplified().toCaseFolded(); }

} // namespace

QString dateText(const QDate& date) { return date.isValid() ? date.toString(Qt::ISODate) : QString(); }

QDate dateFrom(const QString& text)
{
    const QDate d = QDate::fromString(text.trimmed().left(10), Qt::ISODate);
    return d.isValid() && d.year() >= 1970 && d.year() <= 9000 ? d : QDate();
}

QStringList extensionReasons()
{
    return {QStringLiteral("sick"), QStringLiteral("leave"), QStringLiteral("formal"), QStringLiteral("other")};
}

QString extensionReasonText(const QString& reason)
{
    if (reason == QLatin1String("sick"))
        return QStringLiteral("sick days");
    if (reason == QLatin1String("leave"))
        return QStringLiteral("leave");
    if (reason == QLatin1String("formal"))
        return QStringLiteral("formal extension");
    return reason.isEmpty() ? QStringLiteral("other") : reason;
}

int Plan::extendedBy() const
{
    int days = 0;
    for (const Extension& e : extensions)
        days += e.days;
    return days;
}

QDate Plan::effectiveEnd() const
{
    if (!end.isValid())
        return {};
    return addWorkingDays(end, extendedBy());
}

const Goal* Plan::findGoal(const QString& numberOrText) const
{
    bool isNumber = false;
    const int n = numberOrText.trimmed().toInt(&isNumber);
    for (const Goal& g : goals)
        if (isNumber ? g.number == n : words(g.text) == words(numberOrText))
            return &g;
    if (isNumber)
        return nullptr;
    // Else the one goal whose words begin with what was typed.
    const Goal* match = nullptr;
    for (const Goal& g : goals)
        if (!words(numberOrText).isEmpty() && words(g.text).startsWith(words(numberOrText))) {
            if (match)
                return nullptr;
            match = &g;
        }
    return match;
}

const Goal* Plan::goal(const QString& id) const
{
    for (const Goal& g : goals)
        if (g.id == id)
            return &g;
    return nullptr;
}

Plan planFrom(const EntryRevision& r)
{
    const QJsonObject& f = r.fields;
    Plan p;
    p.id = r.entryId;
    p.title = r.title;
    p.notes = r.body;
    p.start = dateFrom(fieldText(f, field::Start));
    p.end = dateFrom(fieldText(f, field::End));
    p.manager = fieldText(f, field::Manager);
    p.hr = fieldText(f, field::Hr);
    p.unionContact = fieldText(f, field::Union);
    p.employee = fieldText(f, field::Employee);
    p.areas = textList(f, field::Areas);
    p.scale = GradeScale::fromList(textList(f, field::Scale));
    p.shoutOutsPerWeek = int(std::clamp(f.value(QLatin1String(field::ShoutOutsPerWeek)).toDouble(), 0.0, 100.0));
    const QJsonObject r2 = f.value(QLatin1String(field::Reminders)).toObject();
    if (const QTime t = timeFrom(r2.value(QLatin1String("check_in")).toString()); t.isValid())
        p.reminders.checkIn = t;
    const QJsonObject weekly = r2.value(QLatin1String("one_on_one")).toObject();
    const int day = weekly.value(QLatin1String("day")).toInt();
    const QTime at = timeFrom(weekly.value(QLatin1String("time")).toString());
    if (day >= 1 && day <= 7 && at.isValid()) {
        p.reminders.oneOnOneDay = day;
        p.reminders.oneOnOneTime = at;
    }
    p.reminders.endDate = r2.value(QLatin1String("end")).toBool(true);
    return p;
}

Goal goalFrom(const EntryRevision& r)
{
    const QJsonObject& f = r.fields;
    Goal g;
    g.id = r.entryId;
    g.number = std::clamp(f.value(QLatin1String(field::Number)).toInt(), 0, 10000);
    g.text = r.title;
    g.notes = r.body;
    g.measuredBy = fieldText(f, field::MeasuredBy);
    g.decidedBy = fieldText(f, field::DecidedBy);
    g.smart = fieldText(f, field::Smart);
    g.area = fieldText(f, field::Area);
    g.evidence = linksOf(r);
    return g;
}

Extension extensionFrom(const EntryRevision& r)
{
    Extension e;
    e.id = r.entryId;
    e.agreedOn = r.occurredAt.date();
    e.days = std::clamp(r.fields.value(QLatin1String(field::Days)).toInt(), 0, MaxExtensionDays);
    e.reason = fieldText(r.fields, field::Reason);
    e.note = r.body;
    return e;
}

QJsonObject planFields(const Plan& p)
{
    QJsonObject f;
    putText(f, field::Start, dateText(p.start));
    putText(f, field::End, dateText(p.end));
    putText(f, field::Manager, p.manager);
    putText(f, field::Hr, p.hr);
    putText(f, field::Union, p.unionContact);
    putText(f, field::Employee, p.employee);
    if (!p.areas.isEmpty())
        f.insert(QLatin1String(field::Areas), QJsonArray::fromStringList(p.areas));
    f.insert(QLatin1String(field::Scale), QJsonArray::fromStringList(p.scale.grades));
    if (p.shoutOutsPerWeek > 0)
        f.insert(QLatin1String(field::ShoutOutsPerWeek), p.shoutOutsPerWeek);
    QJsonObject reminders{{QStringLiteral("end"), p.reminders.endDate}};
    if (p.reminders.checkIn)
        reminders.insert(QStringLiteral("check_in"), timeText(*p.reminders.checkIn));
    if (p.reminders.oneOnOneDay > 0)
        reminders.insert(QStringLiteral("one_on_one"), QJsonObject{{QStringLiteral("day"), p.reminders.oneOnOneDay},
                                                                   {QStringLiteral("time"), timeText(p.reminders.oneOnOneTime)}});
    f.insert(QLatin1String(field::Reminders), reminders);
    // People are names: the manager's address stays in `manager` for the drafts.
    addPeople(f, {managerName(p), p.hr, p.unionContact});
    return f;
}

QJsonObject goalFields(const Goal& g, const QString& planId)
{
    QJsonObject f{{QLatin1String(field::PlanId), planId}, {QLatin1String(field::Number), g.number}};
    putText(f, field::MeasuredBy, g.measuredBy);
    putText(f, field::DecidedBy, g.decidedBy);
    putText(f, field::Smart, g.smart);
    putText(f, field::Area, g.area);
    setLinks(f, g.evidence);
    return f;
}

QJsonObject extensionFields(const Extension& e, const QString& planId)
{
    QJsonObject f{{QLatin1String(field::PlanId), planId}, {QLatin1String(field::Days), e.days}};
    putText(f, field::Reason, e.reason);
    return f;
}

namespace {
const QRegularExpression& emailAddress()
{
    static const QRegularExpression address(QStringLiteral(R"(<?[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}>?)"));
    return address;
}
} // namespace

QString managerAddress(const Plan& plan)
{
    const auto match = emailAddress().match(plan.manager);
    if (!match.hasMatch())
        return {};
    QString address = match.captured(0);
    return address.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
}

QString managerName(const Plan& plan)
{
    QString name = plan.manager;
    return name.remove(emailAddress()).simplified();
}

} // namespace pt::core::pip
