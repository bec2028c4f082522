#include "MailPickFilter.h"

namespace pt::core::intake {

bool containsAllWords(const QString& text, const QStringList& words)
{
    for (const QString& word : words) {
        const QString w = word.trimmed();
        if (!w.isEmpty() && !text.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool MailPickFilter::matches(const MailSummary& summary) const
{
    if (!sender.trimmed().isEmpty() && !summary.from.contains(sender.trimmed(), Qt::CaseInsensitive))
        return false;
    if ((since.isValid() || until.isValid()) && !summary.date.isValid())
        return false;
    if (since.isValid() && summary.date < since)
        return false;
    if (until.isValid() && summary.date > until)
        return false;
    return containsAllWords(summary.subject, subjectWords);
}

bool MailPickFilter::needsBodies() const
{
    for (const QString& word : bodyWords)
        if (!word.trimmed().isEmpty())
            return true;
    return false;
}

QList<MailSummary> pickByHeaders(const QList<MailSummary>& summaries, const MailPickFilter& filter)
{
    QList<MailSummary> picked;
    for (const MailSummary& summary : summaries)
        if (filter.matches(summary))
            picked.append(summary);
    return picked;
}

} // namespace pt::core::intake
