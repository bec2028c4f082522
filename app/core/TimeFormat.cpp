#include "TimeFormat.h"

#include <cstdlib>

namespace pt::core {

QString isoWithOffset(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    const int offset = time.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return time.toOffsetFromUtc(offset).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           (offset < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

namespace {

// The exact form isoWithOffset writes, parsed without QDateTime::fromString's generality:
// unlock reads three of these per entry.
QDateTime parseOwnFormat(const QString& s)
{
    // 0123456789012345678901234567 8
    // 2026-11-23T10:49:40.123+01:00
    if (s.size() != 29 || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' || s[16] != u':' ||
        s[19] != u'.' || (s[23] != u'+' && s[23] != u'-') || s[26] != u':')
        return {};
    bool ok = true;
    auto number = [&](int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                ok = false;
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
    const int offset = (number(24, 2) * 60 + number(27, 2)) * 60 * (s[23] == u'-' ? -1 : 1);
    if (!ok || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::OffsetFromUTC, offset);
}

} // namespace

QDateTime parseIso(const QString& text)
{
    if (QDateTime own = parseOwnFormat(text); own.isValid())
        return own;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time;
}

} // namespace pt::core
