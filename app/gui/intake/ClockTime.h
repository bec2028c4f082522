#pragma once
// A time as the clock that wrote it had it, with its offset from UTC: an email's Date as the
// sender's server stamped it, a photo's EXIF time as the camera recorded it. "Sat 14 Mar 2026,
// 09:41 (UTC-04:00)". The entry page's "Happened" line shows the same moment in local time.
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace pt::gui {

[[nodiscard]] inline QString clockTime(const QDateTime& when)
{
    if (!when.isValid())
        return {};
    return QStringLiteral("%1 (%2)").arg(QLocale().toString(when, QStringLiteral("ddd d MMM yyyy, HH:mm")),
                                         when.timeZoneAbbreviation());
}

} // namespace pt::gui
