#include "Remote.h"

namespace pt::core::sync {

namespace {

// The longest name most file systems hold, and a bound on depth the layout never comes near.
constexpr qsizetype kMaxSegmentLength = 255;
constexpr qsizetype kMaxPathLength = 1024;

bool isSafeChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
           u == '.' || u == '_' || u == '-';
}

} // namespace

QString RemoteFile::changeToken() const
{
    if (!etag.isEmpty()) {
        // Apache marks an ETag weak while the file is less than a second old and strong after,
        // with the same value: the same file must not look changed because it got older.
        const QString value = etag.startsWith(QLatin1String("W/")) ? etag.mid(2) : etag;
        return QStringLiteral("etag:") + value;
    }
    return QStringLiteral("size:%1@%2")
        .arg(size)
        .arg(modified.isValid() ? modified.toUTC().toString(Qt::ISODateWithMs) : QString());
}

bool isSafeRemotePath(const QString& path)
{
    if (path.isEmpty() || path.size() > kMaxPathLength)
        return false;
    qsizetype segmentStart = 0;
    for (qsizetype i = 0; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != QLatin1Char('/')) {
            if (!isSafeChar(path[i]))
                return false;
            continue;
        }
        const qsizetype length = i - segmentStart;
        if (length == 0 || length > kMaxSegmentLength)
            return false;
        if (length <= 2 && path.mid(segmentStart, length).count(QLatin1Char('.')) == length)
            return false; // "." or ".."
        segmentStart = i + 1;
    }
    return true;
}

} // namespace pt::core::sync
