#include "EmailDetails.h"

#include "ChosenFile.h"
#include "ClockTime.h"
#include "VaultController.h"
#include "intake/EmailEntry.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

namespace pt::gui {

namespace email = core::intake::email;

namespace {

QStringList textList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        if (const QString s = item.toString().trimmed(); !s.isEmpty())
            list << s;
    return list;
}

// "a", "a and b", "a, b and c".
QString spokenList(const QStringList& items)
{
    if (items.size() <= 1)
        return items.value(0);
    //: The last two of a list: "example.com and example.org".
    return EmailDetails::tr("%1 and %2").arg(items.mid(0, items.size() - 1).join(QStringLiteral(", ")), items.last());
}

} // namespace

EmailDetails::EmailDetails(QObject* parent) : QObject(parent), m_files(this), m_thread(this) {}

void EmailDetails::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &VaultController::journalChanged, this, &EmailDetails::reload);
        connect(m_controller, &VaultController::locked, this, [this] {
            m_files.invalidate();
            reload();
        });
    }
    emit controllerChanged();
    reload();
}

void EmailDetails::setEntryId(const QString& id)
{
    if (id == m_entryId)
        return;
    m_entryId = id;
    emit entryIdChanged();
    if (!m_saveMessage.isEmpty())
        setSaveOutcome(false, {});
    reload();
}

core::Journal* EmailDetails::journal() const
{
    core::Vault* vault = m_controller ? m_controller->vault() : nullptr;
    return vault ? &vault->journal() : nullptr;
}

void EmailDetails::clear()
{
    m_isEmail = false;
    m_from.clear();
    m_to.clear();
    m_cc.clear();
    m_date.clear();
    m_dateGuessed = false;
    m_messageId.clear();
    m_inReplyTo.clear();
    m_references.clear();
    m_textFromHtml = false;
    m_signedBy.clear();
    m_signatures.clear();
    m_importNotes.clear();
    m_originalName.clear();
    m_originalSize = 0;
    m_originalSha256.clear();
}

void EmailDetails::reload()
{
    clear();
    core::Journal* j = journal();
    std::optional<core::Entry> entry;
    if (j && !m_entryId.isEmpty())
        if (auto found = j->entry(m_entryId); found && found->latest.kind == QLatin1String(core::intake::EmailKind))
            entry = *found;
    if (!entry) {
        m_filesOf.clear();
        m_files.reset({}, {});
        m_thread.load(nullptr, {});
        emit changed();
        return;
    }
    const core::EntryRevision& r = entry->latest;
    const QJsonObject& f = r.fields;
    m_isEmail = true;
    m_from = f.value(QLatin1String(email::From)).toString();
    m_to = textList(f.value(QLatin1String(email::To))).join(QStringLiteral(", "));
    m_cc = textList(f.value(QLatin1String(email::Cc))).join(QStringLiteral(", "));
    m_dateGuessed = f.value(QLatin1String(email::DateGuessed)).toBool();
    const QDateTime sent = QDateTime::fromString(f.value(QLatin1String(email::Date)).toString(), Qt::ISODate);
    // No Date and no Received to guess from: the file's time, which is where the entry is.
    m_date = clockTime(sent.isValid() ? sent : r.occurredAt.toLocalTime());
    m_messageId = f.value(QLatin1String(email::MessageId)).toString();
    m_inReplyTo = f.value(QLatin1String(email::InReplyTo)).toString();
    m_references = textList(f.value(QLatin1String(email::References)));
    m_textFromHtml = f.value(QLatin1String(email::TextFromHtml)).toBool();
    QStringList domains;
    for (const QJsonValue& value : f.value(QLatin1String(email::Dkim)).toArray()) {
        const QJsonObject d = value.toObject();
        const QString domain = d.value(QStringLiteral("domain")).toString().trimmed();
        const QString selector = d.value(QStringLiteral("selector")).toString().trimmed();
        const QString shown = domain.isEmpty() ? tr("an unnamed domain") : domain;
        if (!domains.contains(shown))
            domains << shown;
        m_signatures << (selector.isEmpty() ? shown : tr("%1 (selector %2)").arg(shown, selector));
    }
    if (!domains.isEmpty())
        m_signedBy = tr("Signed by %1 (not checked here: the original is kept so a lawyer can check it)")
                         .arg(spokenList(domains));
    m_importNotes = textList(f.value(QLatin1String(email::ImportNotes)));
    for (const core::AttachmentRef& a : r.attachments)
        if (a.mime == QLatin1String(core::intake::EmailMime)) {
            m_originalName = a.name;
            m_originalSize = a.size;
            m_originalSha256 = a.sha256;
            break;
        }

    // The original is read again each time a file in it is asked for: nothing decrypted stays.
    // The same files again (the journal changed elsewhere) keep a picture being viewed.
    const QJsonArray files = f.value(QLatin1String(email::Attachments)).toArray();
    const QString filesOf = m_entryId + QLatin1Char('/') + m_originalSha256;
    if (filesOf != m_filesOf || files != m_filesList) {
        m_filesOf = filesOf;
        m_filesList = files;
        m_files.reset(files,
                      [controller = QPointer<VaultController>(m_controller), id = m_entryId, name = m_originalName,
                       size = m_originalSize]() -> core::Result<QByteArray> {
                          core::Vault* vault = controller ? controller->vault() : nullptr;
                          if (!vault)
                              return core::failed(tr("The journal is locked. Unlock it and try again."));
                          if (name.isEmpty())
                              return core::notFound(tr("This entry no longer holds the original email, so its files "
                                                       "cannot be read."));
                          QBuffer sink;
                          sink.buffer().reserve(qsizetype(size)); // one allocation: no stray copies of the bytes
                          sink.open(QIODevice::WriteOnly);
                          if (core::Status s = vault->journal().writeAttachment(id, name, sink); !s)
                              return s.error();
                          return sink.buffer();
                      });
    }
    m_thread.load(j, m_entryId);
    emit changed();
}

QUrl EmailDetails::suggestedOriginalUrl() const
{
    return chosenfile::suggestedUrl(m_originalName, QStringLiteral("message.eml"));
}

bool EmailDetails::saveOriginal(const QUrl& destination)
{
    core::Journal* j = journal();
    if (!j || !m_isEmail || m_originalName.isEmpty()) {
        setSaveOutcome(true, tr("The original email is not available. Unlock the journal and try again."));
        return false;
    }
    // Decrypted straight into the chosen file, never held whole in memory.
    const core::Status saved = chosenfile::save(
        destination, [&](QIODevice& out) { return j->writeAttachment(m_entryId, m_originalName, out); });
    if (!saved) {
        setSaveOutcome(true, saved.error().message);
        return false;
    }
    setSaveOutcome(false,
                   tr("Saved the original email as %1.").arg(QDir::toNativeSeparators(destination.toLocalFile())));
    return true;
}

void EmailDetails::setSaveOutcome(bool failed, const QString& message)
{
    m_saveFailed = failed;
    m_saveMessage = message;
    emit savedChanged();
}

} // namespace pt::gui
