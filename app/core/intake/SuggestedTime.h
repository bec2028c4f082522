#pragma once
// The occurred_at a screenshot or photo is given when it comes in, for the person to accept or
// change: when the photo says it was taken, else when the file was last changed (for a
// screenshot, usually when it was taken). The UI says which ("from the photo's EXIF", "from the
// file's time") so a guess never passes for evidence.
#include "ImageMetadata.h"

#include <QDateTime>

namespace pt::core::intake {

enum class TimeSource {
    PhotoWithOffset,    // EXIF DateTimeOriginal with its UTC offset: as the camera recorded it
    PhotoWithoutOffset, // EXIF DateTimeOriginal without one: read as this device's local time
    FileTime,           // the file's modification time
    None,               // neither: the person must enter it
};

struct SuggestedTime {
    QDateTime time; // null for TimeSource::None
    TimeSource source = TimeSource::None;
};

// `metadata` may be null (none read, or it was damaged); `fileModified` may be null (pasted
// from the clipboard).
[[nodiscard]] SuggestedTime suggestOccurredAt(const ImageMetadata* metadata, const QDateTime& fileModified);

} // namespace pt::core::intake
