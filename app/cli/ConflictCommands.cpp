// The conflict commands: conflicts, resolve (docs/CLI.md, "Sync"). A conflict is an entry two
// devices changed without seeing each other's change; both sides are kept until one is chosen.
#include "Cli.h"

#include "EntryFormat.h"
#include "TerminalText.h"
#include "TimeFormat.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pt::cli {

using namespace pt::core;

namespace {

// How a side is named on the command line: the start of its object id, long enough to be unique.
constexpr qsizetype KeepChars = 12;

QString sideLine(const RevisionInfo& side, const EntryRevision& content, bool shown)
{
    const QString firstLine = terminalLine(bodyAfterHeadline(content).section(QLatin1Char('\n'), 0, 0).left(60));
    return QStringLiteral("  --keep %1  revision %2, recorded %3 by device %4%5\n      %6%7\n")
        .arg(side.object.left(KeepChars))
        .arg(side.revision)
        .arg(isoWithOffset(side.recordedAt.toLocalTime()), terminalLine(side.device.left(8)),
             shown ? QStringLiteral(" (shown now)") : QString(), terminalLine(headline(content)),
             firstLine.isEmpty() ? QString() : QStringLiteral(": ") + firstLine);
}

// The side `typed` names: a unique start of its object id (4 characters or more) or its revision
// number when no other side has the same.
Result<QString> sideNamed(const Entry& entry, const QString& typed)
{
    QStringList matches;
    bool ok = false;
    const int number = typed.toInt(&ok);
    for (const RevisionInfo& side : entry.conflict)
        if ((ok && side.revision == number) || (typed.size() >= 4 && side.object.startsWith(typed.toLower())))
            matches << side.object;
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        return notFound(QStringLiteral("%1 is none of the sides of entry %2's conflict; 'papertrail-cli conflicts' "
                                       "lists them.")
                            .arg(typed, entry.latest.entryId));
    return usage(QStringLiteral("%1 names more than one side; give the --keep value 'papertrail-cli conflicts' shows.")
                     .arg(typed));
}

} // namespace

int Cli::conflicts()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    const Journal& journal = (*vault)->journal();
    QJsonArray list;
    QString text;
    for (const Entry& e : journal.entries()) {
        if (!e.inConflict())
            continue;
        auto sides = journal.conflictRevisions(e.latest.entryId);
        if (!sides)
            return fail(sides.error());
        QJsonArray sideList;
        text += QStringLiteral("Entry %1  %2  (%3 sides)\n")
                    .arg(e.latest.entryId.left(8), terminalLine(headline(e.latest)))
                    .arg(e.conflict.size());
        for (qsizetype i = 0; i < e.conflict.size(); ++i) {
            const RevisionInfo& side = e.conflict.at(i);
            QJsonObject o = revisionJson(sides->at(i), side.object);
            o.insert(QStringLiteral("device"), side.device);
            o.insert(QStringLiteral("shown"), i == 0);
            sideList.append(o);
            text += sideLine(side, sides->at(i), i == 0);
        }
        QJsonObject entry = entryJson(e);
        entry.insert(QStringLiteral("sides"), sideList);
        list.append(entry);
        text += QLatin1Char('\n');
    }
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(list);
        return 0;
    }
    if (list.isEmpty()) {
        print(QStringLiteral("No entry is in conflict.\n"));
        return 0;
    }
    text += QStringLiteral("Keep one side with 'papertrail-cli resolve ID --keep KEEP', adding --title or --body "
                           "to write a merge of the sides instead. Nothing of any side is lost: each stays in "
                           "the entry's history.\n");
    print(text);
    return 0;
}

int Cli::resolve()
{
    if (!m_parser.isSet(QStringLiteral("keep")))
        return usageError(QStringLiteral("'resolve' needs --keep with the side to keep; 'papertrail-cli conflicts' "
                                         "shows each side's value."));
    EntryChange change;
    if (m_parser.isSet(QStringLiteral("title")))
        change.title = m_parser.value(QStringLiteral("title"));
    if (m_parser.isSet(QStringLiteral("body")))
        change.body = m_parser.value(QStringLiteral("body"));

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    Journal& journal = (*vault)->journal();
    auto entry = journal.entry(m_args.at(0));
    if (!entry)
        return fail(entry.error());
    if (!entry->inConflict())
        return fail(usage(QStringLiteral("Entry %1 is not in conflict; there is nothing to resolve.")
                              .arg(entry->latest.entryId)));
    auto keep = sideNamed(*entry, m_parser.value(QStringLiteral("keep")));
    if (!keep)
        return fail(keep.error());
    auto resolved = journal.resolveConflict(entry->latest.entryId, *keep, change);
    if (!resolved)
        return fail(resolved.error());
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(entryJson(*resolved));
    else
        print(QStringLiteral("%1 revision %2: the conflict is resolved. Run 'papertrail-cli sync' so the other "
                             "devices have it.\n")
                  .arg(resolved->latest.entryId)
                  .arg(resolved->latest.revision));
    return 0;
}

} // namespace pt::cli
