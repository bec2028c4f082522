#include "EntryEditor.h"
#include <QUrl>
#include <QDir>
#include <QStandardPaths>

#include "EntryChoices.h"
#include "MeetingRecap.h"
#include "pip/FieldText.h"
#include "pip/MeetingTemplate.h"
#include "pip/PipKinds.h"
#include "vault/EntryLinks.h"
#include "PastedImage.h"
#include "TimeFormat.h"
#include "VaultController.h"

#include <QBuffer>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QMimeDatabase>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <list>

namespace pt::gui {

namespace {

// Pasted images ride in the draft up to this much (base64 in a row of at most 16 MiB); a larger
// one is kept until the editor closes, and the draft keeps the text.
constexpr qint64 MaxDraftImageBytes = 10 * 1024 * 1024;

namespace field = core::pip::field;
using core::pip::putText;

QString newDraftSlot(const QString& kind) { return QStringLiteral("new-") + kind; }

// Before drafts were kept per kind, one "new" slot held the latest new entry's draft: it moves
// to its kind's slot unless that one is taken.
void adoptSingleNewDraft(core::DraftStore& drafts)
{
    const QString legacy = QStringLiteral("new");
    auto old = drafts.load(legacy);
    if (!old || !old->has_value())
        return;
    const QString slot = newDraftSlot((**old).value(QStringLiteral("kind")).toString(QStringLiteral("note")));
    if (auto taken = drafts.load(slot); taken && !taken->has_value() && drafts.save(slot, **old))
        (void)drafts.discard(legacy);
}

QJsonArray toArray(const QStringList& list) { return QJsonArray::fromStringList(list); }

QStringList splitList(const QString& text)
{
    QStringList list;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,\\n]"))))
        if (!part.trimmed().isEmpty())
            list << part.trimmed();
    return list;
}

} // namespace

EntryEditor::EntryEditor(QObject* parent) : QObject(parent)
{
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(AutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, &EntryEditor::saveDraft);
}

void EntryEditor::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) { // the draft is written while the keys still exist, then forgotten
        connect(m_controller, &VaultController::aboutToLock, this, &EntryEditor::saveDraft);
        connect(m_controller, &VaultController::locked, this, [this] { reset(); });
    }
    emit controllerChanged();
}

core::Journal* EntryEditor::journal() const
{
    core::Vault* vault = m_controller ? m_controller->vault() : nullptr;
    return vault ? &vault->journal() : nullptr;
}

void EntryEditor::setError(const QString& message)
{
    if (message != m_error) {
        m_error = message;
        emit errorMessageChanged();
    }
}

void EntryEditor::reset()
{
    m_autosave.stop();
    m_entryId.clear();
    m_kind = QStringLiteral("note");
    m_title.clear();
    m_body.clear();
    m_tags.clear();
    m_attendees.clear();
    m_agreements.clear();
    m_disagreements.clear();
    m_actionItems.clear();
    m_baseFields = {};
    m_template.clear();
    m_occurredAt = QDateTime::currentDateTime();
    m_attachments.clear();
    m_removed.clear();
    m_dirty = false;
    m_restoredDraft = false;
    setError({});
    emit loaded();
    emit changed();
}

QString EntryEditor::draftSlot() const
{
    return m_entryId.isEmpty() ? m_newDraftSlot : QStringLiteral("edit-") + m_entryId;
}

void EntryEditor::startNewWith(const QString& kind, const QVariantMap& fields)
{
    startNew(kind);
    if (m_restoredDraft)
        return; // what was being written comes back as it was
    m_baseFields = QJsonObject::fromVariantMap(fields);
    templateFromFields(m_baseFields);
    // A meeting started as the delivery meeting or a 1:1 comes with that meeting's questions.
    const QString type = m_template.value(QLatin1String(field::MeetingType)).toString();
    if (m_template.value(QLatin1String(field::Questions)).toList().isEmpty())
        m_template.insert(QLatin1String(field::Questions),
                          core::pip::questionsField(core::pip::meetingQuestions(type)).toVariantList());
    emit changed();
}

void EntryEditor::startNew(const QString& kind)
{
    reset();
    m_kind = kind.isEmpty() ? QStringLiteral("note") : kind;
    m_newDraftSlot = newDraftSlot(m_kind); // changing the kind while writing keeps the slot
    if (core::Vault* vault = m_controller ? m_controller->vault() : nullptr) {
        adoptSingleNewDraft(vault->drafts());
        if (auto draft = vault->drafts().load(draftSlot()); !draft) {
            setError(draft.error().message);
        } else if (draft->has_value()) {
            fromDraft(**draft);
            m_restoredDraft = true;
            m_dirty = true;
        }
    }
    emit loaded();
    emit changed();
}

bool EntryEditor::startEdit(const QString& id)
{
    reset();
    core::Journal* j = journal();
    if (!j)
        return false;
    auto entry = j->entry(id);
    if (!entry) {
        setError(entry.error().message);
        return false;
    }
    m_entryId = entry->latest.entryId;
    fromRevision(entry->latest);
    if (auto draft = m_controller->vault()->drafts().load(draftSlot()); draft && draft->has_value()) {
        fromDraft(**draft);
        m_restoredDraft = true;
        m_dirty = true;
    }
    emit loaded();
    emit changed();
    return true;
}

void EntryEditor::fromRevision(const core::EntryRevision& r)
{
    m_kind = r.kind;
    m_title = r.title;
    m_body = r.body;
    m_occurredAt = r.occurredAt;
    m_tags = r.tags.join(QStringLiteral(", "));
    QStringList attendees;
    for (const QJsonValue& v : r.fields.value(QLatin1String(core::meeting::Attendees)).toArray())
        attendees << v.toString();
    m_attendees = attendees.join(QStringLiteral(", "));
    m_agreements = r.fields.value(QLatin1String(core::meeting::Agreements)).toString();
    m_disagreements = r.fields.value(QLatin1String(core::meeting::Disagreements)).toString();
    m_actionItems = r.fields.value(QLatin1String(core::meeting::ActionItems)).toString();
    m_baseFields = r.fields;
    templateFromFields(r.fields);
    m_attachments.clear();
    for (const core::AttachmentRef& a : r.attachments)
        m_attachments.append({a.name, a.mime, {}, {}, a.size, true});
}

QJsonObject EntryEditor::toDraft() const
{
    QJsonArray attachments;
    qint64 imageBytes = 0;
    for (const Pending& p : m_attachments) {
        QJsonObject a{{QStringLiteral("name"), p.name}, {QStringLiteral("mime"), p.mime},
                      {QStringLiteral("size"), p.size},  {QStringLiteral("existing"), p.existing},
                      {QStringLiteral("path"), p.path}};
        if (!p.data.isEmpty() && imageBytes + p.data.size() <= MaxDraftImageBytes) {
            imageBytes += p.data.size();
            a.insert(QStringLiteral("data"), QString::fromLatin1(p.data.toBase64()));
        }
        attachments.append(a);
    }
    return {
        {QStringLiteral("kind"), m_kind},
        {QStringLiteral("title"), m_title},
        {QStringLiteral("body"), m_body},
        {QStringLiteral("occurred_at"), core::isoWithOffset(m_occurredAt)},
        {QStringLiteral("tags"), m_tags},
        {QStringLiteral("attendees"), m_attendees},
        {QStringLiteral("agreements"), m_agreements},
        {QStringLiteral("disagreements"), m_disagreements},
        {QStringLiteral("action_items"), m_actionItems},
        {QStringLiteral("base_fields"), m_baseFields},
        {QStringLiteral("template"), QJsonObject::fromVariantMap(m_template)},
        {QStringLiteral("attachments"), attachments},
        {QStringLiteral("removed"), toArray(m_removed)},
    };
}

void EntryEditor::fromDraft(const QJsonObject& d)
{
    m_kind = d.value(QStringLiteral("kind")).toString(m_kind);
    m_title = d.value(QStringLiteral("title")).toString();
    m_body = d.value(QStringLiteral("body")).toString();
    if (const QDateTime t = core::parseIso(d.value(QStringLiteral("occurred_at")).toString()); t.isValid())
        m_occurredAt = t;
    m_tags = d.value(QStringLiteral("tags")).toString();
    m_attendees = d.value(QStringLiteral("attendees")).toString();
    m_agreements = d.value(QStringLiteral("agreements")).toString();
    m_disagreements = d.value(QStringLiteral("disagreements")).toString();
    m_actionItems = d.value(QStringLiteral("action_items")).toString();
    if (d.contains(QStringLiteral("base_fields")))
        m_baseFields = d.value(QStringLiteral("base_fields")).toObject();
    if (d.contains(QStringLiteral("template")))
        m_template = d.value(QStringLiteral("template")).toObject().toVariantMap();
    m_attachments.clear();
    for (const QJsonValue& v : d.value(QStringLiteral("attachments")).toArray()) {
        const QJsonObject a = v.toObject();
        Pending p{a.value(QStringLiteral("name")).toString(), a.value(QStringLiteral("mime")).toString(),
                  a.value(QStringLiteral("path")).toString(),
                  QByteArray::fromBase64(a.value(QStringLiteral("data")).toString().toLatin1()),
                  a.value(QStringLiteral("size")).toInteger(), a.value(QStringLiteral("existing")).toBool()};
        if (p.existing || !p.path.isEmpty() || !p.data.isEmpty())
            m_attachments.append(p);
    }
    m_removed.clear();
    for (const QJsonValue& v : d.value(QStringLiteral("removed")).toArray())
        m_removed << v.toString();
}

void EntryEditor::saveDraft()
{
    m_autosave.stop();
    core::Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault || !m_dirty)
        return;
    if (core::Status s = vault->drafts().save(draftSlot(), toDraft()); !s)
        setError(s.error().message);
}

void EntryEditor::markDirty()
{
    m_dirty = true;
    m_autosave.start();
    emit changed();
}

#define PT_EDITOR_SETTER(name, member)                                                                                 \
    void EntryEditor::name(const QString& v)                                                                           \
    {                                                                                                                  \
        if (v == member)                                                                                               \
            return;                                                                                                    \
        member = v;                                                                                                    \
        markDirty();                                                                                                   \
    }
PT_EDITOR_SETTER(setKind, m_kind)
PT_EDITOR_SETTER(setTitle, m_title)
PT_EDITOR_SETTER(setBody, m_body)
PT_EDITOR_SETTER(setTags, m_tags)
PT_EDITOR_SETTER(setAttendees, m_attendees)
PT_EDITOR_SETTER(setAgreements, m_agreements)
PT_EDITOR_SETTER(setDisagreements, m_disagreements)
PT_EDITOR_SETTER(setActionItems, m_actionItems)
#undef PT_EDITOR_SETTER

void EntryEditor::setOccurredAt(const QDateTime& v)
{
    if (!v.isValid() || v == m_occurredAt)
        return;
    m_occurredAt = v;
    markDirty();
}

QVariantList EntryEditor::attachments() const
{
    QVariantList list;
    for (const Pending& p : m_attachments)
        list.append(QVariantMap{{QStringLiteral("name"), p.name},
                                {QStringLiteral("mime"), p.mime},
                                {QStringLiteral("size"), p.size},
                                {QStringLiteral("saved"), p.existing},
                                {QStringLiteral("isImage"), p.mime.startsWith(QLatin1String("image/"))}});
    return list;
}

void EntryEditor::addFiles(const QList<QUrl>& urls)
{
    static const QMimeDatabase mimes;
    for (const QUrl& url : urls) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
        const QFileInfo info(path);
        if (!info.isFile()) {
            setError(tr("%1 is not a file that can be attached.").arg(path));
            continue;
        }
        m_attachments.append({info.fileName(), mimes.mimeTypeForFile(info).name(), info.absoluteFilePath(), {},
                              info.size(), false});
    }
    markDirty();
}

QUrl EntryEditor::pickerFolder()
{
    for (const auto location : {QStandardPaths::PicturesLocation, QStandardPaths::DownloadLocation}) {
        const QString dir = QStandardPaths::writableLocation(location);
        if (!dir.isEmpty() && QDir(dir).exists() && dir != QDir::homePath())
            return QUrl::fromLocalFile(dir);
    }
    return QUrl::fromLocalFile(QDir::homePath());
}

bool EntryEditor::pasteImage()
{
    auto pasted = pastedImages(QGuiApplication::clipboard()->mimeData(), QDateTime::currentDateTime());
    if (!pasted) {
        setError(pasted.error().message);
        return false;
    }
    for (const PastedImage& p : *pasted)
        m_attachments.append({p.name, p.mime, p.path, p.bytes, p.size, false});
    setError({});
    markDirty();
    return true;
}

void EntryEditor::removeAttachment(int index)
{
    if (index < 0 || index >= m_attachments.size())
        return;
    if (m_attachments.at(index).existing)
        m_removed << m_attachments.at(index).name;
    m_attachments.removeAt(index);
    markDirty();
}

QStringList EntryEditor::tagList() const { return splitList(m_tags); }

namespace {

constexpr std::array<const char*, 4> IncidentTexts{field::Where, field::Said, field::Response, field::Reported};

// The entry's people become those named in `key` now, and the others it `had`: a name taken
// out of the attendees or witnesses (a typo) leaves its people too.
void listPeople(QJsonObject& f, const QJsonObject& had, const char* key, const QStringList& names)
{
    core::EntryRevision before;
    before.fields = had;
    QStringList listedBefore;
    for (const QJsonValue& v : had.value(QLatin1String(key)).toArray())
        listedBefore << v.toString();
    QStringList people;
    for (const QString& name : core::peopleOf(before))
        if (std::none_of(listedBefore.cbegin(), listedBefore.cend(), [&](const QString& l) { return core::samePerson(l, name); }))
            people << name;
    core::setPeople(f, people + names);
}

} // namespace

void EntryEditor::templateFromFields(const QJsonObject& f)
{
    m_template.clear();
    for (const char* key : IncidentTexts)
        m_template.insert(QLatin1String(key), f.value(QLatin1String(key)).toString());
    QStringList witnesses;
    for (const QJsonValue& v : f.value(QLatin1String(field::Witnesses)).toArray())
        witnesses << v.toString();
    m_template.insert(QLatin1String(field::Witnesses), witnesses.join(QStringLiteral(", ")));
    m_template.insert(QLatin1String(field::MeetingType), f.value(QLatin1String(field::MeetingType)).toString());
    QVariantList questions;
    for (const QJsonValue& v : f.value(QLatin1String(field::Questions)).toArray())
        if (v.isObject())
            questions << QVariantMap{{QLatin1String(field::Question), v[QLatin1String(field::Question)].toString()},
                                     {QLatin1String(field::Answer), v[QLatin1String(field::Answer)].toString()}};
    m_template.insert(QLatin1String(field::Questions), questions);
}

QVariantList EntryEditor::links() const
{
    QVariantList list;
    const core::Journal* j = journal();
    if (!j)
        return list;
    for (const QString& id : core::linksIn(m_baseFields, m_entryId))
        if (const QVariantMap row = entryChoice(*j, id); !row.isEmpty())
            list << row;
    return list;
}

void EntryEditor::addLink(const QString& id)
{
    QStringList ids = core::linksIn(m_baseFields, m_entryId);
    if (id.isEmpty() || id == m_entryId || ids.contains(id))
        return;
    core::setLinks(m_baseFields, ids << id);
    markDirty();
}

void EntryEditor::removeLink(const QString& id)
{
    QStringList ids = core::linksIn(m_baseFields, m_entryId);
    if (ids.removeAll(id) == 0)
        return;
    core::setLinks(m_baseFields, ids);
    markDirty();
}

QVariantList EntryEditor::linkCandidates(const QString& words) const
{
    const core::Journal* j = journal();
    if (!j)
        return {};
    return entryChoices(*j, words, core::linksIn(m_baseFields, m_entryId) << m_entryId);
}

void EntryEditor::setField(const QString& key, const QString& value)
{
    if (m_template.value(key).toString() == value)
        return;
    m_template.insert(key, value);
    markDirty();
}

void EntryEditor::setAnswer(int index, const QString& answer)
{
    QVariantList questions = m_template.value(QLatin1String(field::Questions)).toList();
    if (index < 0 || index >= questions.size())
        return;
    QVariantMap q = questions.at(index).toMap();
    if (q.value(QLatin1String(field::Answer)).toString() == answer)
        return;
    q.insert(QLatin1String(field::Answer), answer);
    questions[index] = q;
    m_template.insert(QLatin1String(field::Questions), questions);
    markDirty();
}

void EntryEditor::setMeetingType(const QString& type)
{
    if (m_template.value(QLatin1String(field::MeetingType)).toString() == type)
        return;
    m_template.insert(QLatin1String(field::MeetingType), type);
    // Answers already written stay; the new type's questions not yet there are added.
    QVariantList questions = m_template.value(QLatin1String(field::Questions)).toList();
    QStringList asked;
    for (const QVariant& q : std::as_const(questions))
        asked << q.toMap().value(QLatin1String(field::Question)).toString();
    for (const QString& q : core::pip::meetingQuestions(type))
        if (!asked.contains(q))
            questions << QVariantMap{{QLatin1String(field::Question), q}, {QLatin1String(field::Answer), QString()}};
    m_template.insert(QLatin1String(field::Questions), questions);
    markDirty();
}

QJsonObject EntryEditor::fields() const
{
    QJsonObject f = m_baseFields;
    const auto text = [this](const char* key) { return m_template.value(QLatin1String(key)).toString(); };
    if (m_kind == QLatin1String("meeting")) {
        const QStringList attendees = splitList(m_attendees);
        f.insert(QLatin1String(core::meeting::Attendees), toArray(attendees));
        f.insert(QLatin1String(core::meeting::Agreements), m_agreements);
        f.insert(QLatin1String(core::meeting::Disagreements), m_disagreements);
        f.insert(QLatin1String(core::meeting::ActionItems), m_actionItems);
        putText(f, field::MeetingType, text(field::MeetingType));
        QJsonArray questions;
        for (const QVariant& v : m_template.value(QLatin1String(field::Questions)).toList()) {
            const QVariantMap q = v.toMap();
            questions.append(QJsonObject{{QLatin1String(field::Question), q.value(QLatin1String(field::Question)).toString()},
                                         {QLatin1String(field::Answer), q.value(QLatin1String(field::Answer)).toString().trimmed()}});
        }
        if (questions.isEmpty())
            f.remove(QLatin1String(field::Questions));
        else
            f.insert(QLatin1String(field::Questions), questions);
        listPeople(f, m_baseFields, core::meeting::Attendees, attendees);
    } else if (m_kind == QLatin1String(core::pip::kind::Incident)) {
        for (const char* key : IncidentTexts)
            putText(f, key, text(key));
        const QStringList witnesses = splitList(text(field::Witnesses));
        if (witnesses.isEmpty())
            f.remove(QLatin1String(field::Witnesses));
        else
            f.insert(QLatin1String(field::Witnesses), toArray(witnesses));
        // Witnesses are people of the entry, so "who saw what" is answered across the journal.
        listPeople(f, m_baseFields, field::Witnesses, witnesses);
    }
    return f;
}

core::EntryRevision EntryEditor::asRevision() const
{
    core::EntryRevision r;
    r.kind = m_kind;
    r.title = m_title;
    r.body = m_body;
    r.occurredAt = m_occurredAt;
    r.tags = tagList();
    r.fields = fields();
    return r;
}

QString EntryEditor::save()
{
    core::Journal* j = journal();
    if (!j) {
        setError(tr("The vault is locked. Unlock it to save; your draft is kept."));
        return {};
    }
    // Sources stay open until the save returns.
    std::list<QFile> files;
    std::list<QBuffer> buffers;
    QList<core::NewAttachment> added;
    for (Pending& p : m_attachments) {
        if (p.existing)
            continue;
        QIODevice* source = nullptr;
        if (!p.data.isEmpty()) {
            source = &buffers.emplace_back(&p.data);
        } else {
            source = &files.emplace_back(p.path);
        }
        if (!source->open(QIODevice::ReadOnly)) {
            setError(tr("Could not open %1 to attach it: %2. Remove it or pick it again.").arg(p.name, source->errorString()));
            return {};
        }
        added.append({source, p.name, p.mime});
    }

    core::Result<core::Entry> saved = core::Error{};
    if (m_entryId.isEmpty()) {
        core::EntryDraft draft;
        draft.kind = m_kind;
        draft.title = m_title;
        draft.body = m_body;
        draft.occurredAt = m_occurredAt;
        draft.tags = tagList();
        draft.fields = fields();
        draft.attachments = added;
        saved = j->add(draft);
    } else {
        core::EntryChange change;
        change.kind = m_kind;
        change.title = m_title;
        change.body = m_body;
        change.occurredAt = m_occurredAt;
        change.tags = tagList();
        change.fields = fields();
        change.addAttachments = added;
        change.removeAttachments = m_removed;
        saved = j->edit(m_entryId, change);
    }
    if (!saved) {
        setError(saved.error().message);
        return {};
    }
    const QString id = saved->latest.entryId;
    (void)m_controller->vault()->drafts().discard(draftSlot());
    m_dirty = false;
    m_autosave.stop();
    m_controller->notifyJournalChanged();
    setError({});
    emit changed();
    return id;
}

void EntryEditor::discard()
{
    if (core::Vault* vault = m_controller ? m_controller->vault() : nullptr)
        (void)vault->drafts().discard(draftSlot());
    const QString id = m_entryId;
    reset();
    if (!id.isEmpty())
        startEdit(id);
}

QString EntryEditor::recapText() const
{
    const core::MailDraft recap = core::composeRecap(asRevision());
    return recap.subject + QStringLiteral("\n\n") + recap.body;
}

QUrl EntryEditor::composeRecap()
{
    const core::MailDraft recap = core::composeRecap(asRevision());
    QGuiApplication::clipboard()->setText(recap.subject + QStringLiteral("\n\n") + recap.body);
    return recap.mailtoUrl();
}

} // namespace pt::gui
