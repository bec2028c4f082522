#include "NetworkWatch.h"

#include "UiDriver.h"

#include <QMutexLocker>
#include <QNetworkRequest>
#include <QTcpSocket>

namespace pt::uitest {

void RequestLog::record(const QUrl& url)
{
    QMutexLocker lock(&m_mutex);
    m_urls << url.toString();
}

QStringList RequestLog::urls() const
{
    QMutexLocker lock(&m_mutex);
    return m_urls;
}

QNetworkReply* RecordingNetworkAccessManager::createRequest(Operation op, const QNetworkRequest& request,
                                                            QIODevice* data)
{
    m_log.record(request.url());
    return QNetworkAccessManager::createRequest(op, request,
                                                data); // on to the server, which counts it too
}

QNetworkAccessManager* RecordingFactory::create(QObject* parent)
{
    return new RecordingNetworkAccessManager(m_log, parent); // the engine owns it through `parent`
}

PixelServer::PixelServer()
{
    ensure(m_server.listen(QHostAddress::LocalHost, 0), QStringLiteral("the pixel server could not listen"));
    QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            ++m_connections;
            socket->deleteLater();
        }
    });
}

} // namespace pt::uitest
