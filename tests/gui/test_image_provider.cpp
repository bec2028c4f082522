// AttachmentImageProvider: decoding in memory at the requested size, refusing hostile images
// (decompression bombs, truncated files, garbage) without crashing, hanging or allocating much,
// the three-thread request path (fetch on the main thread only), and QML Images through a real
// engine without anything reaching the disk.
#include <catch2/catch.hpp>

#include "AttachmentImageProvider.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickImageResponse>
#include <QQuickTextureFactory>
#include <QThread>
#include <QUrl>

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <random>

using pt::gui::AttachmentImageProvider;
using Problem = AttachmentImageProvider::Problem;

namespace {

// Deterministic, not flat (so JPEG has something to encode), different in x and y (so a rotation
// or a transposed size shows).
QImage testImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb(x * 255 / width, y * 255 / height, (x ^ y) & 0xff);
    }
    return image;
}

QByteArray encode(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    QImageWriter writer(&buffer, format);
    REQUIRE(writer.write(image));
    return bytes;
}

// Qt writes no GIFs, so here is the classic 43-byte 1x1 GIF89a.
QByteArray tinyGif()
{
    static const unsigned char bytes[] = {
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff,
        0xff, 0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};
    return QByteArray(reinterpret_cast<const char*>(bytes), sizeof(bytes));
}

// PNG's CRC-32 (ISO 3309, reflected, polynomial 0xEDB88320), from the table in the PNG spec.
quint32 crc32(const QByteArray& data)
{
    static const std::array<quint32, 256> table = [] {
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
    for (const char byte : data)
        c = table[(c ^ static_cast<quint8>(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray be32(quint32 v)
{
    QByteArray out(4, '\0');
    out[0] = static_cast<char>(v >> 24);
    out[1] = static_cast<char>(v >> 16);
    out[2] = static_cast<char>(v >> 8);
    out[3] = static_cast<char>(v);
    return out;
}

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    const QByteArray typeAndData = QByteArray(type) + data;
    return be32(static_cast<quint32>(data.size())) + typeAndData + be32(crc32(typeAndData));
}

// A well-formed PNG header declaring width x height pixels of 8-bit RGBA, followed by a tiny
// IDAT (a valid zlib stream of 64 zero bytes, far too little for the declared size) and IEND.
QByteArray craftedPng(quint32 width, quint32 height)
{
    QByteArray ihdr = be32(width) + be32(height);
    ihdr += char(8); // bit depth
    ihdr += char(6); // colour type: RGBA
    ihdr += char(0); // compression
    ihdr += char(0); // filter
    ihdr += char(0); // interlace
    const QByteArray zlib = qCompress(QByteArray(64, '\0')).mid(4); // drop Qt's length prefix
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib) +
           pngChunk("IEND", {});
}

// Inserts an EXIF APP1 segment with just an Orientation tag right after the JPEG's SOI marker.
QByteArray withExifOrientation(const QByteArray& jpeg, quint16 orientation)
{
    REQUIRE(jpeg.startsWith("\xff\xd8"));
    QByteArray tiff("MM\0*", 4);                  // big-endian TIFF header
    tiff += be32(8);                              // first IFD right after the header
    tiff += QByteArray("\0\1", 2);                // one entry
    tiff += QByteArray("\x01\x12\0\x03", 4);      // tag 0x0112 Orientation, type SHORT
    tiff += be32(1);                              // count
    tiff += char(orientation >> 8);
    tiff += char(orientation & 0xff);
    tiff += QByteArray(2, '\0');                  // value padded to 4 bytes
    tiff += be32(0);                              // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = static_cast<int>(payload.size()) + 2;
    QByteArray app1("\xff\xe1", 2);
    app1 += char(length >> 8);
    app1 += char(length & 0xff);
    app1 += payload;
    return jpeg.left(2) + app1 + jpeg.mid(2);
}

bool waitUntil(const std::function<bool()>& condition, int ms = 20000)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return true;
}

struct Delivered {
    QImage image;
    QString error;
};

// Requests `id` the way Qt's pixmap reader does (from this thread) and waits for finished().
Delivered request(AttachmentImageProvider& provider, const QString& id, const QSize& size = {},
                  const std::function<void(QQuickImageResponse*)>& afterRequest = {})
{
    std::unique_ptr<QQuickImageResponse> response(provider.requestImageResponse(id, size));
    bool finished = false;
    QObject::connect(response.get(), &QQuickImageResponse::finished, response.get(),
                     [&finished] { finished = true; });
    if (afterRequest)
        afterRequest(response.get());
    REQUIRE(waitUntil([&finished] { return finished; }));
    Delivered delivered;
    delivered.error = response->errorString();
    if (delivered.error.isEmpty()) {
        std::unique_ptr<QQuickTextureFactory> factory(response->textureFactory());
        if (factory)
            delivered.image = factory->image();
    }
    return delivered;
}

// An unlocked journal in miniature: attachments by (entry, name), and who asked from where.
struct FakeJournal {
    std::map<std::pair<QString, QString>, QByteArray> attachments;
    bool locked = false;
    std::atomic<int> calls{0};
    std::atomic<bool> calledOffMainThread{false};

    AttachmentImageProvider::Fetch fetch()
    {
        return [this](const QString& entryId, const QString& name) -> pt::core::Result<QByteArray> {
            ++calls;
            if (QThread::currentThread() != QCoreApplication::instance()->thread())
                calledOffMainThread = true;
            if (locked)
                return pt::core::failed(QStringLiteral("The vault is locked (%1).").arg(name));
            const auto it = attachments.find({entryId, name});
            if (it == attachments.end())
                return pt::core::notFound(QStringLiteral("No attachment named %1.").arg(name));
            if (it->second.size() > AttachmentImageProvider::MaxFileBytes)
                return pt::core::usage(QStringLiteral("%1 is too large.").arg(name));
            if (it->second == "damaged")
                return pt::core::damaged(QStringLiteral("%1 failed to decrypt.").arg(name));
            return it->second;
        };
    }
};

const QString Entry = QStringLiteral("0b6f1c1e-5d1a-4d8e-9a57-3b2f6f0f6a11");

} // namespace

TEST_CASE("sourceFor and parseId round-trip awkward attachment names", "[gui][image]")
{
    const QStringList names = {
        QStringLiteral("photo.png"),
        QStringLiteral("my photo (1).png"),
        QStringLiteral("a/b/c.png"),
        QStringLiteral("100% done.png"),
        QStringLiteral("%41%2F.png"),
        QStringLiteral("what?#frag&x=1.png"),
        QStringLiteral("it's.png"),
        QStringLiteral("na\u00efve \u65e5\u672c\u8a9e.png"),
        QStringLiteral("+ plus + .png"),
    };
    for (const QString& name : names) {
        const QString source = AttachmentImageProvider::sourceFor(Entry, name);
        REQUIRE(source.startsWith(QStringLiteral("image://attachment/") + Entry + QLatin1Char('/')));
        // What the engine hands the provider: the URL, pretty-decoded, after the host.
        const QUrl url(source);
        REQUIRE(url.isValid());
        REQUIRE(url.host() == QStringLiteral("attachment"));
        const QString id = url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).mid(1);
        QString entryId;
        QString parsedName;
        REQUIRE(AttachmentImageProvider::parseId(id, &entryId, &parsedName));
        CHECK(entryId == Entry);
        CHECK(parsedName == name);
    }
}

TEST_CASE("parseId refuses ids without an entry or a name", "[gui][image]")
{
    QString entryId;
    QString name;
    for (const char* id : {"", "/", "entry", "entry/", "/name.png"})
        CHECK_FALSE(AttachmentImageProvider::parseId(QString::fromLatin1(id), &entryId, &name));
}

TEST_CASE("targetSize keeps the aspect ratio, never enlarges and caps the longest edge", "[gui][image]")
{
    using P = AttachmentImageProvider;
    CHECK(P::targetSize({4000, 3000}, {200, 200}) == QSize(200, 150));
    CHECK(P::targetSize({4000, 3000}, {200, 0}) == QSize(200, 150));
    CHECK(P::targetSize({4000, 3000}, {0, 300}) == QSize(400, 300));
    CHECK(P::targetSize({4000, 3000}, {-1, -1}) == QSize(4000, 3000));
    CHECK(P::targetSize({100, 50}, {400, 400}) == QSize(100, 50));
    CHECK(P::targetSize({20000, 100}, {}) == QSize(P::MaxOutputEdge, 20));
    CHECK(P::targetSize({20000, 1}, {100, 100}) == QSize(100, 1));
    CHECK(P::targetSize({20000, 20000}, {50000, 50000}) == QSize(P::MaxOutputEdge, P::MaxOutputEdge));
}

TEST_CASE("decode: small PNG, JPEG, GIF and BMP at full size", "[gui][image]")
{
    const QImage source = testImage(64, 48);
    for (const char* format : {"png", "jpeg", "bmp"}) {
        INFO(format);
        const auto decoded = AttachmentImageProvider::decode(encode(source, format), {});
        CHECK(decoded.problem == Problem::None);
        CHECK(decoded.image.size() == QSize(64, 48));
    }
    const auto gif = AttachmentImageProvider::decode(tinyGif(), {});
    CHECK(gif.problem == Problem::None);
    CHECK(gif.image.size() == QSize(1, 1));
    const auto png = AttachmentImageProvider::decode(encode(source, "png"), {});
    CHECK(png.image.convertToFormat(QImage::Format_RGB32) == source);
}

TEST_CASE("decode: a large photo is decoded scaled to the requested size", "[gui][image]")
{
    const QByteArray jpeg = encode(testImage(4000, 3000), "jpeg");
    const QByteArray png = encode(testImage(4000, 3000), "png");

    SECTION("fits inside the box, aspect kept")
    {
        for (const QByteArray* bytes : {&jpeg, &png}) {
            const auto decoded = AttachmentImageProvider::decode(*bytes, {200, 200});
            REQUIRE(decoded.problem == Problem::None);
            CHECK(decoded.image.size() == QSize(200, 150));
        }
        CHECK(AttachmentImageProvider::decode(jpeg, {160, 0}).image.size() == QSize(160, 120));
        CHECK(AttachmentImageProvider::decode(jpeg, {0, 90}).image.size() == QSize(120, 90));
    }

    SECTION("thumbnails never exist at full size in memory")
    {
        // With the allocation limit at 16 MiB, a full-size decode (4000x3000x4 = 46 MiB) is
        // impossible, so thumbnails that still decode were decoded scaled: libjpeg scales while
        // decoding, Qt's PNG reader scales row by row. The same JPEG at 2000x1500 (11 MiB)
        // decodes, and at full size it is refused, so the limit really is in force.
        const int saved = QImageReader::allocationLimit();
        QImageReader::setAllocationLimit(16);
        const auto jpegThumbnail = AttachmentImageProvider::decode(jpeg, {200, 200});
        const auto pngThumbnail = AttachmentImageProvider::decode(png, {200, 200});
        QByteArray copy = jpeg;
        QBuffer buffer(&copy);
        REQUIRE(buffer.open(QIODevice::ReadOnly));
        QImageReader fullSize(&buffer);
        const QImage refused = fullSize.read();
        QImageReader::setAllocationLimit(saved);

        CHECK(jpegThumbnail.problem == Problem::None);
        CHECK(jpegThumbnail.image.size() == QSize(200, 150));
        CHECK(pngThumbnail.problem == Problem::None);
        CHECK(pngThumbnail.image.size() == QSize(200, 150));
        CHECK(refused.isNull());
    }
}

TEST_CASE("decode: the EXIF orientation is applied and the box turns with it", "[gui][image]")
{
    // Stored 40x20, orientation 6 ("rotate 90 clockwise to display"): shown 20x40.
    const QByteArray jpeg = withExifOrientation(encode(testImage(40, 20), "jpeg"), 6);
    const auto full = AttachmentImageProvider::decode(jpeg, {});
    REQUIRE(full.problem == Problem::None);
    CHECK(full.image.size() == QSize(20, 40));

    const auto fitted = AttachmentImageProvider::decode(jpeg, {10, 10});
    REQUIRE(fitted.problem == Problem::None);
    CHECK(fitted.image.size() == QSize(5, 10));
}

TEST_CASE("decode: a PNG declaring 60000x60000 pixels is refused before decoding", "[gui][image][hostile]")
{
    const QByteArray bomb = craftedPng(60000, 60000);
    CHECK(bomb.size() < 200);
    {
        QByteArray copy = bomb;
        QBuffer buffer(&copy);
        REQUIRE(buffer.open(QIODevice::ReadOnly));
        QImageReader reader(&buffer);
        REQUIRE(reader.size() == QSize(60000, 60000)); // the crafted header is well-formed
    }
    QElapsedTimer timer;
    timer.start();
    for (const QSize& requested : {QSize(), QSize(200, 200)}) {
        const auto decoded = AttachmentImageProvider::decode(bomb, requested);
        CHECK(decoded.problem == Problem::TooLarge);
        CHECK(decoded.image.isNull());
    }
    CHECK(timer.elapsed() < 1000);
}

TEST_CASE("decode: a PNG under the pixel cap declaring far more data than it has is refused quickly",
          "[gui][image][hostile]")
{
    // 9000x9000 RGBA is 81 megapixels (under the cap), 309 MiB if decoded at full size (over Qt's
    // allocation limit); it is decoded scaled, and the 20-byte IDAT runs out at once.
    const QByteArray bomb = craftedPng(9000, 9000);
    QElapsedTimer timer;
    timer.start();
    for (const QSize& requested : {QSize(), QSize(200, 200), QSize(9000, 9000)}) {
        const auto decoded = AttachmentImageProvider::decode(bomb, requested);
        CHECK(decoded.problem != Problem::None);
        CHECK(decoded.image.isNull());
    }
    CHECK(timer.elapsed() < 1000);
}

TEST_CASE("decode: a GIF larger than QImageReader::size() said is refused", "[gui][image][hostile]")
{
    // Qt's GIF reader reports 1x1 for these (all the pixel cap sees), then decodes the logical
    // screen the header declares. The result is checked after decoding, and Qt's allocation limit
    // bounds what can be allocated before that.
    QByteArray wide = tinyGif();
    wide[7] = char(0xe0); // screen width 0xe001 = 57345
    QByteArray huge = wide;
    huge[9] = char(0x10); // screen height 0x1001 = 4097: 940 MB at 4 bytes a pixel
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray* gif : {&wide, &huge}) {
        for (const QSize& requested : {QSize(), QSize(64, 64)}) {
            const auto decoded = AttachmentImageProvider::decode(*gif, requested);
            CHECK(decoded.problem == Problem::Damaged);
            CHECK(decoded.image.isNull());
        }
    }
    CHECK(timer.elapsed() < 1000);
}

TEST_CASE("decode: a truncated PNG gives no image", "[gui][image][hostile]")
{
    const QByteArray png = encode(testImage(400, 300), "png");
    for (const double fraction : {0.9, 0.5, 0.1}) {
        INFO(fraction);
        const auto decoded =
            AttachmentImageProvider::decode(png.left(static_cast<qsizetype>(png.size() * fraction)), {});
        CHECK(decoded.problem == Problem::Damaged);
        CHECK(decoded.image.isNull());
    }
    // Cut inside the header: not even the size can be read.
    CHECK(AttachmentImageProvider::decode(png.left(20), {}).image.isNull());
    CHECK(AttachmentImageProvider::decode(png.left(8), {}).problem != Problem::None);
}

TEST_CASE("decode: a truncated JPEG never crashes", "[gui][image][hostile]")
{
    // libjpeg fills a cut-off JPEG with grey and calls it a warning, so an image may come back;
    // what matters is that the result is consistent and nothing breaks.
    const QByteArray jpeg = encode(testImage(400, 300), "jpeg");
    for (const double fraction : {0.9, 0.5, 0.1, 0.01}) {
        const auto decoded =
            AttachmentImageProvider::decode(jpeg.left(static_cast<qsizetype>(jpeg.size() * fraction)), {});
        CHECK(decoded.image.isNull() == (decoded.problem != Problem::None));
    }
}

TEST_CASE("decode: garbage, empty input and formats outside the list give no image", "[gui][image][hostile]")
{
    std::mt19937 random(20240611);
    QByteArray noise(4096, '\0');
    for (char& byte : noise)
        byte = static_cast<char>(random() & 0xff);

    CHECK(AttachmentImageProvider::decode(noise, {}).problem == Problem::NotAnImage);
    CHECK(AttachmentImageProvider::decode({}, {}).problem == Problem::NotAnImage);
    CHECK(AttachmentImageProvider::decode(QByteArray("hello, this is a note"), {}).problem ==
          Problem::NotAnImage);

    const QByteArray svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                           "width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>";
    CHECK(AttachmentImageProvider::decode(svg, {}).problem == Problem::NotAnImage);
    const QByteArray xpm = encode(testImage(8, 8), "xpm");
    CHECK(AttachmentImageProvider::decode(xpm, {}).problem == Problem::NotAnImage);

    // Noise behind a real signature reaches the decoder itself.
    const QByteArray signatures[] = {QByteArray("\x89PNG\r\n\x1a\n", 8), QByteArray("\xff\xd8\xff\xe0", 4),
                                     QByteArray("GIF89a"), QByteArray("BM")};
    for (const QByteArray& signature : signatures) {
        const auto decoded = AttachmentImageProvider::decode(signature + noise, {});
        CHECK(decoded.image.isNull());
        CHECK(decoded.problem != Problem::None);
    }
}

TEST_CASE("decode: randomly damaged images never crash or hang", "[gui][image][hostile]")
{
    const QImage source = testImage(120, 80);
    std::mt19937 random(7);
    QElapsedTimer timer;
    timer.start();
    const QByteArray originals[] = {encode(source, "png"), encode(source, "jpeg"), encode(source, "bmp"),
                                    tinyGif()};
    for (const QByteArray& original : originals) {
        for (int round = 0; round < 60; ++round) {
            QByteArray damaged = original;
            const int flips = 1 + static_cast<int>(random() % 8);
            for (int i = 0; i < flips; ++i) {
                const auto at = static_cast<qsizetype>(random() % static_cast<quint32>(damaged.size()));
                damaged[at] = static_cast<char>(random() & 0xff);
            }
            const auto decoded = AttachmentImageProvider::decode(damaged, {64, 64});
            CHECK(decoded.image.isNull() == (decoded.problem != Problem::None));
            if (!decoded.image.isNull()) {
                // Never more than was asked for, even when the header lied about the size.
                CHECK(decoded.image.width() <= 64);
                CHECK(decoded.image.height() <= 64);
            }
        }
    }
    CHECK(timer.elapsed() < 60000);
}

TEST_CASE("provider: fetches on the main thread and delivers the decoded image", "[gui][image]")
{
    FakeJournal journal;
    journal.attachments[{Entry, QStringLiteral("scan of the letter.jpg")}] =
        encode(testImage(1600, 1200), "jpeg");
    AttachmentImageProvider provider(journal.fetch());

    const Delivered delivered =
        request(provider, Entry + QStringLiteral("/scan%20of%20the%20letter.jpg"), {400, 400});
    CHECK(delivered.error.isEmpty());
    CHECK(delivered.image.size() == QSize(400, 300));
    CHECK(journal.calls.load() == 1);
    CHECK_FALSE(journal.calledOffMainThread.load());
}

TEST_CASE("provider: requests from another thread still fetch on the main thread", "[gui][image]")
{
    // As the engine does: requestImageResponse() on its reader thread.
    FakeJournal journal;
    journal.attachments[{Entry, QStringLiteral("a.png")}] = encode(testImage(300, 200), "png");
    AttachmentImageProvider provider(journal.fetch());

    QThread reader;
    QObject onReader;
    onReader.moveToThread(&reader);
    reader.start();
    QQuickImageResponse* response = nullptr;
    QMetaObject::invokeMethod(
        &onReader,
        [&] { response = provider.requestImageResponse(Entry + QStringLiteral("/a.png"), {}); },
        Qt::BlockingQueuedConnection);
    REQUIRE(response != nullptr);
    REQUIRE(response->thread() == &reader);
    std::atomic<bool> finished{false};
    QObject::connect(response, &QQuickImageResponse::finished, response, [&finished] { finished = true; },
                     Qt::DirectConnection);
    REQUIRE(waitUntil([&finished] { return finished.load(); }));
    CHECK(response->errorString().isEmpty());
    std::unique_ptr<QQuickTextureFactory> factory(response->textureFactory());
    REQUIRE(factory);
    CHECK(factory->textureSize() == QSize(300, 200));
    CHECK_FALSE(journal.calledOffMainThread.load());
    QMetaObject::invokeMethod(response, [response] { delete response; }, Qt::BlockingQueuedConnection);
    reader.quit();
    reader.wait();
}

TEST_CASE("provider: a locked vault gives an empty image and a message without the name", "[gui][image]")
{
    FakeJournal journal;
    journal.attachments[{Entry, QStringLiteral("secret plan.png")}] = encode(testImage(10, 10), "png");
    journal.locked = true;
    AttachmentImageProvider provider(journal.fetch());

    const Delivered delivered = request(provider, Entry + QStringLiteral("/secret%20plan.png"));
    CHECK(delivered.image.isNull());
    CHECK(delivered.error == AttachmentImageProvider::describe(Problem::Unavailable));
    CHECK_FALSE(delivered.error.contains(QStringLiteral("secret")));
    CHECK_FALSE(delivered.error.contains(Entry));
}

TEST_CASE("provider: missing attachments, bad ids and non-images end with an error", "[gui][image]")
{
    FakeJournal journal;
    journal.attachments[{Entry, QStringLiteral("notes.txt")}] = QByteArray("my private notes");
    journal.attachments[{Entry, QStringLiteral("bomb.png")}] = craftedPng(60000, 60000);
    journal.attachments[{Entry, QStringLiteral("huge.png")}] =
        QByteArray(AttachmentImageProvider::MaxFileBytes + 1, 'x');
    journal.attachments[{Entry, QStringLiteral("damaged.png")}] = QByteArray("damaged");
    AttachmentImageProvider provider(journal.fetch());

    const Delivered missing = request(provider, Entry + QStringLiteral("/other.png"));
    CHECK(missing.image.isNull());
    CHECK(missing.error == AttachmentImageProvider::describe(Problem::NotFound));

    const Delivered bad = request(provider, QStringLiteral("no-slash"));
    CHECK(bad.error == AttachmentImageProvider::describe(Problem::BadRequest));

    const Delivered text = request(provider, Entry + QStringLiteral("/notes.txt"));
    CHECK(text.error == AttachmentImageProvider::describe(Problem::NotAnImage));

    const Delivered bomb = request(provider, Entry + QStringLiteral("/bomb.png"), {100, 100});
    CHECK(bomb.error == AttachmentImageProvider::describe(Problem::TooLarge));

    const Delivered huge = request(provider, Entry + QStringLiteral("/huge.png"));
    CHECK(huge.image.isNull());
    CHECK(huge.error == AttachmentImageProvider::describe(Problem::TooLarge));

    const Delivered damaged = request(provider, Entry + QStringLiteral("/damaged.png"));
    CHECK(damaged.error == AttachmentImageProvider::describe(Problem::Damaged));
    CHECK(journal.calls.load() == 5); // the bad id never reached the journal
}

TEST_CASE("provider: refuses oversized bytes even from a fetch that did not check", "[gui][image]")
{
    AttachmentImageProvider provider([](const QString&, const QString&) -> pt::core::Result<QByteArray> {
        return QByteArray(AttachmentImageProvider::MaxFileBytes + 1, '\0');
    });
    const Delivered delivered = request(provider, Entry + QStringLiteral("/a.png"));
    CHECK(delivered.image.isNull());
    CHECK(delivered.error == AttachmentImageProvider::describe(Problem::TooLarge));
}

TEST_CASE("provider: invalidate() and cancel() end requests without fetching", "[gui][image]")
{
    FakeJournal journal;
    journal.attachments[{Entry, QStringLiteral("a.png")}] = encode(testImage(50, 50), "png");
    AttachmentImageProvider provider(journal.fetch());
    const QString id = Entry + QStringLiteral("/a.png");

    const Delivered invalidated =
        request(provider, id, {}, [&provider](QQuickImageResponse*) { provider.invalidate(); });
    CHECK(invalidated.image.isNull());
    CHECK(invalidated.error == AttachmentImageProvider::describe(Problem::Unavailable));

    const Delivered cancelled =
        request(provider, id, {}, [](QQuickImageResponse* response) { response->cancel(); });
    CHECK(cancelled.image.isNull());
    CHECK_FALSE(cancelled.error.isEmpty());
    CHECK(journal.calls.load() == 0);

    // Requests made after the invalidation work again.
    const Delivered later = request(provider, id);
    CHECK(later.image.size() == QSize(50, 50));
    CHECK(journal.calls.load() == 1);
}

TEST_CASE("provider: many requests at once all finish", "[gui][image]")
{
    FakeJournal journal;
    for (int i = 0; i < 12; ++i)
        journal.attachments[{Entry, QStringLiteral("p%1.jpg").arg(i)}] = encode(testImage(800 + i, 600), "jpeg");
    AttachmentImageProvider provider(journal.fetch());

    std::vector<std::unique_ptr<QQuickImageResponse>> responses;
    int finished = 0;
    for (int i = 0; i < 12; ++i) {
        responses.emplace_back(provider.requestImageResponse(Entry + QStringLiteral("/p%1.jpg").arg(i), {100, 100}));
        QObject::connect(responses.back().get(), &QQuickImageResponse::finished, responses.back().get(),
                         [&finished] { ++finished; });
    }
    REQUIRE(waitUntil([&finished] { return finished == 12; }));
    for (const auto& response : responses) {
        CHECK(response->errorString().isEmpty());
        std::unique_ptr<QQuickTextureFactory> factory(response->textureFactory());
        REQUIRE(factory);
        CHECK(factory->textureSize().width() == 100);
    }
}

namespace {

// Image.Status
constexpr int Ready = 1;
constexpr int Error = 3;

int waitForStatus(QObject* image)
{
    const auto status = [image] { return image->property("status").toInt(); };
    REQUIRE(waitUntil([&] { return status() == Ready || status() == Error; }));
    return status();
}

bool anyFileContains(const QString& root, const QByteArray& needle)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("QML Images load through the engine with cache: false, and nothing reaches the disk",
          "[gui][image][qml]")
{
    // A canary inside the image bytes and the attachment name: if any of it were written to a
    // file anywhere under the private HOME/TMPDIR/XDG folders, the search below finds it.
    const QByteArray canary = "PT-CANARY-7f3a9c1d";
    QImage withText = testImage(640, 480);
    withText.setText(QStringLiteral("Comment"), QString::fromLatin1(canary));
    const QByteArray pngBytes = encode(withText, "png");
    REQUIRE(pngBytes.contains(canary));

    const QStringList names = {
        QStringLiteral("%1 photo.png").arg(QString::fromLatin1(canary)),
        QStringLiteral("a/b (1).png"),
        QStringLiteral("100% it's.png"),
        QStringLiteral("na\u00efve \u65e5\u672c.png"),
    };
    FakeJournal journal;
    for (const QString& name : names)
        journal.attachments[{Entry, name}] = pngBytes;

    QQmlEngine engine;
    auto* provider = new AttachmentImageProvider(journal.fetch());
    engine.addImageProvider(QLatin1String(AttachmentImageProvider::ProviderId), provider); // engine owns it

    // The QML side builds the URL itself, with encodeURIComponent.
    QQmlComponent byName(&engine);
    byName.setData(R"(
        import QtQuick
        Image {
            property string entryId
            property string name
            cache: false
            source: entryId && name
                    ? "image://attachment/" + entryId + "/" + encodeURIComponent(name) : ""
        })",
                   QUrl());
    REQUIRE(byName.isReady());

    for (const bool asynchronous : {true, false}) {
        for (const QString& name : names) {
            INFO(name.toStdString() << (asynchronous ? " async" : " sync"));
            std::unique_ptr<QObject> image(byName.createWithInitialProperties(
                {{QStringLiteral("entryId"), Entry},
                 {QStringLiteral("name"), name},
                 {QStringLiteral("asynchronous"), asynchronous},
                 {QStringLiteral("sourceSize"), QSize(160, 160)}}));
            REQUIRE(image);
            CHECK(waitForStatus(image.get()) == Ready);
            CHECK(image->property("implicitWidth").toReal() == 160);
            CHECK(image->property("implicitHeight").toReal() == 120);
        }
    }

    // C++ models hand QML the URL from sourceFor().
    QQmlComponent bySource(&engine);
    bySource.setData("import QtQuick\nImage { cache: false }", QUrl());
    for (const QString& name : names) {
        INFO(name.toStdString());
        std::unique_ptr<QObject> image(bySource.createWithInitialProperties(
            {{QStringLiteral("source"), QUrl(AttachmentImageProvider::sourceFor(Entry, name))}}));
        REQUIRE(image);
        CHECK(waitForStatus(image.get()) == Ready);
        CHECK(image->property("implicitWidth").toReal() == 640);
    }

    // Locked: the Image reports an error and shows nothing.
    journal.locked = true;
    provider->invalidate();
    {
        std::unique_ptr<QObject> image(bySource.createWithInitialProperties(
            {{QStringLiteral("source"), QUrl(AttachmentImageProvider::sourceFor(Entry, names[1]))}}));
        REQUIRE(image);
        CHECK(waitForStatus(image.get()) == Error);
        CHECK(image->property("implicitWidth").toReal() == 0);
    }

    CHECK(journal.calls.load() >= names.size() * 3);
    CHECK_FALSE(journal.calledOffMainThread.load());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    const QString root = qEnvironmentVariable("PT_TEST_PRIVATE_ROOT");
    REQUIRE_FALSE(root.isEmpty());
    CHECK_FALSE(anyFileContains(root, canary));
    CHECK_FALSE(anyFileContains(root, pngBytes.left(64)));
}
