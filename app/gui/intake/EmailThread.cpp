#include "EmailThread.h"

#include "intake/EmailEntry.h"
#include "intake/MailThreads.h"
#include "vault/Journal.h"

#include <QHash>

namespace pt::gui {

EmailThread::EmailThread(QObject* parent) : QAbstractListModel(parent) {}

int EmailThread::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QHash<int, QByteArray> EmailThread::roleNames() const
{
    return {
        {EntryIdRole, "entryId"}, {OccurredAtRole, "occurredAt"}, {SenderRole, "sender"},
        {SubjectRole, "subject"}, {CurrentRole, "current"},
    };
}

QVariant EmailThread::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const Message& m = m_messages.at(index.row());
    switch (role) {
    case EntryIdRole:
        return m.entryId;
    case OccurredAtRole:
        return m.occurredAt;
    case SenderRole:
        return m.sender;
    case Qt::DisplayRole:
    case SubjectRole:
        return m.subject;
    case CurrentRole:
        return m.entryId == m_current;
    default:
        return {};
    }
}

int EmailThread::currentRow() const
{
    for (qsizetype i = 0; i < m_messages.size(); ++i)
        if (m_messages.at(i).entryId == m_current)
            return int(i);
    return -1;
}

void EmailThread::load(const core::Journal* journal, const QString& entryId)
{
    beginResetModel();
    m_messages.clear();
    m_current = entryId;
    if (journal && !entryId.isEmpty()) {
        const QList<core::Entry> entries = journal->entries();
        QHash<QString, const core::Entry*> byId;
        for (const core::Entry& e : entries)
            byId.insert(e.latest.entryId, &e);
        for (const QString& id : core::intake::MailThreads::of(entries).threadOf(entryId)) {
            const core::Entry* e = byId.value(id);
            if (!e)
                continue;
            m_messages.append({id, e->latest.occurredAt.toLocalTime(),
                               senderName(e->latest.fields.value(QLatin1String(core::intake::email::From)).toString()),
                               e->latest.title});
        }
    }
    endResetModel();
    emit countChanged(); // and currentRow, which moves with the open message
}

QString EmailThread::senderName(const QString& from)
{
    const QString text = from.simplified();
    const qsizetype open = text.lastIndexOf(QLatin1Char('<'));
    if (open < 0)
        return text;
    QString name = text.left(open).trimmed();
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2).trimmed();
    if (!name.isEmpty())
        return name;
    QString address = text.mid(open + 1);
    if (address.endsWith(QLatin1Char('>')))
        address.chop(1);
    return address.trimmed();
}

} // namespace pt::gui
