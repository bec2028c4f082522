// A photo's EXIF as a hostile file could hold it: readImageMetadata (exiv2 behind it) on any
// bytes, as screenshots and photos come in (issue 12).
//
// Properties: no crash, hang or huge allocation (exiv2 is only reached on files within the size
// cap); an answer is metadata or an error with a message; what is read stays in range (latitude
// and longitude, orientation 1-8, a time with an offset has one in use on Earth, short camera
// names without control characters); the suggested occurred_at follows what was read.
//
// Seeds in corpus/exif: small JPEGs with EXIF written by exiv2 (a time with and without its
// offset, GPS, orientation 6, camera), one PNG and one bare TIFF, and EXIF blocks that claim
// gigabytes, made as tests/intake/ImageFixtures.cpp makes them; regression-* once found a bug.
#include "FuzzSupport.h"
#include "intake/ImageMetadata.h"
#include "intake/SuggestedTime.h"

#include <cmath>

using namespace pt;
using namespace pt::core::intake;

namespace {

bool printable(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto metadata = readImageMetadata(fuzz::qbytes(data, size), QStringLiteral("fuzz.jpg"));
    if (!metadata.ok()) {
        PT_FUZZ_CHECK(!metadata.error().message.isEmpty());
        return 0;
    }
    const ImageMetadata& m = metadata.value();
    PT_FUZZ_CHECK(m.orientation >= 1 && m.orientation <= 8);
    PT_FUZZ_CHECK(m.cameraMake.size() <= 128 && m.cameraModel.size() <= 128);
    PT_FUZZ_CHECK(printable(m.cameraMake) && printable(m.cameraModel));
    if (m.location) {
        PT_FUZZ_CHECK(std::isfinite(m.location->latitude) && std::abs(m.location->latitude) <= 90);
        PT_FUZZ_CHECK(std::isfinite(m.location->longitude) && std::abs(m.location->longitude) <= 180);
        if (m.location->altitudeMeters)
            PT_FUZZ_CHECK(std::isfinite(*m.location->altitudeMeters));
    }
    if (m.takenAtHasOffset) {
        // "+00:00" comes out as Qt::UTC (seed regression-offset-zero.jpg)
        PT_FUZZ_CHECK(m.takenAt.isValid() &&
                      (m.takenAt.timeSpec() == Qt::OffsetFromUTC || m.takenAt.timeSpec() == Qt::UTC));
        PT_FUZZ_CHECK(m.takenAt.offsetFromUtc() >= -12 * 3600 && m.takenAt.offsetFromUtc() <= 14 * 3600);
    }
    const SuggestedTime suggested = suggestOccurredAt(&m, QDateTime());
    PT_FUZZ_CHECK((suggested.source == TimeSource::None) == m.takenAt.isNull());
    PT_FUZZ_CHECK(suggested.time == m.takenAt);
    return 0;
}
