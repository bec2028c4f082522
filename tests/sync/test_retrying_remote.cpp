// RetryingRemote in front of real servers through the fault proxy: one busy answer (423, 503,
// 429 with a short Retry-After), a dropped connection or a lost reply is tried again and the
// request succeeds; what waiting does not fix (413, 401-like refusals, a long Retry-After, a
// server that cannot be reached) comes back at once; a lock cuts a pause short.
#include "RemoteBackends.h"
#include "SyncTestSupport.h"

#include "sync/RetryingRemote.h"

#include <QElapsedTimer>

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace pt::test;
using pt::core::sync::RetryingRemote;
using pt::core::sync::RetryPolicy;
using pt::core::sync::WebDavRemote;

namespace {

FaultRule fault(Fault kind, QByteArray method, int status = 0, QByteArray retryAfter = {})
{
    FaultRule r;
    r.fault = kind;
    r.method = std::move(method);
    r.status = status;
    r.retryAfter = std::move(retryAfter);
    return r;
}

constexpr RetryPolicy Quick{3, 50, 30};

} // namespace

template <class Server>
class Retried {
protected:
    Server server;
    FaultProxy proxy{QStringLiteral("127.0.0.1"), server.port()};
    std::unique_ptr<WebDavRemote> dav = webDavOn(server, throughProxy(server, proxy));
    RetryingRemote remote{*dav, Quick};
};

TEMPLATE_TEST_CASE_METHOD(Retried, "Retrying remote: one busy or cut answer is tried again and succeeds",
                          "[sync][retry]", ApacheDav, RcloneDav)
{
    REQUIRE_OK(this->remote.putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1")));
    const QByteArray pack = randomPayload(64 * 1024);
    for (const FaultRule& rule : {fault(Fault::Status, "PROPFIND", 423), fault(Fault::Status, "GET", 503),
                                  fault(Fault::Status, "PUT", 429, "1"), fault(Fault::DropConnection, "GET"),
                                  fault(Fault::DropReply, "PUT"), fault(Fault::TruncateResponse, "GET")}) {
        INFO(rule.method.toStdString() << " " << int(rule.fault) << " " << rule.status);
        this->proxy.inject(rule);
        const int before = this->remote.retries();
        if (rule.method == "PROPFIND") {
            auto listed = this->remote.list(QStringLiteral("heads"));
            REQUIRE_OK(listed);
            CHECK(listed->size() == 1);
        } else if (rule.method == "GET") {
            auto read = this->remote.get(QStringLiteral("heads/a"), 10);
            REQUIRE_OK(read);
            CHECK(*read == "1");
        } else {
            REQUIRE_OK(putBytes(this->remote, QStringLiteral("packs/p-") + QString::number(before), pack));
            CHECK(this->server.stored(QStringLiteral("packs/p-") + QString::number(before)) == pack);
        }
        // A connection dropped before any answer is sent again by Qt itself at times; a status
        // always comes back here, and is tried again here.
        if (rule.fault == Fault::Status || rule.fault == Fault::TruncateResponse)
            CHECK(this->remote.retries() == before + 1);
        this->proxy.clearFaults();
    }
}

TEMPLATE_TEST_CASE_METHOD(Retried, "Retrying remote: a short Retry-After is waited out",
                          "[sync][retry]", ApacheDav, RcloneDav)
{
    REQUIRE_OK(this->remote.putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1")));
    this->proxy.inject(fault(Fault::Status, "GET", 503, "1"));
    QElapsedTimer waited;
    waited.start();
    REQUIRE_OK(this->remote.get(QStringLiteral("heads/a"), 10));
    CHECK(waited.elapsed() >= 1000);
    CHECK(this->remote.retries() == 1);
}

TEMPLATE_TEST_CASE_METHOD(Retried, "Retrying remote: what waiting does not fix comes back at once",
                          "[sync][retry]", ApacheDav, RcloneDav)
{
    REQUIRE_OK(this->remote.putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1")));
    // A server that asks for minutes is left for the next sync, with its word on how long.
    this->proxy.inject(fault(Fault::Status, "GET", 429, "600"));
    auto slowDown = this->remote.get(QStringLiteral("heads/a"), 10);
    REQUIRE_FALSE(slowDown.ok());
    CHECK(slowDown.error().retryAfterSeconds == 600);
    // Too large: a smaller upload may pass, the same one never does.
    FaultRule tooLarge = fault(Fault::Status, "PUT", 413);
    tooLarge.times = -1;
    this->proxy.inject(tooLarge);
    auto refused = putBytes(this->remote, QStringLiteral("packs/p1"), randomPayload(1000));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().tooLarge);
    CHECK(this->remote.retries() == 0);
    // Every try busy: the last error comes back after the policy's retries.
    this->proxy.clearFaults();
    FaultRule busy = fault(Fault::Status, "GET", 503);
    busy.times = -1;
    this->proxy.inject(busy);
    this->proxy.resetCounts();
    auto gaveUp = this->remote.get(QStringLiteral("heads/a"), 10);
    REQUIRE_FALSE(gaveUp.ok());
    CHECK(gaveUp.error().transient);
    CHECK(this->proxy.requestCount("GET") == 1 + Quick.retries);
}

TEST_CASE("Retrying remote: a server that cannot be reached is reported without waiting", "[sync][retry]")
{
    QUrl nowhere(QStringLiteral("http://127.0.0.1/"));
    {
        FaultProxy closed{QStringLiteral("127.0.0.1"), 9}; // a port taken and then let go
        nowhere.setPort(closed.port());
    }
    WebDavRemote dav(nowhere, QStringLiteral("me"), secretOf(QStringLiteral("pw")));
    RetryingRemote remote(dav, RetryPolicy{3, 2000, 30});
    QElapsedTimer took;
    took.start();
    auto listed = remote.list(QStringLiteral("heads"));
    REQUIRE_FALSE(listed.ok());
    CHECK(listed.error().unreachable);
    CHECK(remote.retries() == 0);
    CHECK(took.elapsed() < 2000);
}

TEST_CASE("Retrying remote: a lock cuts a pause short", "[sync][retry]")
{
    ApacheDav server;
    FaultProxy proxy{QStringLiteral("127.0.0.1"), server.port()};
    auto dav = webDavOn(server, throughProxy(server, proxy));
    FaultRule busy;
    busy.fault = Fault::Status;
    busy.status = 503;
    busy.times = -1;
    proxy.inject(busy);
    std::atomic<bool> stop{false};
    RetryingRemote remote(*dav, RetryPolicy{3, 20000, 30}, &stop);
    std::thread locker([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop = true;
    });
    QElapsedTimer took;
    took.start();
    auto listed = remote.list(QStringLiteral("heads"));
    locker.join();
    REQUIRE_FALSE(listed.ok());
    CHECK(took.elapsed() < 5000);
}
