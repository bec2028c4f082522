#pragma once
// The pick list: one line per message of an mbox (or of a set of .eml files), made in one
// streaming pass, so a person can choose what to bring in before anything is imported. A
// Google Takeout can hold 100,000 messages: each summary keeps only what the list shows and
// filters on (MailPickFilter), and memory holds one message at a time besides the list. Words
// in the bodies need the text, so matchBodies makes a second pass over just the candidates.
#include "MailLimits.h"
#include "Result.h"

#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace pt::core::intake {

struct MailSummary {
    qint64 index = 0;      // in the mbox (MboxMessage::index), or in the list of files
    QString source;        // the .eml file's path; empty for a message of an mbox
    qint64 offset = 0;     // of its bytes in the mbox, after the "From " line; 0 for a file
    qint64 length = 0;     // its size in bytes, as imported
    QString from;          // at most 300 characters, as the subject
    QDateTime date;
    bool dateGuessed = false;
    QString subject;
    QString messageId;
    int attachmentCount = 0;
    QString sha256;        // hex, of its exact bytes
    QString problem;       // why it cannot be imported (too large, not an email); empty if it can
    QStringList notes;     // what would be skipped or repaired in it
};

struct MailScan {
    QList<MailSummary> messages;
    QStringList notes; // about the file as a whole (an mbox's damage)
};

// Called with bytes read so far and the total (-1 when unknown); returning false cancels.
using ScanProgress = std::function<bool(qint64 done, qint64 total)>;

// `mbox` from its start. An error only when the file cannot be read or the scan is cancelled;
// a message that cannot be read is listed with its problem.
[[nodiscard]] Result<MailScan> scanMbox(QIODevice& mbox, const MailLimits& limits = {},
                                        const ScanProgress& progress = {});
[[nodiscard]] Result<MailScan> scanEmlFiles(const QStringList& paths, const MailLimits& limits = {},
                                            const ScanProgress& progress = {});

// The indices of the candidates whose text contains every word, in any case: a second pass
// that parses only the candidates. `mbox` (from its start) when they come from an mbox, null
// for .eml files. An error when the file changed since the scan (a hash differs).
[[nodiscard]] Result<QList<qint64>> matchBodies(const QList<MailSummary>& candidates, const QStringList& words,
                                                QIODevice* mbox, const MailLimits& limits = {},
                                                const ScanProgress& progress = {});

} // namespace pt::core::intake
