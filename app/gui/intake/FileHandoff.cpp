#include "FileHandoff.h"

#include <QFileInfo>
#include <QCryptographicHash>
#include <QDir>
#include <QLocalSocket>
#include <QStandardPaths>

namespace pt::gui {

namespace {

QByteArray encodePaths(const QStringList& paths)
{
    return paths.join(QLatin1Char('\n')).toUtf8() + '\n' + '\n'; // an empty line ends the list
}

} // namespace

FileHandoff::FileHandoff(QString name, QObject* parent) : QObject(parent), m_name(std::move(name)) {}

QString FileHandoff::socketNameFor(const QString& vaultPath)
{
    // In the user's runtime folder (XDG_RUNTIME_DIR, 0700) when there is one, so no other user
    // can put a socket where this one belongs; one per vault.
    const QString key = QString::fromLatin1(
        QCryptographicHash::hash(QDir::cleanPath(vaultPath).toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    const QString name = QStringLiteral("papertrail-") + key;
    return runtime.isEmpty() ? name : runtime + QLatin1Char('/') + name;
}

FileHandoff::~FileHandoff() = default;

bool FileHandoff::handOffOrListen(const QStringList& files, int timeoutMs)
{
    QStringList absolute;
    for (const QString& f : files.mid(0, MaxFiles))
        absolute.append(QFileInfo(f).absoluteFilePath());

    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (socket.waitForConnected(timeoutMs)) {
        socket.write(encodePaths(absolute));
        const bool sent = socket.waitForBytesWritten(timeoutMs);
        socket.disconnectFromServer();
        if (sent)
            return true;
    }
    // No one listening (or a socket left by a crash): this instance is the one.
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(4);
    if (!m_server->listen(m_name)) {
        QLocalServer::removeServer(m_name); // a stale socket file from a crashed instance
        if (!m_server->listen(m_name))
            qWarning("Paper Trail: files opened with the app while it runs will not reach it (%s).",
                     qPrintable(m_server->errorString()));
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::readyRead, this, [this, client] { readFrom(client); });
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        }
    });
    queue(absolute);
    return false;
}

void FileHandoff::readFrom(QLocalSocket* socket)
{
    // Read until the empty line that ends the list; a sender that sends more than the cap is cut off.
    QByteArray buffer = socket->property("received").toByteArray() + socket->readAll();
    if (buffer.size() > MaxMessageBytes) {
        socket->abort();
        return;
    }
    const qsizetype end = buffer.indexOf("\n\n");
    if (end < 0) {
        socket->setProperty("received", buffer);
        return;
    }
    QStringList files;
    for (const QByteArray& line : buffer.left(end).split('\n'))
        if (const QString path = QString::fromUtf8(line); QFileInfo(path).isAbsolute() && files.size() < MaxFiles)
            files.append(path);
    socket->setProperty("received", QByteArray());
    socket->disconnectFromServer();
    queue(files);
    if (!files.isEmpty())
        emit filesHandedOver();
}

void FileHandoff::queue(const QStringList& files)
{
    if (files.isEmpty())
        return;
    for (const QString& f : files)
        if (!m_pending.contains(f) && m_pending.size() < MaxFiles)
            m_pending.append(f);
    emit pendingFilesChanged();
}

QStringList FileHandoff::takePendingFiles()
{
    const QStringList files = std::exchange(m_pending, {});
    if (!files.isEmpty())
        emit pendingFilesChanged();
    return files;
}

} // namespace pt::gui
