// papertrail-bench-pip: the PIP workspace's speed and memory on this machine, printed as one
// Markdown table (metric | measured | goal | ratio/notes). Progress goes to stderr.
//
//   papertrail-bench-pip [--days 260] [--entries 10000] [--runs 5]
//
// Two vaults of --entries realistic entries each (BenchVault: a tenth edited, cheap KDF, unlocked
// with the recovery key), written alike. Into the first go a plan of 3 goals running --days
// working days up to today, a check-in for every one of those days as the app saves it (3 grades
// and the job-tomorrow answer), a shout-out a week and 4 rebuttal points linking records. Then,
// each figure against what it builds on, in turns, medians of --runs:
//   - open + unlock of the vault with the plan against the one without it (same other entries);
//   - the PIP tab's read as PipController::refresh does it on every journal change
//     (Journal::entries(), the entries by id, PipWorkspace::read, GradeGrid::of, jobTomorrowStrip,
//     composeRebuttal) against Journal::entries() alone; and remindersBetween over the whole plan;
//   - the peak memory growth of that read against entries() alone (VmHWM reset before, over
//     VmRSS before, freed heap handed back first; highest of the runs);
//   - a day's check-in saved as the app saves it (one saveCheckIn) and the CLI's way (grade x3,
//     then checkin: 4 revisions), and setting up a plan (createPlan, 3 goals), each against one
//     plain note written with Journal::add into the same year-long journal.
// Goals: a check-in saved in under 50 ms; the tab read in under 100 ms at a year of working days
// and 10,000 other entries.
#include "BenchSupport.h"
#include "BenchVault.h"
#include "TextGen.h"
#include "support/PrivateTestRoot.h"
#include "support/ProcessMemory.h"

#include "crypto/Init.h"
#include "pip/GradeGrid.h"
#include "pip/PipRecorder.h"
#include "pip/PipWorkspace.h"
#include "pip/RebuttalDraft.h"
#include "pip/Reminders.h"
#include "pip/WorkingDays.h"
#include "vault/EntryLinks.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QHash>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstdio>

using namespace pt;
using namespace pt::bench;
using namespace pt::core;
using namespace pt::core::pip;

namespace {

QString g_root;

constexpr double CheckInGoalMs = 50;
constexpr double TabGoalMs = 100;

const char* const Grades[] = {"Met", "Partly met", "Not met"};

QString verdict(double measured, double goal)
{
    return measured <= goal ? QStringLiteral("met") : QStringLiteral("**not met**");
}

QString mib(qint64 kib) { return num(double(kib) / 1024.0, 1) + QStringLiteral(" MiB"); }

// Freed heap pages back to the system, as the app does after unlock, so that a measurement's
// growth is its own and not hidden in pages an earlier run freed.
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

std::unique_ptr<Vault> unlocked(const QString& dir, const BenchVault& written)
{
    auto vault = take(Vault::open(dir), "Vault::open");
    check(vault->unlockWithRecoveryKey(written.recoveryKey), "unlockWithRecoveryKey");
    return vault;
}

Plan benchPlan(const QDate& start, const QDate& end)
{
    Plan plan;
    plan.title = QStringLiteral("PIP from Dana Smith");
    plan.notes = QStringLiteral("Handed over in a 1:1 with HR present; I asked for the goals in writing.");
    plan.start = start;
    plan.end = end;
    plan.manager = QStringLiteral("Dana Smith <dana@example.com>");
    plan.hr = QStringLiteral("Robin Lee (HR)");
    plan.unionContact = QStringLiteral("Sam Ortiz, steward");
    plan.employee = QStringLiteral("Alex Doe");
    plan.areas = {QStringLiteral("Ticket response times"), QStringLiteral("Reporting")};
    plan.shoutOutsPerWeek = 3;
    plan.reminders.checkIn = QTime(17, 0);
    plan.reminders.oneOnOneDay = 2;
    plan.reminders.oneOnOneTime = QTime(10, 0);
    for (const char* text : {"Respond to every P1 ticket within 4 hours", "Deliver the monthly SSRS report",
                             "Document the permissions model"}) {
        Goal g;
        g.text = QString::fromLatin1(text);
        g.measuredBy = QStringLiteral("the ticket system's first-response time");
        g.decidedBy = QStringLiteral("Dana Smith");
        plan.goals << g;
    }
    plan.goals[0].area = plan.areas[0];
    plan.goals[1].area = plan.areas[1];
    return plan;
}

// A day's check-in as the app's form gives it: a grade and a comment per goal, the answer to
// "would I have a job tomorrow?" and a short note.
CheckIn dayCheckIn(const PipWorkspace& w, const QDate& day, int n, TextGen& gen)
{
    CheckIn c;
    c.date = day;
    for (const Goal& goal : w.plan().goals)
        c.grades << GradeMark{goal.id, QString::fromLatin1(Grades[(n + goal.number) % 3]), gen.text(40, 160), {}, {}};
    c.jobTomorrow = n % 4 == 0 ? QStringLiteral("unsure") : QStringLiteral("yes");
    c.jobTomorrowWords = n % 4 == 0 ? QStringLiteral("It's too early to say.") : QStringLiteral("Yes, if this continues.");
    c.note = gen.text(60, 300);
    return c;
}

EntryDraft plainNote(TextGen& gen)
{
    EntryDraft d;
    d.title = gen.title(3, 8);
    d.body = gen.text(100, 600);
    return d;
}

// The PIP tab's read, in the order PipController::refresh does it, timed part by part.
struct TabRead {
    double entries = 0, byId = 0, workspace = 0, grid = 0, strip = 0, rebuttal = 0;
    int checkIns = 0, gridDays = 0;
    qsizetype draftChars = 0;

    [[nodiscard]] double total() const { return entries + byId + workspace + grid + strip + rebuttal; }
};

TabRead readTab(const Journal& journal)
{
    TabRead t;
    auto start = SteadyClock::now();
    const QList<Entry> entries = journal.entries();
    t.entries = msSince(start);
    start = SteadyClock::now();
    QHash<QString, EntryRevision> byId;
    for (const Entry& e : entries)
        if (!e.deleted)
            byId.insert(e.latest.entryId, e.latest);
    t.byId = msSince(start);
    start = SteadyClock::now();
    const PipWorkspace w = PipWorkspace::read(entries);
    t.workspace = msSince(start);
    start = SteadyClock::now();
    const GradeGrid grid = GradeGrid::of(w);
    t.grid = msSince(start);
    start = SteadyClock::now();
    const QList<JobTomorrowDay> strip = jobTomorrowStrip(w);
    t.strip = msSince(start);
    start = SteadyClock::now();
    const RebuttalText draft = composeRebuttal(w, byId);
    t.rebuttal = msSince(start);
    t.checkIns = int(strip.size());
    t.gridDays = int(grid.days.size());
    t.draftChars = draft.body.size();
    return t;
}

// Peak growth in KiB of running `f`: VmHWM (reset before) over VmRSS before.
template <typename F>
qint64 peakGrowthKiB(F&& f)
{
    releaseFreedMemory();
    const qint64 before = procStatusKiB("VmRSS");
    test::resetPeakRss();
    f();
    return procStatusKiB("VmHWM") - before;
}

int run(QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the PIP workspace's reads and writes."));
    parser.addHelpOption();
    const QCommandLineOption daysOpt(QStringLiteral("days"), QStringLiteral("Working days of the plan (260, a year)."),
                                     QStringLiteral("N"), QStringLiteral("260"));
    const QCommandLineOption entriesOpt(QStringLiteral("entries"), QStringLiteral("Other journal entries (10000)."),
                                        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs of each; the median is reported (5)."),
                                     QStringLiteral("R"), QStringLiteral("5"));
    parser.addOptions({daysOpt, entriesOpt, runsOpt});
    parser.process(app);
    const int days = parser.value(daysOpt).toInt();
    const int others = parser.value(entriesOpt).toInt();
    const int runs = parser.value(runsOpt).toInt();
    if (days < 1 || others < 1 || runs < 1)
        die(QStringLiteral("--days, --entries and --runs need positive numbers"));
    if (!crypto::init())
        die(QStringLiteral("crypto self test failed"));

    // ----- setup: two vaults of the same other entries, the plan and its year in the first ------
    progress(QStringLiteral("writing %1 entries, twice").arg(others));
    const QString pipDir = g_root + QStringLiteral("/with-plan"), plainDir = g_root + QStringLiteral("/without-plan");
    const BenchVault pipWritten = populateVault(pipDir, others);
    const BenchVault plainWritten = populateVault(plainDir, others);

    // The plan's working days end today (or on the last working day before it).
    QDate end = QDate::currentDate();
    while (!isWorkingDay(end))
        end = end.addDays(-1);
    QDate start = end;
    for (int left = days - 1; left > 0;) {
        start = start.addDays(-1);
        if (isWorkingDay(start))
            --left;
    }
    const QList<QDate> planDays = workingDaysIn(start, end, days);

    progress(QStringLiteral("writing the plan and %1 days of check-ins").arg(days));
    TextGen gen(20260101);
    std::vector<double> setupSaves;
    QString planId;
    {
        auto vault = unlocked(pipDir, pipWritten);
        Journal& journal = vault->journal();
        const QList<Entry> records = journal.entries();
        PipRecorder recorder(journal);
        planId = take(recorder.createPlan(benchPlan(start, end)), "createPlan");
        // Each day is new, so the workspace read once holds all saveCheckIn looks at.
        const PipWorkspace w = PipWorkspace::read(journal.entries());
        QStringList checkInIds;
        for (int n = 0; n < planDays.size(); ++n) {
            const auto t = SteadyClock::now();
            checkInIds << take(recorder.saveCheckIn(w, dayCheckIn(w, planDays.at(n), n, gen)), "saveCheckIn");
            setupSaves.push_back(msSince(t));
            if (n % 5 == 4) {
                ShoutOut s;
                s.from = QStringLiteral("Jordan Park");
                s.where = QStringLiteral("Slack");
                s.text = gen.text(60, 240);
                s.occurredAt = QDateTime(planDays.at(n), QTime(15, 0));
                (void)take(recorder.addShoutOut(planId, s), "addShoutOut");
            }
        }
        const auto evidence = [&](int k) {
            QStringList ids;
            for (int i = 0; i < 3; ++i) {
                ids << checkInIds.at((k * 7 + i * 13) % checkInIds.size());
                if (!records.isEmpty())
                    ids << records.at((k * 11 + i * 17) % records.size()).latest.entryId;
            }
            return ids;
        };
        for (int k = 0; k < 4; ++k) {
            RebuttalPoint p;
            if (k < 2) {
                p.area = benchPlan(start, end).areas.at(k);
                p.steps = gen.text(200, 600);
                p.results = gen.text(200, 600);
                p.question = gen.text(40, 120);
            } else {
                p.claim = gen.text(40, 120);
                p.facts = gen.text(200, 600);
            }
            p.evidence = evidence(k);
            (void)take(recorder.saveRebuttalPoint(planId, p), "saveRebuttalPoint");
        }
    }
    const qint64 rssBaseline = procStatusKiB("VmRSS");

    // ----- 5. unlock with and without the plan's entries, in turns -----------------------------
    std::vector<double> unlockPip, unlockPlain;
    int pipCount = 0, plainCount = 0;
    for (int r = 0; r <= runs; ++r) { // run 0 warms the page cache and is not counted
        progress(QStringLiteral("run %1 of %2: open + unlock").arg(r).arg(runs));
        auto t = SteadyClock::now();
        auto a = unlocked(pipDir, pipWritten);
        const double withPlan = msSince(t);
        pipCount = a->journal().count();
        a.reset();
        t = SteadyClock::now();
        auto b = unlocked(plainDir, plainWritten);
        const double without = msSince(t);
        plainCount = b->journal().count();
        b.reset();
        if (r > 0) {
            unlockPip.push_back(withPlan);
            unlockPlain.push_back(without);
        }
    }
    releaseFreedMemory();

    auto vault = unlocked(pipDir, pipWritten);
    Journal& journal = vault->journal();

    // ----- 6. peak memory of the tab's read against entries() alone, in turns ------------------
    qint64 tabGrowth = 0, entriesGrowth = 0;
    for (int r = 0; r < runs; ++r) {
        progress(QStringLiteral("run %1 of %2: memory").arg(r + 1).arg(runs));
        entriesGrowth = std::max(entriesGrowth, peakGrowthKiB([&] { (void)journal.entries(); }));
        tabGrowth = std::max(tabGrowth, peakGrowthKiB([&] { (void)readTab(journal); }));
    }

    // ----- 3. the tab's read against entries() alone; 4. reminders ----------------------------
    std::vector<double> tab, entriesAlone, parts[6], links, reminders;
    TabRead last;
    int reminderCount = 0;
    (void)readTab(journal); // warm-up
    for (int r = 0; r < runs; ++r) {
        progress(QStringLiteral("run %1 of %2: the PIP tab's read").arg(r + 1).arg(runs));
        auto t = SteadyClock::now();
        const QList<Entry> entries = journal.entries();
        entriesAlone.push_back(msSince(t));
        last = readTab(journal);
        tab.push_back(last.total());
        const double p[] = {last.entries, last.byId, last.workspace, last.grid, last.strip, last.rebuttal};
        for (int i = 0; i < 6; ++i)
            parts[i].push_back(p[i]);
        t = SteadyClock::now();
        const LinkIndex index(entries);
        links.push_back(msSince(t));
        const PipWorkspace w = PipWorkspace::read(entries);
        t = SteadyClock::now();
        reminderCount = int(remindersBetween(w, start.startOfDay().addSecs(-1), end.endOfDay()).size());
        reminders.push_back(msSince(t));
    }
    if (last.checkIns != days)
        die(QStringLiteral("the workspace read %1 check-ins of %2").arg(last.checkIns).arg(days));

    // ----- 2. a day's check-in, the app's way and the CLI's, against Journal::add --------------
    PipRecorder recorder(journal);
    const PipWorkspace held = PipWorkspace::read(journal.entries()); // what the tab holds
    std::vector<double> appSave, cliWrites, cliReads, plainAdd;
    QDate day = end;
    const auto nextDay = [&day] { return day = addWorkingDays(day, 1); };
    for (int r = 0; r < runs; ++r) {
        progress(QStringLiteral("run %1 of %2: saving check-ins").arg(r + 1).arg(runs));
        const CheckIn c = dayCheckIn(held, nextDay(), r, gen);
        auto t = SteadyClock::now();
        const QString id = take(recorder.saveCheckIn(held, c), "saveCheckIn");
        appSave.push_back(msSince(t));
        if (const auto h = take(journal.history(id), "history"); h.size() != 1)
            die(QStringLiteral("the app's check-in wrote %1 revisions").arg(h.size()));

        const EntryDraft note = plainNote(gen);
        t = SteadyClock::now();
        (void)take(journal.add(note), "Journal::add");
        plainAdd.push_back(msSince(t));

        // The CLI: `pip grade` three times, then `pip checkin`; each command reads the workspace.
        const QDate cliDay = nextDay();
        const CheckIn wanted = dayCheckIn(held, cliDay, r, gen);
        double writes = 0, reads = 0;
        QString cliId;
        for (qsizetype g = 0; g <= wanted.grades.size(); ++g) {
            t = SteadyClock::now();
            const PipWorkspace w = PipWorkspace::read(journal.entries());
            reads += msSince(t);
            t = SteadyClock::now();
            if (g < wanted.grades.size()) {
                cliId = take(recorder.grade(w, cliDay, wanted.grades.at(g)), "grade");
            } else {
                CheckIn answered = *w.checkInOn(cliDay);
                answered.jobTomorrow = wanted.jobTomorrow;
                answered.jobTomorrowWords = wanted.jobTomorrowWords;
                answered.note = wanted.note;
                cliId = take(recorder.saveCheckIn(w, answered), "saveCheckIn");
            }
            writes += msSince(t);
        }
        if (const auto h = take(journal.history(cliId), "history"); h.size() != 4)
            die(QStringLiteral("the CLI's check-in wrote %1 revisions, not 4").arg(h.size()));
        cliWrites.push_back(writes);
        cliReads.push_back(reads);

        const EntryDraft note2 = plainNote(gen);
        t = SteadyClock::now();
        (void)take(journal.add(note2), "Journal::add");
        plainAdd.push_back(msSince(t));
    }

    // ----- 1. setting up a plan against Journal::add -------------------------------------------
    std::vector<double> createPlanMs;
    for (int r = 0; r < runs; ++r) {
        progress(QStringLiteral("run %1 of %2: setting up a plan").arg(r + 1).arg(runs));
        const QDate earlier = start.addDays(-7 * (r + 10)); // older than the plan above
        auto t = SteadyClock::now();
        (void)take(recorder.createPlan(benchPlan(earlier, addWorkingDays(earlier, 29))), "createPlan");
        createPlanMs.push_back(msSince(t));
        const EntryDraft note = plainNote(gen);
        t = SteadyClock::now();
        (void)take(journal.add(note), "Journal::add");
        plainAdd.push_back(msSince(t));
    }

    const double addMs = median(plainAdd);
    const double planMs = median(createPlanMs), appMs = median(appSave), cliMs = median(cliWrites),
                 cliReadMs = median(cliReads) / 4.0;
    const double tabMs = median(tab), entriesMs = median(entriesAlone);
    const double pipUnlock = median(unlockPip), plainUnlock = median(unlockPlain);
    const int planEntries = pipCount - plainCount;

    std::printf("# Paper Trail PIP workspace benchmark\n\n");
    std::printf("- CPU: %s; load average: %s\n", qPrintable(cpuModel()), qPrintable(loadAverage()));
    std::printf("- Qt %s; vaults in %s (%s)\n", qVersion(), qPrintable(g_root), qPrintable(fsType(g_root)));
    std::printf("- a plan of 3 goals over %d working days (%s to %s), a check-in each day (3 grades, the job-tomorrow "
                "answer, a note), a shout-out a week and 4 rebuttal points: %d entries, besides %d other entries "
                "(%d edited); medians of %d runs; VmRSS %s after the setup\n\n",
                days, qPrintable(dateText(start)), qPrintable(dateText(end)), planEntries, others, pipWritten.edited, runs,
                qPrintable(mib(rssBaseline)));
    const QString medians = QStringLiteral("medians of %1").arg(runs);
    printTable({
        {QStringLiteral("setting up a plan (createPlan, 3 goals)"), num(planMs, 2) + QStringLiteral(" ms"), QStringLiteral("-"),
         QStringLiteral("**%1x** one plain note written with `Journal::add` (%2 ms): 4 entries in one batch; %3")
             .arg(num(planMs / addMs, 2), num(addMs, 2), medians)},
        {QStringLiteral("saving a day's check-in as the app does (3 grades + job tomorrow, one saveCheckIn)"),
         num(appMs, 2) + QStringLiteral(" ms"), QStringLiteral("under %1 ms").arg(CheckInGoalMs),
         QStringLiteral("%1; **%2x** one plain `Journal::add` (%3 ms); one revision, into a journal of %4 entries; "
                        "the setup's %5 saves: median %6 ms, p95 %7 ms; the tab then reads again (below)")
             .arg(verdict(appMs, CheckInGoalMs), num(appMs / addMs, 2), num(addMs, 2))
             .arg(pipCount)
             .arg(days)
             .arg(num(median(setupSaves), 2), num(percentile(setupSaves, 0.95), 2))},
        {QStringLiteral("the same the CLI's way (pip grade x3, then pip checkin: 4 revisions)"),
         num(cliMs, 2) + QStringLiteral(" ms"), QStringLiteral("-"),
         QStringLiteral("the 4 writes; **%1x** one plain `Journal::add`; each of the 4 commands also reads the "
                        "workspace first (%2 ms each here, after its own open + unlock)")
             .arg(num(cliMs / addMs, 2), num(cliReadMs, 1))},
        {QStringLiteral("reading the PIP tab, %1 days + %2 other entries").arg(days).arg(others),
         num(tabMs, 2) + QStringLiteral(" ms"), QStringLiteral("under %1 ms at 260 days + 10,000 entries").arg(TabGoalMs),
         QStringLiteral("%1; **%2x** `Journal::entries()` alone (%3 ms), which it includes. Parts: entries() %4, by id %5, "
                        "PipWorkspace::read %6, GradeGrid::of %7, jobTomorrowStrip %8, composeRebuttal %9 ms; "
                        "the app also builds a LinkIndex (%10 ms, not counted); %11")
             .arg(verdict(tabMs, TabGoalMs), num(tabMs / entriesMs, 2), num(entriesMs, 2), num(median(parts[0]), 2),
                  num(median(parts[1]), 2), num(median(parts[2]), 2), num(median(parts[3]), 2), num(median(parts[4]), 2),
                  num(median(parts[5]), 2))
             .arg(num(median(links), 2), medians)},
        {QStringLiteral("reminders over the whole plan (remindersBetween)"), num(median(reminders), 2) + QStringLiteral(" ms"),
         QStringLiteral("-"),
         QStringLiteral("%1 reminders over %2 calendar days (every day checked in: the weekly 1:1 and the end); %3")
             .arg(reminderCount)
             .arg(start.daysTo(end) + 1)
             .arg(medians)},
        {QStringLiteral("open + unlock with the plan's entries"), num(pipUnlock, 1) + QStringLiteral(" ms"), QStringLiteral("-"),
         QStringLiteral("**%1x** the same %2 other entries without them (%3 ms): %4 entries against %5; recovery key, "
                        "no Argon2id; %6")
             .arg(num(pipUnlock / plainUnlock, 2))
             .arg(others)
             .arg(num(plainUnlock, 1))
             .arg(pipCount)
             .arg(plainCount)
             .arg(medians)},
        {QStringLiteral("peak memory growth of reading the PIP tab"), mib(tabGrowth), QStringLiteral("-"),
         QStringLiteral("**%1x** `Journal::entries()` alone (%2); VmHWM (reset before) over VmRSS before, freed heap "
                        "handed back first; highest of %3")
             .arg(num(entriesGrowth > 0 ? double(tabGrowth) / double(entriesGrowth) : 0.0, 2), mib(entriesGrowth))
             .arg(runs)},
    });
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string root = test::makePrivateTestRoot("bench-pip");
    g_root = QString::fromStdString(root) + QStringLiteral("/bench");
    QDir().mkpath(g_root);
    int result = 1;
    {
        QCoreApplication app(argc, argv);
        try {
            result = run(app);
        } catch (const Fatal& fatal) {
            std::fprintf(stderr, "papertrail-bench-pip: %s\n", qPrintable(fatal.message));
        }
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
