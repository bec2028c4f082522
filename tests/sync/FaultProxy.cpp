#include "FaultProxy.h"

#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <optional>

namespace pt::test {

namespace {

constexpr qsizetype kMaxHeadBytes = 64 * 1024;

// The n-th space-separated word of a request or status line.
QByteArray word(const QByteArray& line, qsizetype n)
{
    const QList<QByteArray> words = line.split(' ');
    return n < words.size() ? words[n] : QByteArray();
}

bool isHopByHop(const QByteArray& name)
{
    return name == "connection" || name == "keep-alive" || name == "proxy-connection";
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 423: return "Locked";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 507: return "Insufficient Storage";
    default: return "Fault";
    }
}

struct Head {
    QByteArray firstLine;
    QList<std::pair<QByteArray, QByteArray>> headers; // name as sent, value trimmed
};

Head parseHead(const QByteArray& head)
{
    Head parsed;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        if (i == 0) {
            parsed.firstLine = line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (line.isEmpty() || colon <= 0)
            continue;
        parsed.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return parsed;
}

// The head again, without hop-by-hop headers (and without `drop`), saying "Connection: close".
QByteArray rewriteHead(const Head& head, const QByteArray& drop = {})
{
    QByteArray out = head.firstLine + "\r\n";
    for (const auto& [name, value] : head.headers) {
        const QByteArray lower = name.toLower();
        if (isHopByHop(lower) || (!drop.isEmpty() && lower == drop))
            continue;
        out += name + ": " + value + "\r\n";
    }
    return out + "Connection: close\r\n\r\n";
}

} // namespace

struct FaultProxy::Shared {
    QString upstreamHost;
    quint16 upstreamPort = 0;

    mutable QMutex mutex;
    QList<FaultRule> rules;
    QList<std::pair<quint64, ProxiedRequest>> log;
    quint64 nextId = 1;

    std::optional<FaultRule> take(const QByteArray& method, const QString& path, qint64 length)
    {
        const QMutexLocker lock(&mutex);
        for (qsizetype i = 0; i < rules.size(); ++i) {
            FaultRule& rule = rules[i];
            if (!rule.method.isEmpty() && rule.method != method)
                continue;
            if (!rule.pathContains.isEmpty() && !path.contains(rule.pathContains))
                continue;
            if (rule.minBodyBytes >= 0 && length < rule.minBodyBytes)
                continue;
            const FaultRule hit = rule;
            if (rule.times > 0 && --rule.times == 0)
                rules.removeAt(i);
            return hit;
        }
        return std::nullopt;
    }

    quint64 record(ProxiedRequest request)
    {
        const QMutexLocker lock(&mutex);
        const quint64 id = nextId++;
        log.append({id, std::move(request)});
        return id;
    }

    void setStatus(quint64 id, int status)
    {
        const QMutexLocker lock(&mutex);
        for (auto& [entryId, request] : log)
            if (entryId == id)
                request.status = status;
    }
};

namespace {

// One client connection, carrying one request, and its connection to the server.
class Connection : public QObject {
public:
    Connection(QTcpSocket* client, std::shared_ptr<FaultProxy::Shared> shared, QObject* parent)
        : QObject(parent), m_client(client), m_shared(std::move(shared))
    {
        client->setParent(this);
        connect(client, &QTcpSocket::readyRead, this, [this] { onClientData(); });
        connect(client, &QTcpSocket::disconnected, this, [this] { finish(); });
        onClientData();
    }

private:
    [[nodiscard]] bool is(Fault fault) const { return m_rule && m_rule->fault == fault; }

    void onClientData()
    {
        if (m_finished)
            return;
        if (m_client->isOpen())
            m_in += m_client->readAll();
        if (!m_headDone && !readRequestHead())
            return;
        const qint64 take = qMin<qint64>(m_in.size(), m_bodyLeft);
        const QByteArray chunk = m_in.left(take);
        m_in.remove(0, take);
        m_bodyLeft -= take;

        if (is(Fault::Status)) {
            if (m_bodyLeft == 0 && !m_answered)
                answerItself();
            return;
        }
        if (is(Fault::TruncateRequest)) {
            const qint64 room = qMax<qint64>(0, m_rule->bytes - m_bodySent);
            const QByteArray part = chunk.left(room);
            m_upstream->write(part);
            m_bodySent += part.size();
            if (m_bodySent >= m_rule->bytes || m_bodyLeft == 0)
                cutUpload();
            return;
        }
        if (!chunk.isEmpty() && !m_upstreamClosed)
            m_upstream->write(chunk);
        if (m_closeWhenBodyRead && m_bodyLeft == 0)
            m_client->disconnectFromHost();
    }

    // False while the head is incomplete (or the connection was closed because of it).
    bool readRequestHead()
    {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_in.size() > kMaxHeadBytes)
                finish();
            return false;
        }
        const Head head = parseHead(m_in.left(end + 4));
        m_in.remove(0, end + 4);
        m_headDone = true;

        const QByteArray method = word(head.firstLine, 0);
        const QString path = QString::fromLatin1(word(head.firstLine, 1));
        for (const auto& [name, value] : head.headers)
            if (name.toLower() == "content-length")
                m_bodyLeft = value.toLongLong();
        m_rule = m_shared->take(method, path, m_bodyLeft);
        m_id = m_shared->record({method, path, 0, m_rule.has_value()});

        if (is(Fault::DropConnection)) {
            m_client->abort();
            finish();
            return false;
        }
        if (is(Fault::Status))
            return true;
        m_upstream = new QTcpSocket(this);
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] { onUpstreamData(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] { onUpstreamClosed(); });
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            if (m_upstream->state() != QAbstractSocket::ConnectedState)
                onUpstreamClosed();
        });
        m_upstream->connectToHost(m_shared->upstreamHost, m_shared->upstreamPort);
        m_upstream->write(rewriteHead(head));
        return true;
    }

    void answerItself()
    {
        m_answered = true;
        const QByteArray body = "Fault injected by the test proxy.\n";
        QByteArray reply = "HTTP/1.1 " + QByteArray::number(m_rule->status) + ' ' +
                           reasonPhrase(m_rule->status) +
                           "\r\nContent-Type: text/plain\r\nContent-Length: " +
                           QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
        if (!m_rule->retryAfter.isEmpty())
            reply += "Retry-After: " + m_rule->retryAfter + "\r\n";
        m_shared->setStatus(m_id, m_rule->status);
        m_client->write(reply + "\r\n" + body);
        m_client->disconnectFromHost();
    }

    void cutUpload()
    {
        // What was sent reaches the server, then both connections end mid-body.
        if (m_upstream->state() != QAbstractSocket::ConnectedState)
            m_upstream->waitForConnected(2'000);
        if (m_upstream->state() == QAbstractSocket::ConnectedState) {
            m_upstream->flush();
            m_upstream->waitForBytesWritten(2'000);
            m_upstream->disconnectFromHost();
        }
        m_client->abort();
        finish();
    }

    void onUpstreamData()
    {
        if (m_finished)
            return;
        if (m_upstream->isOpen())
            m_out += m_upstream->readAll();
        if (!m_replyHeadDone) {
            const qsizetype end = m_out.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const Head head = parseHead(m_out.left(end + 4));
            m_out.remove(0, end + 4);
            m_replyHeadDone = true;
            m_shared->setStatus(m_id, word(head.firstLine, 1).toInt());
            m_replyHead = rewriteHead(head, is(Fault::HideLength) ? QByteArray("content-length")
                                                                   : QByteArray());
            if (is(Fault::Delay)) {
                m_holding = true;
                QTimer::singleShot(m_rule->delayMs, this, [this] {
                    m_holding = false;
                    passOn();
                });
            }
        }
        passOn();
    }

    void onUpstreamClosed()
    {
        if (m_finished || m_upstreamClosed)
            return;
        m_upstreamClosed = true;
        onUpstreamData();
        if (!m_replyHeadDone || is(Fault::DropReply)) {
            m_client->abort(); // no answer, or one the client must not get
            finish();
            return;
        }
        passOn();
    }

    void passOn()
    {
        if (m_finished || m_holding || !m_replyHeadDone || is(Fault::DropReply))
            return;
        if (!m_replyHeadSent) {
            m_client->write(m_replyHead);
            m_replyHeadSent = true;
        }
        if (is(Fault::TruncateResponse)) {
            const QByteArray part = m_out.left(qMax<qint64>(0, m_rule->bytes - m_replyBodySent));
            m_client->write(part);
            m_replyBodySent += part.size();
            m_out.clear();
            if (m_replyBodySent >= m_rule->bytes || m_upstreamClosed) {
                m_upstream->abort();
                m_client->disconnectFromHost();
            }
            return;
        }
        m_client->write(m_out);
        m_replyBodySent += m_out.size();
        m_out.clear();
        if (m_upstreamClosed)
            closeClient();
    }

    // Like a well-behaved server that answered early (a 404 to an upload): read the rest of the
    // request before closing, or the client's unread bytes turn the close into a reset that can
    // destroy the answer before the client reads it.
    void closeClient()
    {
        if (m_bodyLeft == 0)
            m_client->disconnectFromHost();
        else
            m_closeWhenBodyRead = true;
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        if (m_upstream && m_upstream->state() != QAbstractSocket::ClosingState)
            m_upstream->abort();
        deleteLater();
    }

    QTcpSocket* m_client;
    QTcpSocket* m_upstream = nullptr;
    std::shared_ptr<FaultProxy::Shared> m_shared;
    std::optional<FaultRule> m_rule;
    quint64 m_id = 0;
    bool m_finished = false;

    QByteArray m_in;
    bool m_headDone = false;
    qint64 m_bodyLeft = 0;
    qint64 m_bodySent = 0;
    bool m_answered = false;

    QByteArray m_out;
    bool m_replyHeadDone = false;
    QByteArray m_replyHead;
    bool m_replyHeadSent = false;
    qint64 m_replyBodySent = 0;
    bool m_holding = false;
    bool m_upstreamClosed = false;
    bool m_closeWhenBodyRead = false;
};

} // namespace

class FaultProxy::Thread : public QThread {
public:
    explicit Thread(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}

    quint16 port = 0;
    QSemaphore ready;

protected:
    void run() override
    {
        QTcpServer server;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server, this] {
            while (QTcpSocket* client = server.nextPendingConnection())
                new Connection(client, m_shared, &server);
        });
        if (server.listen(QHostAddress::LocalHost, 0))
            port = server.serverPort();
        ready.release();
        if (port != 0)
            exec();
    }

private:
    std::shared_ptr<Shared> m_shared;
};

FaultProxy::FaultProxy(QString upstreamHost, quint16 upstreamPort)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->upstreamHost = std::move(upstreamHost);
    m_shared->upstreamPort = upstreamPort;
    m_thread = std::make_unique<Thread>(m_shared);
    m_thread->start();
    m_thread->ready.acquire();
}

FaultProxy::~FaultProxy()
{
    m_thread->quit();
    m_thread->wait();
}

quint16 FaultProxy::port() const { return m_thread->port; }

void FaultProxy::inject(FaultRule rule)
{
    const QMutexLocker lock(&m_shared->mutex);
    m_shared->rules.append(std::move(rule));
}

void FaultProxy::clearFaults()
{
    const QMutexLocker lock(&m_shared->mutex);
    m_shared->rules.clear();
}

int FaultProxy::requestCount() const
{
    const QMutexLocker lock(&m_shared->mutex);
    return static_cast<int>(m_shared->log.size());
}

int FaultProxy::requestCount(const QByteArray& method) const
{
    const QMutexLocker lock(&m_shared->mutex);
    int count = 0;
    for (const auto& entry : m_shared->log)
        count += entry.second.method == method ? 1 : 0;
    return count;
}

QList<ProxiedRequest> FaultProxy::requests() const
{
    const QMutexLocker lock(&m_shared->mutex);
    QList<ProxiedRequest> out;
    for (const auto& entry : m_shared->log)
        out.append(entry.second);
    return out;
}

void FaultProxy::resetCounts()
{
    const QMutexLocker lock(&m_shared->mutex);
    m_shared->log.clear();
}

} // namespace pt::test
