// The PIP workspace's commands (docs/CLI.md, "The PIP workspace"): `pip plan`, `extend`, `show`,
// `grade`, `checkin`, `shoutout`, `rebuttal`, `outcome` and `told`, each writing through
// PipRecorder, so what the CLI writes reads the same in the app.
#include "Cli.h"

#include "AttachmentFiles.h"
#include "EntryFormat.h"
#include "intake/ImageImporter.h"
#include "intake/ImageLimits.h"
#include "pip/GradeGrid.h"
#include "pip/PipRecorder.h"
#include "pip/RebuttalDraft.h"
#include "pip/ShoutOutForward.h"
#include "pip/WorkingDays.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <map>

namespace pt::cli {

using namespace pt::core;
using namespace pt::core::pip;

namespace {

// Each subcommand's own options (the global ones aside) and how many arguments it takes.
struct PipSpec {
    QStringList options;
    int minArgs = 0;
    int maxArgs = 0;
};

const std::map<QString, PipSpec>& pipSpecs()
{
    static const std::map<QString, PipSpec> specs{
        {QStringLiteral("plan"), {{"start", "end", "goal", "title", "manager", "hr", "union", "employee", "area", "scale",
                                   "shoutouts-per-week", "attach"}, 0, 0}},
        {QStringLiteral("extend"), {{"days", "reason", "note", "occurred"}, 0, 0}},
        {QStringLiteral("goal"), {{"text", "measured-by", "decided-by", "smart", "area", "link"}, 0, 1}},
        {QStringLiteral("show"), {{}, 0, 0}},
        {QStringLiteral("grade"), {{"comment", "note", "attach"}, 3, 3}},
        {QStringLiteral("checkin"), {{"job-tomorrow", "words", "note", "did-not-happen", "reason"}, 1, 1}},
        {QStringLiteral("shoutout"), {{"from", "where", "body", "occurred", "attach"}, 0, 0}},
        {QStringLiteral("rebuttal"), {{"area", "steps", "results", "unclear", "question", "claim", "facts", "link", "out"}, 0, 0}},
        {QStringLiteral("outcome"), {{"note", "occurred"}, 1, 1}},
        {QStringLiteral("told"), {{"how", "note", "occurred"}, 1, 1}},
    };
    return specs;
}

const QStringList GlobalOptions{"vault", "passphrase-file", "recovery-key", "recovery-key-file", "json"};

QString day(const QDate& d) { return QLocale::c().toString(d, QStringLiteral("ddd d MMM yyyy")); }

// "2027-01-04" or "today".
QDate dayFrom(const QString& text)
{
    if (text.trimmed().compare(QLatin1String("today"), Qt::CaseInsensitive) == 0)
        return QDate::currentDate();
    return dateFrom(text.trimmed());
}

QString padded(const QString& text, int width)
{
    const QString cut = text.size() > width - 1 ? text.left(width - 2) + QChar(0x2026) : text;
    return cut.leftJustified(width);
}

QJsonObject planJson(const Plan& p)
{
    QJsonArray goals, extensions;
    for (const Goal& g : p.goals)
        goals.append(QJsonObject{{QStringLiteral("number"), g.number}, {QStringLiteral("id"), g.id}, {QStringLiteral("text"), g.text},
                                 {QStringLiteral("measured_by"), g.measuredBy}, {QStringLiteral("decided_by"), g.decidedBy},
                                 {QStringLiteral("smart"), g.smart}, {QStringLiteral("area"), g.area},
                                 {QStringLiteral("evidence"), QJsonArray::fromStringList(g.evidence)}});
    for (const Extension& e : p.extensions)
        extensions.append(QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("agreed_on"), dateText(e.agreedOn)},
                                      {QStringLiteral("days"), e.days}, {QStringLiteral("reason"), e.reason},
                                      {QStringLiteral("note"), e.note}});
    return QJsonObject{{QStringLiteral("id"), p.id},
                       {QStringLiteral("title"), p.title},
                       {QStringLiteral("start"), dateText(p.start)},
                       {QStringLiteral("end"), dateText(p.end)},
                       {QStringLiteral("effective_end"), dateText(p.effectiveEnd())},
                       {QStringLiteral("manager"), p.manager},
                       {QStringLiteral("hr"), p.hr},
                       {QStringLiteral("union"), p.unionContact},
                       {QStringLiteral("employee"), p.employee},
                       {QStringLiteral("areas"), QJsonArray::fromStringList(p.areas)},
                       {QStringLiteral("scale"), QJsonArray::fromStringList(p.scale.grades)},
                       {QStringLiteral("goals"), goals},
                       {QStringLiteral("extensions"), extensions}};
}

QJsonObject checkInJson(const CheckIn& c, const Plan& plan)
{
    QJsonArray grades;
    for (const GradeMark& m : c.grades) {
        const Goal* g = plan.goal(m.goal);
        grades.append(QJsonObject{{QStringLiteral("goal"), g ? g->number : 0}, {QStringLiteral("grade"), m.grade},
                                  {QStringLiteral("comment"), m.comment}, {QStringLiteral("note"), m.note},
                                  {QStringLiteral("screenshot"), m.screenshot}});
    }
    return QJsonObject{{QStringLiteral("id"), c.id},
                       {QStringLiteral("date"), dateText(c.date)},
                       {QStringLiteral("grades"), grades},
                       {QStringLiteral("job_tomorrow"), c.jobTomorrow},
                       {QStringLiteral("job_tomorrow_words"), c.jobTomorrowWords},
                       {QStringLiteral("did_not_happen"), c.didNotHappen},
                       {QStringLiteral("note"), c.note}};
}

QString planText(const PipWorkspace& w, const PlanStatus& s)
{
    const Plan& p = w.plan();
    QString out = QStringLiteral("%1\n").arg(p.title.isEmpty() ? QStringLiteral("Performance improvement plan") : p.title);
    out += QStringLiteral("  %1 to %2").arg(day(p.start), day(p.effectiveEnd()));
    if (p.extendedBy() > 0)
        out += QStringLiteral(" (set to end %1; extended by %2 working days)").arg(day(p.end)).arg(p.extendedBy());
    out += QLatin1Char('\n');
    if (!s.result.isEmpty())
        out += QStringLiteral("  Ended: %1\n").arg(s.result);
    else if (!s.started)
        out += QStringLiteral("  Starts in %1 working days; %2 working days in all\n").arg(s.workingDaysTotal - s.workingDaysLeft).arg(s.workingDaysTotal);
    else
        out += QStringLiteral("  %1 of %2 working days left\n").arg(s.workingDaysLeft).arg(s.workingDaysTotal);
    out += QStringLiteral("  Check-ins: %1 held, %2 did not happen").arg(s.checkInsHeld).arg(s.checkInsNotHeld);
    if (!s.lastJobTomorrow.isEmpty())
        out += QStringLiteral("; job tomorrow, last asked: %1").arg(s.lastJobTomorrow);
    out += QLatin1Char('\n');
    for (const auto& [label, value] : {std::pair{"Manager", p.manager}, {"HR", p.hr}, {"Union", p.unionContact}})
        if (!value.isEmpty())
            out += QStringLiteral("  %1: %2\n").arg(QLatin1String(label), value);
    for (const Extension& e : p.extensions)
        out += QStringLiteral("  Extended on %1 by %2 working days (%3)\n").arg(day(e.agreedOn)).arg(e.days).arg(extensionReasonText(e.reason));
    out += QStringLiteral("\nGoals\n");
    for (const Goal& g : p.goals)
        out += QStringLiteral("  %1. %2\n").arg(g.number).arg(g.text);
    return out;
}

// Goals across, days down: the grid as a table, each day that has a check-in.
QString gridText(const PipWorkspace& w)
{
    if (w.checkIns().isEmpty())
        return QStringLiteral("\nNo check-ins yet: pip grade GOAL DATE GRADE, or pip checkin DATE.\n");
    const Plan& p = w.plan();
    constexpr int Width = 14;
    QString out = QStringLiteral("\nDay              ");
    for (const Goal& g : p.goals)
        out += padded(QStringLiteral("Goal %1").arg(g.number), Width);
    out += QStringLiteral("Job tomorrow\n");
    for (const CheckIn& c : w.checkIns()) {
        out += padded(day(c.date), 17);
        if (!c.didNotHappen.isEmpty()) {
            out += QStringLiteral("(did not happen: %1)\n").arg(notHeldText(c.didNotHappen));
            continue;
        }
        for (const Goal& g : p.goals) {
            const GradeMark* m = c.gradeFor(g.id);
            out += padded(m ? m->grade : QStringLiteral("-"), Width);
        }
        out += (c.jobTomorrow.isEmpty() ? QStringLiteral("-") : c.jobTomorrow) + QLatin1Char('\n');
    }
    return out;
}

} // namespace

int Cli::pip()
{
    const QString sub = m_args.value(0);
    const auto spec = pipSpecs().find(sub);
    if (spec == pipSpecs().end())
        return usageError(QStringLiteral("pip needs one of: plan, goal, extend, show, grade, checkin, shoutout, rebuttal, outcome, told."));
    for (const QString& name : m_parser.optionNames())
        if (!GlobalOptions.contains(name) && !spec->second.options.contains(name))
            return usageError(QStringLiteral("'pip %1' does not take --%2.").arg(sub, name));
    const qsizetype args = m_args.size() - 1;
    if (args < spec->second.minArgs || args > spec->second.maxArgs)
        return usageError(QStringLiteral("Wrong number of arguments for 'pip %1'.").arg(sub));

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    Journal& journal = (*vault)->journal();
    PipRecorder recorder(journal);
    if (sub == QLatin1String("plan"))
        return pipPlan(recorder);
    const PipWorkspace workspace = PipWorkspace::read(journal.entries());
    if (!workspace.hasPlan())
        return fail(notFound(QStringLiteral("There is no plan yet. Set it up first: papertrail-cli pip plan --start DATE --end DATE --goal TEXT...")));
    if (sub == QLatin1String("show"))
        return pipShow(workspace);
    if (sub == QLatin1String("extend"))
        return pipExtend(recorder, workspace);
    if (sub == QLatin1String("goal"))
        return pipGoal(recorder, workspace, journal);
    if (sub == QLatin1String("grade"))
        return pipGrade(recorder, workspace, journal);
    if (sub == QLatin1String("checkin"))
        return pipCheckIn(recorder, workspace);
    if (sub == QLatin1String("shoutout"))
        return pipShoutOut(recorder, workspace);
    if (sub == QLatin1String("rebuttal"))
        return pipRebuttal(recorder, workspace, journal);
    return pipEnd(recorder, workspace, sub);
}

int Cli::pipPlan(PipRecorder& recorder)
{
    Plan plan;
    plan.start = dayFrom(m_parser.value(QStringLiteral("start")));
    plan.end = dayFrom(m_parser.value(QStringLiteral("end")));
    if (!plan.start.isValid() || !plan.end.isValid())
        return usageError(QStringLiteral("pip plan needs --start and --end dates such as 2027-01-04."));
    plan.title = m_parser.isSet(QStringLiteral("title")) ? m_parser.value(QStringLiteral("title"))
                                                         : QStringLiteral("PIP of %1").arg(day(plan.start));
    plan.manager = m_parser.value(QStringLiteral("manager"));
    plan.hr = m_parser.value(QStringLiteral("hr"));
    plan.unionContact = m_parser.value(QStringLiteral("union"));
    plan.employee = m_parser.value(QStringLiteral("employee"));
    plan.areas = m_parser.values(QStringLiteral("area"));
    const QString scale = m_parser.value(QStringLiteral("scale"));
    if (scale.isEmpty() || scale == QLatin1String("met"))
        plan.scale = GradeScale::metPartlyNot();
    else if (scale == QLatin1String("1-5"))
        plan.scale = GradeScale::oneToFive();
    else if (scale.split(QLatin1Char(','), Qt::SkipEmptyParts).size() >= 2)
        plan.scale = GradeScale::fromList(scale.split(QLatin1Char(','), Qt::SkipEmptyParts));
    else
        return usageError(QStringLiteral("--scale is met, 1-5, or the plan's own grades best first, separated by commas."));
    if (m_parser.isSet(QStringLiteral("shoutouts-per-week"))) {
        bool ok = false;
        plan.shoutOutsPerWeek = m_parser.value(QStringLiteral("shoutouts-per-week")).toInt(&ok);
        if (!ok || plan.shoutOutsPerWeek < 0 || plan.shoutOutsPerWeek > 100)
            return usageError(QStringLiteral("--shoutouts-per-week needs a number from 0 to 100."));
    }
    for (const QString& text : m_parser.values(QStringLiteral("goal"))) {
        Goal g;
        g.text = text.trimmed();
        if (!g.text.isEmpty())
            plan.goals << g;
    }
    OpenedFiles opened;
    auto documents = openAttachments(m_parser.values(QStringLiteral("attach")), opened);
    if (!documents)
        return fail(documents.error());
    auto id = recorder.createPlan(plan, *documents);
    if (!id)
        return fail(id.error());
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("goals"), int(plan.goals.size())},
                              {QStringLiteral("working_days"), workingDaysBetween(plan.start, plan.end)}});
        return 0;
    }
    print(QStringLiteral("Plan %1 set up: %2 goals, %3 working days from %4 to %5.\n")
              .arg(*id)
              .arg(plan.goals.size())
              .arg(workingDaysBetween(plan.start, plan.end))
              .arg(day(plan.start), day(plan.end)));
    return 0;
}

int Cli::pipGoal(PipRecorder& recorder, const PipWorkspace& w, Journal& journal)
{
    // No GOAL: a new one (its words in --text); else that goal, with what is given changed.
    Goal goal;
    if (m_args.size() > 1) {
        const Goal* found = w.plan().findGoal(m_args.at(1));
        if (!found)
            return fail(notFound(QStringLiteral("No goal numbered or beginning with \"%1\": pip show lists them.").arg(m_args.at(1))));
        goal = *found;
    } else if (m_parser.value(QStringLiteral("text")).trimmed().isEmpty()) {
        return usageError(QStringLiteral("A new goal needs --text, its words in the plan."));
    }
    for (const auto& [option, target] : {std::pair{"text", &goal.text}, {"measured-by", &goal.measuredBy},
                                         {"decided-by", &goal.decidedBy}, {"smart", &goal.smart}, {"area", &goal.area}})
        if (m_parser.isSet(QLatin1String(option)))
            *target = m_parser.value(QLatin1String(option)).trimmed();
    for (const QString& link : m_parser.values(QStringLiteral("link"))) {
        auto target = journal.resolveId(link);
        if (!target)
            return fail(target.error());
        if (!goal.evidence.contains(*target))
            goal.evidence << *target;
    }
    Result<QString> id = goal.id;
    if (goal.id.isEmpty())
        id = recorder.addGoal(w.plan().id, goal);
    else if (Status saved = recorder.updateGoal(w.plan().id, goal); !saved)
        id = saved.error();
    if (!id)
        return fail(id.error());
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("evidence"), QJsonArray::fromStringList(goal.evidence)}});
    else
        print(m_args.size() > 1 ? QStringLiteral("Goal %1 saved.\n").arg(goal.number) : QStringLiteral("Goal added.\n"));
    return 0;
}

int Cli::pipExtend(PipRecorder& recorder, const PipWorkspace& w)
{
    Extension e;
    bool ok = false;
    e.days = m_parser.value(QStringLiteral("days")).toInt(&ok);
    if (!ok || e.days < 1 || e.days > MaxExtensionDays)
        return usageError(QStringLiteral("pip extend needs --days N, the working days added (1 to %1).").arg(MaxExtensionDays));
    e.reason = m_parser.isSet(QStringLiteral("reason")) ? m_parser.value(QStringLiteral("reason")) : QStringLiteral("other");
    if (!extensionReasons().contains(e.reason))
        return usageError(QStringLiteral("--reason is one of: %1.").arg(extensionReasons().join(QStringLiteral(", "))));
    e.note = m_parser.value(QStringLiteral("note"));
    e.agreedOn = m_parser.isSet(QStringLiteral("occurred")) ? dayFrom(m_parser.value(QStringLiteral("occurred"))) : QDate::currentDate();
    if (!e.agreedOn.isValid())
        return usageError(QStringLiteral("--occurred needs a date such as 2027-01-12."));
    auto id = recorder.extend(w.plan().id, e);
    if (!id)
        return fail(id.error());
    Plan after = w.plan();
    after.extensions << e;
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("effective_end"), dateText(after.effectiveEnd())}});
    else
        print(QStringLiteral("Extended by %1 working days: the plan now ends %2.\n").arg(e.days).arg(day(after.effectiveEnd())));
    return 0;
}

int Cli::pipShow(const PipWorkspace& w)
{
    const PlanStatus s = w.status(QDate::currentDate());
    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray checkIns, told, shoutOuts, weeks;
        for (const CheckIn& c : w.checkIns())
            checkIns.append(checkInJson(c, w.plan()));
        for (const ShoutOut& so : w.shoutOuts())
            shoutOuts.append(QJsonObject{{QStringLiteral("id"), so.id}, {QStringLiteral("from"), so.from},
                                         {QStringLiteral("where"), so.where}, {QStringLiteral("forwarded"), dateText(so.forwarded)}});
        for (const ShoutOutWeek& wk : w.shoutOutWeeks(QDate::currentDate()))
            weeks.append(QJsonObject{{QStringLiteral("monday"), dateText(wk.monday)}, {QStringLiteral("count"), wk.count},
                                     {QStringLiteral("planned"), wk.planned}});
        for (const Told& t : w.told())
            told.append(QJsonObject{{QStringLiteral("person"), t.person}, {QStringLiteral("how"), t.how}});
        QJsonObject status{{QStringLiteral("working_days_total"), s.workingDaysTotal},
                           {QStringLiteral("working_days_left"), s.workingDaysLeft},
                           {QStringLiteral("check_ins_held"), s.checkInsHeld},
                           {QStringLiteral("check_ins_not_held"), s.checkInsNotHeld},
                           {QStringLiteral("last_job_tomorrow"), s.lastJobTomorrow},
                           {QStringLiteral("result"), s.result},
                           {QStringLiteral("started"), s.started},
                           {QStringLiteral("ended"), s.ended}};
        printJson(QJsonObject{{QStringLiteral("plan"), planJson(w.plan())},
                              {QStringLiteral("status"), status},
                              {QStringLiteral("check_ins"), checkIns},
                              {QStringLiteral("shout_outs"), shoutOuts},
                              {QStringLiteral("shout_out_weeks"), weeks},
                              {QStringLiteral("rebuttal_points"), int(w.rebuttal().size())},
                              {QStringLiteral("told"), told}});
        return 0;
    }
    print(planText(w, s) + gridText(w));
    return 0;
}

int Cli::pipGrade(PipRecorder& recorder, const PipWorkspace& w, Journal& journal)
{
    const Goal* goal = w.plan().findGoal(m_args.at(1));
    if (!goal)
        return fail(notFound(QStringLiteral("No goal numbered or beginning with \"%1\": pip show lists them.").arg(m_args.at(1))));
    const QDate date = dayFrom(m_args.at(2));
    if (!date.isValid())
        return usageError(QStringLiteral("The date is a day such as 2027-01-04, or today."));
    GradeMark mark{goal->id, m_args.at(3).trimmed(), m_parser.value(QStringLiteral("comment")), m_parser.value(QStringLiteral("note")), {}};
    if (mark.grade.isEmpty())
        return usageError(QStringLiteral("Give the grade the manager gave, such as \"%1\".").arg(w.plan().scale.grades.value(0)));
    const QStringList attach = m_parser.values(QStringLiteral("attach"));
    if (attach.size() > 1)
        return usageError(QStringLiteral("A grade takes one screenshot (--attach FILE)."));
    if (!attach.isEmpty()) {
        // The screenshot becomes an entry of its own (its text recognised, byte for byte), linked.
        QFile file(attach.first());
        if (!file.open(QIODevice::ReadOnly))
            return fail(notFound(QStringLiteral("Could not open %1: %2.").arg(attach.first(), file.errorString())));
        if (file.size() > intake::MaxImageFileBytes)
            return usageError(QStringLiteral("%1 is too large to be a screenshot.").arg(attach.first()));
        auto recognizer = intake::TextRecognizer::create();
        if (!recognizer)
            warn(recognizer.error().message + QStringLiteral(" The screenshot is kept without its text."));
        intake::ImageImporter importer(journal, recognizer ? &*recognizer : nullptr);
        const QString title = QStringLiteral("Grade for goal %1, %2").arg(goal->number).arg(day(date));
        auto image = importer.import({file.readAll(), QFileInfo(file).fileName(), QFileInfo(file).lastModified(),
                                      recorder.occurredOn(date), title});
        if (!image)
            return fail(image.error());
        mark.screenshot = image->entryId;
    }
    auto id = recorder.grade(w, date, mark);
    if (!id)
        return fail(id.error());
    const QString canonical = w.plan().scale.canonical(mark.grade);
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("check_in"), *id}, {QStringLiteral("goal"), goal->number},
                              {QStringLiteral("grade"), canonical.isEmpty() ? mark.grade : canonical},
                              {QStringLiteral("on_scale"), !canonical.isEmpty()}, {QStringLiteral("screenshot"), mark.screenshot}});
        return 0;
    }
    print(QStringLiteral("Goal %1 on %2: %3%4\n")
              .arg(goal->number)
              .arg(day(date), canonical.isEmpty() ? mark.grade : canonical,
                   canonical.isEmpty() ? QStringLiteral(" (kept in the manager's words: not on the plan's scale)") : QString()));
    return 0;
}

int Cli::pipCheckIn(PipRecorder& recorder, const PipWorkspace& w)
{
    const QDate date = dayFrom(m_args.at(1));
    if (!date.isValid())
        return usageError(QStringLiteral("The date is a day such as 2027-01-04, or today."));
    const bool notHeld = m_parser.isSet(QStringLiteral("did-not-happen"));
    const QString job = m_parser.value(QStringLiteral("job-tomorrow"));
    if (notHeld == m_parser.isSet(QStringLiteral("job-tomorrow")))
        return usageError(QStringLiteral("pip checkin needs --job-tomorrow yes|no|unsure, or --did-not-happen."));
    CheckIn c;
    if (const CheckIn* existing = w.checkInOn(date))
        c = *existing;
    c.date = date;
    if (m_parser.isSet(QStringLiteral("note")))
        c.note = m_parser.value(QStringLiteral("note"));
    if (notHeld) {
        c.didNotHappen = m_parser.isSet(QStringLiteral("reason")) ? m_parser.value(QStringLiteral("reason")) : QStringLiteral("cancelled");
        if (!notHeldReasons().contains(c.didNotHappen))
            return usageError(QStringLiteral("--reason is one of: %1.").arg(notHeldReasons().join(QStringLiteral(", "))));
        c.jobTomorrow.clear();
        c.jobTomorrowWords.clear();
    } else {
        if (job != QLatin1String(JobYes) && job != QLatin1String(JobNo) && job != QLatin1String(JobUnsure))
            return usageError(QStringLiteral("--job-tomorrow is yes, no or unsure (the manager would not say)."));
        c.jobTomorrow = job;
        c.jobTomorrowWords = m_parser.value(QStringLiteral("words"));
        c.didNotHappen.clear();
    }
    auto id = recorder.saveCheckIn(w, c);
    if (!id)
        return fail(id.error());
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("date"), dateText(date)}});
    else if (notHeld)
        print(QStringLiteral("Recorded: the check-in of %1 did not happen (%2).\n").arg(day(date), notHeldText(c.didNotHappen)));
    else
        print(QStringLiteral("Check-in of %1 saved.\n").arg(day(date)));
    return 0;
}

int Cli::pipShoutOut(PipRecorder& recorder, const PipWorkspace& w)
{
    ShoutOut s;
    s.from = m_parser.value(QStringLiteral("from")).trimmed();
    if (s.from.isEmpty())
        return usageError(QStringLiteral("pip shoutout needs --from NAME, who gave it."));
    s.where = m_parser.value(QStringLiteral("where"));
    s.text = m_parser.value(QStringLiteral("body"));
    s.occurredAt = m_parser.isSet(QStringLiteral("occurred")) ? parseWhen(m_parser.value(QStringLiteral("occurred")), false)
                                                              : QDateTime::currentDateTime();
    if (!s.occurredAt.isValid())
        return usageError(QStringLiteral("--occurred needs a date or time such as 2027-01-12T15:04."));
    OpenedFiles opened;
    auto files = openAttachments(m_parser.values(QStringLiteral("attach")), opened);
    if (!files)
        return fail(files.error());
    s.files = int(files->size());
    auto id = recorder.addShoutOut(w.plan().id, s, *files);
    if (!id)
        return fail(id.error());
    const MailDraft draft = composeShoutOutForward(w.plan(), s);
    const QStringList to = managerAddress(w.plan()).isEmpty() ? QStringList{} : QStringList{managerAddress(w.plan())};
    const QString mailto = QString::fromUtf8(draft.mailtoUrl(to).toEncoded());
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("subject"), draft.subject},
                              {QStringLiteral("body"), draft.body}, {QStringLiteral("mailto"), mailto}});
        return 0;
    }
    print(QStringLiteral("Shout-out from %1 saved. Forward it to your manager as a reply in \"%2\":\n%3\n")
              .arg(s.from, draft.subject, mailto));
    return 0;
}

int Cli::pipRebuttal(PipRecorder& recorder, const PipWorkspace& w, Journal& journal)
{
    const bool writesPoint = m_parser.isSet(QStringLiteral("area")) || m_parser.isSet(QStringLiteral("claim"));
    if (writesPoint) {
        if (m_parser.isSet(QStringLiteral("area")) && m_parser.isSet(QStringLiteral("claim")))
            return usageError(QStringLiteral("A rebuttal point answers a problem area (--area) or corrects a claim (--claim), not both."));
        RebuttalPoint p;
        p.area = m_parser.value(QStringLiteral("area")).trimmed();
        p.claim = m_parser.value(QStringLiteral("claim")).trimmed();
        // The area's point already written is updated with what is given.
        for (const RebuttalPoint& existing : w.rebuttal())
            if ((!p.area.isEmpty() && existing.area == p.area && !existing.isClaim()) || (!p.claim.isEmpty() && existing.claim == p.claim))
                p = existing;
        for (const auto& [option, target] : {std::pair{"steps", &p.steps}, {"results", &p.results}, {"unclear", &p.unclear},
                                             {"question", &p.question}, {"facts", &p.facts}})
            if (m_parser.isSet(QLatin1String(option)))
                *target = m_parser.value(QLatin1String(option));
        for (const QString& link : m_parser.values(QStringLiteral("link"))) {
            auto target = journal.resolveId(link);
            if (!target)
                return fail(target.error());
            if (!p.evidence.contains(*target))
                p.evidence << *target;
        }
        auto id = recorder.saveRebuttalPoint(w.plan().id, p);
        if (!id)
            return fail(id.error());
        if (!m_parser.isSet(QStringLiteral("out"))) {
            if (m_parser.isSet(QStringLiteral("json")))
                printJson(QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("links"), QJsonArray::fromStringList(p.evidence)}});
            else
                print(QStringLiteral("Rebuttal point saved (%1 linked records). pip rebuttal shows the draft.\n").arg(p.evidence.size()));
            return 0;
        }
    }
    const PipWorkspace now = writesPoint ? PipWorkspace::read(journal.entries(), w.plan().id) : w;
    QHash<QString, EntryRevision> byId;
    for (const Entry& e : journal.entries())
        byId.insert(e.latest.entryId, e.latest);
    const RebuttalText text = composeRebuttal(now, byId);
    const QString document = QStringLiteral("Subject: %1\n\n%2").arg(text.subject, text.body);
    if (m_parser.isSet(QStringLiteral("out"))) {
        const QString path = m_parser.value(QStringLiteral("out"));
        QFile out(path);
        if (out.exists())
            return fail(usage(QStringLiteral("%1 exists; it is left as it is. Choose another name.").arg(path)));
        if (!out.open(QIODevice::NewOnly | QIODevice::WriteOnly) || out.write(document.toUtf8()) != document.toUtf8().size() ||
            !out.flush()) {
            out.remove();
            return fail(failed(QStringLiteral("Could not write %1: %2.").arg(path, out.errorString())));
        }
        print(QStringLiteral("The draft response is in %1: read it, edit it, and send it from your own mail.\n").arg(path));
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("subject"), text.subject}, {QStringLiteral("body"), text.body}});
    else
        print(document);
    return 0;
}

int Cli::pipEnd(PipRecorder& recorder, const PipWorkspace& w, const QString& sub)
{
    const QDateTime when = m_parser.isSet(QStringLiteral("occurred")) ? parseWhen(m_parser.value(QStringLiteral("occurred")), false)
                                                                      : QDateTime::currentDateTime();
    if (!when.isValid())
        return usageError(QStringLiteral("--occurred needs a date or time such as 2027-02-16T16:00."));
    Result<QString> id = QString();
    if (sub == QLatin1String("outcome")) {
        Outcome o;
        o.result = m_args.at(1).trimmed().toLower();
        if (!outcomeResults().contains(o.result))
            return usageError(QStringLiteral("The outcome is one of: %1.").arg(outcomeResults().join(QStringLiteral(", "))));
        o.words = m_parser.value(QStringLiteral("note"));
        o.occurredAt = when;
        id = recorder.recordOutcome(w.plan().id, o);
    } else {
        Told t;
        t.person = m_args.at(1).trimmed();
        t.how = m_parser.value(QStringLiteral("how"));
        t.what = m_parser.value(QStringLiteral("note"));
        t.occurredAt = when;
        id = recorder.addTold(w.plan().id, t);
    }
    if (!id)
        return fail(id.error());
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("id"), *id}});
    else
        print(sub == QLatin1String("outcome") ? QStringLiteral("Outcome recorded.\n") : QStringLiteral("Recorded who was told.\n"));
    return 0;
}

} // namespace pt::cli
