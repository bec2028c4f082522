#include "EntryDetails.h"

#include "EntryChoices.h"
#include "EntrySections.h"
#include "FieldNames.h"
#include "vault/EntryLinks.h"
#include "KindNames.h"
#include "MeetingRecap.h"
#include "VaultController.h"
#include "vault/RevisionDiff.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QUrl>

namespace pt::gui {

EntryDetails::EntryDetails(QObject* parent) : QObject(parent) {}

void EntryDetails::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &VaultController::journalChanged, this, &EntryDetails::reload);
        connect(m_controller, &VaultController::locked, this, &EntryDetails::reload);
    }
    emit controllerChanged();
    reload();
}

void EntryDetails::setEntryId(const QString& id)
{
    if (id == m_entryId)
        return;
    m_entryId = id;
    emit entryIdChanged();
    reload();
}

core::Journal* EntryDetails::journal() const
{
    core::Vault* vault = m_controller ? m_controller->vault() : nullptr;
    return vault ? &vault->journal() : nullptr;
}

namespace {

QString segmentKind(core::TextSegment::Kind kind)
{
    switch (kind) {
    case core::TextSegment::Kind::Added:
        return QStringLiteral("added");
    case core::TextSegment::Kind::Removed:
        return QStringLiteral("removed");
    case core::TextSegment::Kind::Same:
        break;
    }
    return QStringLiteral("same");
}

// A word diff as the word-sized pieces a Flow can wrap, with line breaks as their own pieces.
QVariantList wordPieces(const QList<core::TextSegment>& segments)
{
    QVariantList pieces;
    for (const core::TextSegment& s : segments) {
        const QStringList lines = s.text.split(QLatin1Char('\n'));
        for (qsizetype l = 0; l < lines.size(); ++l) {
            if (l > 0)
                pieces.append(QVariantMap{{QStringLiteral("kind"), QStringLiteral("break")}, {QStringLiteral("text"), QString()}});
            for (const QString& word : lines.at(l).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                pieces.append(QVariantMap{{QStringLiteral("kind"), segmentKind(s.kind)}, {QStringLiteral("text"), word}});
        }
    }
    return pieces;
}

// A value as the page shows it: a kind by its name, nothing as "(none)".
QString changeValue(const core::FieldChange& change, const QString& value)
{
    if (value.isEmpty())
        return EntryDetails::tr("(none)");
    return change.field == QLatin1String("kind") ? KindNames::label(value) : value;
}

// One line, in the app's words: "Title: A -> B", "Tags: added hr; removed pip",
// "Body: kept [-old-]{+new+} kept".
QString describe(const core::FieldChange& change)
{
    const QString name = FieldNames::label(change.field);
    switch (change.shape) {
    case core::FieldChange::Shape::Value:
        //: A changed field: its name, the old value and the new one.
        return EntryDetails::tr("%1: %2 -> %3").arg(name, changeValue(change, change.before), changeValue(change, change.after));
    case core::FieldChange::Shape::List: {
        const QStringList added = core::itemsOfKind(change, core::TextSegment::Kind::Added);
        const QStringList removed = core::itemsOfKind(change, core::TextSegment::Kind::Removed);
        QStringList parts;
        if (!added.isEmpty())
            parts << EntryDetails::tr("added %1").arg(added.join(QStringLiteral(", ")));
        if (!removed.isEmpty())
            parts << EntryDetails::tr("removed %1").arg(removed.join(QStringLiteral(", ")));
        if (parts.isEmpty())
            parts << EntryDetails::tr("reordered");
        //: A changed list or text: its name and what changed.
        return EntryDetails::tr("%1: %2").arg(name, parts.join(QStringLiteral("; ")));
    }
    case core::FieldChange::Shape::Text:
        return EntryDetails::tr("%1: %2").arg(name, core::markedText(change.segments));
    }
    return {};
}

QVariantList changesList(const QList<core::FieldChange>& changes)
{
    QVariantList list;
    for (const core::FieldChange& c : changes) {
        const bool text = c.shape == core::FieldChange::Shape::Text;
        list.append(QVariantMap{
            {QStringLiteral("field"), c.field},
            {QStringLiteral("label"), FieldNames::label(c.field)},
            {QStringLiteral("before"), c.before},
            {QStringLiteral("after"), c.after},
            {QStringLiteral("isText"), text},
            // Short values and lists in one line; long text as its words.
            {QStringLiteral("summary"), describe(c)},
            {QStringLiteral("words"), text ? wordPieces(c.segments) : QVariantList()},
        });
    }
    return list;
}

} // namespace

void EntryDetails::reload()
{
    m_entry.reset();
    m_history.clear();
    m_sections.clear();
    m_links.clear();
    m_error.clear();
    if (core::Journal* j = journal(); j && !m_entryId.isEmpty()) {
        if (auto entry = j->entry(m_entryId)) {
            m_entry = *entry;
            if (auto revisions = j->history(m_entryId)) {
                // Newest first; a revision right after a deletion is the restore.
                const QList<core::HistoryStep> steps = core::historySteps(*entry);
                for (qsizetype s = steps.size() - 1; s >= 0; --s) {
                    const core::HistoryStep& step = steps.at(s);
                    if (step.deletion >= 0) {
                        m_history.append(QVariantMap{
                            {QStringLiteral("type"), QStringLiteral("deletion")},
                            {QStringLiteral("recordedAt"), entry->deletions.at(step.deletion).time.toLocalTime()},
                        });
                        continue;
                    }
                    const qsizetype i = step.revision;
                    if (i >= revisions->size())
                        continue;
                    const core::EntryRevision& r = revisions->at(i);
                    const qsizetype followed = core::followedRevision(*entry, r); // after a conflict, not always i - 1
                    const bool restored = s > 0 && steps.at(s - 1).deletion >= 0;
                    m_history.append(QVariantMap{
                        {QStringLiteral("type"), QStringLiteral("revision")},
                        {QStringLiteral("revision"), r.revision},
                        {QStringLiteral("recordedAt"), r.recordedAt},
                        {QStringLiteral("occurredAt"), r.occurredAt},
                        {QStringLiteral("title"), r.title},
                        {QStringLiteral("body"), r.body},
                        {QStringLiteral("restored"), restored},
                        // The original text, when later revisions changed it; the page shows the latest.
                        {QStringLiteral("showBody"), i == 0 && revisions->size() > 1 && revisions->last().body != r.body},
                        {QStringLiteral("changed"), followed >= 0 ? core::changedFields(revisions->at(followed), r) : QStringList{}},
                        {QStringLiteral("changes"), followed >= 0 ? changesList(core::revisionChanges(revisions->at(followed), r)) : QVariantList{}},
                        {QStringLiteral("resolvedConflict"), !r.merges.isEmpty()},
                    });
                }
            } else {
                m_error = revisions.error().message;
            }
        } else {
            m_error = entry.error().message;
        }
    }
    // Read once per change: QML reads these properties several times (LinkIndex goes over every entry).
    m_sections = readSections();
    m_links = readLinks();
    emit changed();
}

QString EntryDetails::kind() const { return m_entry ? m_entry->latest.kind : QString(); }
QString EntryDetails::title() const { return m_entry ? m_entry->latest.title : QString(); }
QString EntryDetails::headline() const { return m_entry ? core::headline(m_entry->latest) : QString(); }
QString EntryDetails::body() const { return m_entry ? m_entry->latest.body : QString(); }
QDateTime EntryDetails::occurredAt() const { return m_entry ? m_entry->latest.occurredAt : QDateTime(); }
QDateTime EntryDetails::recordedAt() const { return m_entry ? m_entry->latest.recordedAt : QDateTime(); }
QDateTime EntryDetails::firstRecordedAt() const
{
    return m_entry && !m_entry->revisions.isEmpty() ? m_entry->revisions.first().recordedAt.toLocalTime() : QDateTime();
}
QStringList EntryDetails::tags() const { return m_entry ? m_entry->latest.tags : QStringList(); }
QVariantMap EntryDetails::fields() const { return m_entry ? m_entry->latest.fields.toVariantMap() : QVariantMap(); }
QDateTime EntryDetails::editedAt() const { return m_entry ? m_entry->editedAt.toLocalTime() : QDateTime(); }
QDateTime EntryDetails::restoredAt() const { return m_entry ? m_entry->restoredAt.toLocalTime() : QDateTime(); }

QVariantList EntryDetails::readSections() const
{
    if (!m_entry)
        return {};
    const core::Journal* j = journal();
    return entrySections(m_entry->latest, [j](const QString& id) {
        if (!j)
            return QString();
        auto e = j->entry(id);
        return e ? e->latest.title : QString();
    });
}

QVariantList EntryDetails::readLinks() const
{
    QVariantList list;
    const core::Journal* j = journal();
    if (!m_entry || !j)
        return list;
    const core::LinkIndex index(j->entries());
    const auto add = [&](const QString& id, bool outgoing) {
        auto e = j->entry(id);
        if (!e)
            return;
        QVariantMap row = entryRow(e->latest);
        row.insert(QStringLiteral("outgoing"), outgoing);
        list.append(row);
    };
    for (const QString& id : index.linksFrom(m_entry->latest.entryId))
        add(id, true);
    for (const QString& id : index.linksTo(m_entry->latest.entryId))
        add(id, false);
    return list;
}

int EntryDetails::revisionCount() const { return m_entry ? int(m_entry->revisions.size()) : 0; }
bool EntryDetails::deleted() const { return m_entry && m_entry->deleted; }
bool EntryDetails::purged() const { return m_entry && m_entry->purged; }
int EntryDetails::conflictSides() const { return m_entry ? int(m_entry->conflict.size()) : 0; }

QVariantList EntryDetails::attachments() const
{
    QVariantList list;
    if (!m_entry)
        return list;
    for (const core::AttachmentRef& a : m_entry->latest.attachments)
        list.append(QVariantMap{
            {QStringLiteral("name"), a.name},
            {QStringLiteral("mime"), a.mime},
            {QStringLiteral("size"), a.size},
            {QStringLiteral("sha256"), a.sha256},
            {QStringLiteral("isImage"), a.mime.startsWith(QLatin1String("image/"))},
            {QStringLiteral("source"), QStringLiteral("image://attachment/%1/%2")
                                           .arg(m_entry->latest.entryId, QString::fromLatin1(QUrl::toPercentEncoding(a.name)))},
        });
    return list;
}

bool EntryDetails::remove()
{
    core::Journal* j = journal();
    if (!j || !m_entry)
        return false;
    if (core::Status s = j->tombstone(m_entry->latest.entryId); !s) {
        m_error = s.error().message;
        emit changed();
        return false;
    }
    m_controller->notifyJournalChanged();
    return true;
}

bool EntryDetails::restore()
{
    core::Journal* j = journal();
    if (!j || !m_entry)
        return false;
    if (auto restored = j->restore(m_entry->latest.entryId); !restored) {
        m_error = restored.error().message;
        emit changed();
        return false;
    }
    m_controller->notifyJournalChanged();
    return true;
}

bool EntryDetails::purge()
{
    core::Journal* j = journal();
    if (!j || !m_entry)
        return false;
    if (core::Status s = j->purge(m_entry->latest.entryId); !s) {
        m_error = s.error().message;
        emit changed();
        return false;
    }
    m_controller->notifyJournalChanged();
    return true;
}

QUrl EntryDetails::exportForOpening(const QString& attachmentName)
{
    core::Journal* j = journal();
    if (!j || !m_entry)
        return {};
    const QString dir = VaultController::openedFilesDir();
    if (dir.isEmpty()) {
        m_error = tr("This system has no private in-memory folder for a plaintext copy, so Paper Trail "
                     "will not write one. Images open inside the app; for other files, log in to a "
                     "desktop session that provides one (XDG_RUNTIME_DIR) and try again.");
        emit changed();
        return {};
    }
    if (!QDir().mkpath(dir) || !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        m_error = tr("Could not make a private folder for the copy.");
        emit changed();
        return {};
    }
    // Only the file name part: a hostile name must not climb out of the folder.
    QString safe = QFileInfo(attachmentName).fileName();
    if (safe.isEmpty() || safe.startsWith(QLatin1Char('.')))
        safe = QStringLiteral("attachment") + safe;
    QFile out(dir + QLatin1Char('/') + safe);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = out.errorString();
        emit changed();
        return {};
    }
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (core::Status s = j->writeAttachment(m_entry->latest.entryId, attachmentName, out); !s) {
        out.remove();
        m_error = s.error().message;
        emit changed();
        return {};
    }
    out.close();
    return QUrl::fromLocalFile(out.fileName());
}

bool EntryDetails::openExternally(const QString& attachmentName)
{
    const QUrl url = exportForOpening(attachmentName);
    if (url.isEmpty())
        return false;
    if (QDesktopServices::openUrl(url))
        return true;
    QFile::remove(url.toLocalFile()); // nobody took it: no plaintext copy waits for the lock
    QString mime;
    if (m_entry)
        for (const core::AttachmentRef& a : std::as_const(m_entry->latest.attachments))
            if (a.name == attachmentName)
                mime = a.mime;
    m_error = tr("No app on this device opens %1 (%2). Install one that opens this kind of file and try again; "
                 "the attachment stays safe in Paper Trail.")
                  .arg(QFileInfo(attachmentName).fileName(), mime.isEmpty() ? tr("unknown type") : mime);
    emit changed();
    return false;
}

} // namespace pt::gui
