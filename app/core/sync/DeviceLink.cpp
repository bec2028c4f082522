#include "DeviceLink.h"

#include "DurableFile.h"
#include "SyncCache.h"
#include "vault/SeenHeads.h"
#include "vault/VaultHeader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

namespace pt::core::sync {

namespace {

bool isEmptyFolder(const QString& path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

} // namespace

QString DeviceLink::stagingPrefix(const QString& target)
{
    return QLatin1Char('.') + QFileInfo(target).fileName() + QStringLiteral(".link-");
}

DeviceLink::DeviceLink(QString target) : m_target(std::move(target)) {}

DeviceLink::~DeviceLink() { abandon(); }

Result<std::unique_ptr<DeviceLink>> DeviceLink::begin(const QString& target)
{
    const QString path = QDir::cleanPath(QFileInfo(target).absoluteFilePath());
    const QFileInfo info(path);
    if (Vault::exists(path))
        return usage(QStringLiteral("%1 is already a vault. Open it, or pick another folder to link.").arg(path));
    if (info.exists() && !info.isDir())
        return usage(QStringLiteral("%1 is a file, not a folder. Move it away or pick another folder to link.").arg(path));
    if (info.isDir() && !isEmptyFolder(path))
        return usage(QStringLiteral("%1 is not empty. Move what is in it away, or pick an empty or new folder to "
                                    "link.")
                         .arg(path));
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return failed(QStringLiteral("Could not create %1. Check that its parent folder is writable.").arg(parent));

    // Only this class names folders so; one found now was left by a link that was cut short.
    const QString prefix = stagingPrefix(path);
    const QFileInfoList leftovers = QDir(parent).entryInfoList({prefix + QLatin1Char('*')},
                                                               QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo& leftover : leftovers)
        if (!leftover.isSymLink())
            QDir(leftover.absoluteFilePath()).removeRecursively();

    std::unique_ptr<DeviceLink> link(new DeviceLink(path));
    link->m_staging = std::make_unique<QTemporaryDir>(parent + QLatin1Char('/') + prefix + QStringLiteral("XXXXXX"));
    if (!link->m_staging->isValid())
        return failed(QStringLiteral("Could not create a folder in %1 (%2). Check that it is writable and not full.")
                          .arg(parent, link->m_staging->errorString()));
    return link;
}

Result<SyncReport> DeviceLink::pull(const QByteArray& headerJson, const CurrentSecret& secret, Remote& remote,
                                    const QString& deviceName, const std::function<Status(Vault&)>& opened)
{
    if (!m_staging || m_pulled || m_committed)
        return usage(QStringLiteral("This link was already used. Start again."));
    auto header = VaultHeader::fromJson(headerJson);
    if (!header)
        return header.error();
    m_vaultId = header->vaultId;
    const SyncCache cache = SyncCache::forVault(m_vaultId);
    m_config = {{SeenHeads::forVault(m_vaultId).path()}, {cache.path()}};
    for (ConfigFile& file : m_config)
        file.existed = QFileInfo::exists(file.path);

    auto outcome = [&]() -> Result<SyncReport> {
        auto vault = Vault::link(m_staging->path(), headerJson, secret);
        if (!vault)
            return vault.error();
        auto report = syncNow(**vault, remote, cache, deviceName);
        if (!report)
            return report.error();
        if (opened)
            if (Status s = opened(**vault); !s)
                return s.error();
        return report;
    }(); // the vault is closed here, on this thread, with its journal.db connection
    if (!outcome) {
        abandon();
        return outcome.error();
    }
    m_pulled = true;
    return outcome;
}

Status DeviceLink::commit(const RemoteSettings& settings)
{
    if (!m_pulled || m_committed)
        return usage(QStringLiteral("Nothing was pulled to link. Start again."));
    const bool settingsExisted = QFileInfo::exists(RemoteSettings::path(m_vaultId));
    if (Status s = settings.save(m_vaultId); !s)
        return s;
    const QFileInfo target(m_target);
    // Something may have appeared there while the journal came in; an empty folder is replaced.
    if (target.exists() && !(target.isDir() && !target.isSymLink() && isEmptyFolder(m_target))) {
        if (!settingsExisted)
            QFile::remove(RemoteSettings::path(m_vaultId));
        return usage(QStringLiteral("Something was put in %1 while this device was linking, so the vault was not "
                                    "moved there. Move it away and link again.")
                         .arg(m_target));
    }
    // One rename: the target is either empty or the whole vault, never part of one.
    if (std::rename(QFile::encodeName(m_staging->path()).constData(), QFile::encodeName(m_target).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        if (!settingsExisted)
            QFile::remove(RemoteSettings::path(m_vaultId));
        return failed(QStringLiteral("Could not move the linked vault into %1 (%2). Nothing was kept; link again.")
                          .arg(m_target, why));
    }
    m_staging->setAutoRemove(false);
    m_committed = true;
    (void)durable::syncDirectory(QFileInfo(m_target).absolutePath()); // best effort: the vault itself is synced
    return Ok{};
}

void DeviceLink::abandon()
{
    if (m_committed)
        return;
    m_staging.reset(); // removes the hidden folder and everything in it
    forgetConfig();
    m_pulled = false;
}

void DeviceLink::forgetConfig()
{
    for (const ConfigFile& file : std::as_const(m_config))
        if (!file.existed)
            QFile::remove(file.path);
    m_config.clear();
}

} // namespace pt::core::sync
