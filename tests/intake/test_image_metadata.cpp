// The EXIF of photos (exiv2, in memory): DateTimeOriginal with and without its offset, camera,
// GPS and orientation, on JPEGs written in the test; the occurred_at suggested from them or from
// the file's time.
#include "ImageFixtures.h"
#include "TestSupport.h"

#include "intake/ImageMetadata.h"
#include "intake/SafeImage.h"
#include "intake/SuggestedTime.h"

#include "TimeFormat.h"

#include <QTimeZone>

using namespace pt::core;
using namespace pt::core::intake;
using namespace pt::test;

namespace {

QByteArray photo(const ExifTags& tags, int width = 64, int height = 48)
{
    return withExif(encoded(testPicture(width, height), "JPEG"), tags);
}

ImageMetadata read(const QByteArray& bytes)
{
    auto metadata = readImageMetadata(bytes, QStringLiteral("photo.jpg"));
    REQUIRE(metadata.ok());
    return *metadata;
}

} // namespace

TEST_CASE("EXIF: DateTimeOriginal with OffsetTimeOriginal is that moment, with its offset", "[exif]")
{
    const auto metadata = read(photo({{"Exif.Image.Make", "Apple"},
                                      {"Exif.Image.Model", "iPhone 13"},
                                      {"Exif.Photo.DateTimeOriginal", "2025:03:14 09:41:07"},
                                      {"Exif.Photo.SubSecTimeOriginal", "25"},
                                      {"Exif.Photo.OffsetTimeOriginal", "+01:00"},
                                      {"Exif.Photo.OffsetTime", "-07:00"}})); // Original wins
    CHECK(metadata.takenAtHasOffset);
    CHECK(metadata.takenAt.timeSpec() == Qt::OffsetFromUTC);
    CHECK(metadata.takenAt.offsetFromUtc() == 3600);
    CHECK(metadata.takenAt.toUTC() == QDateTime(QDate(2025, 3, 14), QTime(8, 41, 7, 250), Qt::UTC));
    CHECK(isoWithOffset(metadata.takenAt) == QStringLiteral("2025-03-14T09:41:07.250+01:00"));
    CHECK(metadata.cameraMake == QStringLiteral("Apple"));
    CHECK(metadata.cameraModel == QStringLiteral("iPhone 13"));
    CHECK_FALSE(metadata.hasLocation());
    CHECK(metadata.orientation == 1);

    const QDateTime fileTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
    const SuggestedTime suggested = suggestOccurredAt(&metadata, fileTime);
    CHECK(suggested.source == TimeSource::PhotoWithOffset);
    CHECK(suggested.time == metadata.takenAt);
}

TEST_CASE("EXIF: OffsetTime stands in for a missing OffsetTimeOriginal", "[exif]")
{
    const auto metadata = read(photo({{"Exif.Photo.DateTimeOriginal", "2024:11:30 23:15:00"},
                                      {"Exif.Photo.OffsetTime", "-05:30"}}));
    CHECK(metadata.takenAtHasOffset);
    CHECK(metadata.takenAt.offsetFromUtc() == -(5 * 3600 + 30 * 60));
    CHECK(metadata.takenAt.toUTC() == QDateTime(QDate(2024, 12, 1), QTime(4, 45), Qt::UTC));
}

TEST_CASE("EXIF: an offset of +00:00 is UTC", "[exif]")
{
    const auto metadata = read(photo({{"Exif.Photo.DateTimeOriginal", "2025:03:14 09:41:07"},
                                      {"Exif.Photo.OffsetTimeOriginal", "+00:00"}}));
    CHECK(metadata.takenAtHasOffset);
    CHECK(metadata.takenAt.timeSpec() == Qt::UTC); // how Qt keeps a zero offset
    CHECK(metadata.takenAt == QDateTime(QDate(2025, 3, 14), QTime(9, 41, 7), Qt::UTC));
    CHECK(isoWithOffset(metadata.takenAt) == QStringLiteral("2025-03-14T09:41:07.000+00:00"));
}

TEST_CASE("EXIF: DateTimeOriginal without an offset is local time, flagged", "[exif]")
{
    const auto metadata = read(photo({{"Exif.Photo.DateTimeOriginal", "2025:01:02 03:04:05"},
                                      {"Exif.Photo.OffsetTimeOriginal", "   :  "}})); // blank, as some cameras write
    CHECK_FALSE(metadata.takenAtHasOffset);
    CHECK(metadata.takenAt.timeSpec() == Qt::LocalTime);
    CHECK(metadata.takenAt.date() == QDate(2025, 1, 2));
    CHECK(metadata.takenAt.time() == QTime(3, 4, 5));

    const SuggestedTime suggested = suggestOccurredAt(&metadata, QDateTime::currentDateTime());
    CHECK(suggested.source == TimeSource::PhotoWithoutOffset);
    CHECK(suggested.time == metadata.takenAt);
}

TEST_CASE("EXIF: an unset camera clock or an impossible offset is no time at all", "[exif]")
{
    const auto unset = read(photo({{"Exif.Photo.DateTimeOriginal", "0000:00:00 00:00:00"}}));
    CHECK(unset.takenAt.isNull());
    const auto farOff = read(photo({{"Exif.Photo.DateTimeOriginal", "2025:01:02 03:04:05"},
                                    {"Exif.Photo.OffsetTimeOriginal", "+23:00"}}));
    CHECK(farOff.takenAt.isValid());
    CHECK_FALSE(farOff.takenAtHasOffset);
}

TEST_CASE("EXIF: GPS becomes decimal degrees with their signs, and altitude", "[exif]")
{
    SECTION("north, east, above sea level")
    {
        const auto metadata = read(photo({{"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                          {"Exif.GPSInfo.GPSLatitude", "52/1 31/1 1234/100"},
                                          {"Exif.GPSInfo.GPSLongitudeRef", "E"},
                                          {"Exif.GPSInfo.GPSLongitude", "13/1 24/1 3600/100"},
                                          {"Exif.GPSInfo.GPSAltitudeRef", "0"},
                                          {"Exif.GPSInfo.GPSAltitude", "345/10"}}));
        REQUIRE(metadata.hasLocation());
        CHECK(metadata.location->latitude == Approx(52.0 + 31.0 / 60 + 12.34 / 3600).epsilon(1e-12));
        CHECK(metadata.location->longitude == Approx(13.41).epsilon(1e-12));
        REQUIRE(metadata.location->altitudeMeters.has_value());
        CHECK(*metadata.location->altitudeMeters == Approx(34.5));
    }
    SECTION("south, west, below sea level")
    {
        const auto metadata = read(photo({{"Exif.GPSInfo.GPSLatitudeRef", "S"},
                                          {"Exif.GPSInfo.GPSLatitude", "33/1 52/1 0/1"},
                                          {"Exif.GPSInfo.GPSLongitudeRef", "W"},
                                          {"Exif.GPSInfo.GPSLongitude", "70/1 30/1 0/1"},
                                          {"Exif.GPSInfo.GPSAltitudeRef", "1"},
                                          {"Exif.GPSInfo.GPSAltitude", "12/1"}}));
        REQUIRE(metadata.hasLocation());
        CHECK(metadata.location->latitude == Approx(-(33.0 + 52.0 / 60)));
        CHECK(metadata.location->longitude == Approx(-70.5));
        CHECK(*metadata.location->altitudeMeters == Approx(-12.0));
    }
    SECTION("a zero denominator or a latitude past the pole is no location")
    {
        CHECK_FALSE(read(photo({{"Exif.GPSInfo.GPSLatitude", "52/0 0/1 0/1"}, {"Exif.GPSInfo.GPSLongitude", "13/1 0/1 0/1"}}))
                        .hasLocation());
        CHECK_FALSE(read(photo({{"Exif.GPSInfo.GPSLatitude", "91/1 0/1 0/1"}, {"Exif.GPSInfo.GPSLongitude", "13/1 0/1 0/1"}}))
                        .hasLocation());
    }
}

TEST_CASE("EXIF: orientation 6 is read, and decoding turns the photo upright", "[exif]")
{
    const QByteArray bytes = photo({{"Exif.Image.Orientation", "6"}}, 300, 200);
    CHECK(read(bytes).orientation == 6);

    auto probe = probeImage(bytes, QStringLiteral("photo.jpg"));
    REQUIRE(probe.ok());
    CHECK(probe->format == "jpeg");
    CHECK(probe->storedSize == QSize(300, 200));
    CHECK(probe->shownSize == QSize(200, 300));

    auto decoded = decodeImage(bytes, QStringLiteral("photo.jpg"));
    REQUIRE(decoded.ok());
    CHECK(decoded->image.size() == QSize(200, 300));
    CHECK_FALSE(decoded->partial);
    // The dark block was at the stored top left; a quarter turn clockwise puts it top right.
    CHECK(qGray(decoded->image.pixel(190, 10)) < 40);
    CHECK(qGray(decoded->image.pixel(10, 10)) > 60);

    auto preview = decodePreview(bytes, QStringLiteral("photo.jpg"), QSize(100, 100));
    REQUIRE(preview.ok());
    CHECK(preview->image.size() == QSize(66, 100));
    CHECK(preview->shownSize == QSize(200, 300));
}

TEST_CASE("EXIF: none, or none readable, suggests the file's time", "[exif]")
{
    const QDateTime fileTime(QDate(2025, 5, 6), QTime(7, 8, 9), Qt::OffsetFromUTC, 7200);
    SECTION("a JPEG without EXIF")
    {
        const auto metadata = read(encoded(testPicture(32, 32), "JPEG"));
        CHECK(metadata.isEmpty());
        const SuggestedTime suggested = suggestOccurredAt(&metadata, fileTime);
        CHECK(suggested.source == TimeSource::FileTime);
        CHECK(suggested.time == fileTime);
    }
    SECTION("formats without EXIF: PNG, BMP, GIF")
    {
        for (const char* format : {"PNG", "BMP"}) {
            INFO(format);
            CHECK(read(encoded(testPicture(32, 32), format)).isEmpty());
        }
        CHECK(read(gifOf(testPicture(32, 32))).isEmpty());
    }
    SECTION("no metadata at all, and no file time (pasted)")
    {
        CHECK(suggestOccurredAt(nullptr, fileTime).source == TimeSource::FileTime);
        const SuggestedTime none = suggestOccurredAt(nullptr, QDateTime());
        CHECK(none.source == TimeSource::None);
        CHECK(none.time.isNull());
    }
}
