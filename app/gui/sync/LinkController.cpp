#include "LinkController.h"

#include "CertificateFingerprint.h"
#include "FileSize.h"
#include "VaultController.h"
#include "platform/SecretStore.h"
#include "sync/DeviceRegistration.h"
#include "sync/Link.h"
#include "sync/WebDavRemote.h"
#include "vault/VaultHeader.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QLocale>
#include <QPointer>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

namespace pt::gui {

using namespace pt::core;
using namespace pt::core::sync;

// One find or link on the worker: what it was given, what it found, and how far it got. The
// interface's thread reads the atomics while it runs and the rest once it has finished.
struct LinkController::Job {
    std::atomic<bool> stop{false};
    std::atomic<bool> opening{false}; // the journal is in; the key to open it here is derived
    TransferMeter meter;
    RemoteSettings settings;
    crypto::SecureBytes password;
    bool isRecoveryKey = false;
    crypto::SecureBytes secret; // the passphrase as UTF-8, or the recovery key's text
    QByteArray header;

    std::optional<Error> error;
    QString refusedCertificate;
    QList<FoundVault> found;
    std::optional<crypto::SecureBytes> passphraseKey;
};

namespace {

crypto::SecureBytes utf8Secret(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    crypto::SecureBytes secret = crypto::SecureBytes::copyOf(bytesOf(utf8));
    utf8.fill('\0');
    return secret;
}

QString textOf(const crypto::SecureBytes& bytes)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

QString refusedCertificateOf(const Remote& remote)
{
    const auto* dav = dynamic_cast<const WebDavRemote*>(&remote);
    return dav ? dav->refusedCertificateSha256() : QString();
}

// The remote's own sentences point at the settings page that holds the remote; on the link page
// the fields are right above the message.
QString forLinkPage(QString message) { return message.replace(QStringLiteral(" in Sync settings"), QString()); }

} // namespace

LinkController::LinkController(QObject* parent) : QObject(parent)
{
    m_progressTimer.setInterval(250);
    connect(&m_progressTimer, &QTimer::timeout, this, &LinkController::showLinkProgress);
}

LinkController::~LinkController()
{
    if (m_job)
        m_job->stop = true;
    m_worker.waitForFinished(); // it may be writing into the link's hidden folder
    m_link.reset();             // undoes a link that did not finish
}

void LinkController::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    m_controller = controller;
    emit controllerChanged();
}

void LinkController::setStep(Step step)
{
    if (step != m_step) {
        m_step = step;
        emit stepChanged();
    }
}

void LinkController::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged();
    }
}

void LinkController::setError(const QString& message)
{
    if (message != m_error) {
        m_error = message;
        emit errorMessageChanged();
    }
}

void LinkController::setProgress(const QString& text)
{
    if (text != m_progress) {
        m_progress = text;
        emit progressTextChanged();
    }
}

void LinkController::setRefusedCertificate(const QString& fingerprint)
{
    if (fingerprint != m_refusedCertificate) {
        m_refusedCertificate = fingerprint;
        emit certificateChanged();
    }
}

QString LinkController::certificateFingerprint() const { return readableFingerprint(m_refusedCertificate); }

QVariantList LinkController::vaults() const
{
    QVariantList list;
    for (const FoundVault& v : m_vaults)
        list << QVariantMap{{QStringLiteral("id"), v.id},
                            {QStringLiteral("title"), v.title},
                            {QStringLiteral("detail"), v.detail}};
    return list;
}

QString LinkController::folderPath(const QUrl& url) { return url.isLocalFile() ? url.toLocalFile() : url.toString(); }

void LinkController::find(const QString& location, const QString& user, const QString& password)
{
    if (m_busy)
        return;
    setError({});
    setRefusedCertificate({});
    auto normalised = RemoteSettings::normalise(location);
    if (!normalised) {
        setError(normalised.error().message);
        return;
    }
    // A pin belongs to the server it was made for.
    const QString pin = *normalised == m_settings.location ? m_settings.pinnedCertificate : QString();
    RemoteSettings settings{*normalised, user.trimmed(), pin};
    if (!settings.isFolder() && (settings.user.isEmpty() || password.isEmpty())) {
        setError(tr("A WebDAV server needs your user name and an app password made for Paper Trail (in Nextcloud: "
                    "Settings, Security, Devices & sessions)."));
        return;
    }
    m_settings = settings;
    m_password = settings.isFolder() ? crypto::SecureBytes() : utf8Secret(password);
    startFind();
}

void LinkController::trustCertificate()
{
    if (m_busy || m_refusedCertificate.isEmpty() || m_settings.isFolder())
        return;
    // The person compared the fingerprint with the server's: this certificate, and only it.
    m_settings.pinnedCertificate = m_refusedCertificate;
    setRefusedCertificate({});
    startFind();
}

void LinkController::startFind()
{
    auto job = std::make_shared<Job>();
    job->settings = m_settings;
    job->password = crypto::SecureBytes::copyOf(m_password.view());
    m_job = job;
    setBusy(true);
    setProgress(tr("Looking for your vault on %1\u2026").arg(m_settings.location));
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        if (job != m_job)
            return; // cancelled, and maybe another search started since
        m_job.reset();
        setBusy(false);
        setProgress({});
        if (job->error) {
            if (!job->refusedCertificate.isEmpty())
                setRefusedCertificate(job->refusedCertificate); // the certificate box says it all
            else
                setError(findError(*job->error));
            return;
        }
        m_vaults = job->found;
        emit foundChanged();
        setStep(Step::Secret);
    });
    m_worker = QtConcurrent::run([job] {
        auto remote = openRemote(job->settings, textOf(job->password));
        if (!remote) {
            job->error = remote.error();
            return;
        }
        MeteredRemote metered(**remote, job->meter, job->stop);
        auto ids = vaultsOn(metered);
        if (!ids) {
            job->error = ids.error();
            job->refusedCertificate = refusedCertificateOf(**remote);
            return;
        }
        for (const QString& id : std::as_const(*ids)) {
            FoundVault found{id, {}, {}, {}, {}};
            auto header = vaultHeaderOn(metered, id);
            auto parsed = header ? VaultHeader::fromJson(*header) : Result<VaultHeader>(header.error());
            if (parsed) {
                found.header = *header;
                // Two vaults made on one day (a test run, a fresh start) differ by the minute.
                const QDateTime created = parsed->createdAt.toLocalTime();
                found.title = tr("Vault created %1 at %2")
                                  .arg(QLocale().toString(created.date(), QLocale::LongFormat),
                                       QLocale().toString(created.time(), QLocale::ShortFormat));
            } else {
                found.title = tr("Vault %1").arg(id.left(8));
                found.problem = forLinkPage(parsed.error().message);
            }
            found.detail = tr("Vault id %1").arg(id);
            job->found << found;
        }
    });
    watcher->setFuture(m_worker);
}

QString LinkController::findError(const Error& error) const
{
    if (error.transient)
        return tr("Could not reach %1. Check the address, that the server is running and that this device is online, "
                  "then try again.")
            .arg(m_settings.location);
    if (error.code == ErrorCode::NotFound)
        return tr("There is no Paper Trail vault in %1 yet. On the device that has your vault, open Settings, choose "
                  "this same folder or server under Sync and sync; then look again here.")
            .arg(m_settings.location);
    return forLinkPage(error.message);
}

void LinkController::changeRemote()
{
    if (m_busy)
        return;
    setError({});
    m_vaults.clear();
    emit foundChanged();
    setStep(Step::Remote);
}

void LinkController::cancel()
{
    if (!m_job)
        return;
    m_job->stop = true;
    if (m_step == Step::Linking) {
        // The link ends at its next request and is undone when it has (linked()).
        showLinkProgress();
        return;
    }
    // A search: its answer is dropped when it comes.
    m_job.reset();
    setBusy(false);
    setProgress({});
}

void LinkController::link(const QString& vaultId, const QString& secret, bool isRecoveryKey)
{
    if (m_busy || m_step != Step::Secret || !m_controller)
        return;
    const auto chosen = std::find_if(m_vaults.cbegin(), m_vaults.cend(), [&](const FoundVault& v) { return v.id == vaultId; });
    if (chosen == m_vaults.cend()) {
        setError(tr("Choose the vault to link this device to."));
        return;
    }
    if (!chosen->problem.isEmpty()) {
        setError(chosen->problem);
        return;
    }
    if (secret.isEmpty()) {
        setError(isRecoveryKey ? tr("Type your recovery key first.") : tr("Type your passphrase first."));
        return;
    }
    auto begun = DeviceLink::begin(m_controller->vaultPath());
    if (!begun) {
        setError(begun.error().message);
        return;
    }
    m_link = std::move(*begun);

    auto job = std::make_shared<Job>();
    job->settings = m_settings;
    job->password = crypto::SecureBytes::copyOf(m_password.view());
    job->isRecoveryKey = isRecoveryKey;
    job->secret = utf8Secret(secret);
    job->header = chosen->header;
    m_job = job;
    setError({});
    setStep(Step::Linking);
    setBusy(true);
    showLinkProgress();
    m_progressTimer.start();

    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        linked(job);
    });
    DeviceLink* deviceLink = m_link.get();
    const QString deviceName = thisDeviceName(QSysInfo::prettyProductName());
    m_worker = QtConcurrent::run([job, deviceLink, deviceName] {
        auto remote = openRemote(job->settings, textOf(job->password));
        if (!remote) {
            job->error = remote.error();
            return;
        }
        MeteredRemote metered(**remote, job->meter, job->stop);
        const CurrentSecret secret{job->isRecoveryKey ? CurrentSecret::Kind::RecoveryKey : CurrentSecret::Kind::Passphrase,
                                   crypto::SecureBytes::copyOf(job->secret.view())};
        auto report = deviceLink->pull(job->header, secret, metered, deviceName, [job](Vault& vault) -> Status {
            job->opening = true;
            if (job->isRecoveryKey)
                return Ok{}; // opening with the recovery key is quick: done on the interface's thread
            // The vault is opened again on the interface's thread, where its journal.db
            // connection will live; the key for that is derived here, off that thread.
            auto key = vault.derivePassphraseKey(job->secret.view());
            if (!key)
                return key.error();
            job->passphraseKey = std::move(key.value());
            return Ok{};
        });
        if (!report) {
            job->error = report.error();
            job->refusedCertificate = refusedCertificateOf(**remote);
        }
    });
    watcher->setFuture(m_worker);
}

void LinkController::showLinkProgress()
{
    const std::shared_ptr<Job> job = m_job;
    if (!job || m_step != Step::Linking)
        return;
    if (job->stop)
        setProgress(tr("Cancelling\u2026"));
    else if (job->opening)
        setProgress(tr("Opening your journal\u2026"));
    else if (job->meter.requests == 0)
        setProgress(job->isRecoveryKey ? tr("Checking your recovery key\u2026") : tr("Checking your passphrase\u2026"));
    else
        setProgress(tr("Downloading your journal from %1: %2 so far\u2026")
                        .arg(m_settings.location, FileSize::text(job->meter.bytes.load())));
}

void LinkController::failLink(const QString& message)
{
    m_progressTimer.stop();
    m_job.reset();
    m_link.reset(); // nothing of the link stays on this device
    setBusy(false);
    setProgress({});
    setStep(Step::Secret);
    setError(message);
}

void LinkController::linked(const std::shared_ptr<Job>& job)
{
    if (job->stop) {
        failLink(tr("Linking was cancelled. Nothing was kept on this device."));
        return;
    }
    if (job->error) {
        if (!job->refusedCertificate.isEmpty()) {
            // The server's certificate changed since it was found: back to comparing it.
            failLink({});
            setStep(Step::Remote);
            setRefusedCertificate(job->refusedCertificate);
            return;
        }
        failLink(linkError(*job->error, job->isRecoveryKey));
        return;
    }
    if (m_settings.isFolder()) {
        commit(job);
        return;
    }
    setProgress(tr("Keeping the app password in the keychain\u2026"));
    m_controller->secrets()->write(RemoteSettings::keychainKey(m_link->vaultId()), m_password.view(),
                                   [self = QPointer<LinkController>(this), job](platform::SecretResult written) {
                                       if (!self || job != self->m_job)
                                           return;
                                       if (job->stop) {
                                           self->failLink(tr("Linking was cancelled. Nothing was kept on this device."));
                                           return;
                                       }
                                       if (!written.ok()) {
                                           self->failLink(tr("Could not keep the app password in the keychain (%1). "
                                                             "Nothing was kept on this device; link again.")
                                                              .arg(written.message));
                                           return;
                                       }
                                       self->commit(job);
                                   });
}

void LinkController::commit(const std::shared_ptr<Job>& job)
{
    const QString vaultId = m_link->vaultId();
    if (Status s = m_link->commit(m_settings); !s) {
        if (!m_settings.isFolder())
            m_controller->secrets()->remove(RemoteSettings::keychainKey(vaultId), [](platform::SecretResult) {});
        failLink(s.error().message);
        return;
    }
    m_progressTimer.stop();
    m_link.reset();
    m_job.reset();
    m_password = crypto::SecureBytes();
    setProgress(tr("Opening your journal\u2026"));
    // The vault is in place and complete; the controller opens it, and the timeline replaces this
    // page (so after this call returns, not under it). Should it not open, the unlock page says why.
    QMetaObject::invokeMethod(
        m_controller,
        [self = QPointer<LinkController>(this), controller = m_controller, job] {
            const bool opened = controller->openLinked([&job](Vault& vault) {
                return job->isRecoveryKey ? vault.unlockWithRecoveryKey(textOf(job->secret))
                                          : vault.unlockWithPassphraseKey(*job->passphraseKey);
            });
            if (self && !opened && controller->state() == VaultController::State::NoVault) {
                self->setBusy(false);
                self->setProgress({});
                self->setError(tr("This device was linked, but the vault did not open. Close Paper Trail and start it "
                                  "again to open it."));
            }
        },
        Qt::QueuedConnection);
}

QString LinkController::linkError(const Error& error, bool isRecoveryKey) const
{
    if (error.code == ErrorCode::WrongKey)
        return isRecoveryKey ? error.message
                             : tr("That passphrase does not open this vault. Check it (and Caps Lock) and try again, "
                                  "or use your recovery key.");
    if (error.transient)
        return tr("The connection to %1 was lost before the journal was in, so this device was not linked and nothing "
                  "was kept. Check that the server is running and this device is online, then link again.")
            .arg(m_settings.location);
    return tr("This device was not linked, and nothing was kept on it. %1").arg(forLinkPage(error.message));
}

} // namespace pt::gui
