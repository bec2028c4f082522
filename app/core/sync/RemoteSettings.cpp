#include "RemoteSettings.h"

#include "DurableFile.h"
#include "FolderRemote.h"
#include "RegularFile.h"
#include "WebDavRemote.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrl>

namespace pt::core::sync {

bool RemoteSettings::isFolder() const
{
    return !location.startsWith(QLatin1String("http://")) && !location.startsWith(QLatin1String("https://"));
}

Result<QString> RemoteSettings::normalise(const QString& typed)
{
    const QString text = typed.trimmed();
    if (text.startsWith(QLatin1String("http://")) || text.startsWith(QLatin1String("https://"))) {
        // Tolerant: a folder name with a space, typed as it reads ("My Journal") or encoded
        // ("My%20Journal"), is the same address, and what this returns (decoded, for reading)
        // normalises to itself.
        const QUrl url(text, QUrl::TolerantMode);
        if (!url.isValid() || url.host().isEmpty())
            return usage(QStringLiteral("%1 is not a web address a WebDAV server can have.").arg(text));
        return url.toString(QUrl::StripTrailingSlash);
    }
    const QString path = text.startsWith(QLatin1String("file://")) ? QUrl(text).toLocalFile() : text;
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isDir())
        return usage(QStringLiteral("%1 is not a folder here. Give an existing folder (a Syncthing or Nextcloud "
                                    "folder, a USB drive) or a WebDAV address starting with https://.")
                         .arg(text));
    return info.absoluteFilePath();
}

QString RemoteSettings::path(const QString& vaultId)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/papertrail/remotes/") +
           vaultId + QStringLiteral(".json");
}

Result<RemoteSettings> RemoteSettings::load(const QString& vaultId)
{
    if (!QFileInfo::exists(path(vaultId)))
        return RemoteSettings{};
    auto bytes = readRegularFile(path(vaultId), 64 * 1024, QStringLiteral("the sync settings"));
    if (!bytes)
        return bytes.error();
    const QJsonObject o = QJsonDocument::fromJson(*bytes).object();
    RemoteSettings s{o.value(QStringLiteral("location")).toString(), o.value(QStringLiteral("user")).toString(),
                     o.value(QStringLiteral("pinned_certificate")).toString()};
    if (s.location.isEmpty())
        return damaged(QStringLiteral("The sync settings in %1 are damaged. Set the remote again.").arg(path(vaultId)));
    return s;
}

Status RemoteSettings::save(const QString& vaultId) const
{
    if (!QDir().mkpath(QFileInfo(path(vaultId)).path()))
        return failed(QStringLiteral("Could not make the folder for %1.").arg(path(vaultId)));
    const QJsonObject o{{QStringLiteral("location"), location},
                        {QStringLiteral("user"), user},
                        {QStringLiteral("pinned_certificate"), pinnedCertificate}};
    return durable::writeFileAtomically(path(vaultId), QJsonDocument(o).toJson(QJsonDocument::Indented));
}

Result<std::unique_ptr<Remote>> openRemote(const RemoteSettings& settings, const QString& password)
{
    if (settings.isEmpty())
        return usage(QStringLiteral("No sync remote is set for this vault. Set one with 'papertrail-cli remote set "
                                    "FOLDER-OR-URL'."));
    if (settings.isFolder())
        return std::unique_ptr<Remote>(std::make_unique<FolderRemote>(settings.location));
    const QByteArray utf8 = password.toUtf8();
    return std::unique_ptr<Remote>(std::make_unique<WebDavRemote>(
        QUrl(settings.location + QLatin1Char('/')), settings.user,
        crypto::SecureBytes::copyOf({reinterpret_cast<const std::uint8_t*>(utf8.constData()), std::size_t(utf8.size())}),
        settings.pinnedCertificate));
}

} // namespace pt::core::sync
