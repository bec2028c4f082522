#include "EmailFiles.h"

#include "ChosenFile.h"
#include "intake/MailParser.h"
#include "intake/SafeImage.h"

#include <QDir>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <sodium.h>

namespace pt::gui {

namespace {

// Zeroes decrypted bytes no one else shares, then lets them go (best effort: a decoder's own
// buffers are only freed).
void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

struct Preview {
    QImage image;
    QString problem;
    QString note;
};

// Both take the decrypted message and wipe it.
Preview decodeFrom(QByteArray& message, int part, const QString& name)
{
    Preview out;
    core::Result<QByteArray> file = core::intake::attachmentBytes(message, part);
    wipe(message);
    if (!file) {
        out.problem = EmailFiles::tr("This file could not be read from the email: %1").arg(file.error().message);
        return out;
    }
    auto decoded = core::intake::decodePreview(*file, name, QSize(EmailFiles::PreviewEdge, EmailFiles::PreviewEdge));
    wipe(*file);
    if (!decoded) {
        out.problem = EmailFiles::tr("This picture cannot be shown here: %1 You can still save it and open it with "
                                     "another app.")
                          .arg(decoded.error().message);
        return out;
    }
    out.image = std::move(decoded->image);
    if (decoded->partial)
        out.note = decoded->note;
    return out;
}

core::Status saveFrom(QByteArray& message, int part, const QUrl& destination)
{
    core::Result<QByteArray> file = core::intake::attachmentBytes(message, part);
    wipe(message);
    if (!file)
        return core::failed(EmailFiles::tr("This file could not be read from the email: %1").arg(file.error().message));
    core::Status saved = chosenfile::save(destination, [&](QIODevice& out) -> core::Status {
        if (out.write(*file) != file->size())
            return core::failed(EmailFiles::tr("Could not write %1: %2. Check that the disk has room and try again.")
                                    .arg(QDir::toNativeSeparators(destination.toLocalFile()), out.errorString()));
        return core::Ok{};
    });
    wipe(*file);
    return saved;
}

} // namespace

EmailFiles::EmailFiles(QObject* parent) : QAbstractListModel(parent) {}

int EmailFiles::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

QHash<int, QByteArray> EmailFiles::roleNames() const
{
    return {
        {NameRole, "name"},       {TypeRole, "type"},       {SizeRole, "size"},
        {IsImageRole, "isImage"}, {InlineRole, "isInline"}, {Sha256Role, "sha256"},
    };
}

QVariant EmailFiles::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_files.size())
        return {};
    const File& f = m_files.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return f.name;
    case TypeRole:
        return f.type;
    case SizeRole:
        return f.size;
    case IsImageRole:
        return f.type.startsWith(QLatin1String("image/"), Qt::CaseInsensitive);
    case InlineRole:
        return f.isInline;
    case Sha256Role:
        return f.sha256;
    default:
        return {};
    }
}

void EmailFiles::reset(const QJsonArray& attachments, MessageBytes messageBytes)
{
    const qsizetype before = m_files.size();
    beginResetModel();
    m_files.clear();
    for (const QJsonValue& value : attachments) {
        const QJsonObject a = value.toObject();
        File f;
        f.name = a.value(QStringLiteral("name")).toString();
        f.type = a.value(QStringLiteral("type")).toString();
        f.size = qint64(a.value(QStringLiteral("size")).toDouble(-1));
        f.sha256 = a.value(QStringLiteral("sha256")).toString();
        f.isInline = a.value(QStringLiteral("inline")).toBool();
        f.part = a.value(QStringLiteral("part")).toInt(-1);
        m_files.append(f);
    }
    m_messageBytes = std::move(messageBytes);
    endResetModel();
    if (before != m_files.size())
        emit countChanged();
    closePreview();
    if (!m_saveMessage.isEmpty())
        setSaveOutcome(false, {});
}

void EmailFiles::invalidate()
{
    closePreview();
}

void EmailFiles::closePreview()
{
    ++m_generation;
    m_previewName.clear();
    m_previewImage = QImage();
    m_previewBusy = false;
    m_previewProblem.clear();
    m_previewNote.clear();
    emit previewChanged();
}

void EmailFiles::preview(int row)
{
    if (row < 0 || row >= m_files.size())
        return;
    const File f = m_files.at(row);
    closePreview();
    m_previewName = f.name;
    core::Result<QByteArray> message =
        m_messageBytes ? m_messageBytes() : core::Result<QByteArray>(core::failed(QString()));
    if (!message) {
        m_previewProblem = message.error().message.isEmpty()
                               ? tr("The email is not available. Unlock the journal and try again.")
                               : message.error().message;
        emit previewChanged();
        return;
    }
    m_previewBusy = true;
    emit previewChanged();
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<Preview>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // closed, locked or another picture asked for meanwhile
        Preview result = watcher->result();
        m_previewBusy = false;
        m_previewImage = std::move(result.image);
        m_previewProblem = result.problem;
        m_previewNote = result.note;
        emit previewChanged();
    });
    // The lambda holds the only reference to the bytes, so they can be wiped.
    watcher->setFuture(QtConcurrent::run([bytes = std::move(*message), part = f.part, name = f.name]() mutable {
        return decodeFrom(bytes, part, name);
    }));
}

QUrl EmailFiles::suggestedSaveUrl(int row) const
{
    if (row < 0 || row >= m_files.size())
        return {};
    return chosenfile::suggestedUrl(m_files.at(row).name, QStringLiteral("attachment"));
}

void EmailFiles::save(int row, const QUrl& destination)
{
    if (row < 0 || row >= m_files.size())
        return;
    const File f = m_files.at(row);
    core::Result<QByteArray> message =
        m_messageBytes ? m_messageBytes() : core::Result<QByteArray>(core::failed(QString()));
    if (!message) {
        setSaveOutcome(true, message.error().message.isEmpty()
                                 ? tr("The email is not available. Unlock the journal and try again.")
                                 : message.error().message);
        return;
    }
    ++m_saving;
    emit savedChanged();
    auto* watcher = new QFutureWatcher<core::Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, destination, name = f.name] {
        watcher->deleteLater();
        --m_saving;
        const core::Status saved = watcher->result();
        if (saved)
            setSaveOutcome(false, tr("Saved %1 as %2.").arg(name, QDir::toNativeSeparators(destination.toLocalFile())));
        else
            setSaveOutcome(true, saved.error().message);
    });
    watcher->setFuture(QtConcurrent::run([bytes = std::move(*message), part = f.part, destination]() mutable {
        return saveFrom(bytes, part, destination);
    }));
}

void EmailFiles::setSaveOutcome(bool failed, const QString& message)
{
    m_saveFailed = failed;
    m_saveMessage = message;
    emit savedChanged();
}

} // namespace pt::gui
