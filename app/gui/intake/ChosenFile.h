#pragma once
// Saving a decrypted file where the person chose in a save dialog, and only there: QSaveFile
// writes a temporary file beside the one chosen and renames it over it, so a failed save leaves
// neither a half-written file nor a copy anywhere else. The file is readable by its owner only:
// it is evidence in the clear.
#include "Result.h"

#include <QIODevice>
#include <QString>
#include <QUrl>

#include <functional>

namespace pt::gui::chosenfile {

// The name a save dialog suggests for `name` (a sender chose it, so it may hold folders, "..",
// a leading dot or control characters): its last part, cleaned; `fallback` when nothing is left.
[[nodiscard]] QString safeName(const QString& name, const QString& fallback);

// The Documents folder (else the home folder) with safeName(name, fallback) in it.
[[nodiscard]] QUrl suggestedUrl(const QString& name, const QString& fallback);

// Writes the file at `destination` (a local file URL) with `write`. An error in a sentence that
// says what to do when the URL is not a local file, the folder cannot be written or `write`
// fails (then `write`'s own message is kept).
[[nodiscard]] core::Status save(const QUrl& destination, const std::function<core::Status(QIODevice&)>& write);

} // namespace pt::gui::chosenfile
