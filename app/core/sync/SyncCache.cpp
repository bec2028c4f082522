#include "SyncCache.h"

#include "DurableFile.h"
#include "RegularFile.h"
#include "RemoteLayout.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace pt::core::sync {

SyncCache SyncCache::forVault(const QString& vaultId)
{
    return SyncCache(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                     QStringLiteral("/papertrail/sync/") + vaultId + QStringLiteral(".json"));
}

SyncCacheData SyncCache::load(const QString& remote) const
{
    SyncCacheData data;
    data.remote = remote;
    auto bytes = readRegularFile(m_path, 4 * 1024 * 1024, QStringLiteral("the sync cache"));
    if (!bytes)
        return data;
    const QJsonObject o = QJsonDocument::fromJson(*bytes).object();
    if (o.value(QStringLiteral("remote")).toString() != remote)
        return data;
    const QJsonObject heads = o.value(QStringLiteral("heads")).toObject();
    for (auto it = heads.begin(); it != heads.end(); ++it) {
        const QJsonObject h = it.value().toObject();
        if (RemoteLayout::isDeviceId(it.key()))
            data.heads.insert(it.key(), {h.value(QStringLiteral("token")).toString(),
                                         h.value(QStringLiteral("seq")).toInteger(), h.value(QStringLiteral("hash")).toString()});
    }
    data.ownHead = QByteArray::fromBase64(o.value(QStringLiteral("own_head")).toString().toLatin1());
    data.ownHeadPendingSize = o.value(QStringLiteral("own_head_pending_size")).toInteger(-1);
    data.headerHash = o.value(QStringLiteral("header_hash")).toString();
    data.registered = o.value(QStringLiteral("registered")).toBool();
    data.device = o.value(QStringLiteral("device")).toString();
    data.packBytes = std::max<qint64>(0, o.value(QStringLiteral("pack_bytes")).toInteger());
    return data;
}

Status SyncCache::save(const SyncCacheData& data) const
{
    QJsonObject heads;
    for (auto it = data.heads.cbegin(); it != data.heads.cend(); ++it)
        heads.insert(it.key(), QJsonObject{{QStringLiteral("token"), it->token},
                                           {QStringLiteral("seq"), it->seq},
                                           {QStringLiteral("hash"), it->hash}});
    const QJsonObject o{
        {QStringLiteral("remote"), data.remote},
        {QStringLiteral("heads"), heads},
        {QStringLiteral("own_head"), QString::fromLatin1(data.ownHead.toBase64())},
        {QStringLiteral("own_head_pending_size"), data.ownHeadPendingSize},
        {QStringLiteral("header_hash"), data.headerHash},
        {QStringLiteral("registered"), data.registered},
        {QStringLiteral("device"), data.device},
        {QStringLiteral("pack_bytes"), data.packBytes},
    };
    if (!QDir().mkpath(QFileInfo(m_path).path()))
        return failed(QStringLiteral("Could not make the folder for %1.").arg(m_path));
    return durable::writeFileAtomically(m_path, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace pt::core::sync
