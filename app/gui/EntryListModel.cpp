#include "EntryListModel.h"

namespace pt::gui {

void EntryListModel::setEntries(QList<core::Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    emit countChanged();
}

void EntryListModel::clear() { setEntries({}); }

int EntryListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant EntryListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const core::Entry& e = m_entries.at(index.row());
    switch (role) {
    case IdRole:
        return e.latest.entryId;
    case TitleRole:
        return e.latest.title;
    case BodyPreviewRole:
        return e.latest.body.left(240).simplified();
    case KindRole:
        return e.latest.kind;
    case OccurredAtRole:
        return e.latest.occurredAt;
    case DayRole:
        return e.latest.occurredAt.toLocalTime().date().toString(Qt::ISODate);
    case EditedRole:
        return e.revisions.size() > 1;
    case AttachmentCountRole:
        return static_cast<int>(e.latest.attachments.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> EntryListModel::roleNames() const
{
    return {
        {IdRole, "entryId"},       {TitleRole, "title"},         {BodyPreviewRole, "bodyPreview"},
        {KindRole, "kind"},        {OccurredAtRole, "occurredAt"}, {DayRole, "day"},
        {EditedRole, "edited"},    {AttachmentCountRole, "attachmentCount"},
    };
}

} // namespace pt::gui
