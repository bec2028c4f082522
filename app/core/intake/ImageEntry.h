#pragma once
// How a screenshot or photo is kept in the journal: an entry of kind "screenshot" (or "photo",
// when its EXIF says a camera took it) holding the file exactly as it came, with what was read
// from it in its fields: the text Tesseract recognised in it (so a screenshot of a grade is found
// by its words), its EXIF, and where its occurred_at came from. All of it inside the encrypted
// entry: no thumbnail, text or metadata is kept anywhere else.
#include "ImageMetadata.h"
#include "SuggestedTime.h"

#include <QJsonObject>
#include <QSize>
#include <QString>

namespace pt::core::intake {

inline constexpr auto ScreenshotKind = "screenshot";
inline constexpr auto PhotoKind = "photo";

// Field names of a screenshot's or photo's `fields` (docs/FORMAT.md, "Screenshot and photo entries").
namespace image {
inline constexpr auto RecognizedText = "recognized_text"; // text: what OCR read in it
inline constexpr auto TimeSource = "time_source";         // "exif", "exif_local", "file", "entered"
inline constexpr auto Camera = "camera";                  // text: "Apple iPhone 13"
inline constexpr auto TakenAt = "taken_at";               // text: EXIF DateTimeOriginal, ISO 8601
inline constexpr auto Location = "location";              // {latitude, longitude[, altitude]}
inline constexpr auto Size = "size";                      // text: "1170 x 2532"
inline constexpr auto ImportNotes = "import_notes";       // array of sentences
} // namespace image

[[nodiscard]] QString timeSourceName(TimeSource source);

// The fields for an image with this metadata (may be empty), shown size, and recognised text.
[[nodiscard]] QJsonObject imageFields(const ImageMetadata& metadata, QSize shownSize, const QString& recognizedText,
                                      const QString& timeSource);

// "photo" when the EXIF names a camera or when it was taken, else "screenshot".
[[nodiscard]] QString imageKind(const ImageMetadata& metadata);

} // namespace pt::core::intake
