#pragma once
// Proof that the interface fetches nothing: every request any of the QML engine's network access
// managers is asked to make is recorded (RecordingFactory, given to the engine before it loads),
// and a loopback HTTP server (PixelServer) counts who connects to it. Markup in an entry points
// at the server: an image, a link or a style that the app rendered instead of showing as text
// would show up in one or the other.
#include <QMutex>
#include <QNetworkAccessManager>
#include <QQmlNetworkAccessManagerFactory>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

namespace pt::uitest {

// The URLs asked for, from any thread (the engine's image reader has its own manager).
class RequestLog {
public:
    void record(const QUrl& url);
    [[nodiscard]] QStringList urls() const;

private:
    mutable QMutex m_mutex;
    QStringList m_urls;
};

class RecordingNetworkAccessManager final : public QNetworkAccessManager {
public:
    RecordingNetworkAccessManager(RequestLog& log, QObject* parent) : QNetworkAccessManager(parent), m_log(log) {}

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override;

private:
    RequestLog& m_log;
};

// Give it to the engine with setNetworkAccessManagerFactory; it must outlive the engine.
class RecordingFactory final : public QQmlNetworkAccessManagerFactory {
public:
    explicit RecordingFactory(RequestLog& log) : m_log(log) {}
    QNetworkAccessManager* create(QObject* parent) override;

private:
    RequestLog& m_log;
};

// A loopback HTTP server that only counts who connects.
class PixelServer {
public:
    PixelServer();
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    int m_connections = 0;
};

} // namespace pt::uitest
