#pragma once
// "Open with Paper Trail", a share, or `papertrail FILE...` while the app already runs: the files
// go to the running instance, which shows them for the person to confirm before anything is
// imported, and the second process ends. The first instance listens on a local socket only this
// user can connect to (QLocalServer::UserAccessOption); what comes through it is a list of paths,
// capped, never file contents, and nothing is imported without the person choosing to.
// Files named before the vault is unlocked wait in pendingFiles until the intake takes them.
#include <QLocalServer>
#include <QObject>
#include <QStringList>

#include <memory>

namespace pt::gui {

class FileHandoff final : public QObject {
    Q_OBJECT
    Q_PROPERTY(QStringList pendingFiles READ pendingFiles NOTIFY pendingFilesChanged)

public:
    static constexpr int MaxFiles = 10000;
    static constexpr qint64 MaxMessageBytes = 4 * 1024 * 1024;

    // `name` identifies the app (and the vault) among this user's local sockets: socketNameFor.
    explicit FileHandoff(QString name, QObject* parent = nullptr);
    [[nodiscard]] static QString socketNameFor(const QString& vaultPath);
    ~FileHandoff() override;

    // When another instance is listening, hands it `files` (made absolute) and returns true: this
    // process should then end. Otherwise starts listening, queues `files`, and returns false.
    [[nodiscard]] bool handOffOrListen(const QStringList& files, int timeoutMs = 2000);

    [[nodiscard]] QStringList pendingFiles() const { return m_pending; }
    // The intake took them.
    Q_INVOKABLE QStringList takePendingFiles();

    [[nodiscard]] bool listening() const { return m_server && m_server->isListening(); }

signals:
    void pendingFilesChanged();
    // Files arrived from another instance (the window may want to come to the front).
    void filesHandedOver();

private:
    void queue(const QStringList& files);
    void readFrom(class QLocalSocket* socket);

    QString m_name;
    std::unique_ptr<QLocalServer> m_server;
    QStringList m_pending;
};

} // namespace pt::gui
