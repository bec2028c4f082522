#include "HttpDate.h"

#include <QLocale>

namespace pt::core::sync {

QDateTime parseHttpDate(const QString& text)
{
    const QString t = text.simplified();
    if (t.isEmpty())
        return {};
    // Month and day names are English whatever the person's locale.
    const QLocale c = QLocale::c();
    for (const char* format : {"ddd, dd MMM yyyy HH:mm:ss 'GMT'", // IMF-fixdate
                               "dddd, dd-MMM-yy HH:mm:ss 'GMT'",  // RFC 850
                               "ddd MMM d HH:mm:ss yyyy"}) {     // asctime, days space-padded
        QDateTime parsed = c.toDateTime(t, QLatin1String(format));
        if (parsed.isValid()) {
            if (parsed.date().year() < 1970 && QLatin1String(format).contains(QLatin1String("-yy ")))
                parsed = parsed.addYears(100);
            parsed.setTimeSpec(Qt::UTC);
            return parsed;
        }
    }
    QDateTime parsed = QDateTime::fromString(t, Qt::RFC2822Date);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(t, Qt::ISODate);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

} // namespace pt::core::sync
