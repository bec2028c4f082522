#pragma once
// The remotes the conformance cases (test_remote_conformance.cpp) run against. A backend is a
// small class that owns whatever the remote needs (a server, a proxy, a folder) and offers:
//
//   std::unique_ptr<Remote> makeRemote();           // the factory: a fresh remote on it
//   void plant(const QString& path, const QByteArray& bytes);  // a file written behind the
//                                                   // remote's back, straight into its storage
//   std::optional<QByteArray> stored(const QString& path);     // what its storage holds
//   static constexpr bool listsEtags;               // whether listings carry ETags
//
// To run the cases against another Remote, write a backend for it here and add it to
// PT_REMOTE_BACKENDS.
#include "DavServers.h"
#include "FaultProxy.h"

#include "crypto/SecureBytes.h"
#include "sync/FolderRemote.h"
#include "sync/WebDavRemote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <memory>
#include <stdexcept>

namespace pt::test {

inline crypto::SecureBytes secretOf(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return crypto::SecureBytes::copyOf(
        {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
}

inline std::unique_ptr<core::sync::WebDavRemote>
webDavOn(const DavServer& server, QUrl root, QString pinnedSha256 = {},
         core::sync::WebDavOptions options = {})
{
    return std::make_unique<core::sync::WebDavRemote>(std::move(root), server.user(),
                                                      secretOf(server.password()),
                                                      std::move(pinnedSha256), options);
}

// The server's root URL, but through the proxy's port.
inline QUrl throughProxy(const DavServer& server, const FaultProxy& proxy)
{
    QUrl url = server.rootUrl();
    url.setPort(proxy.port());
    return url;
}

template <class Server>
class DirectBackend {
public:
    static constexpr bool listsEtags = true; // Apache and rclone both list them
    std::unique_ptr<core::sync::Remote> makeRemote() { return webDavOn(server, server.rootUrl()); }
    void plant(const QString& path, const QByteArray& bytes) { server.plant(path, bytes); }
    std::optional<QByteArray> stored(const QString& path) { return server.stored(path); }

    Server server;
};

template <class Server>
class ProxiedBackend {
public:
    static constexpr bool listsEtags = true;
    std::unique_ptr<core::sync::Remote> makeRemote()
    {
        return webDavOn(server, throughProxy(server, proxy));
    }
    void plant(const QString& path, const QByteArray& bytes) { server.plant(path, bytes); }
    std::optional<QByteArray> stored(const QString& path) { return server.stored(path); }

    Server server;
    FaultProxy proxy{QStringLiteral("127.0.0.1"), server.port()};
};

class FolderBackend {
public:
    static constexpr bool listsEtags = false;
    std::unique_ptr<core::sync::Remote> makeRemote()
    {
        return std::make_unique<core::sync::FolderRemote>(m_dir.path());
    }
    void plant(const QString& path, const QByteArray& bytes)
    {
        const QString local = m_dir.path() + QLatin1Char('/') + path;
        QDir().mkpath(QFileInfo(local).path());
        QFile file(local);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            throw std::runtime_error("cannot plant " + local.toStdString());
    }
    std::optional<QByteArray> stored(const QString& path)
    {
        QFile file(m_dir.path() + QLatin1Char('/') + path);
        if (!QFileInfo(file).isFile() || !file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return file.readAll();
    }

private:
    QTemporaryDir m_dir;
};

// Plain names, so the ctest names read "... - ApacheDirect".
class ApacheDirect : public DirectBackend<ApacheDav> {};
class RcloneDirect : public DirectBackend<RcloneDav> {};
class ApacheProxied : public ProxiedBackend<ApacheDav> {};
class RcloneProxied : public ProxiedBackend<RcloneDav> {};
class Folder : public FolderBackend {};

// Unqualified, for the test names: use where pt::test's names are visible.
#define PT_REMOTE_BACKENDS ApacheDirect, RcloneDirect, ApacheProxied, RcloneProxied, Folder

} // namespace pt::test
