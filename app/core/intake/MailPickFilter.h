#pragma once
// What a person asks for in the pick list: a sender, a date range, words in the subject and
// words in the body. All given conditions must hold; words match anywhere, in any case
// ("review" finds "Reviewed"). Body words need each message's text: matches() leaves them to
// matchBodies (MailSummary.h), which reads only the messages that passed the rest.
#include "MailSummary.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace pt::core::intake {

struct MailPickFilter {
    QString sender;           // part of From (name or address)
    QDateTime since;          // from this moment on, when valid
    QDateTime until;          // up to this moment, when valid
    QStringList subjectWords; // each somewhere in the subject
    QStringList bodyWords;    // each somewhere in the text

    // A message without a date does not pass a date bound; bodyWords are not looked at.
    [[nodiscard]] bool matches(const MailSummary& summary) const;
    [[nodiscard]] bool needsBodies() const;
};

// Every word (blank ones ignored) is somewhere in `text`, in any case.
[[nodiscard]] bool containsAllWords(const QString& text, const QStringList& words);

// The summaries that pass `filter` without their bodies, in order.
[[nodiscard]] QList<MailSummary> pickByHeaders(const QList<MailSummary>& summaries, const MailPickFilter& filter);

} // namespace pt::core::intake
