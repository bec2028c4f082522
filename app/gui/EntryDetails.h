#pragma once
// One entry as the entry view shows it: both times, attachments, and every revision with what
// changed (RevisionDiff) and every deletion; delete (a tombstone), restore and purge; opening an
// attachment in another app.
#include "vault/Journal.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class VaultController;

class EntryDetails : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString entryId READ entryId WRITE setEntryId NOTIFY entryIdChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    Q_PROPERTY(QString kind READ kind NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString headline READ headline NOTIFY changed) // the title, or the body's first line
    Q_PROPERTY(QString body READ body NOTIFY changed)
    Q_PROPERTY(QDateTime occurredAt READ occurredAt NOTIFY changed)
    Q_PROPERTY(QDateTime recordedAt READ recordedAt NOTIFY changed)
    Q_PROPERTY(QDateTime firstRecordedAt READ firstRecordedAt NOTIFY changed)
    Q_PROPERTY(QStringList tags READ tags NOTIFY changed)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY changed)
    Q_PROPERTY(QVariantList attachments READ attachments NOTIFY changed)
    Q_PROPERTY(QVariantList history READ history NOTIFY changed)
    Q_PROPERTY(QVariantList sections READ sections NOTIFY changed) // [{key, label, text}]: EntrySections.h
    // The entries it links to and those linking to it: [{id, kind, title, when, outgoing}].
    Q_PROPERTY(QVariantList links READ links NOTIFY changed)
    Q_PROPERTY(int revisionCount READ revisionCount NOTIFY changed)
    // A revision changed a field (a restore that only brought the entry back does not count).
    Q_PROPERTY(bool edited READ edited NOTIFY changed)
    Q_PROPERTY(QDateTime editedAt READ editedAt NOTIFY changed)
    Q_PROPERTY(bool restored READ restored NOTIFY changed) // brought back after a deletion
    Q_PROPERTY(QDateTime restoredAt READ restoredAt NOTIFY changed)
    Q_PROPERTY(bool deleted READ deleted NOTIFY changed)
    Q_PROPERTY(bool purged READ purged NOTIFY changed)
    // Two devices changed it without seeing each other's change: how many sides (0: none).
    Q_PROPERTY(int conflictSides READ conflictSides NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)

public:
    explicit EntryDetails(QObject* parent = nullptr);

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);
    [[nodiscard]] QString entryId() const { return m_entryId; }
    void setEntryId(const QString& id);

    Q_INVOKABLE void reload();
    Q_INVOKABLE bool remove();
    // A deleted entry shown again: a new revision with its content (not for a purged one).
    Q_INVOKABLE bool restore();
    Q_INVOKABLE bool purge();
    // Writes a plaintext copy into the private folder wiped on lock, and returns its URL.
    Q_INVOKABLE QUrl exportForOpening(const QString& attachmentName);
    // exportForOpening, then hands the copy to the system; when no app takes it the copy is
    // wiped again and errorMessage says so.
    Q_INVOKABLE bool openExternally(const QString& attachmentName);

    [[nodiscard]] bool valid() const { return m_entry.has_value(); }
    [[nodiscard]] QString kind() const;
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString headline() const;
    [[nodiscard]] QString body() const;
    [[nodiscard]] QDateTime occurredAt() const;
    [[nodiscard]] QDateTime recordedAt() const;
    [[nodiscard]] QDateTime firstRecordedAt() const;
    [[nodiscard]] QStringList tags() const;
    [[nodiscard]] QVariantMap fields() const;
    [[nodiscard]] QVariantList attachments() const;
    [[nodiscard]] QVariantList history() const { return m_history; }
    [[nodiscard]] QVariantList sections() const { return m_sections; }
    [[nodiscard]] QVariantList links() const { return m_links; }
    [[nodiscard]] int revisionCount() const;
    [[nodiscard]] bool edited() const { return m_entry && m_entry->edited(); }
    [[nodiscard]] QDateTime editedAt() const;
    [[nodiscard]] bool restored() const { return m_entry && m_entry->restored(); }
    [[nodiscard]] QDateTime restoredAt() const;
    [[nodiscard]] bool deleted() const;
    [[nodiscard]] bool purged() const;
    [[nodiscard]] int conflictSides() const;
    [[nodiscard]] QString errorMessage() const { return m_error; }

signals:
    void controllerChanged();
    void entryIdChanged();
    void changed();

private:
    [[nodiscard]] core::Journal* journal() const;
    [[nodiscard]] QVariantList readSections() const;
    [[nodiscard]] QVariantList readLinks() const;

    VaultController* m_controller = nullptr;
    QString m_entryId;
    std::optional<core::Entry> m_entry;
    QVariantList m_history;
    QVariantList m_sections;
    QVariantList m_links;
    QString m_error;
};

} // namespace pt::gui
