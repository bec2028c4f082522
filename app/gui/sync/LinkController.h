#pragma once
// "I already have a Paper Trail vault": linking this device to the vault another device syncs to
// a folder or a WebDAV server, from the first start of the app.
//  1. find(): the remote's location (a folder, or an https:// URL with a user and an app
//     password) and the vaults it holds, each with the day it was created;
//  2. link(): the passphrase or the recovery key; the device links (its own signing key), pulls
//     the whole journal with a progress line, keeps the remote (the app password in the
//     keychain), and the timeline opens unlocked.
// A server certificate the system does not trust stops step 1 with its fingerprint, to compare
// and pin with trustCertificate(); nothing is ever trusted without that. Every slow step runs on
// a worker and can be cancelled; a link that fails or is cancelled leaves nothing behind
// (core::sync::DeviceLink), so the next start still offers to create or link a vault.
#include "MeteredRemote.h"
#include "Result.h"
#include "crypto/SecureBytes.h"
#include "sync/DeviceLink.h"
#include "sync/RemoteSettings.h"

#include <QFuture>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace pt::gui {

class VaultController;

class LinkController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(Step step READ step NOTIFY stepChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressTextChanged)
    // The remote the vaults were found on, as normalised, and the vaults: {id, title, detail}.
    Q_PROPERTY(QString location READ location NOTIFY foundChanged)
    Q_PROPERTY(QVariantList vaults READ vaults NOTIFY foundChanged)
    // A refused certificate's fingerprint in four lines of eight pairs; empty when none was.
    Q_PROPERTY(QString certificateFingerprint READ certificateFingerprint NOTIFY certificateChanged)
    // The refused certificate is not the one pinned before (it was replaced, or someone is between).
    Q_PROPERTY(bool certificateReplaced READ certificateReplaced NOTIFY certificateChanged)

public:
    enum class Step { Remote, Secret, Linking };
    Q_ENUM(Step)

    explicit LinkController(QObject* parent = nullptr);
    ~LinkController() override;

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);
    [[nodiscard]] Step step() const { return m_step; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString errorMessage() const { return m_error; }
    [[nodiscard]] QString progressText() const { return m_progress; }
    [[nodiscard]] QString location() const { return m_settings.location; }
    [[nodiscard]] QVariantList vaults() const;
    [[nodiscard]] QString certificateFingerprint() const;
    [[nodiscard]] bool certificateReplaced() const { return !m_refusedCertificate.isEmpty() && !m_settings.pinnedCertificate.isEmpty(); }

    // Looks for vaults on a folder, or on a WebDAV server with `user` and `password` (an app
    // password made for Paper Trail). On success the step is Secret.
    Q_INVOKABLE void find(const QString& location, const QString& user, const QString& password);
    // Pins the certificate that was refused (the person compared its fingerprint with the
    // server's) and looks again.
    Q_INVOKABLE void trustCertificate();
    // Links this device to vault `vaultId` (one that find() listed), unlocking it with the
    // passphrase, or with the recovery key when `isRecoveryKey`.
    Q_INVOKABLE void link(const QString& vaultId, const QString& secret, bool isRecoveryKey);
    // Stops what runs; a link in progress is undone.
    Q_INVOKABLE void cancel();
    // Back to step one, to use another folder or server.
    Q_INVOKABLE void changeRemote();
    // A folder picker's answer as a path to show and type over.
    Q_INVOKABLE [[nodiscard]] static QString folderPath(const QUrl& url);

signals:
    void controllerChanged();
    void stepChanged();
    void busyChanged();
    void errorMessageChanged();
    void progressTextChanged();
    void foundChanged();
    void certificateChanged();

private:
    struct FoundVault {
        QString id;
        QString title;
        QString detail;
        QByteArray header; // its vault.json, as the remote holds it
        QString problem;   // why it cannot be linked, when its vault.json could not be read
    };
    struct Job;

    void setStep(Step step);
    void setBusy(bool busy);
    void setError(const QString& message);
    void setProgress(const QString& text);
    void setRefusedCertificate(const QString& fingerprint);
    void startFind();
    void linked(const std::shared_ptr<Job>& job);
    void commit(const std::shared_ptr<Job>& job);
    void failLink(const QString& message);
    void showLinkProgress();
    [[nodiscard]] QString findError(const core::Error& error) const;
    [[nodiscard]] QString linkError(const core::Error& error, bool isRecoveryKey) const;

    VaultController* m_controller = nullptr;
    Step m_step = Step::Remote;
    bool m_busy = false;
    QString m_error;
    QString m_progress;
    core::sync::RemoteSettings m_settings; // as typed and found, with the pin once trusted
    crypto::SecureBytes m_password;        // the app password, until it is in the keychain
    QList<FoundVault> m_vaults;
    QString m_refusedCertificate; // "AB:CD:..." as WebDavRemote refused it
    std::shared_ptr<Job> m_job;   // what runs on the worker now
    QFuture<void> m_worker;
    std::unique_ptr<core::sync::DeviceLink> m_link;
    QTimer m_progressTimer;
};

} // namespace pt::gui
