#include "MailDraft.h"

#include <QUrlQuery>

namespace pt::core {

QUrl MailDraft::mailtoUrl(const QStringList& to) const
{
    QUrl url;
    url.setScheme(QStringLiteral("mailto"));
    url.setPath(to.join(QLatin1Char(',')));
    QUrlQuery query;
    // mailto wants %20 for spaces and CRLF line breaks (RFC 6068).
    query.addQueryItem(QStringLiteral("subject"), QString::fromLatin1(QUrl::toPercentEncoding(subject)));
    query.addQueryItem(QStringLiteral("body"),
                       QString::fromLatin1(QUrl::toPercentEncoding(QString(body).replace(QLatin1Char('\n'), QStringLiteral("\r\n")))));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

} // namespace pt::core
