#include "ExportEntryList.h"

#include <algorithm>
#include <utility>

namespace pt::gui {

ExportEntryList::ExportEntryList(IsPicked isPicked, QObject* parent)
    : QAbstractListModel(parent), m_isPicked(std::move(isPicked))
{
}

int ExportEntryList::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_shown.size()); }

QVariant ExportEntryList::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const Row& row = m_rows.at(m_shown.at(index.row()));
    switch (role) {
    case EntryIdRole:
        return row.entryId;
    case HeadlineRole:
        return row.headline;
    case KindRole:
        return row.kind;
    case OccurredRole:
        return row.occurredAt;
    case PickedRole:
        return m_isPicked(row.entryId);
    case DeletedRole:
        return row.deleted;
    default:
        return {};
    }
}

QHash<int, QByteArray> ExportEntryList::roleNames() const
{
    return {{EntryIdRole, "entryId"}, {HeadlineRole, "headline"}, {KindRole, "kind"},
            {OccurredRole, "occurredAt"}, {PickedRole, "picked"}, {DeletedRole, "deleted"}};
}

void ExportEntryList::setSearch(const QString& search)
{
    if (search == m_search)
        return;
    m_search = search;
    emit searchChanged();
    filter();
}

void ExportEntryList::setRows(QList<Row> rows)
{
    m_rows = std::move(rows);
    filter();
}

void ExportEntryList::filter()
{
    const QStringList words = m_search.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<qsizetype> shown;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const QString& text = m_rows.at(i).searchText;
        if (std::all_of(words.cbegin(), words.cend(), [&](const QString& w) { return text.contains(w); }))
            shown << i;
    }
    beginResetModel();
    m_shown = std::move(shown);
    endResetModel();
    emit countChanged();
}

void ExportEntryList::picksChanged()
{
    if (!m_shown.isEmpty())
        emit dataChanged(index(0), index(int(m_shown.size()) - 1), {PickedRole});
}

QStringList ExportEntryList::shownIds() const
{
    QStringList ids;
    ids.reserve(m_shown.size());
    for (const qsizetype i : m_shown)
        ids << m_rows.at(i).entryId;
    return ids;
}

} // namespace pt::gui
