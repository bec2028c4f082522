#pragma once
// A pass over an email's raw bytes before GMime builds anything from them. GMime reads what it
// is given in full: a million tiny parts cost it over a gigabyte, as do a million addresses in
// a 10 MB To header or a million short headers. This pass finds the header blocks and part
// boundaries as GMime's parser would (the same rules, always counting at least as many parts
// and headers as GMime will make) and, where MailLimits are passed, gives GMime a trimmed copy:
// an overlong header keeps its beginning, and past too many parts or headers the copy ends.
// The notes say what was left out; the original bytes are not touched.
#include "MailLimits.h"
#include "Notes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace pt::core::intake {

struct GuardedMail {
    bool trimmed = false;
    QByteArray bytes;      // what GMime should read, when trimmed
    qint64 partsCut = 0;   // parts in the part of the message that was cut off
};

[[nodiscard]] GuardedMail guardMail(QByteArrayView bytes, const MailLimits& limits, Notes& notes);

} // namespace pt::core::intake
