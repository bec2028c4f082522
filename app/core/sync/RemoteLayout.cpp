#include "RemoteLayout.h"

#include <QRegularExpression>

namespace pt::core::sync {

bool RemoteLayout::isDeviceId(const QString& name)
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re.match(name).hasMatch();
}

bool RemoteLayout::isHash(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(name).hasMatch();
}

bool RemoteLayout::isVaultId(const QString& id) { return isDeviceId(id); }

} // namespace pt::core::sync
