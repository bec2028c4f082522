// The evidence intake commands (docs/CLI.md, "Bringing evidence in"): import-email brings in
// .eml files and mbox files (read twice, streaming: once to list and filter the messages, once to
// import the chosen ones), import-image screenshots and photos with their text recognised.
#include "Cli.h"

#include "EntryFormat.h"
#include "intake/EmailImporter.h"
#include "intake/ImageLimits.h"
#include "intake/ImageImporter.h"
#include "intake/MailPickFilter.h"
#include "intake/MailSummary.h"
#include "intake/MboxReader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace pt::cli {

using namespace pt::core;
using namespace pt::core::intake;

namespace {

// An mbox begins with a "From " line; an .eml file with a header. Told from the content, as a
// file's name says little (Takeout names its mbox files "All mail Including Spam and Trash.mbox",
// others have none).
bool looksLikeMbox(QFile& file)
{
    const QByteArray start = file.peek(5);
    return start == "From " || file.fileName().endsWith(QLatin1String(".mbox"), Qt::CaseInsensitive);
}

QString summaryLine(const MailSummary& s, bool held)
{
    const QString when = s.date.isValid() ? s.date.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("(no date)       ");
    QString line = QStringLiteral("%1  %2  %3").arg(when, s.from.left(40), s.subject.isEmpty() ? QStringLiteral("(no subject)") : s.subject);
    if (held)
        line += QStringLiteral("  [already in the journal]");
    if (!s.problem.isEmpty())
        line += QStringLiteral("  [cannot be imported: %1]").arg(s.problem);
    return line;
}

} // namespace

int Cli::importEmail()
{
    MailPickFilter filter;
    filter.sender = m_parser.value(QStringLiteral("from"));
    for (const QString& word : m_parser.values(QStringLiteral("subject")))
        filter.subjectWords += word.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (m_parser.isSet(QStringLiteral("since")) && !(filter.since = parseWhen(m_parser.value(QStringLiteral("since")), false)).isValid())
        return usageError(QStringLiteral("--since needs a date such as 2026-11-01."));
    if (m_parser.isSet(QStringLiteral("until")) && !(filter.until = parseWhen(m_parser.value(QStringLiteral("until")), true)).isValid())
        return usageError(QStringLiteral("--until needs a date such as 2026-11-30."));
    const bool dryRun = m_parser.isSet(QStringLiteral("dry-run"));
    const bool json = m_parser.isSet(QStringLiteral("json"));

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    EmailImporter importer((*vault)->journal());

    int imported = 0, duplicates = 0, unreadable = 0, listed = 0;
    QJsonArray results;
    QStringList lines;
    int exitCode = 0;   // the first problem's
    bool stop = false;  // the journal could not be written: nothing more is tried
    const auto problem = [&](const Error& e) {
        if (exitCode == 0)
            exitCode = static_cast<int>(e.code);
    };
    const auto note = [&](const QString& file, const MailSummary* s, const QString& status, const EmailImportOutcome* outcome,
                          const QString& why) {
        QJsonObject o{{QStringLiteral("file"), file}, {QStringLiteral("status"), status}};
        if (s) {
            o.insert(QStringLiteral("subject"), s->subject);
            o.insert(QStringLiteral("from"), s->from);
            o.insert(QStringLiteral("date"), s->date.isValid() ? s->date.toString(Qt::ISODate) : QString());
            o.insert(QStringLiteral("sha256"), s->sha256);
        }
        if (outcome) {
            o.insert(QStringLiteral("id"), outcome->entryId);
            o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(outcome->notes));
        }
        if (!why.isEmpty())
            o.insert(QStringLiteral("error"), why);
        results.append(o);
    };

    for (const QString& path : std::as_const(m_args)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            const Error e = failed(QStringLiteral("%1 cannot be read (%2): nothing was imported from it.").arg(path, file.errorString()));
            warn(e.message);
            ++unreadable;
            problem(e);
            continue;
        }
        const QDateTime fileTime = QFileInfo(file).lastModified();
        const bool mbox = looksLikeMbox(file);
        // First pass: what is in it, filtered by the headers.
        auto scan = mbox ? scanMbox(file) : scanEmlFiles({path});
        if (!scan) {
            warn(QStringLiteral("%1: %2").arg(path, scan.error().message));
            ++unreadable;
            problem(scan.error());
            continue;
        }
        for (const QString& n : std::as_const(scan->notes))
            warn(QStringLiteral("%1: %2").arg(path, n));
        const QList<MailSummary> picked = pickByHeaders(scan->messages, filter);
        listed += int(picked.size());
        if (dryRun) {
            for (const MailSummary& s : picked) {
                const bool held = importer.contains(s.sha256);
                lines.append(summaryLine(s, held));
                note(path, &s, held ? QStringLiteral("duplicate") : s.problem.isEmpty() ? QStringLiteral("would-import")
                                                                                          : QStringLiteral("unreadable"),
                     nullptr, s.problem);
            }
            continue;
        }
        // Second pass: the chosen messages' bytes, one at a time.
        QHash<qint64, const MailSummary*> wanted;
        for (const MailSummary& s : picked)
            wanted.insert(s.index, &s);
        const auto importOne = [&](const MailSummary& s, const QByteArray& bytes) {
            if (!s.problem.isEmpty()) {
                ++unreadable;
                problem(damaged(s.problem));
                warn(QStringLiteral("%1: \"%2\" cannot be imported: %3").arg(path, s.subject, s.problem));
                note(path, &s, QStringLiteral("unreadable"), nullptr, s.problem);
                return;
            }
            const int unsaved = importer.unsaved();
            auto outcome = importer.import(bytes, fileTime);
            if (!outcome && unsaved > importer.unsaved()) { // the batch it was in went too
                imported -= unsaved;
                warn(QStringLiteral("The %1 messages imported before it were not saved either; import again (what "
                                    "is in the journal is skipped).").arg(unsaved));
            }
            if (!outcome) {
                ++unreadable;
                warn(QStringLiteral("%1: \"%2\" cannot be imported: %3").arg(path, s.subject, outcome.error().message));
                note(path, &s, QStringLiteral("unreadable"), nullptr, outcome.error().message);
                problem(outcome.error());
                // The scan read it as an email, so this is the journal refusing the write (a
                // full disk): what was imported stays, and nothing more is tried.
                stop = outcome.error().code == ErrorCode::Failed;
                return;
            }
            outcome->imported ? ++imported : ++duplicates;
            lines.append(QStringLiteral("%1  %2%3").arg(outcome->imported ? QStringLiteral("imported ") : QStringLiteral("duplicate"),
                                                       outcome->title,
                                                       outcome->notes.isEmpty() ? QString()
                                                                                : QStringLiteral("\n           ") +
                                                                                      outcome->notes.join(QStringLiteral("\n           "))));
            note(path, &s, outcome->imported ? QStringLiteral("imported") : QStringLiteral("duplicate"), &*outcome, {});
        };
        if (!mbox) {
            if (!picked.isEmpty()) {
                file.seek(0);
                importOne(picked.first(), file.read(MailLimits{}.maxMessageBytes + 1));
            }
            continue;
        }
        file.seek(0);
        MboxReader reader(file);
        while (auto message = reader.next()) {
            const auto s = wanted.constFind(message->index);
            if (s == wanted.cend())
                continue;
            if ((*s)->sha256 != message->sha256) {
                const Error e = failed(QStringLiteral("%1 changed while it was being imported; import it again "
                                                      "(what was imported stays, and is not imported twice).").arg(path));
                warn(e.message);
                problem(e);
                break;
            }
            importOne(**s, message->bytes);
            if (stop)
                break;
        }
        if (reader.error()) {
            warn(QStringLiteral("%1: %2").arg(path, reader.error()->message));
            problem(*reader.error());
        }
        if (stop)
            break;
    }

    const int unsaved = importer.unsaved();
    if (Status s = importer.save(); !s) {
        imported -= unsaved;
        warn(QStringLiteral("The last %1 messages imported could not be saved (%2); import again (what is in the "
                            "journal is skipped).").arg(unsaved).arg(s.error().message));
        problem(s.error());
    }
    if (json) {
        printJson(QJsonObject{{QStringLiteral("imported"), imported},
                              {QStringLiteral("duplicates"), duplicates},
                              {QStringLiteral("unreadable"), unreadable},
                              {QStringLiteral("listed"), listed},
                              {QStringLiteral("dry_run"), dryRun},
                              {QStringLiteral("messages"), results}});
    } else {
        for (const QString& line : std::as_const(lines))
            print(line + QLatin1Char('\n'));
        if (dryRun)
            print(QStringLiteral("%1 messages match; nothing was imported (--dry-run).\n").arg(listed));
        else
            print(QStringLiteral("Imported %1 emails; %2 already in the journal; %3 could not be imported.\n")
                      .arg(imported).arg(duplicates).arg(unreadable));
    }
    return exitCode;
}

int Cli::importImage()
{
    QDateTime occurred;
    if (m_parser.isSet(QStringLiteral("occurred")) && !(occurred = parseWhen(m_parser.value(QStringLiteral("occurred")), false)).isValid())
        return usageError(QStringLiteral("--occurred needs a date and time such as 2026-11-03T09:30."));
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto recognizer = TextRecognizer::create();
    if (!recognizer)
        warn(recognizer.error().message + QStringLiteral(" The images are imported without their text."));
    ImageImporter importer((*vault)->journal(), recognizer ? &*recognizer : nullptr);

    const bool json = m_parser.isSet(QStringLiteral("json"));
    QJsonArray results;
    Error lastError;
    int imported = 0, duplicates = 0, refused = 0;
    for (const QString& path : std::as_const(m_args)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() > MaxImageFileBytes) {
            lastError = file.isOpen() ? usage(QStringLiteral("%1 is larger than %2 MiB: it is not a screenshot or photo "
                                                             "Paper Trail can keep.").arg(path).arg(MaxImageFileBytes >> 20))
                                      : failed(QStringLiteral("%1 cannot be read (%2).").arg(path, file.errorString()));
            warn(lastError.message);
            ++refused;
            results.append(QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("status"), QStringLiteral("refused")},
                                       {QStringLiteral("error"), lastError.message}});
            continue;
        }
        ImageImportRequest request{file.readAll(), QFileInfo(path).fileName(), QFileInfo(file).lastModified(), occurred,
                                   m_parser.value(QStringLiteral("title"))};
        auto outcome = importer.import(request);
        if (!outcome) {
            lastError = outcome.error();
            warn(QStringLiteral("%1: %2").arg(path, lastError.message));
            ++refused;
            results.append(QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("status"), QStringLiteral("refused")},
                                       {QStringLiteral("error"), lastError.message}});
            continue;
        }
        outcome->imported ? ++imported : ++duplicates;
        results.append(QJsonObject{{QStringLiteral("file"), path},
                                   {QStringLiteral("status"), outcome->imported ? QStringLiteral("imported") : QStringLiteral("duplicate")},
                                   {QStringLiteral("id"), outcome->entryId},
                                   {QStringLiteral("kind"), outcome->kind},
                                   {QStringLiteral("has_location"), outcome->hasLocation},
                                   {QStringLiteral("recognized_characters"), int(outcome->recognizedText.size())},
                                   {QStringLiteral("notes"), QJsonArray::fromStringList(outcome->notes)}});
        if (!json) {
            QString line = QStringLiteral("%1  %2").arg(outcome->imported ? QStringLiteral("imported ") : QStringLiteral("duplicate"),
                                                       outcome->title);
            if (outcome->imported)
                line += QStringLiteral(" (%1 words read)").arg(outcome->recognizedText.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
            if (outcome->hasLocation)
                line += QStringLiteral("\n           It carries the place it was taken (GPS): an export shares it unless you leave it out.");
            for (const QString& n : std::as_const(outcome->notes))
                line += QStringLiteral("\n           ") + n;
            print(line + QLatin1Char('\n'));
        }
    }
    if (json)
        printJson(QJsonObject{{QStringLiteral("imported"), imported},
                              {QStringLiteral("duplicates"), duplicates},
                              {QStringLiteral("refused"), refused},
                              {QStringLiteral("images"), results}});
    return refused > 0 ? static_cast<int>(lastError.code) : 0;
}

} // namespace pt::cli
