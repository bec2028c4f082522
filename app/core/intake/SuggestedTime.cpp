#include "SuggestedTime.h"

namespace pt::core::intake {

SuggestedTime suggestOccurredAt(const ImageMetadata* metadata, const QDateTime& fileModified)
{
    if (metadata != nullptr && metadata->takenAt.isValid())
        return {metadata->takenAt,
                metadata->takenAtHasOffset ? TimeSource::PhotoWithOffset : TimeSource::PhotoWithoutOffset};
    if (fileModified.isValid())
        return {fileModified, TimeSource::FileTime};
    return {};
}

} // namespace pt::core::intake
