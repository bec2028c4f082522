#include "Cli.h"

#include "AttachmentFiles.h"
#include "EntryFormat.h"
#include "TerminalText.h"
#include "TimeFormat.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>

namespace pt::cli {

using namespace pt::core;

int Cli::add()
{
    bool bodyGiven = false;
    auto body = bodyFromArgumentsOrStdin(&bodyGiven);
    EntryDraft draft;
    draft.title = m_parser.value(QStringLiteral("title"));
    draft.body = *body;
    if (m_parser.isSet(QStringLiteral("kind")))
        draft.kind = m_parser.value(QStringLiteral("kind"));
    draft.tags = m_parser.values(QStringLiteral("tag"));
    if (m_parser.isSet(QStringLiteral("occurred"))) {
        draft.occurredAt = parseIso(m_parser.value(QStringLiteral("occurred")));
        if (!draft.occurredAt.isValid())
            return usageError(QStringLiteral("--occurred needs an ISO 8601 time such as 2026-11-23T14:30:00+01:00."));
    }
    OpenedFiles opened;
    auto attachments = openAttachments(m_parser.values(QStringLiteral("attach")), opened);
    if (!attachments)
        return fail(attachments.error());
    draft.attachments = *attachments;

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto entry = (*vault)->journal().add(draft);
    if (!entry)
        return fail(entry.error());
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(entryJson(*entry));
    else
        print(entry->latest.entryId + QLatin1Char('\n'));
    return 0;
}

int Cli::list()
{
    QDateTime since, until;
    if (m_parser.isSet(QStringLiteral("since")) && !(since = parseWhen(m_parser.value(QStringLiteral("since")), false)).isValid())
        return usageError(QStringLiteral("--since needs a date such as 2026-11-01."));
    if (m_parser.isSet(QStringLiteral("until")) && !(until = parseWhen(m_parser.value(QStringLiteral("until")), true)).isValid())
        return usageError(QStringLiteral("--until needs a date such as 2026-11-30."));
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    const QString kind = m_parser.value(QStringLiteral("kind"));
    const QString tag = m_parser.value(QStringLiteral("tag"));
    QJsonArray json;
    QString text;
    for (const Entry& e : (*vault)->journal().entries(m_parser.isSet(QStringLiteral("deleted")))) {
        if (!kind.isEmpty() && e.latest.kind != kind)
            continue;
        if (!tag.isEmpty() && !e.latest.tags.contains(tag))
            continue;
        if ((since.isValid() && e.latest.occurredAt < since) || (until.isValid() && e.latest.occurredAt > until))
            continue;
        json.append(entryJson(e));
        text += listLine(e) + QLatin1Char('\n');
    }
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(json);
    else
        print(text.isEmpty() ? QStringLiteral("No entries.\n") : text);
    return 0;
}

int Cli::show()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    Journal& journal = (*vault)->journal();
    auto entry = journal.entry(m_args.at(0));
    if (!entry)
        return fail(entry.error());
    const bool json = m_parser.isSet(QStringLiteral("json"));
    if (!m_parser.isSet(QStringLiteral("history"))) {
        if (json)
            printJson(entryJson(*entry));
        else
            print(entryText(*entry));
        return 0;
    }
    auto history = journal.history(entry->latest.entryId);
    if (!history)
        return fail(history.error());
    // A revision right after a deletion is the one that restored the entry.
    const QList<HistoryStep> steps = historySteps(*entry);
    QSet<qsizetype> restores;
    for (qsizetype i = 1; i < steps.size(); ++i)
        if (steps.at(i).revision >= 0 && steps.at(i - 1).deletion >= 0)
            restores.insert(steps.at(i).revision);
    // Each revision is compared with the one it follows.
    const auto changesOf = [&](qsizetype i) {
        const qsizetype p = followedRevision(*entry, history->at(i));
        return p >= 0 ? revisionChanges(history->at(p), history->at(i)) : QList<FieldChange>{};
    };
    const auto changedOf = [&](qsizetype i) {
        const qsizetype p = followedRevision(*entry, history->at(i));
        return p >= 0 ? changedFields(history->at(p), history->at(i)) : QStringList{};
    };
    if (json) {
        QJsonObject o = entryJson(*entry);
        QJsonArray revisions;
        for (qsizetype i = 0; i < history->size(); ++i) {
            QJsonObject r = revisionJson(history->at(i), entry->revisions.at(i).object);
            if (i > 0) {
                r.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changedOf(i)));
                r.insert(QStringLiteral("changes"), changesJson(changesOf(i)));
                r.insert(QStringLiteral("restored"), restores.contains(i));
            }
            revisions.append(r);
        }
        o.insert(QStringLiteral("history"), revisions);
        QJsonArray deletions;
        for (const DeletionInfo& d : std::as_const(entry->deletions))
            deletions.append(QJsonObject{{QStringLiteral("recorded_at"), isoWithOffset(d.time.toLocalTime())},
                                         {QStringLiteral("device"), d.device},
                                         {QStringLiteral("seq"), d.seq}});
        o.insert(QStringLiteral("deletions"), deletions);
        printJson(o);
        return 0;
    }
    QString text = QStringLiteral("Entry %1: %2 revision(s)%3\n\n")
                       .arg(entry->latest.entryId)
                       .arg(entry->revisions.size())
                       .arg(entry->purged ? QStringLiteral(", purged") : entry->deleted ? QStringLiteral(", deleted") : QString());
    for (const HistoryStep& step : steps) {
        if (step.deletion >= 0)
            text += deletionText(entry->deletions.at(step.deletion));
        else if (step.revision < history->size())
            text += revisionText(history->at(step.revision), changedOf(step.revision), changesOf(step.revision),
                                 restores.contains(step.revision));
    }
    print(text);
    return 0;
}

int Cli::edit()
{
    EntryChange change;
    if (m_parser.isSet(QStringLiteral("title")))
        change.title = m_parser.value(QStringLiteral("title"));
    bool bodyGiven = false;
    auto body = bodyFromArgumentsOrStdin(&bodyGiven);
    if (bodyGiven)
        change.body = *body;
    if (m_parser.isSet(QStringLiteral("kind")))
        change.kind = m_parser.value(QStringLiteral("kind"));
    if (m_parser.isSet(QStringLiteral("tag")))
        change.tags = m_parser.values(QStringLiteral("tag"));
    if (m_parser.isSet(QStringLiteral("occurred"))) {
        const QDateTime when = parseIso(m_parser.value(QStringLiteral("occurred")));
        if (!when.isValid())
            return usageError(QStringLiteral("--occurred needs an ISO 8601 time such as 2026-11-23T14:30:00+01:00."));
        change.occurredAt = when;
    }
    change.removeAttachments = m_parser.values(QStringLiteral("detach"));
    OpenedFiles opened;
    auto attachments = openAttachments(m_parser.values(QStringLiteral("attach")), opened);
    if (!attachments)
        return fail(attachments.error());
    change.addAttachments = *attachments;

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto id = (*vault)->journal().resolveId(m_args.at(0));
    if (!id)
        return fail(id.error());
    auto entry = (*vault)->journal().edit(*id, change);
    if (!entry)
        return fail(entry.error());
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(entryJson(*entry));
    else
        print(QStringLiteral("%1 revision %2\n").arg(entry->latest.entryId).arg(entry->latest.revision));
    return 0;
}

int Cli::remove()
{
    return withEntry([this](Journal& journal, const QString& id) -> Status {
        if (Status s = journal.tombstone(id); !s)
            return s;
        print(QStringLiteral("Deleted %1. It is hidden from the timeline; 'show %1 --history' still shows it.\n").arg(id));
        return Ok{};
    });
}

int Cli::restore()
{
    return withEntry([this](Journal& journal, const QString& id) -> Status {
        auto entry = journal.restore(id);
        if (!entry)
            return entry.error();
        if (m_parser.isSet(QStringLiteral("json")))
            printJson(entryJson(*entry));
        else
            print(QStringLiteral("Restored %1 as revision %2; 'show %1 --history' shows the deletion and the restore.\n")
                      .arg(id)
                      .arg(entry->latest.revision));
        return Ok{};
    });
}

int Cli::purge()
{
    return withEntry([this](Journal& journal, const QString& id) -> Status {
        if (Status s = journal.purge(id); !s)
            return s;
        print(QStringLiteral("Purged %1: its contents and attachments are gone; the log keeps their hashes.\n").arg(id));
        return Ok{};
    });
}

int Cli::withEntry(const std::function<Status(Journal&, const QString&)>& action)
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto id = (*vault)->journal().resolveId(m_args.at(0));
    if (!id)
        return fail(id.error());
    if (Status s = action((*vault)->journal(), *id); !s)
        return fail(s.error());
    return 0;
}

int Cli::search()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    Journal& journal = (*vault)->journal();
    auto hits = journal.search(m_args.join(QLatin1Char(' ')));
    if (!hits)
        return fail(hits.error());
    QJsonArray json;
    QString text;
    for (const SearchHit& hit : *hits) {
        auto entry = journal.entry(hit.entryId);
        if (!entry)
            continue;
        QJsonObject o = entryJson(*entry);
        const QString snippet = QString(hit.snippet)
                                    .replace(SearchHit::MatchStart, QLatin1Char('['))
                                    .replace(SearchHit::MatchEnd, QLatin1Char(']'));
        o.insert(QStringLiteral("snippet"), snippet);
        json.append(o);
        text += listLine(*entry) + QStringLiteral("\n          ") + terminalLine(snippet.simplified()) + QLatin1Char('\n');
    }
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(json);
    else
        print(text.isEmpty() ? QStringLiteral("No matches.\n") : text);
    return 0;
}

} // namespace pt::cli
