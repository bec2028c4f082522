// The PIP workspace in the lawyer archive (issue 13): a plan of three goals over 30 working days,
// extended by 2 sick days, graded every day but one the manager refused, exported for real. The
// report (as pdftotext reads it) gains the "Performance improvement plan" section with its goals,
// the end as extended and the refusal; pip-grades.csv has a row per goal per check-in with the
// exhibit numbers the archive gives those entries, and is in SHA256SUMS; the archive verifies. A
// filter that leaves the plan out leaves out both: no section, and no pip-grades.csv at all (a
// missing file says "no plan in this export" where an empty one would leave a reader guessing). A
// hostile plan (50 goals, ten years of days, grades in the manager's own words) stays a bounded,
// readable report. Set PT_REPORT_SAMPLE_DIR to keep the PDFs (pip-report.pdf, pip-hostile.pdf).
#include "TestSupport.h"
#include "pip/PipFixture.h"

#include "archive/ArchiveVerifier.h"
#include "archive/ArchiveWriter.h"
#include "archive/ExhibitSelection.h"
#include "archive/IndexFiles.h"
#include "archive/ReportPdf.h"
#include "archive/ReportPipSection.h"
#include "crypto/Sha256.h"
#include "pip/WorkingDays.h"
#include "vault/JournalDb.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace pt;
using namespace pt::core;
using namespace pt::core::archive;
using namespace pt::core::pip;
using namespace pt::test;

namespace {

const QDate Refused{2027, 1, 20};
const QDate Screenshotted{2027, 1, 6};

QString gradeOf(int goal, int day)
{
    if (goal == 1)
        return QStringLiteral("Met");
    if (goal == 2)
        return day < 10   ? QStringLiteral("Not met")
               : day < 20 ? QStringLiteral("Partly met")
                          : QStringLiteral("Met");
    return QStringLiteral("Partly met");
}

// The plan of PipFixture.h, extended by 2 sick days, graded on each of its 30 working days but
// the refused one (goal 1's grade on 6 January with its screenshot), with an outcome, a colleague
// told and a rebuttal point.
struct GradedPlan {
    PipVault v;
    QString screenshotId;
    QString refusedId;

    GradedPlan()
    {
        EntryDraft shot;
        shot.kind = QStringLiteral("screenshot");
        shot.title = QStringLiteral("Tracker showing the P1 tickets answered");
        shot.occurredAt = QDateTime(Screenshotted, QTime(12, 0));
        auto added = v.vault->journal().add(shot);
        REQUIRE(added.ok());
        screenshotId = added->latest.entryId;

        v.clock.set(QDateTime(QDate(2027, 1, 15), QTime(9, 0)));
        Extension sick;
        sick.agreedOn = QDate(2027, 1, 15);
        sick.days = 2;
        sick.reason = QStringLiteral("sick");
        sick.note = QStringLiteral("Flu, 13 and 14 January; HR agreed by email.");
        REQUIRE(v.recorder.extend(v.planId, sick).ok());

        int n = 0;
        for (const QDate& day : workingDaysIn(PlanStart, PlanEnd)) {
            v.clock.set(QDateTime(day, QTime(17, 0)));
            if (day == Refused) {
                CheckIn c;
                c.date = day;
                c.didNotHappen = QStringLiteral("refused");
                c.note = QStringLiteral("Dana said she had no time for a check-in today.");
                auto id = v.recorder.saveCheckIn(v.workspace(), c);
                REQUIRE(id.ok());
                refusedId = *id;
                ++n;
                continue;
            }
            for (int goal = 1; goal <= 3; ++goal) {
                GradeMark m{
                    v.goalId(goal), gradeOf(goal, n), QStringLiteral("Day %1").arg(n), {}, {}};
                if (goal == 2 && n == 0)
                    m.note = QStringLiteral("=I sent the report at 16:00, before the deadline");
                if (goal == 1 && day == Screenshotted)
                    m.screenshot = screenshotId;
                auto id = v.recorder.grade(v.workspace(), day, m);
                INFO((id ? QString() : id.error().message));
                REQUIRE(id.ok());
            }
            CheckIn c = *v.workspace().checkInOn(day);
            c.jobTomorrow = n < 20 ? QStringLiteral("unsure") : QStringLiteral("yes");
            c.jobTomorrowWords = n < 20 ? QStringLiteral("It's too early to say.")
                                        : QStringLiteral("Yes, if this continues.");
            REQUIRE(v.recorder.saveCheckIn(v.workspace(), c).ok());
            ++n;
        }

        v.clock.set(QDateTime(QDate(2027, 2, 16), QTime(16, 0)));
        RebuttalPoint point;
        point.area = QStringLiteral("Ticket response times");
        point.steps = QStringLiteral("I check the P1 queue at 9:00, 12:00 and 15:00.");
        point.results = QStringLiteral("Every P1 since 4 January answered within 3 hours.");
        point.evidence = {screenshotId};
        REQUIRE(v.recorder.saveRebuttalPoint(v.planId, point).ok());
        Outcome o;
        o.result = QStringLiteral("passed");
        o.words = QStringLiteral("Dana: \"You passed, congratulations.\"");
        o.occurredAt = QDateTime(QDate(2027, 2, 16), QTime(16, 0));
        REQUIRE(v.recorder.recordOutcome(v.planId, o).ok());
        Told t;
        t.person = QStringLiteral("Kim Park");
        t.how = QStringLiteral("text message");
        t.what = QStringLiteral("My manager told me I passed.");
        t.occurredAt = QDateTime(QDate(2027, 2, 16), QTime(16, 30));
        REQUIRE(v.recorder.addTold(v.planId, t).ok());
    }
};

QByteArray output(const QString& program, const QStringList& arguments,
                  const QByteArray& input = {})
{
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForStarted(10000));
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120000));
    INFO(program.toStdString() << ": " << process.readAllStandardError().toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    return process.readAllStandardOutput();
}

// The archive as a lawyer opens it: the real age, then unzip; plaintext only in `work`.
struct Opened {
    QTemporaryDir work;
    QString zip;

    Opened(const QString& archive, const crypto::age::X25519Identity& identity)
    {
        REQUIRE(work.isValid());
        const QString key = work.filePath(QStringLiteral("lawyer.key"));
        QFile file(key);
        REQUIRE(file.open(QIODevice::WriteOnly));
        const auto secret = identity.toString();
        file.write(reinterpret_cast<const char*>(secret.data()), qint64(secret.size()));
        file.write("\n");
        file.close();
        zip = work.filePath(QStringLiteral("archive.zip"));
        output(QStringLiteral("age"), {QStringLiteral("-d"), QStringLiteral("-i"), key,
                                       QStringLiteral("-o"), zip, archive});
    }
    [[nodiscard]] QStringList names() const
    {
        QStringList list;
        for (const QByteArray& line :
             output(QStringLiteral("unzip"), {QStringLiteral("-Z1"), zip}).split('\n'))
            if (!line.isEmpty())
                list << QString::fromUtf8(line);
        return list;
    }
    [[nodiscard]] QByteArray file(const QString& name) const
    {
        return output(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, name});
    }
};

// As test_report_pdf.cpp reads a report: poppler's pdftotext on standard input.
QString pdfText(const QByteArray& pdf, int firstPage = 0, int lastPage = 0)
{
    QStringList args{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (firstPage > 0)
        args << QStringLiteral("-f") << QString::number(firstPage) << QStringLiteral("-l")
             << QString::number(lastPage);
    args << QStringLiteral("-") << QStringLiteral("-");
    return QString::fromUtf8(output(QStringLiteral("pdftotext"), args, pdf));
}

int pageCount(const QByteArray& pdf)
{
    const QString info =
        QString::fromUtf8(output(QStringLiteral("pdfinfo"), {QStringLiteral("-")}, pdf));
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    REQUIRE(m.hasMatch());
    return m.captured(1).toInt();
}

// The section's pages: from the one its heading starts to the one before "About these records".
QList<int> pipPages(const QByteArray& pdf)
{
    const auto startsWith = [&](int page, const QString& pattern) {
        return QRegularExpression(QStringLiteral("^\\s*") + pattern)
            .match(pdfText(pdf, page, page))
            .hasMatch();
    };
    QList<int> pages;
    const int count = pageCount(pdf);
    for (int p = 1; p <= count &&
                    !startsWith(p, QStringLiteral("About these records\\s+Occurred and recorded"));
         ++p)
        if (!pages.isEmpty() ||
            startsWith(p, QStringLiteral("Performance improvement plan\\s+The plan as")))
            pages << p;
    return pages;
}

void keep(const QString& name, const QByteArray& pdf)
{
    const QString dir = qEnvironmentVariable("PT_REPORT_SAMPLE_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(name));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(pdf);
}

// RFC 4180, as a spreadsheet reads it.
QList<QStringList> parseCsv(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

ArchiveRequest requestTo(const crypto::age::X25519Identity& identity, const QString& path)
{
    ArchiveRequest request;
    request.to.ageRecipients = {QString::fromStdString(identity.recipient().toString())};
    request.outputPath = path;
    request.owner = QStringLiteral("Alex Doe");
    return request;
}

void requireVerified(const QString& path, const crypto::age::X25519Identity& identity)
{
    ArchiveKey key;
    key.identities.push_back(identity.clone());
    auto verification = verifyArchive(path, key);
    INFO((verification ? QString() : verification.error().message));
    REQUIRE(verification.ok());
    for (const ArchiveCheck& c : verification->checks) {
        INFO(c.what.toStdString() + ": " + c.detail.toStdString());
        CHECK(c.ok);
    }
    CHECK(verification->ok());
}

// Entry id -> exhibit number, as the export numbers them for `filter`.
QHash<QString, QString> exhibitNumbers(Vault& vault, const ArchiveFilter& filter)
{
    auto selection = selectExhibits(vault.journal(), vault.store().db, filter);
    REQUIRE(selection.ok());
    QHash<QString, QString> numbers;
    for (const Exhibit& x : selection->exhibits)
        numbers.insert(x.entry.latest.entryId, x.number);
    return numbers;
}

QString flat(QString text)
{
    return text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

} // namespace

TEST_CASE(
    "archive: a PIP's plan, goals, extension, grades and refusal in the report and pip-grades.csv",
    "[archive][pip]")
{
    GradedPlan g;
    PipVault& v = g.v;
    const auto identity = crypto::age::X25519Identity::generate();
    QTemporaryDir out;
    const ArchiveRequest request = requestTo(identity, out.filePath(QStringLiteral("pip.zip.age")));
    auto result = writeArchive(*v.vault, request);
    INFO((result ? QString() : result.error().message));
    REQUIRE(result.ok());
    requireVerified(request.outputPath, identity);

    const Opened archive(request.outputPath, identity);
    const QStringList names = archive.names();
    REQUIRE(names.contains(QStringLiteral("pip-grades.csv")));
    const QByteArray csv = archive.file(QStringLiteral("pip-grades.csv"));
    // Listed in SHA256SUMS with its hash, as every other file.
    const QString sha = QString::fromStdString(crypto::toHex(crypto::Sha256::hash(bytesOf(csv))));
    CHECK(archive.file(QStringLiteral("SHA256SUMS"))
              .contains((sha + QStringLiteral("  pip-grades.csv\n")).toUtf8()));
    CHECK(archive.file(QStringLiteral("VERIFY.txt")).contains("pip-grades.csv"));

    // --- pip-grades.csv: index.csv's rules, 3 x 29 grades and the refused day's row ---
    REQUIRE(csv.startsWith("\xEF\xBB\xBF"));
    CHECK(csv.endsWith("\r\n"));
    CHECK_FALSE(QByteArray(csv).replace("\r\n", "").contains('\n'));
    const QList<QStringList> rows = parseCsv(csv.mid(3));
    REQUIRE(rows.size() == 1 + 3 * 29 + 1);
    CHECK(rows.first() ==
          QStringList{QStringLiteral("date"), QStringLiteral("goal"), QStringLiteral("goal_text"),
                      QStringLiteral("grade"), QStringLiteral("comment"), QStringLiteral("note"),
                      QStringLiteral("job_tomorrow"), QStringLiteral("did_not_happen"),
                      QStringLiteral("check_in_exhibit"), QStringLiteral("screenshot_exhibit"),
                      QStringLiteral("plan_exhibit")});
    const QHash<QString, QString> exhibit = exhibitNumbers(*v.vault, {});
    const PipWorkspace w = v.workspace();
    const QString planExhibit = exhibit.value(v.planId);
    REQUIRE_FALSE(planExhibit.isEmpty());
    int graded = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        INFO(row.join(QLatin1Char('|')).toStdString());
        REQUIRE(row.size() == 11);
        const QDate day = QDate::fromString(row.at(0), Qt::ISODate);
        const CheckIn* checkIn = w.checkInOn(day);
        REQUIRE(checkIn);
        CHECK(row.at(8) == exhibit.value(checkIn->id));
        CHECK(row.at(10) == planExhibit);
        if (day == Refused) {
            CHECK(row.at(1).isEmpty());
            CHECK(row.at(3).isEmpty());
            CHECK(row.at(5) == QStringLiteral("Dana said she had no time for a check-in today."));
            CHECK(row.at(7) == QStringLiteral("refused"));
            CHECK(row.at(8) == exhibit.value(g.refusedId));
            continue;
        }
        ++graded;
        const int goal = row.at(1).toInt();
        REQUIRE((goal >= 1 && goal <= 3));
        CHECK(row.at(2) == w.plan().goals.at(goal - 1).text);
        CHECK(row.at(3) == checkIn->gradeFor(v.goalId(goal))->grade);
        CHECK(row.at(4) == checkIn->gradeFor(v.goalId(goal))->comment);
        CHECK(row.at(6) == checkIn->jobTomorrow);
        CHECK(row.at(7).isEmpty());
        CHECK(row.at(9) ==
              (goal == 1 && day == Screenshotted ? exhibit.value(g.screenshotId) : QString()));
    }
    CHECK(graded == 87);
    CHECK_FALSE(exhibit.value(g.screenshotId).isEmpty());
    // A note that starts like a formula is made harmless, as in index.csv.
    CHECK(csv.contains("\"'=I sent the report at 16:00, before the deadline\""));
    CHECK(rows.at(1).at(0) == QStringLiteral("2027-01-04"));
    CHECK(rows.last().at(0) == QStringLiteral("2027-02-12"));

    // --- report.pdf: the section, its contents line, and what a lawyer looks for ---
    const QByteArray pdf = archive.file(QStringLiteral("report.pdf"));
    keep(QStringLiteral("pip-report.pdf"), pdf);
    const QList<int> pages = pipPages(pdf);
    REQUIRE_FALSE(pages.isEmpty());
    CHECK(pages.size() <= 4);
    const QString section = flat(pdfText(pdf, pages.first(), pages.last()));
    const QString contents =
        flat(pdfText(pdf, 2, pages.first() - 1)); // the contents, then the timeline
    CHECK(contents.contains(QStringLiteral("Performance improvement plan %1").arg(pages.first())));
    CHECK(section.contains(QStringLiteral("Performance improvement plan")));
    CHECK(section.contains(QStringLiteral("PIP from Dana Smith (%1)").arg(planExhibit)));
    CHECK(section.contains(QStringLiteral("End as set Fri 2027-02-12")));
    CHECK(section.contains(
        QStringLiteral("End as extended Tue 2027-02-16, 2 working days added by 1 extension")));
    CHECK(section.contains(QStringLiteral("Manager Dana Smith <dana@example.com>")));
    CHECK(section.contains(QStringLiteral("Union contact Sam Ortiz, steward")));
    CHECK(section.contains(QStringLiteral("Ticket response times")));
    for (int goal = 1; goal <= 3; ++goal) {
        CHECK(section.contains(
            QStringLiteral("Goal %1 (%2)").arg(goal).arg(exhibit.value(v.goalId(goal)))));
        CHECK(section.contains(w.plan().goals.at(goal - 1).text));
    }
    CHECK(section.contains(QStringLiteral("Measured by the ticket system's first-response time")));
    CHECK(section.contains(
        QStringLiteral("SMART restatement Every P1 ticket answered within 4 working hours")));
    CHECK(section.contains(QStringLiteral("Agreed on Fri 2027-01-15: 2 working days, sick days")));
    CHECK(section.contains(QStringLiteral("The end moved from Fri 2027-02-12 to Tue 2027-02-16.")));
    CHECK(section.contains(QStringLiteral("Check-ins exported 30: 29 held, 1 did not happen")));
    CHECK(section.contains(
        QStringLiteral("Wed 2027-01-20: refused (the manager refused to meet) (%1)")
            .arg(exhibit.value(g.refusedId))));
    CHECK(section.contains(QStringLiteral("Dana said she had no time for a check-in today.")));
    CHECK(section.contains(QStringLiteral("Grades by day")));
    CHECK(section.contains(QStringLiteral("29 check-ins graded it: Met 29")));
    CHECK(section.contains(
        QStringLiteral("unsure, the manager said \u201cIt's too early to say.\u201d")));
    CHECK(section.contains(QStringLiteral("Result passed, on Tue 2027-02-16")));
    CHECK(section.contains(QStringLiteral("Kim Park, by text message")));
    CHECK(section.contains(QStringLiteral("Rebuttal draft")));
    CHECK(section.contains(QStringLiteral("Every P1 since 4 January answered within 3 hours.")));
    CHECK(
        section.contains(QStringLiteral("%1: the screenshot").arg(exhibit.value(g.screenshotId))));
    // The grid's header names each check-in's exhibit, without its PT- prefix.
    const QString refusedNumber = exhibit.value(g.refusedId).mid(3);
    CHECK(section.contains(refusedNumber));
    // The section comes after the timeline, before "About these records".
    const QString all = pdfText(pdf);
    CHECK(all.indexOf(QStringLiteral("Grades by day")) >
          all.lastIndexOf(QStringLiteral("Exhibit ") + exhibit.value(g.refusedId)));
    CHECK(all.indexOf(QStringLiteral("Grades by day")) <
          all.lastIndexOf(QStringLiteral("About these records")));
}

TEST_CASE("archive: a filter that leaves the plan out leaves out its section and pip-grades.csv",
          "[archive][pip]")
{
    GradedPlan g;
    PipVault& v = g.v;
    const auto identity = crypto::age::X25519Identity::generate();
    QTemporaryDir out;

    SECTION("no PIP kind at all")
    {
        ArchiveRequest request = requestTo(identity, out.filePath(QStringLiteral("none.zip.age")));
        request.filter.kinds = {QStringLiteral("screenshot")};
        auto result = writeArchive(*v.vault, request);
        INFO((result ? QString() : result.error().message));
        REQUIRE(result.ok());
        CHECK(result->exhibits == 1);
        requireVerified(request.outputPath, identity);
        const Opened archive(request.outputPath, identity);
        CHECK_FALSE(archive.names().contains(QStringLiteral("pip-grades.csv")));
        CHECK_FALSE(archive.file(QStringLiteral("SHA256SUMS")).contains("pip-grades.csv"));
        const QByteArray pdf = archive.file(QStringLiteral("report.pdf"));
        const QString text = pdfText(pdf);
        CHECK_FALSE(text.contains(QStringLiteral("Performance improvement plan")));
        CHECK_FALSE(text.contains(QStringLiteral("Grades by day")));
    }
    SECTION("the check-ins without their plan")
    {
        ArchiveRequest request =
            requestTo(identity, out.filePath(QStringLiteral("check-ins.zip.age")));
        request.filter.kinds = {QString::fromLatin1(kind::CheckIn),
                                QString::fromLatin1(kind::Goal)};
        auto result = writeArchive(*v.vault, request);
        REQUIRE(result.ok());
        CHECK(result->exhibits == 33);
        requireVerified(request.outputPath, identity);
        const Opened archive(request.outputPath, identity);
        CHECK_FALSE(archive.names().contains(QStringLiteral("pip-grades.csv")));
        const QString text = pdfText(archive.file(QStringLiteral("report.pdf")));
        CHECK_FALSE(text.contains(QStringLiteral("Performance improvement plan")));
        CHECK(text.contains(QStringLiteral("Exhibit PT-0033"))); // the entries themselves are there
    }
    SECTION("the plan, but only the check-ins of its first two weeks")
    {
        ArchiveRequest request =
            requestTo(identity, out.filePath(QStringLiteral("two-weeks.zip.age")));
        request.filter.to = QDate(2027, 1, 15);
        auto result = writeArchive(*v.vault, request);
        REQUIRE(result.ok());
        requireVerified(request.outputPath, identity);
        const Opened archive(request.outputPath, identity);
        // Ten check-ins of three goals; the extension (agreed on the 15th) is in, the rest is not.
        const QList<QStringList> rows =
            parseCsv(archive.file(QStringLiteral("pip-grades.csv")).mid(3));
        CHECK(rows.size() == 1 + 10 * 3);
        CHECK(rows.last().at(0) == QStringLiteral("2027-01-15"));
        const QByteArray pdf = archive.file(QStringLiteral("report.pdf"));
        const QList<int> pages = pipPages(pdf);
        REQUIRE_FALSE(pages.isEmpty());
        const QString section = flat(pdfText(pdf, pages.first(), pages.last()));
        CHECK(section.contains(QStringLiteral("Check-ins exported 10: 10 held, 0 did not happen")));
        CHECK(section.contains(QStringLiteral("10 check-ins graded it")));
        CHECK_FALSE(section.contains(QStringLiteral("refused")));
        CHECK(section.contains(QStringLiteral("No outcome is in this export.")));
        CHECK(section.contains(QStringLiteral("No rebuttal point is in this export")));
    }
}

namespace {

// A revision as ExhibitSelection makes one, without a vault.
Exhibit handMade(int index, const QString& kind, const QString& title, const QDateTime& occurred,
                 const QJsonObject& fields, const QString& body = {})
{
    EntryRevision r;
    r.entryId = QStringLiteral("entry-%1").arg(index);
    r.revision = 1;
    r.kind = kind;
    r.title = title;
    r.body = body;
    r.occurredAt = occurred;
    r.recordedAt = occurred;
    r.timeZone = QStringLiteral("UTC");
    r.fields = fields;
    Exhibit x;
    x.number = exhibitNumber(index);
    x.entry.latest = r;
    const RevisionInfo logged{1, QStringLiteral("%1").arg(index, 64, 10, QLatin1Char('0')),
                              QStringLiteral("device"), index, occurred};
    x.entry.revisions = {logged};
    x.revisions = {ExhibitRevision{r, logged, {}}};
    return x;
}

} // namespace

TEST_CASE(
    "archive: a hostile plan of 50 goals and ten years of days stays a bounded, readable section",
    "[archive][pip]")
{
    QList<Exhibit> exhibits;
    int index = 0;
    const QDateTime start(QDate(2020, 1, 6), QTime(9, 0), Qt::UTC);
    QJsonObject planFields{{QStringLiteral("start"), QStringLiteral("2020-01-06")},
                           {QStringLiteral("end"), QStringLiteral("2029-12-31")},
                           {QStringLiteral("manager"), QString(5000, QLatin1Char('M'))},
                           {QStringLiteral("areas"), QJsonArray{QStringLiteral("one\u202Eowt"),
                                                                QString(3000, QLatin1Char('a'))}}};
    exhibits << handMade(++index, QStringLiteral("pip"), QStringLiteral("A plan of ten years"),
                         start, planFields);
    const QString planId = exhibits.first().entry.latest.entryId;
    QStringList goalIds;
    for (int n = 1; n <= 60; ++n) { // more than a plan may have: 50 are read
        QJsonObject f{{QStringLiteral("plan"), planId},
                      {QStringLiteral("number"), n},
                      {QStringLiteral("measured_by"), QString(4000, QLatin1Char('x'))}};
        exhibits << handMade(
            ++index, QStringLiteral("pip-goal"),
            QStringLiteral("Goal %1 <b>bold?</b> =cmd|' /C calc'!A0 \u0007").arg(n) +
                QString(400, QLatin1Char('g')),
            start, f);
        goalIds << exhibits.last().entry.latest.entryId;
    }
    // 400 check-ins, every other working day from the start, each with three grades of the
    // manager's own words (a new word every day) and one on the scale.
    QDate day = start.date();
    for (int c = 0; c < 400; ++c, day = addWorkingDays(day, 2)) {
        QJsonArray grades;
        grades.append(QJsonObject{{QStringLiteral("goal"), goalIds.at(c % 50)},
                                  {QStringLiteral("grade"), QStringLiteral("Met")}});
        for (int k = 1; k <= 3; ++k)
            grades.append(
                QJsonObject{{QStringLiteral("goal"), goalIds.at((c + k) % 50)},
                            {QStringLiteral("grade"), QStringLiteral("word%1-%2").arg(c).arg(k)}});
        QJsonObject f{{QStringLiteral("plan"), planId},
                      {QStringLiteral("date"), day.toString(Qt::ISODate)},
                      {QStringLiteral("grades"), grades},
                      {QStringLiteral("job_tomorrow"), QStringLiteral("no")}};
        if (c % 7 == 3)
            f.insert(QStringLiteral("did_not_happen"), QStringLiteral("no-show"));
        exhibits << handMade(++index, QStringLiteral("check-in"), QStringLiteral("Check-in"),
                             QDateTime(day, QTime(17, 0), Qt::UTC), f);
    }
    for (int e = 0; e < 100; ++e)
        exhibits << handMade(++index, QStringLiteral("pip-extension"), QStringLiteral("Extension"),
                             start.addDays(e),
                             {{QStringLiteral("plan"), planId},
                              {QStringLiteral("days"), 260},
                              {QStringLiteral("reason"), QStringLiteral("formal")}});

    const PipExport pip = pipOfExport(exhibits);
    REQUIRE(pip.plans.size() == 1);
    CHECK(pip.plans.first().plan().goals.size() == MaxGoals);

    ReportFacts facts;
    facts.exportedAt = QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC);
    facts.timeZone = QStringLiteral("UTC");
    QElapsedTimer timer;
    timer.start();
    QByteArray pdf;
    QBuffer buffer(&pdf);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    REQUIRE(writeReport(buffer, facts, exhibits, {}).ok());
    CHECK(timer.elapsed() < 60000);
    keep(QStringLiteral("pip-hostile.pdf"), pdf);

    const QList<int> pages = pipPages(pdf);
    REQUIRE_FALSE(pages.isEmpty());
    CHECK(pages.size() <=
          50); // 50 goals with their words cut, 260 days of 50 goals, the lists capped
    const QString section = flat(pdfText(pdf, pages.first(), pages.last()));
    CHECK(section.contains(QStringLiteral(
        "more than a grid can show: this one shows 260, the first with a check-in")));
    CHECK(section.contains(QStringLiteral("[cut here; the exhibit has it whole]")));
    CHECK(section.contains(QStringLiteral("[U+202E]")));
    CHECK(section.contains(QStringLiteral("more extensions, in the timeline")));
    CHECK(section.contains(QStringLiteral("more of them, each in pip")));
    CHECK_FALSE(section.contains(QStringLiteral("Goal 51 ")));

    // Its rows: one per goal per check-in, every check-in whatever the grid shows.
    qsizetype rows = 0;
    for (const CheckIn& c : pip.plans.first().checkIns())
        rows += pipGradesCsvRows(pip, pip.plans.first(), c).count("\r\n");
    CHECK(rows == 400 * 50);
}
