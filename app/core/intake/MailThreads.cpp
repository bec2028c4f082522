#include "MailThreads.h"

#include "EmailEntry.h"

#include <QJsonArray>

#include <algorithm>

namespace pt::core::intake {

MailThreads MailThreads::of(const QList<Entry>& entries)
{
    MailThreads threads;
    for (const Entry& entry : entries) {
        const EntryRevision& r = entry.latest;
        if (r.kind != QLatin1String(EmailKind))
            continue;
        const int self = int(threads.m_parent.size());
        threads.m_parent.append(self);
        threads.m_entryNode.insert(r.entryId, self);
        QStringList linked{r.fields.value(QLatin1String(email::MessageId)).toString(),
                           r.fields.value(QLatin1String(email::InReplyTo)).toString()};
        for (const QJsonValue& v : r.fields.value(QLatin1String(email::References)).toArray())
            linked.append(v.toString());
        for (const QString& id : std::as_const(linked))
            if (!id.isEmpty())
                threads.join(self, threads.nodeFor(id));
    }
    for (const Entry& entry : entries) {
        const auto node = threads.m_entryNode.constFind(entry.latest.entryId);
        if (node != threads.m_entryNode.cend())
            threads.m_members[threads.root(*node)].append({entry.latest.occurredAt.toMSecsSinceEpoch(), entry.latest.entryId});
    }
    for (auto& members : threads.m_members)
        std::sort(members.begin(), members.end());
    return threads;
}

QStringList MailThreads::threadOf(const QString& entryId) const
{
    const auto node = m_entryNode.constFind(entryId);
    if (node == m_entryNode.cend())
        return {};
    QStringList ids;
    for (const auto& member : m_members.value(root(*node)))
        ids.append(member.second);
    return ids;
}

int MailThreads::root(int node) const
{
    while (m_parent[node] != node) {
        m_parent[node] = m_parent[m_parent[node]]; // path halving keeps the trees flat
        node = m_parent[node];
    }
    return node;
}

int MailThreads::nodeFor(const QString& messageId)
{
    const auto found = m_messageNode.constFind(messageId);
    if (found != m_messageNode.cend())
        return *found;
    const int node = int(m_parent.size());
    m_parent.append(node);
    m_messageNode.insert(messageId, node);
    return node;
}

void MailThreads::join(int a, int b)
{
    const int ra = root(a);
    const int rb = root(b);
    if (ra != rb)
        m_parent[rb] = ra;
}

} // namespace pt::core::intake
