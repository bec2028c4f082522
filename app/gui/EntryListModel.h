#pragma once
// The timeline as a list model: latest revision of each visible entry, newest first.
#include "Journal.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class EntryListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The vault controller owns the timeline")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        BodyPreviewRole,
        KindRole,
        OccurredAtRole,
        DayRole,
        EditedRole,
        AttachmentCountRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    void setEntries(QList<core::Entry> entries);
    void clear();

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    QList<core::Entry> m_entries;
};

} // namespace pt::gui
