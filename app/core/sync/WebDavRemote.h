#pragma once
// A Remote over WebDAV: Nextcloud, ownCloud, Apache mod_dav, rclone serve webdav, a NAS. Every
// call runs its HTTP requests to completion in a local event loop, so the sync worker thread can
// call it directly; the network manager is made on the thread that first uses the remote.
//
// Requests: PROPFIND Depth: 1 (never infinity, which many servers refuse), GET, PUT, MKCOL and
// DELETE, plus HEAD only to check an immutable file a server says is already there. Basic auth
// is sent with every request (no extra round trip for a challenge), so it goes only over https://,
// or over http:// to this computer (127.0.0.0/8, ::1, localhost); any other http:// address is
// refused before a request is made. A certificate the system does not trust is refused, and the
// message names the problem and the certificate's SHA-256 fingerprint so the person can compare
// it with the server's and pin it; a pinned certificate is then accepted.
//
// Errors say what to do next. A server that may answer later (5xx, 423, 429, a timeout, a cut
// connection) gives a transient error, with Retry-After in retryAfterSeconds; everything else
// (401, 403, 404, 413, a certificate) is permanent until the settings change.
#include "Remote.h"

#include "crypto/SecureBytes.h"

#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace pt::core::sync {

struct WebDavOptions {
    // A request during which no byte moves for this long is given up (a transient error).
    int stallTimeoutMs = 30'000;
    // A folder listing larger than this is refused: a hostile server could send gigabytes.
    qint64 maxListingBytes = 32 * 1024 * 1024;
    // Attachments larger than this go up in parts of this size (ObjectTransfer), and one a
    // server or proxy refuses with 413 goes up in smaller parts: many proxies cap a request's
    // body (nginx at 1 MiB unless told otherwise, Cloudflare at 100 MB).
    qint64 partBytes = 64 * 1024 * 1024;
};

class WebDavRemote final : public Remote {
public:
    // `root` is the remote's root folder. `pinnedSha256` is a certificate's SHA-256 fingerprint
    // (64 hex digits, colons and spaces allowed) to accept though the system does not trust it.
    WebDavRemote(QUrl root, QString user, crypto::SecureBytes appPassword, QString pinnedSha256 = {},
                 WebDavOptions options = {});
    ~WebDavRemote() override;
    WebDavRemote(const WebDavRemote&) = delete;
    WebDavRemote& operator=(const WebDavRemote&) = delete;

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] Result<QList<RemoteFile>> list(const QString& dir) override;
    [[nodiscard]] Result<QByteArray> get(const QString& path, qint64 maxBytes) override;
    [[nodiscard]] Status getTo(const QString& path, QIODevice& sink, qint64 maxBytes) override;
    [[nodiscard]] Status putImmutable(const QString& path, QIODevice& source, qint64 size) override;
    [[nodiscard]] Status putMutable(const QString& path, const QByteArray& bytes) override;
    [[nodiscard]] Status replace(const QString& path, const QByteArray& bytes) override;
    [[nodiscard]] Status remove(const QString& path) override;
    [[nodiscard]] qint64 partBytes() const override { return m_options.partBytes; }
    // Made on this thread, used on another: its own network manager and connection.
    [[nodiscard]] std::unique_ptr<Remote> clone() const override;
    // Each request this remote sent. Qt itself sends a request again, once or twice, when its
    // connection closed before any answer (a dropped connection): the server may count those.
    [[nodiscard]] int requestCount() const override { return m_requests->load(); }

    // The fingerprint ("AB:CD:...") of the last certificate refused, so the settings can offer
    // to pin it without reading it out of a message; empty when none was.
    [[nodiscard]] QString refusedCertificateSha256() const { return m_refusedSha256; }

    // SHA-256 bytes as upper-case hex pairs joined by ':', the form `openssl x509 -fingerprint
    // -sha256` prints.
    [[nodiscard]] static QString formatFingerprint(const QByteArray& sha256);

private:
    struct CloneOf {
        const WebDavRemote& original;
    };
    explicit WebDavRemote(CloneOf of);

    struct Upload;
    struct Download;
    struct Response;

    [[nodiscard]] Response perform(const QByteArray& verb, const QUrl& url,
                                   const QList<std::pair<QByteArray, QByteArray>>& headers,
                                   const Upload& upload, Download& download);
    [[nodiscard]] Status ensureFolder(const QString& dir);
    [[nodiscard]] Status makeFolder(const QString& dir); // with m_folders->making held
    [[nodiscard]] bool knownFolder(const QString& dir) const;
    void setKnownFolder(const QString& dir, bool known);
    [[nodiscard]] Status put(const QString& path, QIODevice* source, const QByteArray* bytes,
                             qint64 size, bool immutable);
    [[nodiscard]] Status immutableAlreadyThere(const QString& path, qint64 size, bool& there);
    [[nodiscard]] std::optional<Error> refusal(const QString& path, bool folder) const;
    [[nodiscard]] QUrl urlOf(const QString& path, bool folder) const;
    [[nodiscard]] Error errorFor(const Response& response, const QString& action,
                                 const QString& path) const;
    QNetworkAccessManager& manager();

    QUrl m_root;
    QString m_server; // scheme://host[:port], for messages
    crypto::SecureBytes m_authorization; // the whole "Basic ..." header value; empty: none
    QByteArray m_pinnedSha256;
    WebDavOptions m_options;
    std::optional<Error> m_settingsRefusal;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    std::shared_ptr<std::atomic<int>> m_requests = std::make_shared<std::atomic<int>>(0); // shared with clones
    // Folders this remote (or a clone) made, wrote into or listed: a large upload into one needs
    // no MKCOL. Clones share it, and make folders one at a time: rclone answers 423 to two
    // MKCOLs of one folder at once.
    struct Folders;
    std::shared_ptr<Folders> m_folders;
    QString m_refusedSha256;
};

} // namespace pt::core::sync
