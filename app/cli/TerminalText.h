#pragma once
// Text bound for a terminal: titles, bodies, names and ids may have been written by someone else
// (an imported email, a planted journal), and escape codes in them could retitle the window,
// hide lines or fake output. Control characters and bidirectional overrides become visible
// escapes such as \x1b and \u202e.
#include <QString>

namespace pt::cli {

// Keeps line breaks and tabs (bodies, whole reports); escapes every other control character.
[[nodiscard]] QString terminalSafe(const QString& text);
// For a field shown on one line (a title, a tag, a name): line breaks are escaped too.
[[nodiscard]] QString terminalLine(const QString& text);

} // namespace pt::cli
