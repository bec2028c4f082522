#include "PastedImage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QMimeDatabase>
#include <QUrl>

namespace pt::gui {

namespace {

// The formats whose bytes are taken as they are, best first.
constexpr const char* OriginalFormats[] = {"image/png", "image/jpeg", "image/gif", "image/webp"};

QString baseName(const QDateTime& now)
{
    return QStringLiteral("pasted-") + now.toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

QList<PastedImage> copiedFiles(const QMimeData& data)
{
    static const QMimeDatabase mimes;
    QList<PastedImage> files;
    if (!data.hasUrls())
        return files;
    for (const QUrl& url : data.urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (!info.isFile())
            continue;
        files.append({PastedImage::Source::File, info.absoluteFilePath(), {}, info.fileName(),
                      mimes.mimeTypeForFile(info).name(), info.size()});
    }
    return files;
}

} // namespace

core::Result<QList<PastedImage>> pastedImages(const QMimeData* data, const QDateTime& now)
{
    if (!data)
        return core::notFound(QCoreApplication::translate("PastedImage", "There is no image on the clipboard. Copy a screenshot first."));
    if (QList<PastedImage> files = copiedFiles(*data); !files.isEmpty())
        return files;

    static const QMimeDatabase mimes;
    bool tooLarge = false;
    for (const char* format : OriginalFormats) {
        const QString declared = QLatin1String(format);
        if (!data->hasFormat(declared))
            continue;
        const QByteArray bytes = data->data(declared);
        if (bytes.size() > MaxPastedBytes) {
            tooLarge = true;
            continue;
        }
        // The clipboard's owner names the format; the bytes must bear it out.
        const QMimeType actual = mimes.mimeTypeForData(bytes);
        if (bytes.isEmpty() || !actual.name().startsWith(QLatin1String("image/")))
            continue;
        return QList<PastedImage>{{PastedImage::Source::OriginalBytes, {}, bytes,
                                   baseName(now) + QLatin1Char('.') + actual.preferredSuffix(), actual.name(),
                                   bytes.size()}};
    }
    if (tooLarge)
        return core::failed(QCoreApplication::translate("PastedImage", "The image on the clipboard is larger than %1 MiB. Save it as a file and "
                                        "attach that instead.")
                                .arg(MaxPastedBytes / (1024 * 1024)));

    const QImage image = data->hasImage() ? qvariant_cast<QImage>(data->imageData()) : QImage();
    if (image.isNull())
        return core::notFound(QCoreApplication::translate("PastedImage", "There is no image on the clipboard. Copy a screenshot first."));
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG") || png.size() > MaxPastedBytes)
        return core::failed(QCoreApplication::translate("PastedImage", "Could not keep the image on the clipboard. Save it as a file and attach "
                                        "that instead."));
    return QList<PastedImage>{{PastedImage::Source::EncodedPixels, {}, png, baseName(now) + QStringLiteral("-encoded.png"),
                               QStringLiteral("image/png"), png.size()}};
}

} // namespace pt::gui
