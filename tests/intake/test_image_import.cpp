// Screenshots and photos into the journal: the file kept byte for byte, its text recognised and
// searchable, its EXIF time, camera and location in the entry, the same file once, and a file
// that is not an image refused with nothing written.
#include <catch2/catch.hpp>

#include "ImageFixtures.h"
#include "PhoneScreenshot.h"
#include "TestSupport.h"
#include "intake/ImageEntry.h"
#include "intake/ImageImporter.h"

#include <QJsonObject>
#include <QTemporaryDir>

using namespace pt;
using namespace pt::core;
using namespace pt::core::intake;
using namespace pt::test;

namespace {

struct ImportWorld {
    QTemporaryDir tmp;
    std::unique_ptr<Vault> vault = createVault(tmp.filePath(QStringLiteral("vault")));
    Journal& journal = vault->journal();
};

} // namespace

TEST_CASE("image import: a screenshot of a grade is kept as it was and found by its words", "[intake][ocr]")
{
    ImportWorld w;
    auto recognizer = TextRecognizer::create();
    REQUIRE(recognizer.ok());
    ImageImporter importer(w.journal, &*recognizer);

    const QByteArray png = encoded(phoneScreenshot(), "PNG");
    const QDateTime fileTime(QDate(2026, 3, 2), QTime(17, 5), Qt::OffsetFromUTC, -5 * 3600);
    auto outcome = importer.import({png, QStringLiteral("IMG_0412.PNG"), fileTime, {}, {}});
    REQUIRE(outcome.ok());
    CHECK(outcome->imported);
    CHECK(outcome->kind == QStringLiteral("screenshot"));
    CHECK(outcome->recognizedText.contains(QStringLiteral("Meets expectations")));

    auto entry = w.journal.entry(outcome->entryId);
    REQUIRE(entry.ok());
    const EntryRevision& r = entry->latest;
    CHECK(r.title == QStringLiteral("IMG_0412"));
    CHECK(r.occurredAt == fileTime); // no EXIF: the file's time
    CHECK(r.fields.value(QLatin1String(image::TimeSource)).toString() == QStringLiteral("file"));
    CHECK(r.fields.value(QLatin1String(image::Size)).toString() == QStringLiteral("1170 x 2532"));
    CHECK(r.fields.value(QLatin1String(image::RecognizedText)).toString().contains(QStringLiteral("Goal 2")));
    REQUIRE(r.attachments.size() == 1);
    CHECK(r.attachments.first().name == QStringLiteral("IMG_0412.PNG"));
    CHECK(r.attachments.first().mime == QStringLiteral("image/png"));
    CHECK(r.attachments.first().sha256 == sha256Hex(png));
    CHECK(readAttachment(w.journal, r.entryId, QStringLiteral("IMG_0412.PNG")) == png);

    // The words in the picture find it.
    auto hits = w.journal.search(QStringLiteral("expectations"));
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK(hits->first().entryId == r.entryId);

    // The same file again: one entry, and the answer says where it is.
    auto again = importer.import({png, QStringLiteral("copy.png"), {}, {}, {}});
    REQUIRE(again.ok());
    CHECK_FALSE(again->imported);
    CHECK(again->entryId == r.entryId);
    CHECK(again->notes.join(QLatin1Char(' ')).contains(QStringLiteral("Already in the journal")));
    CHECK(w.journal.count() == 1);
}

TEST_CASE("image import: a photo's EXIF time, camera and location go into the entry", "[intake][exif]")
{
    ImportWorld w;
    ImageImporter importer(w.journal, nullptr); // no text recognition: the entry says so
    const QByteArray jpeg = withExif(encoded(testPicture(64, 48), "JPEG"),
                                     {{"Exif.Image.Make", "Apple"},
                                      {"Exif.Image.Model", "iPhone 13"},
                                      {"Exif.Photo.DateTimeOriginal", "2026:03:14 09:41:07"},
                                      {"Exif.Photo.OffsetTimeOriginal", "-04:00"},
                                      {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                      {"Exif.GPSInfo.GPSLatitude", "40/1 44/1 5400/100"},
                                      {"Exif.GPSInfo.GPSLongitudeRef", "W"},
                                      {"Exif.GPSInfo.GPSLongitude", "73/1 59/1 0/1"}});

    auto inspected = ImageImporter::inspect({jpeg, QStringLiteral("whiteboard.jpg"), {}, {}, {}});
    REQUIRE(inspected.ok());
    CHECK(inspected->hasLocation);
    CHECK(inspected->suggested.source == TimeSource::PhotoWithOffset);
    CHECK(w.journal.count() == 0); // inspecting writes nothing

    auto outcome = importer.import({jpeg, QStringLiteral("whiteboard.jpg"), {}, {}, QStringLiteral("Whiteboard after the 1:1")});
    REQUIRE(outcome.ok());
    CHECK(outcome->hasLocation);
    auto entry = w.journal.entry(outcome->entryId);
    REQUIRE(entry.ok());
    const EntryRevision& r = entry->latest;
    CHECK(r.kind == QStringLiteral("photo"));
    CHECK(r.title == QStringLiteral("Whiteboard after the 1:1"));
    CHECK(r.occurredAt == QDateTime(QDate(2026, 3, 14), QTime(9, 41, 7), Qt::OffsetFromUTC, -4 * 3600));
    CHECK(r.fields.value(QLatin1String(image::TimeSource)).toString() == QStringLiteral("exif"));
    CHECK(r.fields.value(QLatin1String(image::Camera)).toString() == QStringLiteral("Apple iPhone 13"));
    const QJsonObject where = r.fields.value(QLatin1String(image::Location)).toObject();
    CHECK(where.value(QStringLiteral("latitude")).toDouble() == Approx(40.748333).epsilon(1e-6)); // 40 + 44/60 + 54/3600
    CHECK(where.value(QStringLiteral("longitude")).toDouble() == Approx(-73.983333).epsilon(1e-4));
    CHECK(r.fields.value(QLatin1String(image::ImportNotes)).toArray().first().toString().contains(QStringLiteral("not read")));
    CHECK(readAttachment(w.journal, r.entryId, QStringLiteral("whiteboard.jpg")) == jpeg);

    // The person's own time wins over the EXIF, and says so.
    const QDateTime chosen(QDate(2026, 3, 14), QTime(10, 0), Qt::UTC);
    const QByteArray other = withExif(encoded(testPicture(64, 48), "JPEG", 70), {{"Exif.Image.Make", "Apple"}});
    auto mine = importer.import({other, QStringLiteral("b.jpg"), {}, chosen, {}});
    REQUIRE(mine.ok());
    auto mineEntry = w.journal.entry(mine->entryId);
    REQUIRE(mineEntry.ok());
    CHECK(mineEntry->latest.occurredAt == chosen);
    CHECK(mineEntry->latest.fields.value(QLatin1String(image::TimeSource)).toString() == QStringLiteral("entered"));
}

TEST_CASE("image import: what is not an image is refused and nothing is written", "[intake][exif]")
{
    ImportWorld w;
    ImageImporter importer(w.journal, nullptr);
    for (const QByteArray& bytes : {QByteArray(), randomBytes(4096, 7), pngWithSize(50000, 50000),
                                    QByteArrayLiteral("From: a@example.com\r\n\r\nnot a picture\r\n")}) {
        auto refused = importer.import({bytes, QStringLiteral("evidence.png"), {}, {}, {}});
        REQUIRE_FALSE(refused.ok());
        CHECK_FALSE(refused.error().message.isEmpty());
    }
    CHECK(w.journal.count() == 0);
}
