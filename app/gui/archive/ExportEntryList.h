#pragma once
// The entries the export page's choices (days, kinds, tags, deleted) hold, as a checklist to pick
// exactly which go into the archive (ExportController's hand-picking). In exhibit order, oldest
// first, so the list reads as the lawyer's report will; narrowed by a search as typed. Whether a
// row is picked is the controller's to say: a tick changes one role, so the list keeps its place
// and its keyboard focus.
#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace pt::gui {

class ExportEntryList : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The export page's controller makes its list of entries.")
    // Words the rows shown must all have (in the title, text, tags or kind), as typed.
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    // Rows shown (after the search) and rows in all.
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)

public:
    enum Role { EntryIdRole = Qt::UserRole + 1, HeadlineRole, KindRole, OccurredRole, PickedRole, DeletedRole };

    struct Row {
        QString entryId;
        QString headline; // the title, or the text's first line
        QString kind;
        QDateTime occurredAt;
        bool deleted = false;
        QString searchText; // lower case: headline, text, tags and kind
    };
    using IsPicked = std::function<bool(const QString& entryId)>;

    explicit ExportEntryList(IsPicked isPicked, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString& search);
    [[nodiscard]] int count() const { return int(m_shown.size()); }
    [[nodiscard]] int total() const { return int(m_rows.size()); }

    // Every row, replacing what there was (the choices or the journal changed).
    void setRows(QList<Row> rows);
    // The picks changed: the rows shown say so again.
    void picksChanged();
    // The ids of the rows the search shows.
    [[nodiscard]] QStringList shownIds() const;

signals:
    void searchChanged();
    void countChanged();

private:
    void filter();

    IsPicked m_isPicked;
    QList<Row> m_rows;
    QList<qsizetype> m_shown; // indexes into m_rows
    QString m_search;
};

} // namespace pt::gui
