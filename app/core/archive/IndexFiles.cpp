#include "IndexFiles.h"

#include "ReportPipSection.h"
#include "TimeFormat.h"
#include "pip/PipWorkspace.h"

#include <algorithm>

namespace pt::core::archive {

namespace {

const QByteArray Bom = QByteArrayLiteral("\xEF\xBB\xBF");

// A cell a spreadsheet would take for a formula (=, +, -, @, or a tab or CR first) starts with an
// apostrophe, so a hostile title cannot run one (OWASP's CSV injection advice).
QString csvCell(QString value)
{
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char('"')) || value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('\n')) ||
        value.contains(QLatin1Char('\r')) || value.startsWith(QLatin1Char('\'')))
        return QLatin1Char('"') + value.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return value;
}

QByteArray csvLine(const QStringList& cells)
{
    QStringList quoted;
    for (const QString& cell : cells)
        quoted << csvCell(cell);
    return quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

// Concordance: þ quotes, ASCII 20 separates, ® stands for a line break inside a field.
QByteArray datLine(const QStringList& fields)
{
    const QChar quote(0x00FE), separator(0x0014), newline(0x00AE);
    QStringList quoted;
    for (QString field : fields) {
        field.replace(QStringLiteral("\r\n"), QString(newline)).replace(QLatin1Char('\n'), newline);
        field.remove(quote).remove(separator).remove(QLatin1Char('\r'));
        quoted << quote + field + quote;
    }
    return quoted.join(separator).toUtf8() + "\r\n";
}

QString recordedAt(const Exhibit& exhibit)
{
    return exhibit.revisions.isEmpty() ? QString() : isoWithOffset(exhibit.revisions.first().revision.recordedAt);
}

QStringList filePaths(const Exhibit& exhibit)
{
    QStringList paths;
    for (const ExhibitFile& f : exhibit.files)
        paths << f.path;
    return paths;
}

QStringList fileHashes(const Exhibit& exhibit)
{
    QStringList hashes;
    for (const ExhibitFile& f : exhibit.files)
        hashes << f.sha256;
    return hashes;
}

} // namespace

QString nativePath(const Exhibit& exhibit)
{
    return exhibit.files.isEmpty() ? QStringLiteral("entries/") + exhibit.number + QStringLiteral(".txt")
                                   : exhibit.files.first().path;
}

QByteArray indexCsvHeader()
{
    return Bom + csvLine({QStringLiteral("exhibit"), QStringLiteral("kind"), QStringLiteral("occurred"),
                          QStringLiteral("recorded"), QStringLiteral("title"), QStringLiteral("tags"),
                          QStringLiteral("files"), QStringLiteral("sha256")});
}

QByteArray indexCsvRow(const Exhibit& exhibit)
{
    const EntryRevision& latest = exhibit.entry.latest;
    return csvLine({exhibit.number, latest.kind, isoWithOffset(latest.occurredAt), recordedAt(exhibit),
                    headline(latest), latest.tags.join(QStringLiteral("; ")),
                    filePaths(exhibit).join(QStringLiteral("; ")), fileHashes(exhibit).join(QStringLiteral("; "))});
}

QByteArray pipGradesCsvHeader()
{
    return Bom + csvLine({QStringLiteral("date"), QStringLiteral("goal"), QStringLiteral("goal_text"),
                          QStringLiteral("grade"), QStringLiteral("comment"), QStringLiteral("note"),
                          QStringLiteral("job_tomorrow"), QStringLiteral("did_not_happen"),
                          QStringLiteral("check_in_exhibit"), QStringLiteral("screenshot_exhibit"),
                          QStringLiteral("plan_exhibit")});
}

QByteArray pipGradesCsvRows(const PipExport& pip, const pip::PipWorkspace& plan, const pip::CheckIn& checkIn)
{
    const QString day = checkIn.date.toString(Qt::ISODate);
    const QString checkInExhibit = pip.exhibit(checkIn.id);
    const QString planExhibit = pip.exhibit(plan.plan().id);
    const QList<pip::Goal>& goals = plan.plan().goals;
    const bool graded = std::any_of(goals.cbegin(), goals.cend(), [&](const pip::Goal& g) { return checkIn.gradeFor(g.id); });
    if (goals.isEmpty() || (!checkIn.didNotHappen.isEmpty() && !graded))
        return csvLine({day, {}, {}, {}, {}, checkIn.note, checkIn.jobTomorrow, checkIn.didNotHappen, checkInExhibit, {},
                        planExhibit});
    QByteArray rows;
    for (const pip::Goal& goal : goals) {
        const pip::GradeMark* mark = checkIn.gradeFor(goal.id);
        rows += csvLine({day, QString::number(goal.number), goal.text, mark ? mark->grade : QString(),
                         mark ? mark->comment : QString(), mark ? mark->note : QString(), checkIn.jobTomorrow,
                         checkIn.didNotHappen, checkInExhibit, mark ? pip.exhibit(mark->screenshot) : QString(),
                         planExhibit});
    }
    return rows;
}

QByteArray loadFileHeader()
{
    return Bom + datLine({QStringLiteral("BEGBATES"), QStringLiteral("ENDBATES"), QStringLiteral("KIND"),
                          QStringLiteral("DATE"), QStringLiteral("RECORDED"), QStringLiteral("TITLE"),
                          QStringLiteral("TEXTLINK"), QStringLiteral("NATIVELINK"), QStringLiteral("HASH")});
}

QByteArray loadFileRow(const Exhibit& exhibit, const QString& textSha256)
{
    const EntryRevision& latest = exhibit.entry.latest;
    const QString native = nativePath(exhibit);
    QString hash = textSha256;
    for (const ExhibitFile& f : exhibit.files)
        if (f.path == native)
            hash = f.sha256;
    // One exhibit is one document: it begins and ends at its own number.
    return datLine({exhibit.number, exhibit.number, latest.kind, isoWithOffset(latest.occurredAt), recordedAt(exhibit),
                    headline(latest), QStringLiteral("entries/") + exhibit.number + QStringLiteral(".txt"), native,
                    hash});
}

} // namespace pt::core::archive
