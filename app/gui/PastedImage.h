#pragma once
// What "Paste image" takes from the clipboard, as close to the original as the clipboard holds
// it. Evidence must stay byte-exact, so in this order:
//  1. a copied file (a local file URL, as file managers put it): attached as that file;
//  2. the bytes of a PNG, JPEG, GIF or WebP image: kept exactly as they are;
//  3. only pixels that exist nowhere else (a screenshot tool that offers no file format):
//     encoded as PNG and named "...-encoded.png", so the entry says it is not an original.
// Remote URLs are never fetched: the app makes no request the person did not ask for.
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

class QMimeData;

namespace pt::gui {

struct PastedImage {
    enum class Source { File, OriginalBytes, EncodedPixels };
    Source source = Source::OriginalBytes;
    QString path;     // Source::File: the file to attach when saving
    QByteArray bytes; // otherwise: what is stored
    QString name;
    QString mime;
    qint64 size = 0;
};

// Bytes larger than this are not held in memory from the clipboard: save the image as a file.
inline constexpr qint64 MaxPastedBytes = 64LL * 1024 * 1024;

// What the clipboard's `data` holds, pasted at `now` (which names pasted bytes).
[[nodiscard]] core::Result<QList<PastedImage>> pastedImages(const QMimeData* data, const QDateTime& now);

} // namespace pt::gui
