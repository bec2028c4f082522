#include "SafeImage.h"

#include <QBuffer>
#include <QImageReader>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <optional>

namespace pt::core::intake {

namespace {

// Raster formats people take screenshots and photos in. Everything else Qt may read (SVG, XPM,
// ICO, TGA, PBM...) is refused: fewer parsers facing hostile input.
bool isAllowedFormat(const QByteArray& format)
{
    static const QByteArray allowed[] = {"png", "jpeg", "jpg", "gif", "webp", "bmp", "heic", "heif", "avif"};
    return std::find(std::begin(allowed), std::end(allowed), format) != std::end(allowed);
}

// The allowed formats this Qt can read, for messages: "PNG, JPEG, GIF and BMP" here, more when
// the WebP or HEIF plugins are installed.
QString readableFormats()
{
    const QList<QByteArray> supported = QImageReader::supportedImageFormats();
    QStringList names;
    for (const char* format : {"png", "jpeg", "gif", "webp", "bmp", "heic", "avif"})
        if (supported.contains(QByteArray(format)))
            names << QString::fromLatin1(format).toUpper();
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

// QImageReader::setAllocationLimit is process-wide: set once to our cap, which the app's image
// provider holds to as well. (Qt 6.4's default is 128 MiB, too little for a 48 MP photo at full
// size; later Qt raised it to 256.)
void limitAllocations()
{
    static std::once_flag once;
    std::call_once(once, [] { QImageReader::setAllocationLimit(ImageAllocationLimitMiB); });
}

qint64 pixels(QSize size) { return qint64(size.width()) * qint64(size.height()); }

QString megabytes(qint64 bytes) { return QString::number(double(bytes) / double(MiB), 'f', 1); }

// A reader over the bytes (shared with the QByteArray, not copied) whose header has passed
// every check. Not movable: the reader points at the buffer.
class CheckedReader {
public:
    CheckedReader(const QByteArray& bytes, const QString& name) : m_bytes(bytes), m_name(name) {}
    CheckedReader(const CheckedReader&) = delete;
    CheckedReader& operator=(const CheckedReader&) = delete;

    std::optional<Error> open()
    {
        if (m_bytes.isEmpty())
            return usage(QStringLiteral("%1 is empty (0 bytes), so there is no picture in it. Import the original again from where it came from.")
                             .arg(m_name));
        if (m_bytes.size() > MaxImageFileBytes)
            return usage(QStringLiteral("%1 is too large to open as a picture (%2 MiB; pictures are opened up to %3 MiB). Save a smaller copy and import that, or attach it as a file.")
                             .arg(m_name, megabytes(m_bytes.size()), megabytes(MaxImageFileBytes)));
        limitAllocations();
        m_buffer.setData(m_bytes);
        if (!m_buffer.open(QIODevice::ReadOnly))
            return failed(QStringLiteral("%1 could not be opened in memory.").arg(m_name));
        m_reader.setDevice(&m_buffer);
        m_reader.setDecideFormatFromContent(true); // there is no file name anyway: never trust one
        m_probe.format = m_reader.format().toLower();
        if (!isAllowedFormat(m_probe.format))
            return usage(QStringLiteral("%1 is not a picture this app can read (it reads %2). Attach it as a file instead.")
                             .arg(m_name, readableFormats()));
        m_reader.setAutoTransform(true); // EXIF orientation: photos come out upright
        // The size the header declares: nothing is decoded yet.
        m_probe.storedSize = m_reader.size();
        if (!m_probe.storedSize.isValid() || m_probe.storedSize.isEmpty())
            return damaged(QStringLiteral("%1 is damaged: its header gives no picture size. Import the original again from where it came from.")
                               .arg(m_name));
        if (pixels(m_probe.storedSize) > MaxImagePixels)
            return usage(QStringLiteral("%1 says it is %2 x %3 pixels, more than the %4 megapixels this app decodes, so it was not decoded (a file like this can be made to fill all memory). If it is a real picture, save a smaller copy and import that.")
                             .arg(m_name)
                             .arg(m_probe.storedSize.width())
                             .arg(m_probe.storedSize.height())
                             .arg(MaxImagePixels / 1'000'000));
        if (std::max(m_probe.storedSize.width(), m_probe.storedSize.height()) > MaxImageEdge)
            return usage(QStringLiteral("%1 says it is %2 x %3 pixels; a picture with a side longer than %4 pixels is not decoded here. If it is a real picture (a very long scrolling screenshot), cut it into parts and import those.")
                             .arg(m_name)
                             .arg(m_probe.storedSize.width())
                             .arg(m_probe.storedSize.height())
                             .arg(MaxImageEdge));
        m_turned = m_reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
        m_probe.shownSize = m_turned ? m_probe.storedSize.transposed() : m_probe.storedSize;
        return std::nullopt;
    }

    [[nodiscard]] const ImageProbe& probe() const { return m_probe; }

    Result<DecodedImage> decode(const DecodeRequest& request)
    {
        const QSize shown = decodedSize(m_probe.shownSize, request);
        if (shown != m_probe.shownSize) // QImageReader scales first and turns after
            m_reader.setScaledSize(m_turned ? shown.transposed() : shown);
        const bool cut = endsEarly(m_bytes, m_probe.format);

        QImage image;
        if (!m_reader.read(&image) || image.isNull()) {
            // QImageReader does not say why; Qt's allocation limit is the likely cause when the
            // full-size picture is larger than it (interlaced PNG, GIF and BMP decode at full
            // size before they are scaled).
            if (pixels(m_probe.storedSize) * 4 > qint64(ImageAllocationLimitMiB) * MiB)
                return usage(QStringLiteral("%1 is too large (%2 x %3 pixels) to decode here at this size: it would take more than %4 MiB.%5")
                                 .arg(m_name)
                                 .arg(m_probe.shownSize.width())
                                 .arg(m_probe.shownSize.height())
                                 .arg(ImageAllocationLimitMiB)
                                 .arg(shown == m_probe.shownSize ? QStringLiteral(" A smaller preview of it may still be shown.")
                                                                 : QString()));
            if (cut)
                return damaged(QStringLiteral("%1 ends early (it was cut short while being copied or downloaded) and none of it could be decoded. Import the original again from where it came from.")
                                   .arg(m_name));
            return damaged(QStringLiteral("%1 is damaged and could not be decoded (%2). Import the original again from where it came from.")
                               .arg(m_name, m_reader.errorString()));
        }
        // The header can lie: a GIF frame larger than its declared screen comes out larger than
        // reader.size() said (the allocation limit still bounded it). Such a file is damaged.
        if (image.size() != shown)
            return damaged(QStringLiteral("%1 is damaged: its picture is %2 x %3 pixels where its header says %4 x %5. Import the original again from where it came from.")
                               .arg(m_name)
                               .arg(image.width())
                               .arg(image.height())
                               .arg(shown.width())
                               .arg(shown.height()));
        DecodedImage decoded;
        decoded.image = std::move(image);
        decoded.format = m_probe.format;
        decoded.shownSize = m_probe.shownSize;
        if (cut) {
            decoded.partial = true;
            decoded.note = QStringLiteral("%1 ends early (it was cut short while being copied or downloaded): the picture shows only what is there, the rest is grey or missing. The file is kept exactly as it is.")
                               .arg(m_name);
        }
        return decoded;
    }

private:
    const QByteArray& m_bytes;
    const QString& m_name;
    QBuffer m_buffer;
    QImageReader m_reader;
    ImageProbe m_probe;
    bool m_turned = false;
};

quint32 bigEndian32(const uchar* p) { return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3]; }

// Walks the JPEG's segments and entropy-coded data to its EOI marker. A file that breaks the
// structure otherwise is not "cut short" but damaged: the decoder says so.
bool jpegEndsEarly(const uchar* p, qint64 n)
{
    qint64 i = 2; // after SOI
    for (;;) {
        if (i >= n)
            return true;
        if (p[i] != 0xFF)
            return false;
        while (i < n && p[i] == 0xFF) // fill bytes
            ++i;
        if (i >= n)
            return true;
        const uchar marker = p[i++];
        if (marker == 0xD9) // EOI
            return false;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) // no length
            continue;
        if (i + 2 > n)
            return true;
        const qint64 length = qint64(p[i]) << 8 | p[i + 1];
        if (length < 2)
            return false;
        if (i + length > n)
            return true;
        i += length;
        if (marker != 0xDA) // SOS: entropy-coded data follows, up to the next real marker
            continue;
        for (;;) {
            const auto* ff = static_cast<const uchar*>(std::memchr(p + i, 0xFF, std::size_t(n - i)));
            if (ff == nullptr || ff + 1 >= p + n)
                return true;
            i = ff - p;
            const uchar next = p[i + 1];
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) // stuffed byte, restart marker
                i += 2;
            else if (next == 0xFF)
                ++i;
            else
                break; // a marker: EOI, or the next scan's tables of a progressive JPEG
        }
    }
}

// Walks the PNG's chunks to IEND.
bool pngEndsEarly(const uchar* p, qint64 n)
{
    qint64 i = 8; // after the signature
    while (i + 8 <= n) {
        const qint64 length = bigEndian32(p + i);
        if (length > 0x7fffffff)
            return false; // damaged, not cut
        if (std::memcmp(p + i + 4, "IEND", 4) == 0)
            return false;
        i += 12 + length;
    }
    return true;
}

} // namespace

QSize decodedSize(QSize shown, const DecodeRequest& request)
{
    if (shown.isEmpty())
        return shown;
    QSize target = shown;
    const QSize box = request.fitInside;
    if (!box.isEmpty() && (target.width() > box.width() || target.height() > box.height()))
        target = target.scaled(box, Qt::KeepAspectRatio);
    if (request.maxPixels > 0 && pixels(target) > request.maxPixels) {
        const double factor = std::sqrt(double(request.maxPixels) / double(pixels(target)));
        target = QSize(int(std::floor(target.width() * factor)), int(std::floor(target.height() * factor)));
    }
    return target.expandedTo(QSize(1, 1));
}

bool endsEarly(const QByteArray& bytes, const QByteArray& format)
{
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
    const qint64 n = bytes.size();
    if (format == "jpeg" && n >= 2 && p[0] == 0xFF && p[1] == 0xD8)
        return jpegEndsEarly(p, n);
    if (format == "png" && n >= 8 && std::memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
        return pngEndsEarly(p, n);
    return false;
}

Result<ImageProbe> probeImage(const QByteArray& bytes, const QString& name)
{
    CheckedReader reader(bytes, name);
    if (auto error = reader.open())
        return *error;
    return reader.probe();
}

Result<DecodedImage> decodeImage(const QByteArray& bytes, const QString& name, const DecodeRequest& request)
{
    CheckedReader reader(bytes, name);
    if (auto error = reader.open())
        return *error;
    return reader.decode(request);
}

Result<DecodedImage> decodePreview(const QByteArray& bytes, const QString& name, QSize box)
{
    // No screen needs more, and a texture larger than this fails on many phone GPUs.
    constexpr int MaxPreviewEdge = 4096;
    if (box.isEmpty())
        box = QSize(MaxPreviewEdge, MaxPreviewEdge);
    return decodeImage(bytes, name, {box.boundedTo(QSize(MaxPreviewEdge, MaxPreviewEdge)), 0});
}

} // namespace pt::core::intake
