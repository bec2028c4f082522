#include "ImageMetadata.h"

#include "ImageLimits.h"

#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp> // not in exiv2.hpp

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>

namespace pt::core::intake {

namespace {

// The XMP toolkit exiv2 uses is thread-safe only with a lock (exiv2's own xmpsample does this).
std::mutex g_xmpMutex;

void xmpLock(void* mutex, bool lock)
{
    if (lock)
        static_cast<std::mutex*>(mutex)->lock();
    else
        static_cast<std::mutex*>(mutex)->unlock();
}

void initExiv2Once()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // exiv2 writes its warnings about damaged files to stderr: the error value says enough.
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize(xmpLock, &g_xmpMutex);
    });
}

// The formats phones and screenshot tools put EXIF in. exiv2 also parses RAW, video, PSD, EPS
// and more: not here.
bool readsExifOf(int type)
{
    return type == Exiv2::ImageType::jpeg || type == Exiv2::ImageType::png ||
           type == Exiv2::ImageType::webp || type == Exiv2::ImageType::tiff;
}

// Control characters out: text from a file is shown, never interpreted.
QString printable(QString text)
{
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x1f\\x7f]"));
    return text.remove(control);
}

const Exiv2::Exifdatum* find(const Exiv2::ExifData& exif, const char* key)
{
    const auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it == exif.end() || it->count() == 0)
        return nullptr;
    return &*it;
}

// An ASCII tag as text, at most 128 characters (a camera name
// is short; a hostile one is not shown at length).
QString text(const Exiv2::ExifData& exif, const char* key)
{
    const Exiv2::Exifdatum* datum = find(exif, key);
    if (datum == nullptr)
        return {};
    return printable(QString::fromUtf8(datum->toString().c_str())).left(128).trimmed(); // up to a NUL
}

std::optional<double> rational(const Exiv2::Exifdatum& datum, long n)
{
    const Exiv2::Value& value = datum.value();
    if (const auto* u = dynamic_cast<const Exiv2::URationalValue*>(&value)) {
        if (n < 0 || std::size_t(n) >= u->value_.size() || u->value_[std::size_t(n)].second == 0)
            return std::nullopt;
        return double(u->value_[std::size_t(n)].first) / double(u->value_[std::size_t(n)].second);
    }
    if (const auto* r = dynamic_cast<const Exiv2::RationalValue*>(&value)) {
        if (n < 0 || std::size_t(n) >= r->value_.size() || r->value_[std::size_t(n)].second == 0)
            return std::nullopt;
        return double(r->value_[std::size_t(n)].first) / double(r->value_[std::size_t(n)].second);
    }
    return std::nullopt;
}

// GPSLatitude / GPSLongitude: degrees, minutes, seconds as three rationals (some writers put
// everything in the degrees); the reference letter turns it south or west.
std::optional<double> coordinate(const Exiv2::ExifData& exif, const char* key, const char* refKey, char negative,
                                 double limit)
{
    const Exiv2::Exifdatum* datum = find(exif, key);
    if (datum == nullptr)
        return std::nullopt;
    double degrees = 0;
    double unit = 1;
    for (long i = 0; i < std::min(datum->count(), 3L); ++i, unit *= 60) {
        const auto part = rational(*datum, i);
        if (!part || *part < 0)
            return std::nullopt;
        degrees += *part / unit;
    }
    if (!std::isfinite(degrees) || degrees > limit)
        return std::nullopt;
    const QString ref = text(exif, refKey).toUpper();
    return ref.startsWith(QLatin1Char(negative)) ? -degrees : degrees;
}

std::optional<GpsPosition> location(const Exiv2::ExifData& exif)
{
    const auto latitude = coordinate(exif, "Exif.GPSInfo.GPSLatitude", "Exif.GPSInfo.GPSLatitudeRef", 'S', 90);
    const auto longitude = coordinate(exif, "Exif.GPSInfo.GPSLongitude", "Exif.GPSInfo.GPSLongitudeRef", 'W', 180);
    if (!latitude || !longitude)
        return std::nullopt;
    GpsPosition position{*latitude, *longitude, std::nullopt};
    if (const Exiv2::Exifdatum* altitude = find(exif, "Exif.GPSInfo.GPSAltitude")) {
        const auto meters = rational(*altitude, 0);
        if (meters && std::isfinite(*meters) && *meters < 1e6) {
            const Exiv2::Exifdatum* ref = find(exif, "Exif.GPSInfo.GPSAltitudeRef");
            const bool below = ref != nullptr && ref->toLong(0) == 1;
            position.altitudeMeters = below ? -*meters : *meters;
        }
    }
    return position;
}

// "+01:00", "-05:30": seconds east of UTC. Blank or malformed (some cameras write "   :  "),
// or beyond the offsets in use (-12:00..+14:00): none.
std::optional<int> offsetSeconds(const QString& value)
{
    static const QRegularExpression form(QStringLiteral("^([+-])(\\d\\d):(\\d\\d)$"));
    const auto match = form.match(value);
    if (!match.hasMatch())
        return std::nullopt;
    const int minutes = match.captured(2).toInt() * 60 + match.captured(3).toInt();
    const int seconds = (match.captured(1) == QLatin1String("-") ? -minutes : minutes) * 60;
    if (match.captured(3).toInt() >= 60 || seconds < -12 * 3600 || seconds > 14 * 3600)
        return std::nullopt;
    return seconds;
}

void readTakenAt(const Exiv2::ExifData& exif, ImageMetadata& metadata)
{
    const QString original = text(exif, "Exif.Photo.DateTimeOriginal");
    // "2025:03:14 09:41:07" as EXIF writes it; some software writes dashes.
    QDateTime local = QDateTime::fromString(original, QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    if (!local.isValid())
        local = QDateTime::fromString(original, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!local.isValid()) // "0000:00:00 00:00:00" and blanks: a camera with no clock set
        return;
    QTime time = local.time();
    const QString subSeconds = text(exif, "Exif.Photo.SubSecTimeOriginal");
    if (!subSeconds.isEmpty() && subSeconds.size() <= 9 && std::all_of(subSeconds.begin(), subSeconds.end(), [](QChar c) {
            return c.isDigit();
        }))
        time = time.addMSecs(subSeconds.left(3).leftJustified(3, QLatin1Char('0')).toInt());
    std::optional<int> offset = offsetSeconds(text(exif, "Exif.Photo.OffsetTimeOriginal"));
    if (!offset)
        offset = offsetSeconds(text(exif, "Exif.Photo.OffsetTime"));
    if (offset) {
        metadata.takenAt = QDateTime(local.date(), time, Qt::OffsetFromUTC, *offset);
        metadata.takenAtHasOffset = true;
    } else {
        metadata.takenAt = QDateTime(local.date(), time, Qt::LocalTime);
    }
}

ImageMetadata fromExif(const Exiv2::ExifData& exif)
{
    ImageMetadata metadata;
    readTakenAt(exif, metadata);
    metadata.cameraMake = text(exif, "Exif.Image.Make");
    metadata.cameraModel = text(exif, "Exif.Image.Model");
    metadata.location = location(exif);
    if (const Exiv2::Exifdatum* orientation = find(exif, "Exif.Image.Orientation")) {
        const long value = orientation->toLong(0);
        metadata.orientation = value >= 1 && value <= 8 ? int(value) : 1;
    }
    return metadata;
}

} // namespace

Result<ImageMetadata> readImageMetadata(const QByteArray& bytes, const QString& name)
{
    if (bytes.isEmpty())
        return ImageMetadata{};
    if (bytes.size() > MaxImageFileBytes)
        return usage(QStringLiteral("%1 is too large to read its photo details (over %2 MiB). Its time is the file's; change it if it is wrong.")
                         .arg(name)
                         .arg(MaxImageFileBytes / MiB));
    initExiv2Once();
    const auto* data = reinterpret_cast<const Exiv2::byte*>(bytes.constData());
    const long size = long(bytes.size());
    try {
        if (!readsExifOf(Exiv2::ImageFactory::getType(data, size)))
            return ImageMetadata{}; // no EXIF read from this format: the file's time is used
        const auto image = Exiv2::ImageFactory::open(data, size);
        if (image.get() == nullptr)
            return ImageMetadata{};
        image->readMetadata();
        return fromExif(image->exifData());
    } catch (const std::exception& e) { // Exiv2::AnyError, and std::bad_alloc or out_of_range from inside it
        return damaged(QStringLiteral("The photo details (EXIF) in %1 are damaged and were not read (%2). Its time is the file's; change it if it is wrong.")
                           .arg(name, printable(QString::fromUtf8(e.what()).left(200))));
    }
}

} // namespace pt::core::intake
