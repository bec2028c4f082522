// What "Paste image" keeps from the clipboard: a copied file as that file, image bytes exactly
// as they are, and pixels (encoded as PNG, and named so) only when nothing else is there.
#include <catch2/catch.hpp>

#include "PastedImage.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUrl>

using pt::gui::PastedImage;
using pt::gui::pastedImages;

namespace {

const QDateTime Now(QDate(2026, 12, 2), QTime(9, 30, 5));

QByteArray encoded(const char* format, int quality = -1)
{
    QImage image(40, 30, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb(x * 6, y * 8, (x * y) % 256));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, format, quality));
    return bytes;
}

// A PNG with a text chunk: re-encoding the pixels would drop it and change the hash.
QByteArray pngWithMetadata()
{
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    image.setText(QStringLiteral("Comment"), QStringLiteral("grade screenshot, Tuesday"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, "PNG", 0)); // compression level Qt would not choose itself
    return bytes;
}

} // namespace

TEST_CASE("PastedImage: PNG bytes on the clipboard are kept exactly", "[gui][paste]")
{
    const QByteArray png = pngWithMetadata();
    QMimeData data;
    data.setData(QStringLiteral("image/png"), png);
    data.setImageData(QImage::fromData(png)); // what a screenshot tool offers alongside
    auto pasted = pastedImages(&data, Now);
    REQUIRE(pasted.ok());
    REQUIRE(pasted->size() == 1);
    const PastedImage& p = pasted->first();
    CHECK(p.source == PastedImage::Source::OriginalBytes);
    CHECK(p.bytes == png);
    CHECK(p.size == png.size());
    CHECK(p.mime == QStringLiteral("image/png"));
    CHECK(p.name == QStringLiteral("pasted-20261202-093005.png"));
}

TEST_CASE("PastedImage: JPEG bytes are kept and named for what they are", "[gui][paste]")
{
    const QByteArray jpeg = encoded("JPEG", 37);
    QMimeData data;
    data.setData(QStringLiteral("image/jpeg"), jpeg);
    auto pasted = pastedImages(&data, Now);
    REQUIRE(pasted.ok());
    REQUIRE(pasted->size() == 1);
    CHECK(pasted->first().bytes == jpeg);
    CHECK(pasted->first().mime == QStringLiteral("image/jpeg"));
    CHECK(pasted->first().name == QStringLiteral("pasted-20261202-093005.jpg"));
}

TEST_CASE("PastedImage: bytes that are not the image they claim to be are not taken for it", "[gui][paste]")
{
    QMimeData data;
    data.setData(QStringLiteral("image/png"), QByteArrayLiteral("<html><img src=http://example.com/x.png></html>"));
    data.setData(QStringLiteral("image/jpeg"), encoded("JPEG"));
    auto pasted = pastedImages(&data, Now);
    REQUIRE(pasted.ok());
    CHECK(pasted->first().mime == QStringLiteral("image/jpeg")); // the next format that is what it says

    QMimeData onlyLies;
    onlyLies.setData(QStringLiteral("image/png"), QByteArrayLiteral("not an image at all"));
    auto none = pastedImages(&onlyLies, Now);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.contains(QLatin1String("Copy a screenshot first")));
}

TEST_CASE("PastedImage: a copied file is attached as the file, not as its pixels", "[gui][paste]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("grade.png"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(pngWithMetadata());
    file.close();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path), QUrl(QStringLiteral("https://example.com/tracker.png")),
                  QUrl::fromLocalFile(tmp.path())}); // a remote URL and a folder are not attached
    data.setImageData(QImage(path));
    auto pasted = pastedImages(&data, Now);
    REQUIRE(pasted.ok());
    REQUIRE(pasted->size() == 1);
    CHECK(pasted->first().source == PastedImage::Source::File);
    CHECK(pasted->first().path == QFileInfo(path).absoluteFilePath());
    CHECK(pasted->first().name == QStringLiteral("grade.png"));
    CHECK(pasted->first().mime == QStringLiteral("image/png"));
    CHECK(pasted->first().size == file.size());
}

TEST_CASE("PastedImage: pixels alone are encoded as PNG and named as encoded", "[gui][paste]")
{
    QImage image(20, 10, QImage::Format_ARGB32);
    image.fill(Qt::red);
    QMimeData data;
    data.setImageData(image);
    auto pasted = pastedImages(&data, Now);
    REQUIRE(pasted.ok());
    REQUIRE(pasted->size() == 1);
    const PastedImage& p = pasted->first();
    CHECK(p.source == PastedImage::Source::EncodedPixels);
    CHECK(p.name == QStringLiteral("pasted-20261202-093005-encoded.png"));
    CHECK(p.mime == QStringLiteral("image/png"));
    CHECK(QImage::fromData(p.bytes).size() == QSize(20, 10));
}

TEST_CASE("PastedImage: an empty clipboard or text says what to do", "[gui][paste]")
{
    QMimeData text;
    text.setText(QStringLiteral("just words"));
    auto pasted = pastedImages(&text, Now);
    REQUIRE_FALSE(pasted.ok());
    CHECK(pasted.error().message == QStringLiteral("There is no image on the clipboard. Copy a screenshot first."));
    CHECK_FALSE(pastedImages(nullptr, Now).ok());
}
