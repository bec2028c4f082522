#include "AttachmentFiles.h"

#include <QFileInfo>
#include <QMimeDatabase>

namespace pt::core {

Result<QList<NewAttachment>> openAttachments(const QStringList& paths, OpenedFiles& opened)
{
    static const QMimeDatabase mimes;
    QList<NewAttachment> list;
    for (const QString& path : paths) {
        auto file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly))
            return notFound(QStringLiteral("Could not open %1 to attach: %2.").arg(path, file->errorString()));
        // By name first; a pipe or a nameless file is recognised by its first bytes instead.
        QMimeType mime = mimes.mimeTypeForFile(path, QMimeDatabase::MatchExtension);
        if (mime.isDefault() || !QFileInfo(path).isFile())
            mime = mimes.mimeTypeForData(file.get());
        list.append({file.get(), QFileInfo(path).fileName(), mime.name()});
        opened.files.push_back(std::move(file));
    }
    return list;
}

} // namespace pt::core
