// WebDavRemote against Apache mod_dav and rclone serve webdav: the faults real servers and networks
// give (through FaultProxy), a lost reply retried, the requests each operation takes (counted by
// the proxy and by Apache's access log), http:// refused to other computers, a wrong password,
// TLS with a self-signed certificate refused and then pinned, and use from a worker thread.
#include "RemoteBackends.h"
#include "SyncTestSupport.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

using namespace pt::test;
using pt::core::ErrorCode;
using pt::core::Status;
using pt::core::sync::RemoteFile;
using pt::core::sync::WebDavOptions;
using pt::core::sync::WebDavRemote;

namespace {

// What the proxy saw, as "METHOD status" lines, for comparing whole sequences.
QStringList seen(const FaultProxy& proxy)
{
    QStringList out;
    for (const ProxiedRequest& r : proxy.requests())
        out.append(QStringLiteral("%1 %2").arg(QString::fromLatin1(r.method)).arg(r.status));
    return out;
}

FaultRule rule(Fault fault, QByteArray method, int times = 1)
{
    FaultRule r;
    r.fault = fault;
    r.method = std::move(method);
    r.times = times;
    return r;
}

FaultRule statusRule(int status, QByteArray method, QByteArray retryAfter = {})
{
    FaultRule r = rule(Fault::Status, std::move(method));
    r.status = status;
    r.retryAfter = std::move(retryAfter);
    return r;
}

} // namespace

// A server, the proxy in front of it, and a remote through the proxy.
template <class Server>
class ThroughProxy {
protected:
    std::unique_ptr<WebDavRemote> remoteWith(WebDavOptions options)
    {
        return webDavOn(server, throughProxy(server, proxy), {}, options);
    }

    Server server;
    FaultProxy proxy{QStringLiteral("127.0.0.1"), server.port()};
    std::unique_ptr<WebDavRemote> remote = remoteWith({});
};

#define PT_DAV_SERVERS ApacheDav, RcloneDav

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: a dropped connection is transient and the next try works",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1")));
    this->proxy.inject(rule(Fault::DropConnection, "PROPFIND", -1));
    auto dropped = this->remote->list(QStringLiteral("heads"));
    REQUIRE_FALSE(dropped.ok());
    CHECK(dropped.error().transient);
    CHECK(dropped.error().message.contains(QStringLiteral("connection")));
    CHECK(dropped.error().message.contains(QStringLiteral("127.0.0.1")));

    this->proxy.clearFaults();
    auto listed = this->remote->list(QStringLiteral("heads"));
    REQUIRE_OK(listed);
    CHECK(sortedNames(*listed) == QStringList{"a"});
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: 500 and 503 are transient with Retry-After read",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1")));
    this->proxy.inject(statusRule(500, "GET"));
    auto failed = this->remote->get(QStringLiteral("heads/a"), 10);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().transient);
    CHECK(failed.error().retryAfterSeconds == 0);
    CHECK(failed.error().message.contains(QStringLiteral("500")));

    this->proxy.inject(statusRule(503, "GET", "7"));
    auto busy = this->remote->get(QStringLiteral("heads/a"), 10);
    REQUIRE_FALSE(busy.ok());
    CHECK(busy.error().transient);
    CHECK(busy.error().retryAfterSeconds == 7);

    CHECK(*this->remote->get(QStringLiteral("heads/a"), 10) == QByteArrayLiteral("1"));
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: 423 Locked and 429 Too Many Requests are transient",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    this->proxy.inject(statusRule(423, "PUT"));
    auto locked = this->remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1"));
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().transient);
    CHECK(locked.error().message.contains(QStringLiteral("locked")));
    CHECK_FALSE(this->server.stored(QStringLiteral("heads/a")));

    this->proxy.inject(statusRule(429, "PROPFIND", "12"));
    auto slowDown = this->remote->list(QStringLiteral("heads"));
    REQUIRE_FALSE(slowDown.ok());
    CHECK(slowDown.error().transient);
    CHECK(slowDown.error().retryAfterSeconds == 12);
    CHECK(slowDown.error().message.contains(QStringLiteral("12 seconds")));

    // An HTTP date counts from now.
    const QByteArray inAMinute = QLocale::c()
                                     .toString(QDateTime::currentDateTimeUtc().addSecs(60),
                                               QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                     .toLatin1();
    this->proxy.inject(statusRule(429, "PROPFIND", inAMinute));
    auto dated = this->remote->list(QStringLiteral("heads"));
    REQUIRE_FALSE(dated.ok());
    CHECK(dated.error().retryAfterSeconds >= 55);
    CHECK(dated.error().retryAfterSeconds <= 60);

    REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1")));
    CHECK(this->remote->list(QStringLiteral("heads")).ok());
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy,
                          "WebDAV: 412 to an immutable put is success once the file is checked",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    // The proxy says 412 though nothing is there: the remote checks, finds nothing, and writes.
    const QByteArray bytes = randomPayload(2000);
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/seed"), "s")); // packs/ exists
    this->proxy.resetCounts();
    this->proxy.inject(statusRule(412, "PUT"));
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/p1"), bytes));
    CHECK(this->server.stored(QStringLiteral("packs/p1")) == bytes);
    CHECK(seen(this->proxy) == QStringList{"PUT 412", "HEAD 404", "PUT 201"});
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: 413 above a size is a clear permanent error",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    FaultRule tooLarge = statusRule(413, "PUT");
    tooLarge.minBodyBytes = 64 * 1024;
    tooLarge.times = -1;
    this->proxy.inject(tooLarge);
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("objects/ab/small"), randomPayload(1000)));
    auto refused = putBytes(*this->remote, QStringLiteral("objects/ab/large"), randomPayload(100 * 1024));
    REQUIRE_FALSE(refused.ok());
    CHECK_FALSE(refused.error().transient);
    CHECK(refused.error().message.contains(QStringLiteral("too large")));
    CHECK(refused.error().message.contains(QStringLiteral("objects/ab/large")));
    CHECK(refused.error().tooLarge); // an attachment goes again in parts (test_object_transfer)
    CHECK_FALSE(this->server.stored(QStringLiteral("objects/ab/large")));
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: a truncated body is transient and never a short file",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    const QByteArray bytes = randomPayload(300 * 1024);
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/p1"), bytes));
    FaultRule cut = rule(Fault::TruncateResponse, "GET");
    cut.bytes = 100 * 1024;
    this->proxy.inject(cut);
    auto truncated = this->remote->get(QStringLiteral("packs/p1"), bytes.size());
    REQUIRE_FALSE(truncated.ok());
    CHECK(truncated.error().transient);
    CHECK(*this->remote->get(QStringLiteral("packs/p1"), bytes.size()) == bytes);
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy,
                          "WebDAV: a body without Content-Length is capped while it streams",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    const QByteArray bytes = randomPayload(600 * 1024);
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/p1"), bytes));

    this->proxy.inject(rule(Fault::HideLength, "GET"));
    QByteArray streamed;
    QBuffer sink(&streamed);
    sink.open(QIODevice::WriteOnly);
    auto refused = this->remote->getTo(QStringLiteral("packs/p1"), sink, 200 * 1024);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Damaged);
    CHECK(streamed.size() <= 200 * 1024);

    this->proxy.inject(rule(Fault::HideLength, "GET"));
    CHECK(*this->remote->get(QStringLiteral("packs/p1"), bytes.size()) == bytes);
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: a slow answer is waited for and a stalled one is not",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    WebDavOptions impatient;
    impatient.stallTimeoutMs = 1500;
    auto remote = this->remoteWith(impatient);
    REQUIRE_OK(remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1")));

    FaultRule slow = rule(Fault::Delay, "GET");
    slow.delayMs = 300;
    this->proxy.inject(slow);
    CHECK(*remote->get(QStringLiteral("heads/a"), 10) == QByteArrayLiteral("1"));

    slow.delayMs = 6000;
    this->proxy.inject(slow);
    QElapsedTimer timer;
    timer.start();
    auto stalled = remote->get(QStringLiteral("heads/a"), 10);
    REQUIRE_FALSE(stalled.ok());
    CHECK(stalled.error().transient);
    CHECK(stalled.error().message.contains(QStringLiteral("did not answer")));
    CHECK(timer.elapsed() < 4500); // the stall timeout, not the 6 s delay
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy,
                          "WebDAV: a write whose reply was lost is transient and its retry succeeds",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    const QByteArray bytes = randomPayload(50 * 1024);

    SECTION("putImmutable")
    {
        REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/seed"), "s"));
        this->proxy.inject(rule(Fault::DropReply, "PUT", -1));
        auto lost = putBytes(*this->remote, QStringLiteral("packs/p1"), bytes);
        REQUIRE_FALSE(lost.ok());
        CHECK(lost.error().transient);
        CHECK(this->server.stored(QStringLiteral("packs/p1")) == bytes); // it happened
        this->proxy.clearFaults();
        REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/p1"), bytes));
        CHECK(this->server.stored(QStringLiteral("packs/p1")) == bytes);
    }
    SECTION("putImmutable into a folder the lost MKCOL made")
    {
        this->proxy.inject(rule(Fault::DropReply, "MKCOL", -1));
        auto lost = putBytes(*this->remote, QStringLiteral("objects/p1"), bytes);
        REQUIRE_FALSE(lost.ok());
        CHECK(lost.error().transient);
        this->proxy.clearFaults();
        REQUIRE_OK(putBytes(*this->remote, QStringLiteral("objects/p1"), bytes));
        CHECK(this->server.stored(QStringLiteral("objects/p1")) == bytes);
    }
    SECTION("putMutable")
    {
        REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("old")));
        this->proxy.inject(rule(Fault::DropReply, "PUT", -1));
        REQUIRE_FALSE(this->remote->putMutable(QStringLiteral("heads/a"), bytes).ok());
        this->proxy.clearFaults();
        REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/a"), bytes));
        CHECK(*this->remote->get(QStringLiteral("heads/a"), bytes.size()) == bytes);
    }
    SECTION("remove")
    {
        REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("old")));
        this->proxy.inject(rule(Fault::DropReply, "DELETE", -1));
        auto lost = this->remote->remove(QStringLiteral("heads/a"));
        REQUIRE_FALSE(lost.ok());
        CHECK(lost.error().transient);
        CHECK_FALSE(this->server.stored(QStringLiteral("heads/a")));
        this->proxy.clearFaults();
        REQUIRE_OK(this->remote->remove(QStringLiteral("heads/a")));
    }
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: an upload cut half way is retried to the whole file",
                          "[sync][webdav][faults]", PT_DAV_SERVERS)
{
    const QByteArray bytes = randomPayload(200 * 1024);
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/seed"), "s"));
    FaultRule cut = rule(Fault::TruncateRequest, "PUT", -1);
    cut.bytes = 64 * 1024;
    this->proxy.inject(cut);
    auto broken = putBytes(*this->remote, QStringLiteral("packs/p1"), bytes);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().transient);
    // Apache writes to a temporary file and keeps nothing; rclone writes in place and keeps the
    // part that arrived under the final name.
    auto stump = this->server.stored(QStringLiteral("packs/p1"));
    CHECK((!stump || stump->size() < bytes.size()));

    this->proxy.clearFaults();
    // rclone answers 423 Locked for about a tenth of a second after a cut upload, while its
    // handler of that upload still holds the file: transient, so the sync retries.
    int tries = 0;
    REQUIRE_OK(retryWhileTransient(
        [&] { return putBytes(*this->remote, QStringLiteral("packs/p1"), bytes); }, 50, 100, &tries));
    CHECK(tries <= 5);
    CHECK(this->server.stored(QStringLiteral("packs/p1")) == bytes);
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy,
                          "WebDAV: a partial file under an immutable name is replaced by the whole one",
                          "[sync][webdav]", PT_DAV_SERVERS)
{
    const QByteArray bytes = randomPayload(10 * 1024);
    this->server.plant(QStringLiteral("packs/p1"), bytes.left(4000));
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/p1"), bytes));
    CHECK(this->server.stored(QStringLiteral("packs/p1")) == bytes);
}

namespace {

// A source read once, like a pipe: it cannot be rewound to be sent again.
class OnePassBuffer : public QBuffer {
public:
    using QBuffer::QBuffer;
    bool isSequential() const override { return true; }
};

} // namespace

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: putImmutable streams from a one-pass source",
                          "[sync][webdav]", PT_DAV_SERVERS)
{
    QByteArray bytes = randomPayload(300 * 1024);
    const QByteArray expected = bytes;
    OnePassBuffer source(&bytes);
    REQUIRE(source.open(QIODevice::ReadOnly));
    // Its folders are made first, since a 404 or 409 could not be answered by sending it again.
    REQUIRE_OK(this->remote->putImmutable(QStringLiteral("objects/ab/x"), source, bytes.size()));
    CHECK(this->server.stored(QStringLiteral("objects/ab/x")) == expected);
    CHECK(seen(this->proxy) == QStringList{"MKCOL 409", "MKCOL 201", "MKCOL 201", "PUT 201"});
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: a large body is sent once into a folder made for it first",
                          "[sync][webdav][budget]", PT_DAV_SERVERS)
{
    // Apache reads a whole body before its 409 for a missing folder, and rclone resets the
    // connection after its 404: a large body sent on the chance the folder is there went twice
    // (Apache) or stalled for seconds (rclone), which the sync benchmark showed.
    const QByteArray bytes = randomPayload(2 * 1024 * 1024);
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("objects/ab/x1"), bytes));
    CHECK(seen(this->proxy) == QStringList{"MKCOL 409", "MKCOL 201", "MKCOL 201", "PUT 201"});
    this->proxy.resetCounts();
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("objects/ab/x2"), bytes));
    CHECK(seen(this->proxy) == QStringList{"PUT 201"}); // a folder it made is known
    CHECK(this->server.stored(QStringLiteral("objects/ab/x2")) == bytes);

    // A folder removed behind its back: the PUT finds out, makes it and sends again.
    this->proxy.resetCounts();
    REQUIRE(QDir(this->server.dataDir() + QStringLiteral("/objects/ab")).removeRecursively());
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("objects/ab/x3"), bytes));
    CHECK(seen(this->proxy).last() == QStringLiteral("PUT 201"));
    CHECK(this->server.stored(QStringLiteral("objects/ab/x3")) == bytes);
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy,
                          "WebDAV: a stump under the name of a one-pass upload is removed for the next try",
                          "[sync][webdav]", PT_DAV_SERVERS)
{
    QByteArray bytes = randomPayload(20 * 1024);
    const QByteArray expected = bytes;
    this->server.plant(QStringLiteral("objects/ab/x"), bytes.left(5000));
    this->proxy.inject(statusRule(412, "PUT")); // what Apache says; rclone would overwrite
    const auto send = [&] {
        OnePassBuffer source(&bytes);
        source.open(QIODevice::ReadOnly);
        return this->remote->putImmutable(QStringLiteral("objects/ab/x"), source, bytes.size());
    };
    auto first = send();
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().transient);
    CHECK_FALSE(this->server.stored(QStringLiteral("objects/ab/x")));
    REQUIRE_OK(send());
    CHECK(this->server.stored(QStringLiteral("objects/ab/x")) == expected);
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy, "WebDAV: the requests each operation takes",
                          "[sync][webdav][budget]", PT_DAV_SERVERS)
{
    const QByteArray bytes = randomPayload(1000);
    const auto step = [this](auto&& operation) {
        this->proxy.resetCounts();
        const int before = this->remote->requestCount();
        REQUIRE(operation());
        CHECK(this->remote->requestCount() - before == this->proxy.requestCount());
        return seen(this->proxy);
    };
    // Apache answers 409 to a PUT or MKCOL whose parent folder is missing, rclone 404 to a PUT.
    const QString missingParent = std::is_same_v<TestType, ApacheDav> ? "409" : "404";
    CHECK(step([&] { return putBytes(*this->remote, QStringLiteral("objects/ab/x1"), bytes).ok(); }) ==
          QStringList{"PUT " + missingParent, "MKCOL 409", "MKCOL 201", "MKCOL 201", "PUT 201"});
    CHECK(step([&] { return putBytes(*this->remote, QStringLiteral("objects/ab/x2"), bytes).ok(); }) ==
          QStringList{"PUT 201"});
    // The same name again: Apache honours If-None-Match (412, then a HEAD to check the size),
    // rclone ignores it and writes the same bytes again.
    CHECK(step([&] { return putBytes(*this->remote, QStringLiteral("objects/ab/x2"), bytes).ok(); }) ==
          (std::is_same_v<TestType, ApacheDav> ? QStringList{"PUT 412", "HEAD 200"}
                                               : QStringList{"PUT 201"}));
    CHECK(step([&] { return this->remote->list(QStringLiteral("objects/ab")).ok(); }) ==
          QStringList{"PROPFIND 207"});
    CHECK(step([&] { return this->remote->get(QStringLiteral("objects/ab/x1"), 1000).ok(); }) ==
          QStringList{"GET 200"});
    // A head goes up in one PUT (its reader tells a cut one): Apache answers 204 No Content when
    // it replaces one, rclone 201 Created again.
    CHECK(step([&] { return this->remote->putMutable(QStringLiteral("heads/d"), "1").ok(); }) ==
          QStringList{"PUT " + missingParent, "MKCOL 201", "PUT 201"});
    CHECK(step([&] { return this->remote->putMutable(QStringLiteral("heads/d"), "2").ok(); }) ==
          QStringList{std::is_same_v<TestType, ApacheDav> ? "PUT 204" : "PUT 201"});
    // vault.json goes up beside its name, then MOVE puts it in place: 201 Created the first
    // time, 204 No Content when it replaces one.
    CHECK(step([&] { return this->remote->replace(QStringLiteral("vault.json"), "1").ok(); }) ==
          QStringList{"PUT 201", "MOVE 201"});
    CHECK(step([&] { return this->remote->replace(QStringLiteral("vault.json"), "2").ok(); }) ==
          QStringList{"PUT 201", "MOVE 204"});
    CHECK(*this->remote->get(QStringLiteral("vault.json"), 10) == "2");
    CHECK(step([&] { return this->remote->remove(QStringLiteral("heads/d")).ok(); }) ==
          QStringList{"DELETE 204"});
    CHECK(step([&] { return this->remote->list(QStringLiteral("missing")).ok(); }) ==
          QStringList{"PROPFIND 404"});
}

TEST_CASE("WebDAV: Apache's access log counts what the remote counts", "[sync][webdav][budget]")
{
    ApacheDav server;
    auto remote = webDavOn(server, server.rootUrl());
    REQUIRE_OK(putBytes(*remote, QStringLiteral("packs/p1"), randomPayload(5000)));
    REQUIRE_OK(remote->list(QStringLiteral("packs")));
    REQUIRE_OK(remote->get(QStringLiteral("packs/p1"), 5000));
    REQUIRE_OK(remote->putMutable(QStringLiteral("heads/d"), "1"));
    REQUIRE_OK(remote->remove(QStringLiteral("heads/d")));
    // Apache writes its log line after the answer: give the last one a moment.
    QStringList log;
    for (int i = 0; i < 50 && log.size() < remote->requestCount(); ++i) {
        QThread::msleep(20);
        log = server.accessLog();
    }
    CHECK(log.size() == remote->requestCount());
    // PUT 409, MKCOL, PUT; PROPFIND; GET; PUT 409, MKCOL, PUT; DELETE.
    CHECK(remote->requestCount() == 3 + 1 + 1 + 3 + 1);
}

TEST_CASE("WebDAV: plain http to another computer is refused before any request",
          "[sync][webdav][transport]")
{
    for (const QString& url : {QStringLiteral("http://192.0.2.10/dav/"),
                               QStringLiteral("http://cloud.example.org/remote.php/dav/files/me/"),
                               QStringLiteral("http://127.0.0.1.example.org/"),
                               QStringLiteral("http://[2001:db8::1]:8080/")}) {
        WebDavRemote remote(QUrl(url), QStringLiteral("me"), secretOf(QStringLiteral("pw")));
        auto listed = remote.list(QStringLiteral("heads"));
        REQUIRE_FALSE(listed.ok());
        CHECK(listed.error().code == ErrorCode::Usage);
        CHECK_FALSE(listed.error().transient);
        CHECK(listed.error().message.contains(QStringLiteral("https://")));
        CHECK(putBytes(remote, QStringLiteral("packs/p"), "x").error().code == ErrorCode::Usage);
        CHECK(remote.requestCount() == 0);
    }
    for (const QString& url : {QStringLiteral("ftp://127.0.0.1/"), QStringLiteral("file:///tmp/x"),
                               QStringLiteral("not a url")}) {
        WebDavRemote remote(QUrl(url), QString(), {});
        CHECK(remote.list(QString()).error().code == ErrorCode::Usage);
        CHECK(remote.requestCount() == 0);
    }
}

TEST_CASE("WebDAV: plain http to this computer is allowed", "[sync][webdav][transport]")
{
    const quint16 closed = freeLoopbackPort();
    for (const QString& host : {QStringLiteral("127.0.0.1"), QStringLiteral("127.9.8.7"),
                                QStringLiteral("localhost"), QStringLiteral("[::1]")}) {
        WebDavRemote remote(QUrl(QStringLiteral("http://%1:%2/dav/").arg(host).arg(closed)),
                            QStringLiteral("me"), secretOf(QStringLiteral("pw")));
        auto listed = remote.list(QStringLiteral("heads"));
        REQUIRE_FALSE(listed.ok()); // nothing listens there
        CHECK(listed.error().transient);
        CHECK(remote.requestCount() == 1);
    }
    RcloneDav server;
    QUrl viaName = server.rootUrl();
    viaName.setHost(QStringLiteral("localhost"));
    CHECK(webDavOn(server, viaName)->list(QString()).ok());
}

TEMPLATE_TEST_CASE("WebDAV: a wrong app password is refused for good", "[sync][webdav][auth]",
                   PT_DAV_SERVERS)
{
    TestType server;
    WebDavRemote remote(server.rootUrl(), server.user(), secretOf(QStringLiteral("wrong")));
    auto listed = remote.list(QString());
    REQUIRE_FALSE(listed.ok());
    CHECK_FALSE(listed.error().transient);
    CHECK(listed.error().message.contains(QStringLiteral("401")));
    CHECK(listed.error().message.contains(QStringLiteral("Sync settings")));
    CHECK(remote.requestCount() == 1);
}

TEMPLATE_TEST_CASE("WebDAV: a self-signed certificate is refused with its fingerprint then pinned",
                   "[sync][webdav][tls]", PT_DAV_SERVERS)
{
    TestType server(true);
    REQUIRE(server.rootUrl().scheme() == QStringLiteral("https"));
    const QString fingerprint = server.certificateSha256();
    REQUIRE(fingerprint.size() == 32 * 3 - 1);

    auto unpinned = webDavOn(server, server.rootUrl());
    auto refused = unpinned->list(QString());
    REQUIRE_FALSE(refused.ok());
    CHECK_FALSE(refused.error().transient);
    CHECK(refused.error().message.contains(fingerprint));
    CHECK(refused.error().message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive));
    CHECK(unpinned->refusedCertificateSha256() == fingerprint);
    CHECK_FALSE(putBytes(*unpinned, QStringLiteral("packs/p"), "x").ok());
    CHECK_FALSE(server.stored(QStringLiteral("packs/p")));

    // Pinned as shown, or as bare lower-case hex.
    QString bare = fingerprint;
    bare.remove(QLatin1Char(':'));
    for (const QString& pin : {fingerprint, bare.toLower()}) {
        auto pinned = webDavOn(server, server.rootUrl(), pin);
        const QByteArray bytes = randomPayload(3000);
        const QString path = pin == fingerprint ? QStringLiteral("packs/p") : QStringLiteral("packs/q");
        REQUIRE_OK(putBytes(*pinned, path, bytes));
        CHECK(*pinned->get(path, bytes.size()) == bytes);
        CHECK(pinned->list(QStringLiteral("packs"))->size() == (path == QStringLiteral("packs/p") ? 1 : 2));
        CHECK(pinned->refusedCertificateSha256().isEmpty());
    }

    // Another certificate's pin does not let this one in.
    auto otherPin = webDavOn(server, server.rootUrl(), QString(64, QLatin1Char('a')));
    auto mismatch = otherPin->list(QString());
    REQUIRE_FALSE(mismatch.ok());
    CHECK(mismatch.error().message.contains(QStringLiteral("other than the pinned")));
    CHECK(mismatch.error().message.contains(fingerprint));

    auto badPin = webDavOn(server, server.rootUrl(), QStringLiteral("12:34"));
    CHECK(badPin->list(QString()).error().code == ErrorCode::Usage);
    CHECK(badPin->requestCount() == 0);
}

TEST_CASE("WebDAV: the remote works from a worker thread and then from the main thread",
          "[sync][webdav][thread]")
{
    RcloneDav server;
    auto remote = webDavOn(server, server.rootUrl());
    const QByteArray bytes = randomPayload(100 * 1024);
    bool put = false;
    QByteArray got;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        put = putBytes(*remote, QStringLiteral("objects/ab/x"), bytes).ok();
        auto read = remote->get(QStringLiteral("objects/ab/x"), bytes.size());
        if (read.ok())
            got = *read;
    }));
    worker->start();
    REQUIRE(worker->wait(60'000));
    CHECK(put);
    CHECK(got == bytes);
    CHECK(sortedNames(*remote->list(QStringLiteral("objects/ab"))) == QStringList{"x"});
}

TEST_CASE("WebDAV: a file name that is not UTF-8 is left out of a listing", "[sync][webdav]")
{
    ApacheDav apache;
    RcloneDav rclone;
    for (const DavServer* server : {static_cast<const DavServer*>(&apache),
                                    static_cast<const DavServer*>(&rclone)}) {
        server->plant(QStringLiteral("h/ok"), "x");
        const QByteArray raw = QFile::encodeName(server->dataDir()) + "/h/\xff\xfe.bin";
        const int fd = ::open(raw.constData(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
        REQUIRE(fd >= 0);
        ::close(fd);
        // Qt cannot name this file to remove it with its folder: remove it here, pass or fail.
        const std::unique_ptr<const char, void (*)(const char*)> removeAtEnd(
            raw.constData(), [](const char* path) { ::unlink(path); });
        auto listed = webDavOn(*server, server->rootUrl())->list(QStringLiteral("h"));
        REQUIRE_OK(listed);
        CHECK(sortedNames(*listed) == QStringList{"ok"});
    }
}

TEST_CASE("WebDAV: a listing larger than the cap is refused", "[sync][webdav]")
{
    RcloneDav server;
    for (int i = 0; i < 40; ++i)
        server.plant(QStringLiteral("packs/p%1").arg(i), "x");
    WebDavOptions small;
    small.maxListingBytes = 4096;
    auto listed = webDavOn(server, server.rootUrl(), {}, small)->list(QStringLiteral("packs"));
    REQUIRE_FALSE(listed.ok());
    CHECK(listed.error().code == ErrorCode::Damaged);
    CHECK(webDavOn(server, server.rootUrl())->list(QStringLiteral("packs"))->size() == 40);
}

TEMPLATE_TEST_CASE_METHOD(ThroughProxy,
                          "WebDAV: unsafe paths cost no request and the root lists like a folder",
                          "[sync][webdav]", PT_DAV_SERVERS)
{
    CHECK(this->remote->list(QStringLiteral("../x")).error().code == ErrorCode::Usage);
    CHECK(this->remote->get(QStringLiteral("a/../../b"), 10).error().code == ErrorCode::Usage);
    CHECK(this->remote->putMutable(QStringLiteral("/heads/a"), "x").error().code == ErrorCode::Usage);
    CHECK(this->remote->remove(QStringLiteral("a//b")).error().code == ErrorCode::Usage);
    CHECK(this->remote->requestCount() == 0);
    CHECK(this->proxy.requestCount() == 0);

    REQUIRE_OK(this->remote->putMutable(QStringLiteral("vault.json"), "{}"));
    REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/a"), "1"));
    auto root = this->remote->list(QString());
    REQUIRE_OK(root);
    CHECK(sortedNames(*root) == QStringList{"vault.json"});
}

TEST_CASE("WebDAV: Apache's weak ETag of a new file turns strong and the change token stays",
          "[sync][webdav]")
{
    ApacheDav server;
    const auto remote = webDavOn(server, server.rootUrl());
    REQUIRE_OK(remote->putMutable(QStringLiteral("heads/a"), "1"));
    auto young = remote->list(QStringLiteral("heads"));
    REQUIRE_OK(young);
    REQUIRE(young->size() == 1);
    // Apache calls an ETag weak while the file's time is within the second it answers in.
    QThread::msleep(1100);
    auto older = remote->list(QStringLiteral("heads"));
    REQUIRE_OK(older);
    REQUIRE(older->size() == 1);
    CHECK(young->first().etag.startsWith(QStringLiteral("W/")));
    CHECK_FALSE(older->first().etag.startsWith(QStringLiteral("W/")));
    CHECK(young->first().changeToken() == older->first().changeToken());
}
