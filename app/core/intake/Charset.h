#pragma once
// Text in the character set a MIME part declares, as Unicode, through GMime's charset tables
// and iconv. What mail programs get wrong is repaired the way mail readers repair it: a text
// labelled ISO-8859-1 or US-ASCII that uses Windows-1252's curly quotes is read as
// Windows-1252, 8-bit text with no label as UTF-8 when it is valid UTF-8, and a charset nobody
// knows as UTF-8 or else Windows-1252. Bytes that do not convert become U+FFFD. Each repair
// adds a note naming `what` ("the text", "the HTML text").
#include "Notes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace pt::core::intake {

[[nodiscard]] QString decodeText(QByteArrayView bytes, const QByteArray& charset, Notes& notes,
                                 const QString& what);

} // namespace pt::core::intake
