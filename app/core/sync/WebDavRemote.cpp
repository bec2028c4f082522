#include "WebDavRemote.h"

#include "DavListing.h"
#include "HttpDate.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QThread>
#include <QTimer>

#include <sodium.h>

#include <cstring>
#include <mutex>

namespace pt::core::sync {

namespace {

// Bodies are read in pieces of this size as they arrive, and Qt buffers at most this much ahead,
// so a download takes bounded memory whatever its size.
constexpr qint64 kChunk = 256 * 1024;
// An error page or an unasked-for body is read and dropped, up to this much; a server sending
// more is not answering a WebDAV client.
constexpr qint64 kMaxIgnoredBody = 1024 * 1024;
// A body larger than this goes into a folder made (or seen) first: a PUT into a missing folder is
// refused only after its body was sent (Apache reads it all before its 409) or is cut with a
// reset (rclone), and sending a large body twice costs more than one MKCOL.
constexpr qint64 kFolderFirstAbove = 1024 * 1024;
// A Retry-After longer than a day is a server's mistake; waiting that long helps no one.
constexpr int kMaxRetryAfterSeconds = 24 * 60 * 60;

const QByteArray kPropfindBody = QByteArrayLiteral(
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<d:propfind xmlns:d=\"DAV:\"><d:prop>"
    "<d:resourcetype/><d:getcontentlength/><d:getetag/><d:getlastmodified/>"
    "</d:prop></d:propfind>");

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool is2xx(int status) { return status >= 200 && status <= 299; }

QString parentOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

// Retry-After is either seconds or an HTTP date. A date is measured against the server's own
// Date header when there is one: server clocks are compared only with themselves.
int parseRetryAfter(const QByteArray& value, const QByteArray& serverDate)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return 0;
    bool ok = false;
    const qlonglong seconds = trimmed.toLongLong(&ok);
    if (ok)
        return static_cast<int>(qBound(qlonglong(0), seconds, qlonglong(kMaxRetryAfterSeconds)));
    const QDateTime when = parseHttpDate(QString::fromLatin1(trimmed));
    if (!when.isValid())
        return 0;
    QDateTime now = parseHttpDate(QString::fromLatin1(serverDate));
    if (!now.isValid())
        now = QDateTime::currentDateTimeUtc();
    return static_cast<int>(qBound(qint64(0), now.secsTo(when), qint64(kMaxRetryAfterSeconds)));
}

Error transient(QString message, int retryAfterSeconds = 0)
{
    Error error = failed(std::move(message));
    error.transient = true;
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

struct WebDavRemote::Folders {
    std::mutex making; // held while folders are made
    mutable std::mutex mutex;
    QSet<QString> known;
};

struct WebDavRemote::Upload {
    QIODevice* device = nullptr;
    const QByteArray* bytes = nullptr;
    qint64 size = 0;
};

// Where a 2xx body goes; the body of any other answer is read and dropped.
struct WebDavRemote::Download {
    QIODevice* sink = nullptr;
    QByteArray* buffer = nullptr;
    qint64 cap = -1; // a 2xx body longer than this is refused; -1: no body expected
};

struct WebDavRemote::Response {
    int status = 0; // 0: no HTTP answer arrived
    QString reason;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;
    bool tooLarge = false;
    QString sinkError;
    std::optional<Error> certificate;
    QByteArray retryAfter;
    QByteArray date;
    QByteArray location;
    qint64 contentLength = -1;
    qint64 received = 0; // bytes of a 2xx body delivered
    qint64 ignored = 0;  // bytes of any other body dropped
};

WebDavRemote::WebDavRemote(QUrl root, QString user, crypto::SecureBytes appPassword,
                           QString pinnedSha256, WebDavOptions options)
    : m_options(options), m_folders(std::make_shared<Folders>())
{
    m_root = root.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!m_root.path(QUrl::FullyEncoded).endsWith(QLatin1Char('/')))
        m_root.setPath(m_root.path(QUrl::FullyEncoded) + QLatin1Char('/'), QUrl::TolerantMode);
    m_server = m_root.toDisplayString(QUrl::RemovePath);

    const QString scheme = m_root.scheme().toLower();
    if (!m_root.isValid() || m_root.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        m_settingsRefusal = usage(QStringLiteral("%1 is not a WebDAV address. Enter one that starts "
                                                 "with https:// in Sync settings.")
                                      .arg(root.toDisplayString(QUrl::RemoveUserInfo)));
    } else if (scheme == QLatin1String("http") && !isLoopbackHost(m_root.host())) {
        m_settingsRefusal = usage(
            QStringLiteral("Paper Trail sends the app password only over https:// (or over http:// "
                           "to this computer). Change the address %1 to https:// in Sync settings.")
                .arg(describe()));
    } else if (user.contains(QLatin1Char(':'))) {
        m_settingsRefusal = usage(QStringLiteral("A user name cannot contain ':' over WebDAV. Check "
                                                 "the user name in Sync settings."));
    }

    if (!pinnedSha256.isEmpty()) {
        QString hex = pinnedSha256;
        hex.remove(QLatin1Char(':')).remove(QLatin1Char(' '));
        const QByteArray digest = QByteArray::fromHex(hex.toLatin1());
        if (digest.size() == 32 && digest.toHex() == hex.toLower().toLatin1())
            m_pinnedSha256 = digest;
        else if (!m_settingsRefusal)
            m_settingsRefusal = usage(QStringLiteral("The pinned certificate fingerprint is not a "
                                                     "SHA-256 fingerprint (64 hex digits). Pin the "
                                                     "certificate again in Sync settings."));
    }

    if (!user.isEmpty()) {
        // "user:password", base64'd, in locked memory; each request copies it into its header.
        const QByteArray name = user.toUtf8();
        crypto::SecureBytes credentials(static_cast<std::size_t>(name.size()) + 1 + appPassword.size());
        std::memcpy(credentials.data(), name.constData(), static_cast<std::size_t>(name.size()));
        credentials.data()[name.size()] = ':';
        if (!appPassword.empty())
            std::memcpy(credentials.data() + name.size() + 1, appPassword.data(), appPassword.size());
        const std::size_t encodedMax =
            sodium_base64_ENCODED_LEN(credentials.size(), sodium_base64_VARIANT_ORIGINAL);
        const QByteArray prefix = QByteArrayLiteral("Basic ");
        crypto::SecureBytes header(static_cast<std::size_t>(prefix.size()) + encodedMax);
        std::memcpy(header.data(), prefix.constData(), static_cast<std::size_t>(prefix.size()));
        sodium_bin2base64(reinterpret_cast<char*>(header.data() + prefix.size()), encodedMax,
                          credentials.data(), credentials.size(), sodium_base64_VARIANT_ORIGINAL);
        // The encoded length without the terminating NUL sodium writes.
        const std::size_t length = static_cast<std::size_t>(prefix.size()) + encodedMax - 1;
        m_authorization = crypto::SecureBytes(length);
        std::memcpy(m_authorization.data(), header.data(), length);
    }
    appPassword.wipe();
}

WebDavRemote::WebDavRemote(CloneOf of)
    : m_root(of.original.m_root), m_server(of.original.m_server),
      m_authorization(crypto::SecureBytes::copyOf(of.original.m_authorization.view())),
      m_pinnedSha256(of.original.m_pinnedSha256), m_options(of.original.m_options),
      m_settingsRefusal(of.original.m_settingsRefusal), m_requests(of.original.m_requests),
      m_folders(of.original.m_folders)
{
}

std::unique_ptr<Remote> WebDavRemote::clone() const
{
    return std::unique_ptr<Remote>(new WebDavRemote(CloneOf{*this}));
}

namespace {

// A manager belongs to the thread that made it: deleted there, or here once that thread has
// ended (nothing can be running in it then).
void dispose(std::unique_ptr<QNetworkAccessManager>& manager)
{
    if (!manager)
        return;
    const QThread* owner = manager->thread();
    if (owner && owner != QThread::currentThread() && !owner->isFinished())
        manager.release()->deleteLater();
    else
        manager.reset();
}

} // namespace

WebDavRemote::~WebDavRemote() { dispose(m_manager); }

QString WebDavRemote::formatFingerprint(const QByteArray& sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QString WebDavRemote::describe() const
{
    return m_root.toDisplayString(QUrl::RemoveUserInfo);
}

QNetworkAccessManager& WebDavRemote::manager()
{
    if (!m_manager || m_manager->thread() != QThread::currentThread()) {
        dispose(m_manager);
        m_manager = std::make_unique<QNetworkAccessManager>();
        // Redirects are reported, not followed: a WebDAV root that moved is a settings change,
        // and following one could carry the app password to another server.
        m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    return *m_manager;
}

QUrl WebDavRemote::urlOf(const QString& path, bool folder) const
{
    if (path.isEmpty())
        return m_root;
    // Safe paths need no percent-encoding and cannot be read as a scheme or an authority.
    return m_root.resolved(QUrl(folder ? path + QLatin1Char('/') : path));
}

std::optional<Error> WebDavRemote::refusal(const QString& path, bool folder) const
{
    if (m_settingsRefusal)
        return m_settingsRefusal;
    if ((folder && path.isEmpty()) || isSafeRemotePath(path))
        return std::nullopt;
    return usage(QStringLiteral("Paper Trail refused to use '%1' on the server: it is not a name "
                                "of the sync layout.")
                     .arg(path));
}

WebDavRemote::Response WebDavRemote::perform(const QByteArray& verb, const QUrl& url,
                                             const QList<std::pair<QByteArray, QByteArray>>& headers,
                                             const Upload& upload, Download& download)
{
    Response response;
    ++*m_requests;

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1 with keep-alive: requests are sequential anyway, and Qt's HTTP/2 client has had
    // bugs with WebDAV servers (Nextcloud's desktop client turned it off for that).
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Basic auth on every request; no session cookies (Nextcloud checks CSRF tokens on those).
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setRawHeader("User-Agent", "PaperTrail");
    if (!m_authorization.empty()) {
        // Qt keeps its own copy of the header for the request's lifetime.
        request.setRawHeader("Authorization",
                             QByteArray(reinterpret_cast<const char*>(m_authorization.data()),
                                        static_cast<qsizetype>(m_authorization.size())));
    }
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    if (upload.device || upload.bytes) {
        request.setHeader(QNetworkRequest::ContentLengthHeader, upload.size);
        // Otherwise Qt reads a sequential source (a stream encrypting an attachment) whole into
        // memory before sending it; with the length known it streams.
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    }

    QNetworkAccessManager& nam = manager();
    std::unique_ptr<QNetworkReply> reply;
    if (verb == "GET")
        reply.reset(nam.get(request));
    else if (verb == "HEAD")
        reply.reset(nam.head(request));
    else if (verb == "DELETE")
        reply.reset(nam.deleteResource(request));
    else if (upload.device)
        reply.reset(nam.sendCustomRequest(request, verb, upload.device));
    else if (upload.bytes)
        reply.reset(nam.sendCustomRequest(request, verb, *upload.bytes));
    else
        reply.reset(nam.sendCustomRequest(request, verb));
    QNetworkReply* r = reply.get();
    r->setReadBufferSize(kChunk);

    bool metaRead = false;
    const auto readMeta = [&] {
        if (metaRead)
            return;
        const QVariant status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        metaRead = true;
        response.status = status.toInt();
        response.reason = r->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        response.retryAfter = r->rawHeader("Retry-After");
        response.date = r->rawHeader("Date");
        response.location = r->rawHeader("Location");
        const QVariant length = r->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            response.contentLength = length.toLongLong();
        if (is2xx(response.status) && download.cap >= 0 && response.contentLength > download.cap) {
            response.tooLarge = true; // refused before its first byte
            r->abort();
        }
    };
    const auto drain = [&] {
        readMeta();
        while (!response.tooLarge && response.sinkError.isEmpty() && r->bytesAvailable() > 0) {
            const QByteArray chunk = r->read(kChunk);
            if (chunk.isEmpty())
                break;
            if (!is2xx(response.status) || download.cap < 0) {
                // An error page, or a body nobody asked for.
                response.ignored += chunk.size();
                if (response.ignored > kMaxIgnoredBody) {
                    r->abort();
                    return;
                }
                continue;
            }
            if (response.received + chunk.size() > download.cap) {
                response.tooLarge = true;
                r->abort();
                return;
            }
            response.received += chunk.size();
            if (download.sink) {
                if (download.sink->write(chunk) != chunk.size()) {
                    response.sinkError = download.sink->errorString();
                    r->abort();
                    return;
                }
            } else if (download.buffer) {
                download.buffer->append(chunk);
            }
        }
    };

    QEventLoop loop;
    QTimer stall;
    stall.setSingleShot(true);
    stall.setInterval(m_options.stallTimeoutMs);
    QObject::connect(&stall, &QTimer::timeout, &loop, [&] {
        response.timedOut = true;
        r->abort();
    });
    QObject::connect(r, &QNetworkReply::uploadProgress, &loop, [&] { stall.start(); });
    QObject::connect(r, &QNetworkReply::downloadProgress, &loop, [&] { stall.start(); });
    QObject::connect(r, &QNetworkReply::metaDataChanged, &loop, readMeta);
    QObject::connect(r, &QNetworkReply::readyRead, &loop, [&] {
        stall.start();
        drain();
    });
    QObject::connect(r, &QNetworkReply::sslErrors, &loop, [&](const QList<QSslError>& errors) {
        QSslCertificate certificate = r->sslConfiguration().peerCertificate();
        if (certificate.isNull() && !errors.isEmpty())
            certificate = errors.first().certificate();
        const QByteArray digest = certificate.isNull()
                                      ? QByteArray()
                                      : certificate.digest(QCryptographicHash::Sha256);
        if (!m_pinnedSha256.isEmpty() && digest == m_pinnedSha256) {
            r->ignoreSslErrors(errors); // the certificate the person compared and pinned
            return;
        }
        QStringList problems;
        for (const QSslError& error : errors)
            if (!problems.contains(error.errorString()))
                problems.append(error.errorString());
        const QString fingerprint = formatFingerprint(digest);
        m_refusedSha256 = fingerprint;
        if (!m_pinnedSha256.isEmpty()) {
            response.certificate = failed(
                QStringLiteral("The server at %1 presented a certificate other than the pinned one "
                               "(%2; its SHA-256 fingerprint is %3). If the server's certificate "
                               "was replaced, compare and pin the new one in Sync settings; "
                               "otherwise someone may be between this device and the server.")
                    .arg(m_server, problems.join(QLatin1String("; ")), fingerprint));
        } else {
            response.certificate = failed(
                QStringLiteral("The server at %1 presented a certificate this device does not "
                               "trust (%2). Its SHA-256 fingerprint is %3: if the server shows the "
                               "same fingerprint, pin it in Sync settings.")
                    .arg(m_server, problems.join(QLatin1String("; ")), fingerprint));
        }
    });
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);

    stall.start();
    if (!r->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    stall.stop();
    drain();
    response.error = r->error();
    response.errorString = r->errorString();
    return response;
}

Error WebDavRemote::errorFor(const Response& response, const QString& action,
                             const QString& path) const
{
    const QString where = path.isEmpty() ? describe() : path;
    if (response.certificate)
        return *response.certificate;
    if (response.timedOut)
        return transient(QStringLiteral("The server at %1 did not answer for %2 seconds while "
                                        "Paper Trail tried to %3 %4; it will try again.")
                             .arg(m_server, QString::number(m_options.stallTimeoutMs / 1000.0),
                                  action, where));
    if (response.status == 0 || (is2xx(response.status) && response.error != QNetworkReply::NoError)) {
        switch (response.error) {
        case QNetworkReply::ConnectionRefusedError: {
            Error error = transient(QStringLiteral("Could not connect to the server at %1 (connection "
                                                   "refused). Check that it is running; Paper Trail will "
                                                   "try again.")
                                        .arg(m_server));
            error.unreachable = true;
            return error;
        }
        case QNetworkReply::HostNotFoundError: {
            Error error = transient(QStringLiteral("Could not find the server %1. Check the address in "
                                                   "Sync settings and the network connection.")
                                        .arg(m_root.host()));
            error.unreachable = true;
            return error;
        }
        case QNetworkReply::SslHandshakeFailedError:
            return failed(QStringLiteral("Could not set up a secure connection to the server at %1 "
                                         "(%2). Check the address in Sync settings.")
                              .arg(m_server, response.errorString));
        case QNetworkReply::ProtocolUnknownError:
        case QNetworkReply::ProtocolInvalidOperationError:
            return usage(QStringLiteral("%1 is not a WebDAV address. Check it in Sync settings.")
                             .arg(describe()));
        default:
            return transient(QStringLiteral("The connection to the server at %1 was cut while Paper "
                                            "Trail tried to %2 %3 (%4); it will try again.")
                                 .arg(m_server, action, where, response.errorString));
        }
    }

    const int status = response.status;
    const QString code = response.reason.isEmpty()
                             ? QString::number(status)
                             : QStringLiteral("%1 %2").arg(status).arg(response.reason);
    const int retryAfter = parseRetryAfter(response.retryAfter, response.date);
    if (status == 401)
        return failed(QStringLiteral("The server at %1 refused the user name or app password (401). "
                                     "Check them in Sync settings.")
                          .arg(m_server));
    if (status == 403)
        return failed(QStringLiteral("The server at %1 does not let this account %2 %3 (403). "
                                     "Check the address and the account's permissions in Sync "
                                     "settings.")
                          .arg(m_server, action, where));
    if (status == 404 || status == 410)
        return notFound(QStringLiteral("The server at %1 has no %2 (%3). Check the address in Sync "
                                       "settings.")
                            .arg(m_server, where, code));
    if (status >= 300 && status <= 399)
        return failed(QStringLiteral("The server at %1 sends %2 to another address (%3%4). Put the "
                                     "address it moved to in Sync settings.")
                          .arg(m_server, where, code,
                               response.location.isEmpty()
                                   ? QString()
                                   : QStringLiteral(", to ") + QString::fromUtf8(response.location)));
    if (status == 413) {
        Error error = failed(QStringLiteral("The server at %1 refused %2 as too large (413). Raise "
                                            "the server's upload limit (or a proxy's in front of "
                                            "it, such as nginx's client_max_body_size).")
                                 .arg(m_server, where));
        error.tooLarge = true;
        return error;
    }
    if (status == 423)
        return transient(QStringLiteral("The server at %1 has %2 locked (423); Paper Trail will try "
                                        "again.")
                             .arg(m_server, where),
                         retryAfter);
    if (status == 429)
        return transient(
            QStringLiteral("The server at %1 asks Paper Trail to slow down (429); it will try again %2.")
                .arg(m_server, retryAfter > 0 ? QStringLiteral("in %1 seconds").arg(retryAfter)
                                              : QStringLiteral("later")),
            retryAfter);
    if (status == 507)
        return transient(QStringLiteral("The server at %1 is out of space (507). Free some space "
                                        "there; Paper Trail will try again.")
                             .arg(m_server),
                         retryAfter);
    if (status >= 500 && status <= 599)
        return transient(QStringLiteral("The server at %1 had a problem while Paper Trail tried to "
                                        "%2 %3 (%4); it will try again.")
                             .arg(m_server, action, where, code),
                         retryAfter);
    return failed(QStringLiteral("The server at %1 refused to %2 %3 (%4). Check the address in Sync "
                                 "settings.")
                      .arg(m_server, action, where, code));
}

Result<QList<RemoteFile>> WebDavRemote::list(const QString& dir)
{
    if (auto refused = refusal(dir, true))
        return *refused;
    const QUrl url = urlOf(dir, true);
    QByteArray body;
    Download download{nullptr, &body, m_options.maxListingBytes};
    const Response response =
        perform("PROPFIND", url,
                {{"Depth", "1"}, {"Content-Type", "application/xml; charset=utf-8"}},
                Upload{nullptr, &kPropfindBody, kPropfindBody.size()}, download);
    if (response.tooLarge)
        return damaged(QStringLiteral("The server at %1 sent a listing of %2 larger than %3, more "
                                      "than Paper Trail reads. Check the address in Sync settings.")
                           .arg(m_server, dir.isEmpty() ? describe() : dir,
                                sizeText(m_options.maxListingBytes)));
    if (response.status == 207 && response.error == QNetworkReply::NoError) {
        auto listing = parseDavListing(body, url);
        if (listing)
            setKnownFolder(dir, true);
        return listing;
    }
    if (response.status == 404)
        return QList<RemoteFile>{};
    if (is2xx(response.status) && response.error == QNetworkReply::NoError)
        return failed(QStringLiteral("The address %1 answered like a web page, not a WebDAV folder "
                                     "(%2). Check the address in Sync settings.")
                          .arg(url.toDisplayString(QUrl::RemoveUserInfo),
                               QString::number(response.status)));
    return errorFor(response, QStringLiteral("list the folder"), dir);
}

Result<QByteArray> WebDavRemote::get(const QString& path, qint64 maxBytes)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const Status status = getTo(path, buffer, maxBytes);
    if (!status)
        return status.error();
    buffer.close();
    return bytes;
}

Status WebDavRemote::getTo(const QString& path, QIODevice& sink, qint64 maxBytes)
{
    if (auto refused = refusal(path, false))
        return *refused;
    Download download{&sink, nullptr, qMax<qint64>(0, maxBytes)};
    const Response response = perform("GET", urlOf(path, false), {}, {}, download);
    if (response.tooLarge)
        return damaged(QStringLiteral("%1 on the server at %2 is larger than %3, more than a file "
                                      "of its kind can be; it may be damaged.")
                           .arg(path, m_server, sizeText(download.cap)));
    if (!response.sinkError.isEmpty())
        return failed(QStringLiteral("Could not save %1 from the server (%2). Free some disk space "
                                     "and try again.")
                          .arg(path, response.sinkError));
    if (response.status == 200 && response.error == QNetworkReply::NoError) {
        if (response.contentLength >= 0 && response.received != response.contentLength)
            return transient(QStringLiteral("The server at %1 sent %2 of %3 bytes of %4; Paper "
                                            "Trail will try again.")
                                 .arg(m_server, QString::number(response.received),
                                      QString::number(response.contentLength), path));
        return Ok{};
    }
    return errorFor(response, QStringLiteral("read"), path);
}

bool WebDavRemote::knownFolder(const QString& dir) const
{
    const std::lock_guard lock(m_folders->mutex);
    return m_folders->known.contains(dir);
}

void WebDavRemote::setKnownFolder(const QString& dir, bool known)
{
    const std::lock_guard lock(m_folders->mutex);
    if (known)
        m_folders->known.insert(dir);
    else
        m_folders->known.remove(dir);
}

Status WebDavRemote::ensureFolder(const QString& dir)
{
    const std::lock_guard lock(m_folders->making);
    if (knownFolder(dir)) // a clone made it while this one waited
        return Ok{};
    return makeFolder(dir);
}

Status WebDavRemote::makeFolder(const QString& dir)
{
    const auto made = [&](const Response& r) {
        // 405: MKCOL on a folder that exists (Apache); 301: one that redirects to its '/' form.
        const bool there = is2xx(r.status) || r.status == 405 || r.status == 301;
        if (there)
            setKnownFolder(dir, true);
        return there;
    };
    Download none;
    Response response = perform("MKCOL", urlOf(dir, true), {}, {}, none);
    if (made(response))
        return Ok{};
    if (response.status == 409 || response.status == 404) { // the parent is missing too
        if (dir.isEmpty())
            return failed(QStringLiteral("The folder %1 does not exist and cannot be made there "
                                         "(%2). Check the address in Sync settings.")
                              .arg(describe(), QString::number(response.status)));
        if (Status parent = makeFolder(parentOf(dir)); !parent)
            return parent;
        response = perform("MKCOL", urlOf(dir, true), {}, {}, none);
        if (made(response))
            return Ok{};
    }
    return errorFor(response, QStringLiteral("create the folder"), dir);
}

Status WebDavRemote::immutableAlreadyThere(const QString& path, qint64 size, bool& there)
{
    Download none;
    const Response response = perform("HEAD", urlOf(path, false), {}, {}, none);
    if (response.status == 404 || response.status == 410) {
        there = false;
        return Ok{};
    }
    if (response.status == 200 && response.error == QNetworkReply::NoError) {
        // A server that writes in place keeps a partial file from a cut upload under the final
        // name; one that also honours If-None-Match would keep it for ever.
        there = response.contentLength < 0 || response.contentLength == size;
        return Ok{};
    }
    return errorFor(response, QStringLiteral("check"), path);
}

Status WebDavRemote::put(const QString& path, QIODevice* source, const QByteArray* bytes,
                         qint64 size, bool immutable)
{
    if (auto refused = refusal(path, false))
        return *refused;
    const qint64 start = source ? source->pos() : 0;
    // A stream read once cannot be sent again, and a large body should not be: their folders are
    // made before, not on demand, unless this remote already saw them.
    const bool oneShot = source && source->isSequential();
    const QString parent = parentOf(path);
    bool madeFolders = false;
    if ((oneShot || size > kFolderFirstAbove) && !knownFolder(parent)) {
        if (Status folders = ensureFolder(parent); !folders)
            return folders;
        madeFolders = true;
    }
    bool overwrite = !immutable;
    Download none;
    for (int attempt = 0;; ++attempt) {
        if (attempt > 0 && source && (oneShot || !source->seek(start)))
            return transient(QStringLiteral("Could not send %1 again to the server at %2; Paper "
                                            "Trail will try again.")
                                 .arg(path, m_server));
        QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/octet-stream"}};
        if (!overwrite)
            headers.append(std::pair<QByteArray, QByteArray>("If-None-Match", "*"));
        const Response response =
            perform("PUT", urlOf(path, false), headers, Upload{source, bytes, size}, none);
        if (is2xx(response.status) && response.error == QNetworkReply::NoError) {
            setKnownFolder(parent, true);
            return Ok{};
        }
        if (response.status == 412 && !overwrite) {
            // Already there: the same bytes, since the name is their hash, unless it is the
            // stump of an upload that was cut.
            bool there = false;
            if (Status checked = immutableAlreadyThere(path, size, there); !checked)
                return checked;
            if (there)
                return Ok{};
            if (oneShot) {
                // This source cannot be sent again now: remove the stump, so the next try
                // (with the source opened anew) finds nothing in its way.
                if (Status removed = remove(path); !removed)
                    return removed;
                return transient(QStringLiteral("Only part of %1 was on the server at %2; it was "
                                                "removed and Paper Trail will send it again.")
                                     .arg(path, m_server));
            }
            overwrite = true;
            continue;
        }
        // Apache answers 409 for a missing parent folder, rclone 404. rclone (Go's server) also
        // resets the connection of a large upload it answered early, so the 404 can be lost
        // with it: a cut before any answer may mean the same, and writing again is harmless.
        const bool cutBeforeAnswer = response.status == 0 && !response.timedOut &&
                                     !response.certificate &&
                                     response.error != QNetworkReply::ConnectionRefusedError &&
                                     response.error != QNetworkReply::HostNotFoundError;
        // Removed behind this remote's back (or so it may be, when the answer was lost with the
        // connection): the folder is made again before the next try, not taken as known.
        if (response.status == 409 || response.status == 404 || cutBeforeAnswer)
            setKnownFolder(parent, false);
        if ((response.status == 409 || response.status == 404 || cutBeforeAnswer) && !madeFolders) {
            if (Status folders = ensureFolder(parent); !folders)
                return cutBeforeAnswer ? errorFor(response, QStringLiteral("write"), path) : folders;
            madeFolders = true;
            continue;
        }
        return errorFor(response, QStringLiteral("write"), path);
    }
}

Status WebDavRemote::putImmutable(const QString& path, QIODevice& source, qint64 size)
{
    return put(path, &source, nullptr, size, true);
}

Status WebDavRemote::putMutable(const QString& path, const QByteArray& bytes)
{
    return put(path, nullptr, &bytes, bytes.size(), false);
}

Status WebDavRemote::replace(const QString& path, const QByteArray& bytes)
{
    // Written beside its name, then moved into place: rclone and some NAS servers write a PUT in
    // place, so an upload cut half way would leave a stump under the name the other devices read.
    // The random tail keeps two tries (a lost reply, then a retry) from writing one file.
    if (auto refused = refusal(path, false))
        return *refused;
    const QString beside = path + QStringLiteral(".part-") +
                           QString::number(QRandomGenerator::system()->generate64(), 16);
    if (Status sent = put(beside, nullptr, &bytes, bytes.size(), false); !sent)
        return sent;
    Download none;
    const Response response =
        perform("MOVE", urlOf(beside, false),
                {{"Destination", urlOf(path, false).toString(QUrl::FullyEncoded).toUtf8()}, {"Overwrite", "T"}}, {},
                none);
    if (is2xx(response.status) && response.error == QNetworkReply::NoError)
        return Ok{};
    Error error = errorFor(response, QStringLiteral("move into place"), path);
    (void)remove(beside); // best effort: a stump left here has a name no device reads
    return error;
}

Status WebDavRemote::remove(const QString& path)
{
    if (auto refused = refusal(path, false))
        return *refused;
    Download none;
    const Response response = perform("DELETE", urlOf(path, false), {}, {}, none);
    const bool gone = response.status == 404 || response.status == 410;
    if ((is2xx(response.status) && response.error == QNetworkReply::NoError) || gone)
        return Ok{};
    return errorFor(response, QStringLiteral("delete"), path);
}

} // namespace pt::core::sync
