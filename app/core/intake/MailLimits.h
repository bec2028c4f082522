#pragma once
// How much of an email Paper Trail reads. A hostile message (10,000 parts, a 10 MB header line,
// multiparts nested 1,000 deep) must cost a bounded time and memory: past a limit the reading
// stops or trims, and MailMessage::notes says what was left out. The defaults are far above what
// real mail carries (Gmail sends at most 25 MB, a few dozen parts and a few KiB of headers).
//
// parseMail and attachmentBytes must be given the same limits for a part index to mean the same
// part in both: the limits decide what is read.
#include <QtGlobal>

namespace pt::core::intake {

struct MailLimits {
    // The whole message as it is in the file; a larger one is refused.
    qint64 maxMessageBytes = 64 * 1024 * 1024;
    // MIME parts read, multipart containers included; the rest are counted and skipped.
    int maxParts = 1000;
    // Multiparts (and attached messages) inside one another; deeper parts are skipped.
    int maxDepth = 32;
    // One header with its folded lines; a longer one keeps its beginning. Also the address
    // headers (From, To, Cc...) of one part together: GMime makes an object of every address.
    qint64 maxHeaderBytes = 64 * 1024;
    // Every header of every part together, in bytes and in number: reading stops there.
    qint64 maxAllHeaderBytes = 1024 * 1024;
    int maxHeaders = 10000;
    // Decoded bytes of one text part turned into the text (HTML markup included).
    qint64 maxTextPartBytes = 8 * 1024 * 1024;
    // The text shown and searched, in characters; the rest is cut with a note.
    qsizetype maxTextChars = 1000 * 1000;
};

} // namespace pt::core::intake
