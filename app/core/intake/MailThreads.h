#pragma once
// Conversations of imported emails: messages are one thread when they are linked by their
// Message-ID, In-Reply-To and References headers (RFC 5322 section 3.6.4), directly or through
// other messages, even one not imported (two replies to the same lost message are one thread).
#include "vault/Journal.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace pt::core::intake {

class MailThreads final {
public:
    // From the journal's entries (any kinds; only emails take part).
    [[nodiscard]] static MailThreads of(const QList<Entry>& entries);

    // The email entries of `entryId`'s conversation, itself included, oldest first; empty when
    // it is not an email entry.
    [[nodiscard]] QStringList threadOf(const QString& entryId) const;

private:
    [[nodiscard]] int root(int node) const;
    int nodeFor(const QString& messageId);
    void join(int a, int b);

    mutable QList<int> m_parent;                // union-find over message ids and entries
    QHash<QString, int> m_messageNode;          // Message-ID -> node
    QHash<QString, int> m_entryNode;            // entry id -> node
    QHash<int, QList<QPair<qint64, QString>>> m_members; // root -> (occurred ms, entry id)
};

} // namespace pt::core::intake
