#pragma once
// Decoding screenshots and photos from bytes in memory, safely: the file's bytes are the
// evidence and stay as they are; what is decoded here is only for showing and for reading text.
// Nothing is written to disk.
//
// Against hostile files: only a few raster formats are accepted, told from the content (never
// the name); the declared size is read from the header and checked against MaxImagePixels and
// MaxImageEdge before any pixel is decoded; Qt's allocation limit bounds what the decoders allocate; a
// decoded image larger than its header said is refused; a JPEG or PNG that ends early is
// decoded as far as it goes and marked partial.
#include "ImageLimits.h"
#include "Result.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace pt::core::intake {

// What the header says, without decoding any pixel.
struct ImageProbe {
    QByteArray format; // Qt's name for it, from the content: "png", "jpeg", "gif", "webp"...
    QSize storedSize;  // as stored in the file
    QSize shownSize;   // as shown, after the EXIF orientation (width and height swapped for 5-8)
};

struct DecodeRequest {
    // The shown image fits inside this, aspect ratio kept, never enlarged; empty: full size.
    QSize fitInside;
    // And has at most this many pixels; 0: no such bound. For text recognition.
    qint64 maxPixels = 0;
};

struct DecodedImage {
    QImage image;      // turned upright by the EXIF orientation
    QByteArray format; // as in ImageProbe
    QSize shownSize;   // of the whole image at full size, upright
    // The file ends early (cut short while copying or downloading): the image holds what was
    // there and the rest is grey or missing. `note` says so in a sentence for the person.
    bool partial = false;
    QString note;
};

// The file's format and size from its header. `name` is only for the messages. An error for
// an empty, unreadable, unsupported or oversized file, saying what to do.
[[nodiscard]] Result<ImageProbe> probeImage(const QByteArray& bytes, const QString& name);

// Decodes at most what `request` asks for (JPEG and PNG decode at the smaller size directly).
[[nodiscard]] Result<DecodedImage> decodeImage(const QByteArray& bytes, const QString& name,
                                               const DecodeRequest& request = {});

// A preview: decoded to fit inside `box` (a thumbnail, or the screen).
[[nodiscard]] Result<DecodedImage> decodePreview(const QByteArray& bytes, const QString& name, QSize box);

// Whether a JPEG or PNG file ends before its image data does (no EOI marker after the scan, no
// IEND chunk). False for complete files and for other formats. Reads only `bytes`.
[[nodiscard]] bool endsEarly(const QByteArray& bytes, const QByteArray& format);

// The size `shown` is decoded at for `request`: fitted into the box and the pixel budget,
// aspect ratio kept, never enlarged, at least 1 x 1.
[[nodiscard]] QSize decodedSize(QSize shown, const DecodeRequest& request);

} // namespace pt::core::intake
