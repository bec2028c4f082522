// Decoding screenshots and photos from memory, and the hostile files of issue 12: a 50,000 x
// 50,000 PNG, truncated JPEGs and PNGs, random bytes, an empty file, a JPEG that claims more
// pixels than the allocation limit, EXIF blocks that claim gigabytes. Each ends as a clear error
// or a partial picture that says so, quickly, and nothing crashes.
#include "ImageFixtures.h"
#include "TestSupport.h"

#include "intake/ImageMetadata.h"
#include "intake/SafeImage.h"

#include <QElapsedTimer>
#include <QtEndian>

using namespace pt::core;
using namespace pt::core::intake;
using namespace pt::test;

namespace {

const QString Name = QStringLiteral("evidence.png");

// Runs `f` and checks it took less than `ms` milliseconds: each of these takes a few ms alone,
// the margin is for a loaded machine under ASan; a decode that went ahead would take seconds.
template <typename F>
auto quickly(F f, qint64 ms = 3000)
{
    QElapsedTimer timer;
    timer.start();
    auto result = f();
    CHECK(timer.elapsed() < ms);
    return result;
}

// A small JPEG whose SOF0 header says width x height: the decoder believes it until it runs out
// of data.
QByteArray jpegClaiming(quint16 width, quint16 height)
{
    QByteArray jpeg = encoded(testPicture(16, 16), "JPEG");
    const qsizetype sof = jpeg.indexOf(QByteArray("\xFF\xC0", 2));
    REQUIRE(sof > 0);
    qToBigEndian(height, jpeg.data() + sof + 5);
    qToBigEndian(width, jpeg.data() + sof + 7);
    return jpeg;
}

// An EXIF APP1 segment (TIFF, little-endian) whose only IFD entry is `entry` (12 bytes).
QByteArray exifSegment(const QByteArray& entry, quint16 segmentLength = 0)
{
    QByteArray tiff("II*\0\x08\0\0\0", 8);
    tiff += QByteArray("\x01\0", 2) + entry + QByteArray(4, '\0');
    const QByteArray body = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray length(2, '\0');
    qToBigEndian(quint16(segmentLength ? segmentLength : body.size() + 2), length.data());
    return QByteArray("\xFF\xE1", 2) + length + body;
}

QByteArray ifdEntry(quint16 tag, quint16 type, quint32 count, quint32 value)
{
    QByteArray entry(12, '\0');
    qToLittleEndian(tag, entry.data());
    qToLittleEndian(type, entry.data() + 2);
    qToLittleEndian(count, entry.data() + 4);
    qToLittleEndian(value, entry.data() + 8);
    return entry;
}

// `segment` put right after a real JPEG's SOI.
QByteArray jpegWith(const QByteArray& segment)
{
    const QByteArray jpeg = encoded(testPicture(64, 48), "JPEG");
    return jpeg.left(2) + segment + jpeg.mid(2);
}

} // namespace

TEST_CASE("images: screenshots and photos decode from memory, the format told by content", "[image]")
{
    const QImage picture = testPicture(120, 80);
    for (const char* format : {"PNG", "JPEG", "BMP", "GIF"}) {
        INFO(format);
        const QByteArray bytes = qstrcmp(format, "GIF") == 0 ? gifOf(picture) : encoded(picture, format);
        auto probe = probeImage(bytes, QStringLiteral("named-wrongly.jpg"));
        REQUIRE(probe.ok());
        CHECK(probe->format == QByteArray(format).toLower());
        CHECK(probe->storedSize == QSize(120, 80));
        auto decoded = decodeImage(bytes, Name);
        REQUIRE(decoded.ok());
        CHECK(decoded->image.size() == QSize(120, 80));
        CHECK_FALSE(decoded->partial);
        CHECK(decoded->note.isEmpty());
        CHECK_FALSE(endsEarly(bytes, decoded->format));
    }
}

TEST_CASE("images: previews and text-recognition decodes are bounded", "[image]")
{
    const QByteArray jpeg = encoded(testPicture(1600, 1200), "JPEG");
    const QByteArray png = encoded(testPicture(1600, 1200), "PNG");
    for (const QByteArray& bytes : {jpeg, png}) {
        auto preview = decodePreview(bytes, Name, QSize(400, 400));
        REQUIRE(preview.ok());
        CHECK(preview->image.size() == QSize(400, 300));
        CHECK(preview->shownSize == QSize(1600, 1200));
        auto small = decodeImage(bytes, Name, {QSize(), 480'000});
        REQUIRE(small.ok());
        CHECK(small->image.size() == QSize(800, 600));
    }
    CHECK(decodedSize(QSize(1600, 1200), {QSize(3200, 3200), 0}) == QSize(1600, 1200)); // never enlarged
    CHECK(decodedSize(QSize(1170, 2532), {QSize(), MaxTextRecognitionPixels}) == QSize(1170, 2532));
    CHECK(decodedSize(QSize(100'000, 1), {QSize(100, 100), 0}) == QSize(100, 1));
}

TEST_CASE("hostile: a 50,000 x 50,000 PNG is refused from its header, never decoded", "[image][hostile]")
{
    const QByteArray bomb = pngWithSize(50'000, 50'000);
    CHECK(bomb.size() < 2000);
    for (const auto& result : {quickly([&] { return decodeImage(bomb, Name); }),
                               quickly([&] { return decodePreview(bomb, Name, QSize(200, 200)); })}) {
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::Usage);
        CHECK(result.error().message.contains(QStringLiteral("evidence.png says it is 50000 x 50000 pixels")));
        CHECK(result.error().message.contains(QStringLiteral("not decoded")));
    }
    auto probe = quickly([&] { return probeImage(bomb, Name); });
    REQUIRE_FALSE(probe.ok());
    CHECK(probe.error().message.contains(QStringLiteral("100 megapixels")));
    auto metadata = quickly([&] { return readImageMetadata(bomb, Name); });
    REQUIRE(metadata.ok());
    CHECK(metadata->isEmpty());
}

TEST_CASE("hostile: a BMP of 10,420,232 x 6 pixels is refused by its longest side", "[image][hostile]")
{
    // Under the pixel cap (62.5 MP), but Qt's smooth scaling of a side that long overflows and
    // takes seconds to minutes; the image_decode fuzz target found it (307 bytes).
    QByteArray bmp("BM", 2);
    bmp += QByteArray(12, '\0') + QByteArray(40, '\0') + QByteArray(64, '\x7f');
    qToLittleEndian(quint32(bmp.size()), bmp.data() + 2);
    qToLittleEndian(quint32(54), bmp.data() + 10);   // pixels at
    qToLittleEndian(quint32(40), bmp.data() + 14);   // BITMAPINFOHEADER
    qToLittleEndian(qint32(10'420'232), bmp.data() + 18);
    qToLittleEndian(qint32(6), bmp.data() + 22);
    qToLittleEndian(quint16(1), bmp.data() + 26);    // planes
    qToLittleEndian(quint16(24), bmp.data() + 28);   // bits a pixel
    for (const auto& result : {quickly([&] { return decodeImage(bmp, QStringLiteral("wide.bmp"), {QSize(), 1'000'000}); }),
                               quickly([&] { return decodePreview(bmp, QStringLiteral("wide.bmp"), QSize(256, 256)); })}) {
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::Usage);
        CHECK(result.error().message.contains(QStringLiteral("wide.bmp says it is 10420232 x 6 pixels; a picture with a side longer than 65535 pixels is not decoded")));
    }
    // 65,535 wide is still read.
    qToLittleEndian(qint32(65'535), bmp.data() + 18);
    auto probe = probeImage(bmp, QStringLiteral("wide.bmp"));
    REQUIRE(probe.ok());
    CHECK(probe->storedSize == QSize(65'535, 6));
}

TEST_CASE("hostile: a JPEG claiming 9000 x 9000 is refused at full size, previewed scaled", "[image][hostile]")
{
    const QByteArray claim = jpegClaiming(9000, 9000); // 81 MP: under the pixel cap, over 256 MiB at 32 bits
    auto full = quickly([&] { return decodeImage(claim, Name); }, 5000);
    REQUIRE_FALSE(full.ok());
    CHECK(full.error().message == QStringLiteral("evidence.png is too large (9000 x 9000 pixels) to decode here at this size: it would take more than 256 MiB. A smaller preview of it may still be shown."));
    // libjpeg decodes at an eighth and then scales: a small allocation, the missing data grey.
    // The file is not cut short (it ends with EOI), so it is not marked partial.
    auto preview = quickly([&] { return decodePreview(claim, Name, QSize(300, 300)); }, 5000);
    REQUIRE(preview.ok());
    CHECK(preview->image.size() == QSize(300, 300));
    CHECK(preview->shownSize == QSize(9000, 9000));
    CHECK_FALSE(preview->partial);
}

TEST_CASE("hostile: a truncated JPEG decodes as far as it goes and says so", "[image][hostile]")
{
    const QByteArray jpeg = encoded(testPicture(400, 300), "JPEG");
    CHECK_FALSE(endsEarly(jpeg, "jpeg"));
    const QByteArray cut = jpeg.left(jpeg.size() * 6 / 10);
    CHECK(endsEarly(cut, "jpeg"));
    auto decoded = quickly([&] { return decodeImage(cut, QStringLiteral("grade.jpg")); });
    REQUIRE(decoded.ok());
    CHECK(decoded->image.size() == QSize(400, 300));
    CHECK(decoded->partial);
    CHECK(decoded->note.startsWith(QStringLiteral("grade.jpg ends early")));
    CHECK(decoded->note.contains(QStringLiteral("kept exactly as it is")));
    // The top of the picture is there: the dark block.
    CHECK(qGray(decoded->image.pixel(20, 20)) < 40);

    SECTION("cut inside its header: an error")
    {
        const QByteArray header = jpeg.left(100);
        CHECK(endsEarly(header, "jpeg"));
        auto result = quickly([&] { return decodeImage(header, QStringLiteral("grade.jpg")); });
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message.startsWith(QStringLiteral("grade.jpg")));
    }
}

TEST_CASE("hostile: a truncated PNG is partial or a clear error", "[image][hostile]")
{
    const QByteArray png = encoded(testPicture(400, 300), "PNG");
    CHECK_FALSE(endsEarly(png, "png"));
    const QByteArray cut = png.left(png.size() / 2);
    CHECK(endsEarly(cut, "png"));
    auto decoded = quickly([&] { return decodeImage(cut, Name); });
    if (decoded.ok()) {
        CHECK(decoded->partial);
        CHECK(decoded->note.contains(QStringLiteral("ends early")));
    } else {
        CHECK(decoded.error().code == ErrorCode::Damaged);
        CHECK(decoded.error().message.contains(QStringLiteral("ends early")));
    }
}

TEST_CASE("hostile: random bytes, an empty file, a huge file, formats not accepted", "[image][hostile]")
{
    SECTION("random bytes")
    {
        for (unsigned seed = 1; seed <= 20; ++seed) {
            const QByteArray noise = randomBytes(64 * 1024, seed);
            auto result = quickly([&] { return decodeImage(noise, Name); });
            REQUIRE_FALSE(result.ok());
            CHECK(result.error().message.contains(QStringLiteral("is not a picture this app can read (it reads PNG")));
            auto metadata = quickly([&] { return readImageMetadata(noise, Name); });
            CHECK((metadata.ok() ? metadata->isEmpty() : metadata.error().code == ErrorCode::Damaged));
        }
    }
    SECTION("0 bytes")
    {
        auto result = decodeImage(QByteArray(), Name);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message == QStringLiteral("evidence.png is empty (0 bytes), so there is no picture in it. Import the original again from where it came from."));
        auto metadata = readImageMetadata(QByteArray(), Name);
        REQUIRE(metadata.ok());
        CHECK(metadata->isEmpty());
    }
    SECTION("over 64 MiB")
    {
        const QByteArray huge = encoded(testPicture(8, 8), "PNG") + QByteArray(MaxImageFileBytes, '\0');
        auto result = quickly([&] { return probeImage(huge, Name); });
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message.contains(QStringLiteral("too large to open as a picture")));
        auto metadata = quickly([&] { return readImageMetadata(huge, Name); });
        REQUIRE_FALSE(metadata.ok());
    }
    SECTION("XPM and ICO, which Qt reads, are refused")
    {
        for (const char* format : {"XPM", "ICO"}) {
            INFO(format);
            auto result = decodeImage(encoded(testPicture(16, 16), format), Name);
            REQUIRE_FALSE(result.ok());
            CHECK(result.error().message.contains(QStringLiteral("Attach it as a file instead")));
        }
    }
}

TEST_CASE("hostile: EXIF that claims gigabytes is no metadata or a clear error, and the picture still decodes", "[image][hostile][exif]")
{
    const QList<QByteArray> files{
        // Make: 2 GiB of ASCII at an offset inside the segment
        jpegWith(exifSegment(ifdEntry(0x010F, 2, 0x7FFFFFF0, 26))),
        // Exif IFD pointer far past the end
        jpegWith(exifSegment(ifdEntry(0x8769, 4, 1, 0x7FFFFFF0))),
        // GPSLatitude: a billion rationals
        jpegWith(exifSegment(ifdEntry(0x0002, 5, 0x40000000, 26))),
        // an APP1 segment that says 65,535 bytes where the file has 40
        encoded(testPicture(8, 8), "JPEG").left(2) + exifSegment(ifdEntry(0x010F, 2, 4, 0x41414141), 0xFFFF),
        // a PNG eXIf chunk that says 2 GiB
        encoded(testPicture(8, 8), "PNG").left(33) + QByteArray("\x7F\xFF\xFF\xF0" "eXIf" "II*\0", 12),
    };
    for (qsizetype i = 0; i < files.size(); ++i) {
        INFO("file " << i);
        auto metadata = quickly([&] { return readImageMetadata(files[i], QStringLiteral("photo.jpg")); });
        if (metadata.ok()) {
            CHECK(metadata->cameraMake.size() <= 128);
            CHECK_FALSE(metadata->hasLocation());
        } else {
            CHECK(metadata.error().code == ErrorCode::Damaged);
            CHECK(metadata.error().message.startsWith(QStringLiteral("The photo details (EXIF) in photo.jpg are damaged")));
            CHECK(metadata.error().message.contains(QStringLiteral("Its time is the file's")));
        }
    }
    auto decoded = decodeImage(files[0], Name);
    REQUIRE(decoded.ok());
    CHECK(decoded->image.size() == QSize(64, 48));
}
