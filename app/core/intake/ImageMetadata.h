#pragma once
// What a photo's EXIF says about it: when it was taken (with the camera's UTC offset when it
// recorded one), the camera, where (GPS) and which way up. Read with exiv2 from bytes in memory;
// the file itself is never changed (it is the evidence).
//
// exiv2 parses hostile input in C++ of its own, so it is reached only through
// readImageMetadata(), only for JPEG, PNG, WebP and TIFF files (not the RAW, video and other
// formats it also knows), only on files within MaxImageFileBytes, and every exception it throws
// becomes an error value.
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace pt::core::intake {

struct GpsPosition {
    double latitude = 0;  // decimal degrees, north positive (-90..90)
    double longitude = 0; // decimal degrees, east positive (-180..180)
    std::optional<double> altitudeMeters; // above sea level, negative below
};

struct ImageMetadata {
    // EXIF DateTimeOriginal, with SubSecTimeOriginal's milliseconds. With its offset
    // (OffsetTimeOriginal, else OffsetTime) as a fixed offset from UTC (Qt::OffsetFromUTC, or
    // Qt::UTC for "+00:00"); without one, as local time on this device, and takenAtHasOffset is
    // false: the camera's zone is then a guess.
    // Null when the file has no usable DateTimeOriginal.
    QDateTime takenAt;
    bool takenAtHasOffset = false;
    QString cameraMake;  // EXIF Make, "Apple"
    QString cameraModel; // EXIF Model, "iPhone 13"
    std::optional<GpsPosition> location;
    // EXIF Orientation 1-8 (1: as stored; 6: turned a quarter clockwise to show). SafeImage
    // decodes upright already; this is for showing the EXIF.
    int orientation = 1;

    // A photo that carries a location: the app warns before it goes into an export.
    [[nodiscard]] bool hasLocation() const { return location.has_value(); }
    [[nodiscard]] bool isEmpty() const
    {
        return takenAt.isNull() && cameraMake.isEmpty() && cameraModel.isEmpty() && !location && orientation == 1;
    }
};

// The EXIF of an image file's bytes. A file of a format without EXIF (GIF, BMP) or a JPEG
// without any gives empty metadata, not an error. An error for a file over MaxImageFileBytes, or
// one whose metadata is damaged (then the photo's time is the file's; the picture itself may
// still decode). `name` is only for the messages.
[[nodiscard]] Result<ImageMetadata> readImageMetadata(const QByteArray& bytes, const QString& name);

} // namespace pt::core::intake
