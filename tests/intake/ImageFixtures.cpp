#include "ImageFixtures.h"

#include <exiv2/exiv2.hpp>

#include <QBuffer>
#include <QPainter>
#include <QtEndian>

#include <array>
#include <random>
#include <stdexcept>

namespace pt::test {

QByteArray encoded(const QImage& image, const char* format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format, quality))
        throw std::runtime_error(std::string("could not encode a test picture as ") + format);
    return bytes;
}

QByteArray gifOf(const QImage& image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const auto le16 = [](int v) { return QByteArray(1, char(v & 0xFF)) + QByteArray(1, char((v >> 8) & 0xFF)); };
    QByteArray gif("GIF89a", 6);
    gif += le16(grey.width()) + le16(grey.height());
    gif += QByteArray("\xF6\x00\x00", 3); // a global table of 128 colours, 8 bits each
    for (int i = 0; i < 128; ++i)
        gif += QByteArray(3, char(i * 2));
    gif += QByteArray("\x2C\0\0\0\0", 5) + le16(grey.width()) + le16(grey.height()) + QByteArray(1, '\0');
    constexpr char Clear = char(128), End = char(129);
    QByteArray codes;
    for (int y = 0; y < grey.height(); ++y)
        for (int x = 0; x < grey.width(); ++x) {
            if ((y * grey.width() + x) % 100 == 0)
                codes += Clear;
            codes += char(grey.constScanLine(y)[x] / 2);
        }
    codes += End;
    gif += char(7); // LZW minimum code size: codes are 8 bits wide from the start
    for (qsizetype at = 0; at < codes.size(); at += 255) {
        const QByteArray block = codes.mid(at, 255);
        gif += char(block.size()) + block;
    }
    gif += QByteArray("\0;", 2);
    return gif;
}

QImage testPicture(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(255 * x / width, 255 * y / height, 160));
    QPainter p(&image);
    p.fillRect(QRect(0, 0, width / 4, height / 4), Qt::black);
    return image;
}

QByteArray withExif(const QByteArray& jpeg, const ExifTags& tags)
{
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(jpeg.constData()), long(jpeg.size()));
    image->readMetadata();
    Exiv2::ExifData& exif = image->exifData();
    for (const auto& [key, value] : tags)
        exif[key] = std::string(value);
    image->writeMetadata(); // into exiv2's memory I/O: nothing touches the disk
    Exiv2::BasicIo& io = image->io();
    io.seek(0, Exiv2::BasicIo::beg);
    const Exiv2::DataBuf written = io.read(long(io.size()));
    return QByteArray(reinterpret_cast<const char*>(written.pData_), written.size_);
}

namespace {

quint32 crc32(const QByteArray& bytes)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (const char b : bytes)
        c = table[(c ^ quint8(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray bigEndian(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

} // namespace

QByteArray pngChunk(const char type[4], const QByteArray& data)
{
    const QByteArray typed = QByteArray(type, 4) + data;
    return bigEndian(quint32(data.size())) + typed + bigEndian(crc32(typed));
}

QByteArray pngWithSize(quint32 width, quint32 height, int idatRows)
{
    QByteArray ihdr = bigEndian(width) + bigEndian(height);
    ihdr += QByteArray("\x08\x00\x00\x00\x00", 5); // 8 bits, grey, deflate, no filter, no interlace
    // One filter byte and `width` zero bytes a row; qCompress puts a 4-byte length before the
    // zlib stream PNG wants.
    const QByteArray rows(qsizetype(idatRows) * (qsizetype(width) + 1), '\0');
    const QByteArray idat = qCompress(rows, 9).mid(4);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat) +
           pngChunk("IEND", QByteArray());
}

QByteArray randomBytes(int size, unsigned seed)
{
    std::mt19937 random(seed);
    QByteArray bytes(size, '\0');
    for (char& b : bytes)
        b = char(random() & 0xFF);
    return bytes;
}

} // namespace pt::test
