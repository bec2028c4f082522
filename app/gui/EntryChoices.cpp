#include "EntryChoices.h"

namespace pt::gui {

namespace {

QString titleOf(const core::EntryRevision& r)
{
    return r.title.trimmed().isEmpty() ? r.body.section(QLatin1Char('\n'), 0, 0).left(120) : r.title;
}

QVariantMap row(const core::EntryRevision& r)
{
    return {{QStringLiteral("id"), r.entryId},
            {QStringLiteral("title"), titleOf(r)},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("when"), r.occurredAt.toLocalTime()}};
}

} // namespace

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
        if (!w.isEmpty() && !titleOf(e.latest).contains(w, Qt::CaseInsensitive) && !e.latest.kind.contains(w, Qt::CaseInsensitive))
            continue;
        list << row(e.latest);
    }
    return list;
}

QVariantMap entryChoice(const core::Journal& journal, const QString& id)
{
    auto e = journal.entry(id);
    if (!e || e->deleted)
        return {};
    return row(e->latest);
}

} // namespace pt::gui
