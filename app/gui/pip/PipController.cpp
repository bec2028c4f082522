#include "PipController.h"

#include "AttachmentFiles.h"
#include "EntryChoices.h"
#include "PastedImage.h"
#include "VaultController.h"
#include "intake/ImageImporter.h"
#include "intake/ImageLimits.h"
#include "pip/GradeGrid.h"
#include "pip/PipKinds.h"
#include "pip/PipRecorder.h"
#include "pip/RebuttalDraft.h"
#include "pip/ShoutOutForward.h"
#include "pip/WorkingDays.h"
#include "vault/EntryLinks.h"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>

namespace pt::gui {

using namespace core::pip;

namespace {

// How many entries the people, incident and evidence lists show.
constexpr int MaxListed = 500;

QStringList lines(const QString& text)
{
    QStringList list;
    for (const QString& line : text.split(QRegularExpression(QStringLiteral("[\\n]"))))
        if (!line.trimmed().isEmpty())
            list << line.trimmed();
    return list;
}

// The files a dialog picked (file URLs), as paths.
QStringList localPaths(const QVariantList& urls)
{
    QStringList paths;
    for (const QVariant& v : urls)
        paths << (v.toUrl().isLocalFile() ? v.toUrl().toLocalFile() : v.toString());
    return paths;
}

QString scaleText(const GradeScale& scale)
{
    if (scale.grades == GradeScale::metPartlyNot().grades)
        return QStringLiteral("met");
    if (scale.grades == GradeScale::oneToFive().grades)
        return QStringLiteral("1-5");
    return scale.grades.join(QStringLiteral(", "));
}

} // namespace

PipController::PipController(QObject* parent) : QObject(parent), m_reminders(new ReminderScheduler(this)) {}

void PipController::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &VaultController::journalChanged, this, &PipController::refresh);
        connect(m_controller, &VaultController::locked, this, &PipController::clear);
    }
    emit controllerChanged();
    refresh();
}

void PipController::setToday(const QDate& day)
{
    m_fixedToday = day;
    refresh();
}

core::Journal* PipController::journal() const
{
    core::Vault* vault = m_controller ? m_controller->vault() : nullptr;
    return vault ? &vault->journal() : nullptr;
}

void PipController::setError(const QString& message)
{
    m_error = message;
    m_statusMessage.clear();
    emit messageChanged();
}

bool PipController::done(const core::Status& status, const QString& message)
{
    if (!status) {
        setError(status.error().message);
        return false;
    }
    m_error.clear();
    m_statusMessage = message;
    emit messageChanged();
    if (m_controller)
        m_controller->notifyJournalChanged(); // the timeline, search and this tab read it again
    return true;
}

void PipController::clear()
{
    m_workspace = {};
    m_plan.clear();
    m_status.clear();
    for (QVariantList* list : {&m_goals, &m_extensions, &m_days, &m_shoutOuts, &m_shoutOutWeeks, &m_rebuttalPoints,
                               &m_incidents, &m_meetings, &m_people, &m_told})
        list->clear();
    m_rebuttalSubject.clear();
    m_rebuttalText.clear();
    m_outcome.clear();
    m_error.clear();
    m_statusMessage.clear();
    emit changed();
    emit messageChanged();
}

void PipController::refresh()
{
    core::Journal* j = journal();
    if (!j) {
        clear();
        return;
    }
    m_today = m_fixedToday.isValid() ? m_fixedToday : QDate::currentDate();
    const QList<core::Entry> entries = j->entries();
    m_workspace = PipWorkspace::read(entries);
    m_reminders->setWorkspace(m_workspace); // it keeps the times, not the words
    QHash<QString, core::EntryRevision> byId;
    for (const core::Entry& e : entries)
        if (!e.deleted)
            byId.insert(e.latest.entryId, e.latest);

    const auto rows = [&byId](const QStringList& ids) {
        QVariantList list;
        for (const QString& id : ids)
            if (byId.contains(id))
                list << entryRow(byId.value(id));
        return list;
    };
    const core::LinkIndex links(entries);
    m_people.clear();
    for (const QString& name : links.people())
        m_people << QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("count"), int(links.entriesNaming(name).size())}};

    m_incidents.clear();
    for (const QString& id : m_workspace.incidents())
        if (byId.contains(id))
            m_incidents.prepend(entryRow(byId.value(id)));

    if (!m_workspace.hasPlan()) {
        m_plan.clear();
        m_status.clear();
        for (QVariantList* list : {&m_goals, &m_extensions, &m_days, &m_shoutOuts, &m_shoutOutWeeks, &m_rebuttalPoints,
                                   &m_meetings, &m_told})
            list->clear();
        m_rebuttalSubject.clear();
        m_rebuttalText.clear();
        m_outcome.clear();
        emit changed();
        return;
    }
    const Plan& p = m_workspace.plan();
    m_plan = {{QStringLiteral("id"), p.id},
              {QStringLiteral("title"), p.title},
              {QStringLiteral("start"), dateText(p.start)},
              {QStringLiteral("end"), dateText(p.end)},
              {QStringLiteral("effectiveEnd"), dateText(p.effectiveEnd())},
              {QStringLiteral("manager"), p.manager},
              {QStringLiteral("hr"), p.hr},
              {QStringLiteral("union"), p.unionContact},
              {QStringLiteral("employee"), p.employee},
              {QStringLiteral("areas"), p.areas.join(QLatin1Char('\n'))},
              {QStringLiteral("areaList"), p.areas},
              {QStringLiteral("scale"), scaleText(p.scale)},
              {QStringLiteral("grades"), p.scale.grades},
              {QStringLiteral("shoutOutsPerWeek"), p.shoutOutsPerWeek},
              {QStringLiteral("notes"), p.notes},
              {QStringLiteral("checkInReminder"), p.reminders.checkIn ? p.reminders.checkIn->toString(QStringLiteral("HH:mm")) : QString()},
              {QStringLiteral("oneOnOneDay"), p.reminders.oneOnOneDay},
              {QStringLiteral("oneOnOneTime"), p.reminders.oneOnOneTime.toString(QStringLiteral("HH:mm"))},
              {QStringLiteral("endReminder"), p.reminders.endDate}};

    const PlanStatus s = m_workspace.status(m_today);
    m_status = {{QStringLiteral("daysLeft"), s.workingDaysLeft},
                {QStringLiteral("daysTotal"), s.workingDaysTotal},
                {QStringLiteral("dayNumber"), s.started ? workingDaysBetween(p.start, std::min(m_today, p.effectiveEnd())) : 0},
                {QStringLiteral("held"), s.checkInsHeld},
                {QStringLiteral("notHeld"), s.checkInsNotHeld},
                {QStringLiteral("lastJobTomorrow"), s.lastJobTomorrow},
                {QStringLiteral("result"), s.result},
                {QStringLiteral("started"), s.started},
                {QStringLiteral("ended"), s.ended},
                {QStringLiteral("extendedBy"), p.extendedBy()},
                {QStringLiteral("checkedInToday"), m_workspace.checkInOn(m_today) != nullptr}};

    const GradeGrid grid = GradeGrid::of(m_workspace);
    m_goals.clear();
    for (qsizetype g = 0; g < grid.goals.size(); ++g) {
        const Goal& goal = grid.goals.at(g);
        QVariantList trend;
        for (const TrendPoint& t : grid.trend(g))
            trend << t.score;
        m_goals << QVariantMap{{QStringLiteral("id"), goal.id},
                               {QStringLiteral("number"), goal.number},
                               {QStringLiteral("text"), goal.text},
                               {QStringLiteral("measuredBy"), goal.measuredBy},
                               {QStringLiteral("decidedBy"), goal.decidedBy},
                               {QStringLiteral("smart"), goal.smart},
                               {QStringLiteral("area"), goal.area},
                               {QStringLiteral("notes"), goal.notes},
                               {QStringLiteral("evidence"), rows(goal.evidence)},
                               {QStringLiteral("graded"), grid.gradedCount(g)},
                               {QStringLiteral("mean"), grid.meanScore(g).value_or(-1.0)},
                               {QStringLiteral("trend"), trend}};
    }
    m_days.clear();
    for (qsizetype d = 0; d < grid.days.size(); ++d) {
        const QDate day = grid.days.at(d);
        const CheckIn* c = m_workspace.checkInOn(day);
        QVariantList cells;
        for (qsizetype g = 0; g < grid.rows.size(); ++g) {
            const GridCell& cell = grid.rows.at(g).at(d);
            cells << QVariantMap{{QStringLiteral("grade"), cell.grade},
                                 {QStringLiteral("score"), cell.score.value_or(-1.0)},
                                 {QStringLiteral("comment"), cell.comment}};
        }
        m_days << QVariantMap{{QStringLiteral("date"), dateText(day)},
                              {QStringLiteral("label"), QLocale().toString(day, QStringLiteral("ddd d MMM"))},
                              {QStringLiteral("today"), day == m_today},
                              {QStringLiteral("future"), day > m_today},
                              {QStringLiteral("notHeld"), c ? c->didNotHappen : QString()},
                              {QStringLiteral("job"), c ? c->jobTomorrow : QString()},
                              {QStringLiteral("cells"), cells}};
    }

    m_extensions.clear();
    for (const Extension& e : p.extensions)
        m_extensions << QVariantMap{{QStringLiteral("id"), e.id},
                                    {QStringLiteral("day"), dateText(e.agreedOn)},
                                    {QStringLiteral("days"), e.days},
                                    {QStringLiteral("reason"), extensionReasonText(e.reason)},
                                    {QStringLiteral("note"), e.note}};
    m_shoutOuts.clear();
    for (const ShoutOut& so : m_workspace.shoutOuts())
        m_shoutOuts.prepend(QVariantMap{{QStringLiteral("id"), so.id},
                                        {QStringLiteral("from"), so.from},
                                        {QStringLiteral("where"), so.where},
                                        {QStringLiteral("text"), so.text},
                                        {QStringLiteral("when"), so.occurredAt.toLocalTime()},
                                        {QStringLiteral("forwarded"), dateText(so.forwarded)},
                                        {QStringLiteral("files"), so.files}});
    m_shoutOutWeeks.clear();
    for (const ShoutOutWeek& w : m_workspace.shoutOutWeeks(m_today))
        m_shoutOutWeeks << QVariantMap{{QStringLiteral("monday"), dateText(w.monday)},
                                       {QStringLiteral("label"), QLocale().toString(w.monday, QStringLiteral("d MMM"))},
                                       {QStringLiteral("count"), w.count},
                                       {QStringLiteral("planned"), w.planned}};
    m_rebuttalPoints.clear();
    for (const RebuttalPoint& r : m_workspace.rebuttal()) {
        const QVariantList evidence = rows(r.evidence);
        m_rebuttalPoints << QVariantMap{{QStringLiteral("id"), r.id},       {QStringLiteral("area"), r.area},
                                        {QStringLiteral("steps"), r.steps}, {QStringLiteral("results"), r.results},
                                        {QStringLiteral("unclear"), r.unclear}, {QStringLiteral("question"), r.question},
                                        {QStringLiteral("claim"), r.claim}, {QStringLiteral("facts"), r.facts},
                                        {QStringLiteral("evidence"), evidence}};
    }
    const RebuttalText text = composeRebuttal(m_workspace, byId);
    m_rebuttalSubject = text.subject;
    m_rebuttalText = text.body;
    m_meetings.clear();
    for (const QString& id : m_workspace.meetings())
        if (byId.contains(id))
            m_meetings.prepend(entryRow(byId.value(id)));
    m_told.clear();
    for (const Told& t : m_workspace.told())
        m_told << QVariantMap{{QStringLiteral("id"), t.id}, {QStringLiteral("person"), t.person}, {QStringLiteral("how"), t.how},
                              {QStringLiteral("what"), t.what}, {QStringLiteral("when"), t.occurredAt.toLocalTime()}};
    m_outcome = m_workspace.outcome() ? m_workspace.outcome()->result : QString();
    emit changed();
}

Plan PipController::planFromForm(const QVariantMap& f, Plan p, QString* problem) const
{
    const auto text = [&f](const char* key) { return f.value(QLatin1String(key)).toString().trimmed(); };
    p.title = text("title");
    p.start = dateFrom(text("start"));
    p.end = dateFrom(text("end"));
    p.manager = text("manager");
    p.hr = text("hr");
    p.unionContact = text("union");
    p.employee = text("employee");
    p.notes = f.value(QStringLiteral("notes")).toString();
    p.areas = lines(text("areas"));
    const QString scale = text("scale");
    if (scale.isEmpty() || scale == QLatin1String("met"))
        p.scale = GradeScale::metPartlyNot();
    else if (scale == QLatin1String("1-5"))
        p.scale = GradeScale::oneToFive();
    else
        p.scale = GradeScale::fromList(scale.split(QLatin1Char(','), Qt::SkipEmptyParts));
    p.shoutOutsPerWeek = std::clamp(f.value(QStringLiteral("shoutOutsPerWeek")).toInt(), 0, 100);
    const QTime checkIn = QTime::fromString(text("checkInReminder"), QStringLiteral("HH:mm"));
    p.reminders.checkIn = checkIn.isValid() ? std::optional<QTime>(checkIn) : std::nullopt;
    p.reminders.oneOnOneDay = std::clamp(f.value(QStringLiteral("oneOnOneDay")).toInt(), 0, 7);
    p.reminders.oneOnOneTime = QTime::fromString(text("oneOnOneTime"), QStringLiteral("HH:mm"));
    if (!p.reminders.oneOnOneTime.isValid())
        p.reminders.oneOnOneDay = 0;
    p.reminders.endDate = f.value(QStringLiteral("endReminder"), true).toBool();
    if (!p.start.isValid() || !p.end.isValid())
        *problem = tr("Give the day the plan starts and the day it ends.");
    else if (p.end < p.start)
        *problem = tr("The plan ends before it starts: check the dates.");
    if (p.title.isEmpty())
        p.title = tr("PIP from %1").arg(p.manager.isEmpty() ? QLocale().toString(p.start, QLocale::ShortFormat) : managerName(p));
    return p;
}

bool PipController::createPlan(const QVariantMap& form)
{
    core::Journal* j = journal();
    if (!j)
        return false;
    QString problem;
    Plan plan = planFromForm(form, {}, &problem);
    if (!problem.isEmpty()) {
        setError(problem);
        return false;
    }
    for (const QString& line : lines(form.value(QStringLiteral("goals")).toString())) {
        Goal g;
        g.text = line;
        plan.goals << g;
    }
    // The PIP document itself, byte for byte.
    core::OpenedFiles opened;
    auto documents = core::openAttachments(localPaths(form.value(QStringLiteral("documents")).toList()), opened);
    if (!documents) {
        setError(documents.error().message);
        return false;
    }
    auto id = PipRecorder(*j).createPlan(plan, *documents);
    if (!id) {
        setError(id.error().message);
        return false;
    }
    return done(core::Ok{}, tr("Plan saved: %n working days, %1 goals.", nullptr, workingDaysBetween(plan.start, plan.end))
                                .arg(plan.goals.size()));
}

bool PipController::updatePlan(const QVariantMap& form)
{
    core::Journal* j = journal();
    if (!j || !hasPlan())
        return false;
    QString problem;
    const Plan plan = planFromForm(form, m_workspace.plan(), &problem);
    if (!problem.isEmpty()) {
        setError(problem);
        return false;
    }
    return done(PipRecorder(*j).updatePlan(plan), tr("Plan saved."));
}

bool PipController::saveGoal(const QVariantMap& f)
{
    core::Journal* j = journal();
    if (!j || !hasPlan())
        return false;
    Goal g;
    g.id = f.value(QStringLiteral("id")).toString();
    if (const Goal* existing = m_workspace.plan().goal(g.id))
        g = *existing;
    g.text = f.value(QStringLiteral("text")).toString().trimmed();
    g.measuredBy = f.value(QStringLiteral("measuredBy")).toString().trimmed();
    g.decidedBy = f.value(QStringLiteral("decidedBy")).toString().trimmed();
    g.smart = f.value(QStringLiteral("smart")).toString().trimmed();
    g.area = f.value(QStringLiteral("area")).toString().trimmed();
    g.notes = f.value(QStringLiteral("notes")).toString();
    if (f.contains(QStringLiteral("evidence"))) {
        g.evidence.clear();
        for (const QVariant& v : f.value(QStringLiteral("evidence")).toList())
            g.evidence << (v.canConvert<QVariantMap>() ? v.toMap().value(QStringLiteral("id")).toString() : v.toString());
    }
    if (g.text.isEmpty()) {
        setError(tr("Write what the goal says, in the plan's words."));
        return false;
    }
    PipRecorder recorder(*j);
    if (g.id.isEmpty()) {
        auto id = recorder.addGoal(m_workspace.plan().id, g);
        return done(id ? core::Status(core::Ok{}) : core::Status(id.error()), tr("Goal added."));
    }
    return done(recorder.updateGoal(m_workspace.plan().id, g), tr("Goal saved."));
}

bool PipController::extend(int days, const QString& reason, const QString& note, const QString& agreedOn)
{
    core::Journal* j = journal();
    if (!j || !hasPlan())
        return false;
    if (days < 1 || days > MaxExtensionDays) {
        setError(tr("An extension adds 1 to %1 working days.").arg(MaxExtensionDays));
        return false;
    }
    Extension e;
    e.days = days;
    e.reason = extensionReasons().contains(reason) ? reason : QStringLiteral("other");
    e.note = note.trimmed();
    e.agreedOn = dateFrom(agreedOn).isValid() ? dateFrom(agreedOn) : m_today;
    auto id = PipRecorder(*j).extend(m_workspace.plan().id, e);
    if (!id) {
        setError(id.error().message);
        return false;
    }
    Plan after = m_workspace.plan();
    after.extensions << e;
    return done(core::Ok{}, tr("Extended: the plan now ends %1.").arg(QLocale().toString(after.effectiveEnd(), QLocale::LongFormat)));
}

QVariantMap PipController::checkInFor(const QString& day) const
{
    const QDate date = dateFrom(day);
    QVariantMap form{{QStringLiteral("date"), dateText(date)}, {QStringLiteral("exists"), false}};
    QVariantMap grades;
    if (const CheckIn* c = m_workspace.checkInOn(date)) {
        form.insert(QStringLiteral("exists"), true);
        form.insert(QStringLiteral("jobTomorrow"), c->jobTomorrow);
        form.insert(QStringLiteral("words"), c->jobTomorrowWords);
        form.insert(QStringLiteral("didNotHappen"), c->didNotHappen);
        form.insert(QStringLiteral("note"), c->note);
        const core::Journal* j = journal();
        for (const GradeMark& m : c->grades) {
            QString shot;
            if (j && !m.screenshot.isEmpty())
                if (auto e = j->entry(m.screenshot))
                    shot = entryTitle(e->latest);
            grades.insert(m.goal, QVariantMap{{QStringLiteral("grade"), m.grade},
                                              {QStringLiteral("comment"), m.comment},
                                              {QStringLiteral("note"), m.note},
                                              {QStringLiteral("screenshot"), m.screenshot},
                                              {QStringLiteral("screenshotTitle"), shot}});
        }
    }
    form.insert(QStringLiteral("grades"), grades);
    return form;
}

bool PipController::saveCheckIn(const QVariantMap& form)
{
    core::Journal* j = journal();
    if (!j || !hasPlan())
        return false;
    CheckIn c;
    c.date = dateFrom(form.value(QStringLiteral("date")).toString());
    if (!c.date.isValid()) {
        setError(tr("Choose the day of the check-in."));
        return false;
    }
    if (const CheckIn* existing = m_workspace.checkInOn(c.date))
        c = *existing; // its id, time and other device's grades stay
    c.didNotHappen = form.value(QStringLiteral("didNotHappen")).toString();
    if (!c.didNotHappen.isEmpty() && !notHeldReasons().contains(c.didNotHappen))
        c.didNotHappen = QStringLiteral("other");
    c.note = form.value(QStringLiteral("note")).toString();
    if (c.didNotHappen.isEmpty()) {
        c.jobTomorrow = form.value(QStringLiteral("jobTomorrow")).toString();
        c.jobTomorrowWords = form.value(QStringLiteral("words")).toString().trimmed();
        const QVariantMap grades = form.value(QStringLiteral("grades")).toMap();
        QList<GradeMark> marks;
        for (const Goal& goal : m_workspace.plan().goals) {
            const QVariantMap g = grades.value(goal.id).toMap();
            GradeMark m{goal.id, g.value(QStringLiteral("grade")).toString().trimmed(), g.value(QStringLiteral("comment")).toString().trimmed(),
                        g.value(QStringLiteral("note")).toString().trimmed(), g.value(QStringLiteral("screenshot")).toString()};
            if (!m.grade.isEmpty() || !m.comment.isEmpty() || !m.note.isEmpty() || !m.screenshot.isEmpty())
                marks << m;
        }
        // Grades of goals the plan no longer lists stay as they were.
        for (const GradeMark& old : std::as_const(c.grades))
            if (!m_workspace.plan().goal(old.goal))
                marks << old;
        c.grades = marks;
    } else {
        c.jobTomorrow.clear();
        c.jobTomorrowWords.clear();
    }
    if (c.id.isEmpty() && c.didNotHappen.isEmpty() && c.grades.isEmpty() && c.jobTomorrow.isEmpty() && c.note.trimmed().isEmpty()) {
        setError(tr("Nothing to save yet: give a grade, the answer to the job question, or say the meeting did not happen."));
        return false;
    }
    auto id = PipRecorder(*j).saveCheckIn(m_workspace, c);
    if (!id) {
        setError(id.error().message);
        return false;
    }
    return done(core::Ok{}, c.didNotHappen.isEmpty() ? tr("Check-in saved.") : tr("Saved: the check-in did not happen (%1).").arg(notHeldText(c.didNotHappen)));
}

QString PipController::importImage(const QByteArray& bytes, const QString& name, const QDateTime& modified, const QString& day)
{
    core::Journal* j = journal();
    if (!j)
        return {};
    auto recognizer = core::intake::TextRecognizer::create();
    core::intake::ImageImporter importer(*j, recognizer ? &*recognizer : nullptr);
    const QDate date = dateFrom(day);
    const QDateTime when = date.isValid() && date != m_today ? QDateTime(date, QTime(12, 0)) : QDateTime::currentDateTime();
    auto image = importer.import({bytes, name, modified, when, tr("Grade screenshot, %1").arg(QLocale().toString(date, QLocale::ShortFormat))});
    if (!image) {
        setError(image.error().message);
        return {};
    }
    done(core::Ok{}, recognizer ? tr("Screenshot kept.") : tr("Screenshot kept, without its text: %1").arg(recognizer.error().message));
    return image->entryId;
}

QString PipController::importScreenshot(const QUrl& url, const QString& day)
{
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(tr("Could not open %1: %2.").arg(QFileInfo(path).fileName(), file.errorString()));
        return {};
    }
    if (file.size() > core::intake::MaxImageFileBytes) {
        setError(tr("%1 is too large to be a screenshot.").arg(QFileInfo(path).fileName()));
        return {};
    }
    return importImage(file.readAll(), QFileInfo(path).fileName(), QFileInfo(path).lastModified(), day);
}

QString PipController::pasteScreenshot(const QString& day)
{
    auto pasted = pastedImages(QGuiApplication::clipboard()->mimeData(), QDateTime::currentDateTime());
    if (!pasted || pasted->isEmpty()) {
        setError(pasted ? tr("There is no image on the clipboard.") : pasted.error().message);
        return {};
    }
    const PastedImage& image = pasted->first();
    if (image.source == PastedImage::Source::File)
        return importScreenshot(QUrl::fromLocalFile(image.path), day);
    return importImage(image.bytes, image.name, {}, day);
}

bool PipController::addShoutOut(const QVariantMap& form)
{
    core::Journal* j = journal();
    if (!j || !hasPlan())
        return false;
    ShoutOut s;
    s.from = form.value(QStringLiteral("from")).toString().trimmed();
    s.where = form.value(QStringLiteral("where")).toString().trimmed();
    s.text = form.value(QStringLiteral("text")).toString();
    s.occurredAt = form.value(QStringLiteral("when")).toDateTime();
    if (!s.occurredAt.isValid())
        s.occurredAt = QDateTime::currentDateTime();
    core::OpenedFiles opened;
    auto files = core::openAttachments(localPaths(form.value(QStringLiteral("files")).toList()), opened);
    if (!files) {
        setError(files.error().message);
        return false;
    }
    auto id = PipRecorder(*j).addShoutOut(m_workspace.plan().id, s, *files);
    if (!id) {
        setError(id.error().message);
        return false;
    }
    return done(core::Ok{}, tr("Shout-out saved. Forward it to your manager so it is on their record too."));
}

QUrl PipController::forwardShoutOut(const QString& id)
{
    if (!hasPlan())
        return {};
    for (const ShoutOut& s : m_workspace.shoutOuts())
        if (s.id == id) {
            const core::MailDraft draft = composeShoutOutForward(m_workspace.plan(), s);
            QGuiApplication::clipboard()->setText(draft.subject + QStringLiteral("\n\n") + draft.body);
            const QString to = managerAddress(m_workspace.plan());
            return draft.mailtoUrl(to.isEmpty() ? QStringList{} : QStringList{to});
        }
    return {};
}

bool PipController::markForwarded(const QString& id)
{
    core::Journal* j = journal();
    if (!j)
        return false;
    return done(PipRecorder(*j).markForwarded(id, m_today), tr("Marked as forwarded."));
}

bool PipController::saveRebuttalPoint(const QVariantMap& f)
{
    core::Journal* j = journal();
    if (!j || !hasPlan())
        return false;
    RebuttalPoint p;
    p.id = f.value(QStringLiteral("id")).toString();
    const auto text = [&f](const char* key) { return f.value(QLatin1String(key)).toString().trimmed(); };
    p.area = text("area");
    p.steps = text("steps");
    p.results = text("results");
    p.unclear = text("unclear");
    p.question = text("question");
    p.claim = text("claim");
    p.facts = text("facts");
    for (const QVariant& v : f.value(QStringLiteral("evidence")).toList())
        p.evidence << (v.canConvert<QVariantMap>() ? v.toMap().value(QStringLiteral("id")).toString() : v.toString());
    if (p.area.isEmpty() && p.claim.isEmpty()) {
        setError(tr("Choose the problem area this answers, or write the claim it corrects."));
        return false;
    }
    auto id = PipRecorder(*j).saveRebuttalPoint(m_workspace.plan().id, p);
    if (!id) {
        setError(id.error().message);
        return false;
    }
    return done(core::Ok{}, tr("Saved to your response."));
}

void PipController::copyRebuttal()
{
    QGuiApplication::clipboard()->setText(m_rebuttalSubject + QStringLiteral("\n\n") + m_rebuttalText);
    m_statusMessage = tr("Copied. Paste it into an email or a document, read it through, and send it from your own account.");
    emit messageChanged();
}

bool PipController::saveRebuttalAs(const QUrl& url)
{
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    QFile file(path);
    const QByteArray text = (QStringLiteral("Subject: ") + m_rebuttalSubject + QStringLiteral("\n\n") + m_rebuttalText).toUtf8();
    // The file dialog asked before replacing a file: a file chosen is the person's to write.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size() || !file.flush()) {
        setError(tr("Could not write %1: %2. Choose another folder.").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    m_error.clear();
    m_statusMessage = tr("Saved as %1. It is a plain text copy, outside the encrypted journal.").arg(QFileInfo(path).fileName());
    emit messageChanged();
    return true;
}

bool PipController::recordOutcome(const QString& result, const QString& words)
{
    core::Journal* j = journal();
    if (!j || !hasPlan())
        return false;
    Outcome o;
    o.result = result;
    o.words = words;
    o.occurredAt = QDateTime::currentDateTime();
    if (!outcomeResults().contains(o.result)) {
        setError(tr("Choose how the plan ended."));
        return false;
    }
    auto id = PipRecorder(*j).recordOutcome(m_workspace.plan().id, o);
    return done(id ? core::Status(core::Ok{}) : core::Status(id.error()), tr("Outcome recorded. Tell colleagues, and note each here."));
}

bool PipController::addTold(const QString& person, const QString& how, const QString& what)
{
    core::Journal* j = journal();
    if (!j || !hasPlan())
        return false;
    if (person.trimmed().isEmpty()) {
        setError(tr("Write who you told."));
        return false;
    }
    Told t;
    t.person = person.trimmed();
    t.how = how.trimmed();
    t.what = what;
    t.occurredAt = QDateTime::currentDateTime();
    auto id = PipRecorder(*j).addTold(m_workspace.plan().id, t);
    return done(id ? core::Status(core::Ok{}) : core::Status(id.error()), tr("Noted: %1 was told.").arg(t.person));
}

QVariantList PipController::entriesNaming(const QString& person) const
{
    QVariantList list;
    const core::Journal* j = journal();
    if (!j)
        return list;
    const QList<core::Entry> entries = j->entries();
    const core::LinkIndex links(entries);
    for (const QString& id : links.entriesNaming(person)) {
        if (list.size() >= MaxListed)
            break;
        if (auto e = j->entry(id))
            list << entryRow(e->latest);
    }
    return list;
}

QVariantList PipController::evidenceCandidates(const QString& words, const QStringList& exclude) const
{
    const core::Journal* j = journal();
    if (!j)
        return {};
    return entryChoices(*j, words, exclude,
                        {QLatin1String(kind::Rebuttal), QLatin1String(kind::Goal), QLatin1String(kind::Plan)});
}

} // namespace pt::gui
