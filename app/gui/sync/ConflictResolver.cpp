#include "ConflictResolver.h"

#include "FieldNames.h"
#include "VaultController.h"
#include "vault/EntryRevision.h"

namespace pt::gui {

ConflictResolver::ConflictResolver(QObject* parent) : QObject(parent) {}

void ConflictResolver::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        // A sync may bring a third side, or another device's resolution.
        connect(m_controller, &VaultController::journalChanged, this, &ConflictResolver::reload);
        connect(m_controller, &VaultController::locked, this, &ConflictResolver::reload);
    }
    emit controllerChanged();
    reload();
}

void ConflictResolver::setEntryId(const QString& id)
{
    if (id == m_entryId)
        return;
    m_entryId = id;
    emit entryIdChanged();
    reload();
}

core::Journal* ConflictResolver::journal() const
{
    core::Vault* vault = m_controller ? m_controller->vault() : nullptr;
    return vault ? &vault->journal() : nullptr;
}

void ConflictResolver::reload()
{
    m_sides.clear();
    m_differences.clear();
    m_mergeTitle.clear();
    m_mergeBody.clear();
    m_error.clear();
    core::Journal* j = journal();
    if (!j || m_entryId.isEmpty()) {
        emit changed();
        return;
    }
    auto entry = j->entry(m_entryId);
    if (!entry) {
        m_error = entry.error().message;
        emit changed();
        return;
    }
    auto contents = j->conflictRevisions(m_entryId);
    if (!contents) {
        m_error = contents.error().message;
        emit changed();
        return;
    }
    const QString thisDevice = m_controller->vault()->deviceId();
    QStringList bodies;
    for (qsizetype i = 0; i < contents->size(); ++i) {
        const core::EntryRevision& r = contents->at(i);
        const core::RevisionInfo& info = entry->conflict.at(i);
        QStringList names;
        for (const core::AttachmentRef& a : r.attachments)
            names << a.name;
        m_sides.append(QVariantMap{
            {QStringLiteral("object"), info.object},
            {QStringLiteral("revision"), r.revision},
            {QStringLiteral("recordedAt"), r.recordedAt},
            {QStringLiteral("thisDevice"), info.device == thisDevice},
            {QStringLiteral("shown"), i == 0},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("title"), r.title},
            {QStringLiteral("body"), r.body},
            {QStringLiteral("occurredAt"), r.occurredAt},
            {QStringLiteral("tags"), r.tags},
            {QStringLiteral("attachments"), names},
        });
        if (!bodies.contains(r.body))
            bodies << r.body;
        for (const QString& field : core::changedFields(contents->first(), r)) {
            const QString label = FieldNames::label(field);
            if (!m_differences.contains(label))
                m_differences << label;
        }
    }
    if (!contents->isEmpty()) {
        m_mergeTitle = contents->first().title;
        m_mergeBody = bodies.join(QStringLiteral("\n\n"));
    }
    emit changed();
}

bool ConflictResolver::resolve(const QString& object, const core::EntryChange& change)
{
    core::Journal* j = journal();
    if (!j)
        return false;
    if (auto resolved = j->resolveConflict(m_entryId, object, change); !resolved) {
        m_error = resolved.error().message;
        emit changed();
        return false;
    }
    m_controller->notifyJournalChanged();
    return true;
}

bool ConflictResolver::keep(const QString& object) { return resolve(object, {}); }

bool ConflictResolver::merge(const QString& object, const QString& title, const QString& body)
{
    core::EntryChange change;
    change.title = title;
    change.body = body;
    return resolve(object, change);
}

} // namespace pt::gui
