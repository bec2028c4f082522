#pragma once
// Writing an entry: a new one (quick capture, meeting notes) or a new revision of an existing one.
// What is typed is autosaved, encrypted, every few seconds into a draft slot, so a killed app
// loses at most those seconds; save() turns it into a revision in the log.
#include "vault/Journal.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class VaultController;

class EntryEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)
    // Where the file picker opens: Pictures (screenshots land there), else Downloads, else home.
    Q_PROPERTY(QUrl pickerFolder READ pickerFolder CONSTANT)
    Q_PROPERTY(QString entryId READ entryId NOTIFY loaded)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY changed)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY changed)
    Q_PROPERTY(QString body READ body WRITE setBody NOTIFY changed)
    Q_PROPERTY(QDateTime occurredAt READ occurredAt WRITE setOccurredAt NOTIFY changed)
    Q_PROPERTY(QString tags READ tags WRITE setTags NOTIFY changed)
    Q_PROPERTY(QString attendees READ attendees WRITE setAttendees NOTIFY changed)
    Q_PROPERTY(QString agreements READ agreements WRITE setAgreements NOTIFY changed)
    Q_PROPERTY(QString disagreements READ disagreements WRITE setDisagreements NOTIFY changed)
    Q_PROPERTY(QString actionItems READ actionItems WRITE setActionItems NOTIFY changed)
    Q_PROPERTY(QVariantList attachments READ attachments NOTIFY changed)
    // A kind's own template, as text: an incident's where, said, witnesses (comma or line
    // separated), response and reported; a meeting's meeting_type and questions ([{question,
    // answer}]). Changed with setField and setAnswer.
    Q_PROPERTY(QVariantMap templateFields READ templateFields NOTIFY changed)
    // The entries this one links to (`links`, shown on both): [{id, title, kind, when}].
    Q_PROPERTY(QVariantList links READ links NOTIFY changed)
    Q_PROPERTY(bool dirty READ dirty NOTIFY changed)
    Q_PROPERTY(bool restoredDraft READ restoredDraft NOTIFY loaded)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    [[nodiscard]] static QUrl pickerFolder();
    explicit EntryEditor(QObject* parent = nullptr);

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);

    // Starts a new entry of `kind`, or resumes its autosaved draft if there is one.
    Q_INVOKABLE void startNew(const QString& kind);
    // As startNew, with fields set from the start (a meeting of the plan: {plan, meeting_type}).
    Q_INVOKABLE void startNewWith(const QString& kind, const QVariantMap& fields);
    Q_INVOKABLE void setField(const QString& key, const QString& value);
    Q_INVOKABLE void setAnswer(int index, const QString& answer);
    // A meeting's type: the PIP delivery meeting and 1:1s bring the seeds' questions to answer.
    Q_INVOKABLE void setMeetingType(const QString& type);
    Q_INVOKABLE void addLink(const QString& id);
    Q_INVOKABLE void removeLink(const QString& id);
    // Entries to link to, newest first, whose title or kind holds `words` (EntryChoices.h).
    Q_INVOKABLE [[nodiscard]] QVariantList linkCandidates(const QString& words) const;
    // Starts editing entry `id` (its draft if one was autosaved).
    Q_INVOKABLE bool startEdit(const QString& id);
    // Saves a revision; returns the entry id, or an empty string (errorMessage says why).
    Q_INVOKABLE QString save();
    // Throws the draft away.
    Q_INVOKABLE void discard();
    Q_INVOKABLE void addFiles(const QList<QUrl>& urls);
    // Attaches what the clipboard holds, byte-exact where it can (PastedImage.h); false when
    // there is no image or file on it.
    Q_INVOKABLE bool pasteImage();
    Q_INVOKABLE void removeAttachment(int index);
    // The follow-up email for a meeting: copies it to the clipboard and returns the mailto: URL.
    Q_INVOKABLE QUrl composeRecap();
    Q_INVOKABLE [[nodiscard]] QString recapText() const;
    // Writes the draft now (also done by the autosave timer).
    Q_INVOKABLE void saveDraft();

    [[nodiscard]] QString entryId() const { return m_entryId; }
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString& v);
    [[nodiscard]] QString title() const { return m_title; }
    void setTitle(const QString& v);
    [[nodiscard]] QString body() const { return m_body; }
    void setBody(const QString& v);
    [[nodiscard]] QDateTime occurredAt() const { return m_occurredAt; }
    void setOccurredAt(const QDateTime& v);
    [[nodiscard]] QString tags() const { return m_tags; }
    void setTags(const QString& v);
    [[nodiscard]] QString attendees() const { return m_attendees; }
    void setAttendees(const QString& v);
    [[nodiscard]] QString agreements() const { return m_agreements; }
    void setAgreements(const QString& v);
    [[nodiscard]] QString disagreements() const { return m_disagreements; }
    void setDisagreements(const QString& v);
    [[nodiscard]] QString actionItems() const { return m_actionItems; }
    void setActionItems(const QString& v);
    [[nodiscard]] QVariantList attachments() const;
    [[nodiscard]] QVariantMap templateFields() const { return m_template; }
    [[nodiscard]] QVariantList links() const;
    [[nodiscard]] bool dirty() const { return m_dirty; }
    [[nodiscard]] bool restoredDraft() const { return m_restoredDraft; }
    [[nodiscard]] QString errorMessage() const { return m_error; }

    static constexpr int AutosaveMs = 3000;

signals:
    void controllerChanged();
    void changed();
    void loaded();
    void errorMessageChanged();

private:
    struct Pending {
        QString name;
        QString mime;
        QString path;    // a file the person picked (read when saving)
        QByteArray data; // a pasted image (kept in memory, encoded as PNG)
        qint64 size = 0;
        bool existing = false; // already in the entry
    };

    void reset();
    void markDirty();
    void setError(const QString& message);
    [[nodiscard]] QString draftSlot() const;
    [[nodiscard]] QJsonObject toDraft() const;
    void fromDraft(const QJsonObject& draft);
    void fromRevision(const core::EntryRevision& revision);
    void templateFromFields(const QJsonObject& fields);
    [[nodiscard]] QJsonObject fields() const;
    [[nodiscard]] QStringList tagList() const;
    [[nodiscard]] core::EntryRevision asRevision() const;
    [[nodiscard]] core::Journal* journal() const;

    VaultController* m_controller = nullptr;
    QString m_entryId;
    QString m_newDraftSlot = QStringLiteral("new-note");
    QString m_kind = QStringLiteral("note");
    QString m_title, m_body, m_tags, m_attendees, m_agreements, m_disagreements, m_actionItems;
    QDateTime m_occurredAt;
    // The fields the entry had (or was started with), kept as they are: a kind's fields this
    // editor does not show (a check-in's grades, links, people) survive an edit.
    QJsonObject m_baseFields;
    QVariantMap m_template;
    QList<Pending> m_attachments;
    QStringList m_removed; // existing attachments removed in this edit
    bool m_dirty = false;
    bool m_restoredDraft = false;
    QString m_error;
    QTimer m_autosave;
};

} // namespace pt::gui
