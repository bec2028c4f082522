#pragma once
// Sync in the app: the remote this vault syncs with on this device, "Sync now", sync a few
// seconds after each change and every few minutes while unlocked, and a status in words with
// the next step. The sync itself runs on a worker thread (VaultController::runInBackground) with
// its own journal.db connection; the journal is reloaded here when records came in. A WebDAV
// server whose certificate the system does not trust stops the sync with the certificate's
// fingerprint, for the person to compare with the server's and pin (trustCertificate()).
#include "Result.h"
#include "sync/RemoteSettings.h"
#include "sync/Synchronizer.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class VaultController;

class SyncController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString location READ location NOTIFY settingsChanged)
    Q_PROPERTY(QString user READ user NOTIFY settingsChanged)
    Q_PROPERTY(bool configured READ configured NOTIFY settingsChanged)
    Q_PROPERTY(bool running READ running NOTIFY statusChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QDateTime lastSynced READ lastSynced NOTIFY statusChanged)
    // The certificate the last sync refused, in four lines of eight pairs; empty when none was.
    Q_PROPERTY(QString certificateFingerprint READ certificateFingerprint NOTIFY statusChanged)
    // It is not the certificate pinned before (replaced on the server, or someone in between).
    Q_PROPERTY(bool certificateReplaced READ certificateReplaced NOTIFY statusChanged)

public:
    enum class Status { NotSet, Idle, Syncing, Synced, Offline, Failed };
    Q_ENUM(Status)

    static constexpr int AfterChangeMs = 5000;
    static constexpr int EveryMs = 5 * 60 * 1000;

    explicit SyncController(QObject* parent = nullptr);

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);
    [[nodiscard]] QString location() const { return m_settings.location; }
    [[nodiscard]] QString user() const { return m_settings.user; }
    [[nodiscard]] bool configured() const { return !m_settings.isEmpty(); }
    [[nodiscard]] bool running() const { return m_status == Status::Syncing; }
    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] QString statusText() const { return m_statusText; }
    [[nodiscard]] QDateTime lastSynced() const { return m_lastSynced; }
    [[nodiscard]] QString certificateFingerprint() const;
    [[nodiscard]] bool certificateReplaced() const { return !m_refusedCertificate.isEmpty() && !m_settings.pinnedCertificate.isEmpty(); }

    // Sets the remote as typed (a folder, or a WebDAV URL with a user and an app password, which
    // goes into the keychain), then syncs. False, with the status saying why, when it is not usable.
    // A pinned certificate stays pinned while the location stays the same.
    Q_INVOKABLE bool setRemote(const QString& location, const QString& user, const QString& password);
    // Pins the certificate the last sync refused (the person compared its fingerprint with the
    // server's), saves it with the remote settings and syncs again.
    Q_INVOKABLE void trustCertificate();
    Q_INVOKABLE void syncNow();

    // After a sync that failed in a way that passes (offline, a busy server): the next try, in
    // 30 s, then 1, 2 and 4 minutes, then every EveryMs as any other sync.
    [[nodiscard]] static int retryDelayMs(int failuresInARow);
    [[nodiscard]] bool retryScheduled() const { return m_retry.isActive(); }
    [[nodiscard]] int retryIntervalMs() const { return m_retry.interval(); }

signals:
    void controllerChanged();
    void settingsChanged();
    void statusChanged();

private:
    void loadSettings();
    void setStatus(Status status, const QString& text);
    void start(const QString& password);
    void finished(const core::Result<core::sync::SyncReport>& result, const QString& refusedCertificate,
                  int recordsCommitted);
    [[nodiscard]] QString vaultId() const;

    VaultController* m_controller = nullptr;
    core::sync::RemoteSettings m_settings;
    Status m_status = Status::NotSet;
    QString m_statusText;
    QDateTime m_lastSynced;
    QString m_refusedCertificate; // "AB:CD:..." as WebDavRemote refused it
    QTimer m_afterChange;
    QTimer m_every;
    QTimer m_retry;
    int m_failuresInARow = 0;
    bool m_becameNewDevice = false; // this sync follows the copy taking an identity of its own
    bool m_again = false;     // a change came in while syncing
    bool m_reloading = false; // the journal changes because a sync brought records in
};

} // namespace pt::gui
