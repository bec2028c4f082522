#pragma once
// The conversation an email belongs to (core::intake::MailThreads: linked by Message-ID,
// In-Reply-To and References), oldest first, for the email view's "Conversation" list: when each
// message was sent, who sent it, its subject, and which one is open.
#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace pt::core {
class Journal;
}

namespace pt::gui {

class EmailThread : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EmailDetails owns the conversation of an email")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The open message's place in the list, -1 when there is no conversation.
    Q_PROPERTY(int currentRow READ currentRow NOTIFY countChanged)

public:
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        OccurredAtRole, // when it was sent (local time)
        SenderRole,     // the sender's name, else their address
        SubjectRole,
        CurrentRole, // the message open on the page
    };
    Q_ENUM(Role)

    explicit EmailThread(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int currentRow() const;

    // `entryId`'s conversation in `journal` (its deleted entries left out); empty without a
    // journal or when the entry is not an email. A message alone is a conversation of one.
    void load(const core::Journal* journal, const QString& entryId);

    // "Dana Reyes" from "Dana Reyes <dana@example.com>" or "\"Reyes, Dana\" <dana@...>"; the
    // address when there is no name.
    [[nodiscard]] static QString senderName(const QString& from);

signals:
    void countChanged();

private:
    struct Message {
        QString entryId;
        QDateTime occurredAt;
        QString sender;
        QString subject;
    };
    QList<Message> m_messages;
    QString m_current;
};

} // namespace pt::gui
