#include "EntryChoices.h"

namespace pt::gui {

QString entryTitle(const core::EntryRevision& r)
{
    return r.title.trimmed().isEmpty() ? r.body.section(QLatin1Char('\n'), 0, 0).left(120) : r.title;
}

QVariantMap entryRow(const core::EntryRevision& r)
{
    return {{QStringLiteral("id"), r.entryId},
            {QStringLiteral("title"), entryTitle(r)},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("when"), r.occurredAt.toLocalTime()}};
}

QVariantList entryChoices(const core::Journal& journal, const QString& words, const QStringList& exclude,
                          const QStringList& skipKinds, int limit)
{
    QVariantList list;
    const QString w = words.trimmed();
    for (const core::Entry& e : journal.entries()) { // newest first
        if (list.size() >= limit)
            break;
        if (e.deleted || exclude.contains(e.latest.entryId) || skipKinds.contains(e.latest.kind))
            continue;
        if (!w.isEmpty() && !entryTitle(e.latest).contains(w, Qt::CaseInsensitive) && !e.latest.kind.contains(w, Qt::CaseInsensitive))
            continue;
        list << entryRow(e.latest);
    }
    return list;
}

QVariantMap entryChoice(const core::Journal& journal, const QString& id)
{
    auto e = journal.entry(id);
    if (!e || e->deleted)
        return {};
    return entryRow(e->latest);
}

} // namespace pt::gui
