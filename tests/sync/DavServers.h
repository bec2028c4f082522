#pragma once
// Real WebDAV servers for the sync tests, started by the test on a free port of 127.0.0.1 and
// stopped with it (ServerProcess), each in its own temporary folder with its own configuration:
//  - ApacheDav: Debian's apache2 with mod_dav and mod_dav_fs, run as `apache2 -X -f conf -d dir`
//    (one process, nothing of /etc/apache2 read, so a system Apache on port 80 changes nothing),
//    Basic auth from a file made by htpasswd, served under "/dav/My Journal/" so paths need
//    percent-encoding. Run as root (CI), it runs as nobody:nogroup, which owns its folder.
//  - RcloneDav: `rclone serve webdav` (Debian's rclone), served under "/pt/", with
//    --dir-cache-time 0 so files planted behind its back show at once.
// Either can serve https:// with a self-signed certificate made by openssl for 127.0.0.1.
// A server that cannot start throws, with its output, and the test fails.
#include "ServerProcess.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <optional>

namespace pt::test {

class DavServer {
public:
    virtual ~DavServer() = default;
    DavServer(const DavServer&) = delete;
    DavServer& operator=(const DavServer&) = delete;

    [[nodiscard]] virtual QString name() const = 0;
    // The folder a remote's root URL points at, with a trailing '/'.
    [[nodiscard]] QUrl rootUrl() const { return m_rootUrl; }
    [[nodiscard]] quint16 port() const { return m_rootUrl.port(); }
    [[nodiscard]] QString user() const { return QStringLiteral("alice"); }
    [[nodiscard]] QString password() const { return QStringLiteral("correct horse 7"); }
    // The certificate served over https:// (PEM), and its SHA-256 fingerprint as AB:CD:...
    [[nodiscard]] QString certificatePath() const { return m_certificate; }
    [[nodiscard]] QString certificateSha256() const;

    // The served folder on disk: what the server stores, for checks and for planting files
    // behind its back (names a hostile server could list).
    [[nodiscard]] QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    void plant(const QString& relativePath, const QByteArray& bytes) const;
    [[nodiscard]] std::optional<QByteArray> stored(const QString& relativePath) const;

    // The server goes offline (its files stay); connections to its port are refused.
    void stop() { m_process.stop(); }

protected:
    explicit DavServer(bool tls);
    void makeCertificate();
    // Hands a path to the account the server runs as (nobody when the test runs as root).
    void giveToServer(const QString& path) const;

    QTemporaryDir m_dir;
    bool m_tls = false;
    QUrl m_rootUrl;
    QString m_certificate;
    QString m_key;
    int m_uid = -1; // the server's account, when it differs from the test's
    int m_gid = -1;
    ServerProcess m_process;
};

class ApacheDav final : public DavServer {
public:
    explicit ApacheDav(bool tls = false);
    [[nodiscard]] QString name() const override { return QStringLiteral("Apache mod_dav"); }
    // Apache's access log: one "METHOD path status" line per request it answered.
    [[nodiscard]] QStringList accessLog() const;
    // Back after stop(), on the same address, serving the same files.
    void restart();

private:
    bool startOn(quint16 port);
};

class RcloneDav final : public DavServer {
public:
    explicit RcloneDav(bool tls = false);
    [[nodiscard]] QString name() const override { return QStringLiteral("rclone serve webdav"); }
};

} // namespace pt::test
