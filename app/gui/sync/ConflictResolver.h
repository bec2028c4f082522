#pragma once
// One entry's sync conflict as the conflict view shows it: each side (a revision two devices
// wrote without seeing each other's change) with its fields, which fields differ, and the two ways
// out: keep one side as it is, or save a merge of them (Journal::resolveConflict). Nothing of
// either side is lost: both stay in the entry's history.
#include "vault/Journal.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class VaultController;

class ConflictResolver : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString entryId READ entryId WRITE setEntryId NOTIFY entryIdChanged)
    Q_PROPERTY(bool inConflict READ inConflict NOTIFY changed)
    // [{object, revision, recordedAt, thisDevice, shown, kind, title, body, occurredAt, tags,
    //   attachments (names)}], the shown side first.
    Q_PROPERTY(QVariantList sides READ sides NOTIFY changed)
    // The names of the fields in which the sides differ ("Title", "Text", ...).
    Q_PROPERTY(QStringList differences READ differences NOTIFY changed)
    // Where a merge starts: the shown side's title, and every side's text, the shown side's first.
    Q_PROPERTY(QString mergeTitle READ mergeTitle NOTIFY changed)
    Q_PROPERTY(QString mergeBody READ mergeBody NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)

public:
    explicit ConflictResolver(QObject* parent = nullptr);

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);
    [[nodiscard]] QString entryId() const { return m_entryId; }
    void setEntryId(const QString& id);

    [[nodiscard]] bool inConflict() const { return !m_sides.isEmpty(); }
    [[nodiscard]] QVariantList sides() const { return m_sides; }
    [[nodiscard]] QStringList differences() const { return m_differences; }
    [[nodiscard]] QString mergeTitle() const { return m_mergeTitle; }
    [[nodiscard]] QString mergeBody() const { return m_mergeBody; }
    [[nodiscard]] QString errorMessage() const { return m_error; }

    Q_INVOKABLE void reload();
    // Ends the conflict with side `object` as it is.
    Q_INVOKABLE bool keep(const QString& object);
    // Ends it with `object`'s other fields and this title and text.
    Q_INVOKABLE bool merge(const QString& object, const QString& title, const QString& body);

signals:
    void controllerChanged();
    void entryIdChanged();
    void changed();

private:
    [[nodiscard]] core::Journal* journal() const;
    bool resolve(const QString& object, const core::EntryChange& change);

    VaultController* m_controller = nullptr;
    QString m_entryId;
    QVariantList m_sides;
    QStringList m_differences;
    QString m_mergeTitle;
    QString m_mergeBody;
    QString m_error;
};

} // namespace pt::gui
