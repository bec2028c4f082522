#include "Remote.h"

#include <QRegularExpression>

namespace pt::core::sync {

QString RemoteFile::changeToken() const
{
    if (!etag.isEmpty())
        return QStringLiteral("etag:") + etag;
    return QStringLiteral("size:%1@%2").arg(size).arg(modified.toUTC().toString(Qt::ISODateWithMs));
}

bool isSafeRemotePath(const QString& path)
{
    static const QRegularExpression segment(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (path.isEmpty())
        return false;
    for (const QString& part : path.split(QLatin1Char('/'))) {
        if (part == QLatin1String(".") || part == QLatin1String("..") || !segment.match(part).hasMatch())
            return false;
    }
    return true;
}

} // namespace pt::core::sync
