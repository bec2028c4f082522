#pragma once
// An HTTP/1.1 proxy on 127.0.0.1 in front of a real server, to give a client the faults real
// servers and networks give: dropped connections, error statuses (500, 503, 412, 423, 429 with
// Retry-After, 413 above a size), truncated bodies, slow answers, and a reply lost after the
// request was carried out. It runs on a thread of its own, so it answers whatever the client's
// thread is doing, and it counts every request it sees (sync budgets are asserted from it).
//
// One request per connection: the proxy tells both sides "Connection: close", so a fault hits
// exactly the request it was meant for. Faults are rules matched in order against each request
// (method, a part of the path, a minimum body size); the first that matches applies and is used
// up after `times` requests.
#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace pt::test {

enum class Fault {
    // Closes the connection as soon as the request's head arrives; nothing reaches the server.
    DropConnection,
    // Answers `status` itself (with `retryAfter` as Retry-After when set); nothing is forwarded.
    Status,
    // Forwards the request, then passes on the answer's head and only `bytes` of its body.
    TruncateResponse,
    // Forwards the request's head and only `bytes` of its body, then cuts both connections: an
    // upload broken off half way.
    TruncateRequest,
    // Forwards the request, holds the answer `delayMs`, then passes it on.
    Delay,
    // Forwards the whole request and lets the server answer, then closes the client's
    // connection without a reply: the write happened, the client cannot know.
    DropReply,
    // Forwards, and passes the answer on without its Content-Length (it ends when the
    // connection does), so only the client's own limit stops a long body.
    HideLength,
};

struct FaultRule {
    Fault fault = Fault::DropConnection;
    QByteArray method;        // empty: any
    QString pathContains;     // empty: any (matched against the percent-encoded path)
    qint64 minBodyBytes = -1; // only requests whose Content-Length is at least this
    int status = 0;
    QByteArray retryAfter;
    qint64 bytes = 0;
    int delayMs = 0;
    int times = 1; // requests it applies to; -1: until cleared
};

struct ProxiedRequest {
    QByteArray method;
    QString path;
    int status = 0;   // what the server (or the proxy, for Status) answered; 0: no answer
    bool faulted = false;
};

class FaultProxy {
public:
    FaultProxy(QString upstreamHost, quint16 upstreamPort);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    [[nodiscard]] quint16 port() const;

    void inject(FaultRule rule);
    void clearFaults();

    [[nodiscard]] int requestCount() const;
    [[nodiscard]] int requestCount(const QByteArray& method) const;
    [[nodiscard]] QList<ProxiedRequest> requests() const;
    void resetCounts();

    struct Shared;

private:
    class Thread;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<Thread> m_thread;
};

} // namespace pt::test
