#pragma once
// The timeline: the latest revision of each visible entry, newest occurrence first, filtered by
// kind and tag; with a query, the search hits in rank order with the matches highlighted.
// Deleted and purged entries are hidden unless showDeleted is set (then they are marked).
// A QAbstractListModel, so QML creates delegates only for the rows on screen.
#include "vault/Journal.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class TimelineModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The vault controller owns the timeline")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY kindFilterChanged)
    Q_PROPERTY(QString tagFilter READ tagFilter WRITE setTagFilter NOTIFY tagFilterChanged)
    Q_PROPERTY(bool showDeleted READ showDeleted WRITE setShowDeleted NOTIFY showDeletedChanged)
    Q_PROPERTY(QStringList kinds READ kinds NOTIFY countChanged)
    Q_PROPERTY(QStringList tags READ tags NOTIFY countChanged)
    Q_PROPERTY(QString searchError READ searchError NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        HeadlineRole,    // the title, or the body's first line for a quick note without one
        BodyPreviewRole, // the body after the headline
        SnippetRole,
        KindRole,
        OccurredAtRole,
        DayRole,
        EditedRole,
        AttachmentCountRole,
        ThumbnailRole,
        TagsRole,
        DeletedRole,
        PurgedRole,
    };
    Q_ENUM(Role)

    explicit TimelineModel(QObject* parent = nullptr);

    // The journal the rows come from; nullptr when locked (the model empties itself).
    void setJournal(core::Journal* journal);
    void reload();

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString& query);
    [[nodiscard]] QString kindFilter() const { return m_kind; }
    void setKindFilter(const QString& kind);
    [[nodiscard]] QString tagFilter() const { return m_tag; }
    void setTagFilter(const QString& tag);
    [[nodiscard]] bool showDeleted() const { return m_showDeleted; }
    void setShowDeleted(bool show);
    // Back to the whole timeline: no query, no filters, deleted entries hidden (at lock).
    void resetView();
    [[nodiscard]] QStringList kinds() const { return m_kinds; }
    [[nodiscard]] QStringList tags() const { return m_tags; }
    [[nodiscard]] QString searchError() const { return m_searchError; }

    Q_INVOKABLE [[nodiscard]] int indexOf(const QString& entryId) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // A card's lines of body text, cut at a word.
    [[nodiscard]] static QString preview(const QString& body);
    // The search index's match markers as <b> highlights over the snippet, all of whose own text
    // is escaped: StyledText for QML with no markup but ours.
    [[nodiscard]] static QString highlight(const QString& snippet);

signals:
    void countChanged();
    void queryChanged();
    void kindFilterChanged();
    void tagFilterChanged();
    void showDeletedChanged();

private:
    struct Row {
        core::Entry entry;
        QString snippet;
    };

    core::Journal* m_journal = nullptr;
    QList<Row> m_rows;
    QString m_query;
    QString m_kind;
    QString m_tag;
    bool m_showDeleted = false;
    QStringList m_kinds;
    QStringList m_tags;
    QString m_searchError;
};

} // namespace pt::gui
