#pragma once
// Which remote a vault syncs with on this device: a folder path or a WebDAV URL, and the user
// name. The app password is not here: it lives in the OS keychain (keychainKey()).
// <config folder>/papertrail/remotes/<vault id>.json
#include "Remote.h"
#include "Result.h"

#include <QString>

#include <memory>

namespace pt::core::sync {

struct RemoteSettings {
    QString location; // an absolute folder path, or an http(s):// URL
    QString user;
    QString pinnedCertificate; // SHA-256 fingerprint (hex) of a self-signed server's certificate

    [[nodiscard]] bool isFolder() const;
    [[nodiscard]] bool isEmpty() const { return location.isEmpty(); }

    // Checks a location as the person typed it: an existing folder, or an http(s) URL (plain
    // http only to this machine). Returns it normalised.
    [[nodiscard]] static Result<QString> normalise(const QString& typed);

    [[nodiscard]] static QString path(const QString& vaultId);
    [[nodiscard]] static Result<RemoteSettings> load(const QString& vaultId); // empty when none is set
    [[nodiscard]] Status save(const QString& vaultId) const;
    [[nodiscard]] static QString keychainKey(const QString& vaultId) { return QStringLiteral("sync-password-") + vaultId; }
};

// The Remote the settings name; `password` is the app password (empty for a folder).
[[nodiscard]] Result<std::unique_ptr<Remote>> openRemote(const RemoteSettings& settings, const QString& password);

} // namespace pt::core::sync
