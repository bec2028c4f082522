#pragma once
// The timeline: the latest revision of each visible entry, newest occurrence first, filtered by
// kind, tags and a range of days (every filter narrows: an entry is shown when it passes all of
// them); with a query, the search hits in rank order with the matches highlighted.
// Deleted and purged entries are hidden unless showDeleted is set (then they are marked).
// A QAbstractListModel, so QML creates delegates only for the rows on screen.
#include "vault/Journal.h"

#include <QAbstractListModel>
#include <QDate>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class TimelineModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The vault controller owns the timeline")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY kindFilterChanged)
    Q_PROPERTY(QStringList tagFilter READ tagFilter WRITE setTagFilter NOTIFY tagFilterChanged)
    Q_PROPERTY(QString fromDay READ fromDay NOTIFY dayRangeChanged)
    Q_PROPERTY(QString toDay READ toDay NOTIFY dayRangeChanged)
    Q_PROPERTY(bool filtered READ filtered NOTIFY filtersChanged)
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
        RestoredRole,
        AttachmentCountRole,
        ThumbnailRole,
        TagsRole,
        DeletedRole,
        PurgedRole,
        ConflictRole, // two devices changed it without seeing each other's change
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
    // The tags an entry must have, every one of them (see setTagFilter for why all, not any).
    [[nodiscard]] QStringList tagFilter() const { return m_tags; }
    void setTagFilter(const QStringList& tags);
    // The days an entry happened on (its occurred_at in local time, as the day headers show it),
    // both included, as ISO dates ("2026-11-17"); an empty end is open.
    [[nodiscard]] QString fromDay() const { return m_from.toString(Qt::ISODate); }
    [[nodiscard]] QString toDay() const { return m_to.toString(Qt::ISODate); }
    // ISO dates, either empty for an open end; a day that is not a date is taken as open, and a
    // range given backwards is turned round.
    Q_INVOKABLE void setDayRange(const QString& from, const QString& to);
    // Whether a kind, tag or day filter hides anything (showDeleted only adds).
    [[nodiscard]] bool filtered() const;
    [[nodiscard]] bool showDeleted() const { return m_showDeleted; }
    void setShowDeleted(bool show);
    // Back to the whole timeline: no query, no filters, deleted entries hidden (at lock).
    void resetView();
    [[nodiscard]] QStringList kinds() const { return m_kinds; }
    [[nodiscard]] QStringList tags() const { return m_allTags; }
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
    void dayRangeChanged();
    void filtersChanged(); // with each of kindFilterChanged, tagFilterChanged and dayRangeChanged
    void showDeletedChanged();

private:
    struct Row {
        core::Entry entry;
        QString snippet;
    };

    core::Journal* m_journal = nullptr;
    QList<Row> m_rows;
    QString m_query;
    [[nodiscard]] bool passesFilters(const core::Entry& entry) const;

    QString m_kind;
    QStringList m_tags;
    QDate m_from;
    QDate m_to;
    bool m_showDeleted = false;
    QStringList m_kinds;
    QStringList m_allTags;
    QString m_searchError;
};

} // namespace pt::gui
