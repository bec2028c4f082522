#pragma once
// Image files built in memory for the screenshot and photo tests: JPEGs with EXIF written by
// exiv2, PNGs assembled chunk by chunk (any IHDR, with valid CRCs), and the hostile shapes.
#include <QByteArray>
#include <QImage>
#include <QList>

#include <utility>

namespace pt::test {

// `image` encoded as `format` ("JPEG", "PNG", "BMP", "XPM", "ICO") by Qt.
QByteArray encoded(const QImage& image, const char* format, int quality = 90);

// `image` in grey as a GIF (Qt reads GIF but does not write it): 128 grey levels, its LZW data
// "uncompressed" (a clear code every 100 pixels keeps every code 8 bits wide).
QByteArray gifOf(const QImage& image);

// A w x h picture with something on it (a gradient and a dark block at the top left), so
// orientation and scaling can be told apart.
QImage testPicture(int width, int height);

// `jpeg` with these EXIF tags added by exiv2, in memory: {"Exif.Photo.DateTimeOriginal",
// "2025:03:14 09:41:07"}, values as exiv2 reads them for the tag's type ("52/1 31/1 1234/100"
// for GPSLatitude, "6" for Orientation).
using ExifTags = QList<std::pair<const char*, const char*>>;
QByteArray withExif(const QByteArray& jpeg, const ExifTags& tags);

// A PNG chunk: length, type, data, CRC-32.
QByteArray pngChunk(const char type[4], const QByteArray& data);
// A grey 8-bit PNG whose IHDR says width x height, with one small IDAT of compressed zero rows
// (as many as fit in `idatRows`) and IEND: a decompression bomb when the size is large.
QByteArray pngWithSize(quint32 width, quint32 height, int idatRows = 4);

// `size` bytes from a fixed seed.
QByteArray randomBytes(int size, unsigned seed);

} // namespace pt::test
