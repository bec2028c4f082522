#include "SyncController.h"

#include "CertificateFingerprint.h"
#include "VaultController.h"
#include "platform/SecretStore.h"
#include "sync/DeviceRegistration.h"
#include "sync/RetryingRemote.h"
#include "sync/StoppableRemote.h"
#include "sync/WebDavRemote.h"

#include <QLocale>
#include <QSysInfo>

#include <algorithm>
#include <memory>
#include <optional>

namespace pt::gui {

using namespace pt::core;
using namespace pt::core::sync;

SyncController::SyncController(QObject* parent) : QObject(parent)
{
    m_afterChange.setSingleShot(true);
    m_afterChange.setInterval(AfterChangeMs);
    connect(&m_afterChange, &QTimer::timeout, this, &SyncController::syncNow);
    m_every.setInterval(EveryMs);
    connect(&m_every, &QTimer::timeout, this, &SyncController::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncController::syncNow);
}

int SyncController::retryDelayMs(int failuresInARow)
{
    constexpr int FirstMs = 30 * 1000;
    const int doublings = std::clamp(failuresInARow - 1, 0, 8);
    return std::min<qint64>(qint64(FirstMs) << doublings, EveryMs);
}

void SyncController::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &VaultController::stateChanged, this, &SyncController::loadSettings);
        connect(m_controller, &VaultController::journalChanged, this, [this] {
            if (m_reloading)
                return; // what the sync itself brought in
            if (configured() && !running())
                m_afterChange.start();
            else if (running())
                m_again = true;
        });
    }
    loadSettings();
    emit controllerChanged();
}

QString SyncController::vaultId() const
{
    core::Vault* vault = m_controller ? m_controller->vault() : nullptr;
    return vault ? vault->header().vaultId : QString();
}

void SyncController::loadSettings()
{
    const QString id = vaultId();
    m_afterChange.stop();
    m_every.stop();
    m_retry.stop();
    m_failuresInARow = 0;
    m_refusedCertificate.clear();
    if (id.isEmpty()) { // locked: nothing of the vault stays on screen
        m_settings = {};
        m_lastSynced = {};
        setStatus(Status::NotSet, {});
        emit settingsChanged();
        return;
    }
    auto settings = RemoteSettings::load(id);
    m_settings = settings ? *settings : RemoteSettings{};
    emit settingsChanged();
    if (!settings) {
        setStatus(Status::Failed, settings.error().message);
        return;
    }
    if (m_settings.isEmpty()) {
        setStatus(Status::NotSet, tr("Not synced: this vault is only on this device. Choose a folder or a WebDAV "
                                     "server you own to keep a copy and use it on another device."));
        return;
    }
    setStatus(Status::Idle, tr("Syncs with %1.").arg(m_settings.location));
    m_every.start();
    m_afterChange.start(); // soon after unlock
}

void SyncController::setStatus(Status status, const QString& text)
{
    if (status == m_status && text == m_statusText)
        return;
    m_status = status;
    m_statusText = text;
    emit statusChanged();
}

QString SyncController::certificateFingerprint() const { return readableFingerprint(m_refusedCertificate); }

bool SyncController::setRemote(const QString& location, const QString& user, const QString& password)
{
    const QString id = vaultId();
    if (id.isEmpty())
        return false;
    auto normalised = RemoteSettings::normalise(location);
    if (!normalised) {
        setStatus(Status::Failed, normalised.error().message);
        return false;
    }
    // A pin belongs to the server it was made for.
    RemoteSettings settings{*normalised, user.trimmed(),
                            *normalised == m_settings.location ? m_settings.pinnedCertificate : QString()};
    if (!settings.isFolder() && (settings.user.isEmpty() || password.isEmpty())) {
        setStatus(Status::Failed, tr("A WebDAV server needs your user name and an app password made for Paper Trail "
                                     "(in Nextcloud: Settings, Security, Devices & sessions)."));
        return false;
    }
    if (core::Status s = settings.save(id); !s) {
        setStatus(Status::Failed, s.error().message);
        return false;
    }
    m_settings = settings;
    m_refusedCertificate.clear();
    emit settingsChanged();
    if (settings.isFolder()) {
        syncNow();
        return true;
    }
    const QByteArray utf8 = password.toUtf8();
    m_controller->secrets()->write(RemoteSettings::keychainKey(id),
                                   {reinterpret_cast<const std::uint8_t*>(utf8.constData()), std::size_t(utf8.size())},
                                   [this](platform::SecretResult written) {
                                       if (!written.ok()) {
                                           setStatus(Status::Failed, tr("Could not keep the app password in the keychain: %1")
                                                                         .arg(written.message));
                                           return;
                                       }
                                       syncNow();
                                   });
    return true;
}

void SyncController::trustCertificate()
{
    const QString id = vaultId();
    if (id.isEmpty() || m_refusedCertificate.isEmpty() || running())
        return;
    RemoteSettings pinned = m_settings;
    pinned.pinnedCertificate = m_refusedCertificate; // this certificate, and only it
    if (core::Status s = pinned.save(id); !s) {
        setStatus(Status::Failed, s.error().message);
        return;
    }
    m_settings = pinned;
    emit settingsChanged();
    syncNow();
}

void SyncController::syncNow()
{
    m_afterChange.stop();
    m_retry.stop();
    if (!m_controller || !m_controller->vault() || !configured())
        return;
    if (running()) {
        m_again = true;
        return;
    }
    if (m_settings.isFolder()) {
        start({});
        return;
    }
    setStatus(Status::Syncing, tr("Syncing with %1\u2026").arg(m_settings.location));
    m_controller->secrets()->read(RemoteSettings::keychainKey(vaultId()), [this, id = vaultId()](platform::SecretResult read) {
        if (vaultId() != id)
            return; // locked or another vault meanwhile
        if (!read.ok()) {
            setStatus(Status::Failed, tr("The app password is not in the keychain (%1). Enter it again under Sync.")
                                          .arg(read.message));
            return;
        }
        m_status = Status::Idle; // start() sets Syncing again
        start(QString::fromUtf8(reinterpret_cast<const char*>(read.secret.data()), qsizetype(read.secret.size())));
    });
}

void SyncController::start(const QString& password)
{
    core::Vault* vault = m_controller->vault();
    if (!vault)
        return;
    const QString dbPath = vault->dir() + QStringLiteral("/journal.db");
    const SyncStart syncStart = SyncStart::of(*vault);
    const Vault::Store store = vault->store();
    const RemoteSettings settings = m_settings;
    const QString name = thisDeviceName(QSysInfo::prettyProductName());
    auto result = std::make_shared<std::optional<Result<SyncReport>>>();
    auto refused = std::make_shared<QString>();
    auto committed = std::make_shared<int>(0);
    const bool started = m_controller->runInBackground(
        [=](const std::atomic<bool>& stop) {
            // This thread's own connection: a QSqlDatabase belongs to the thread that opened it.
            auto db = JournalDb::open(dbPath);
            if (!db) {
                *result = db.error();
                return;
            }
            auto remote = openRemote(settings, password);
            if (!remote) {
                *result = remote.error();
                return;
            }
            RetryingRemote retrying(**remote, {}, &stop);
            StoppableRemote stoppable(retrying, stop);
            Synchronizer synchronizer({**db, store.attachments, store.keys, store.device}, syncStart, stoppable,
                                      SyncCache::forVault(syncStart.vaultId), name);
            *result = synchronizer.run();
            *committed = synchronizer.recordsCommitted();
            if (const auto* dav = dynamic_cast<const WebDavRemote*>(remote->get()); dav && !(*result)->ok())
                *refused = dav->refusedCertificateSha256();
        },
        [this, result, refused, committed, id = syncStart.vaultId] {
            if (vaultId() != id || !result->has_value())
                return; // locked meanwhile: what it did is in journal.db for the next unlock
            finished(**result, *refused, *committed);
        });
    if (started) {
        m_refusedCertificate.clear();
        setStatus(Status::Syncing, tr("Syncing with %1\u2026").arg(m_settings.location));
    }
    else
        m_again = true;
}

void SyncController::finished(const Result<SyncReport>& result, const QString& refusedCertificate,
                              int recordsCommitted)
{
    // Records the pull committed are shown even when the push after them failed.
    if (recordsCommitted > 0) {
        if (core::Status s = m_controller->vault()->reload(); !s) {
            setStatus(Status::Failed, s.error().message);
            return;
        }
        m_reloading = true;
        m_controller->notifyJournalChanged();
        m_reloading = false;
    }
    if (!result) {
        const Error& e = result.error();
        if (!e.transient && !refusedCertificate.isEmpty()) {
            m_refusedCertificate = refusedCertificate;
            setStatus(Status::Failed, m_settings.pinnedCertificate.isEmpty()
                                          ? tr("Not synced: the server's certificate is not one this device trusts. "
                                               "Compare it below before you trust it.")
                                          : tr("Sync stopped: the server's certificate is not the one you trusted. "
                                               "Compare it below before you trust it."));
            emit statusChanged(); // the same sentence as before may still come with another certificate
        } else {
            if (e.transient)
                m_retry.start(retryDelayMs(++m_failuresInARow));
            setStatus(e.transient ? Status::Offline : Status::Failed,
                      e.transient ? tr("Offline, not synced: %1 Your entries are safe on this device and go to the "
                                       "server with the next sync.").arg(e.message)
                                  : tr("Sync stopped: %1").arg(e.message));
        }
    } else if (result->restoredCopy) {
        // The remote holds more of this device's log than this copy: it was restored from a
        // backup or copied. It pulled that log; now it writes as a device of its own.
        if (core::Status s = m_controller->vault()->becomeNewDevice(); !s) {
            setStatus(Status::Failed, s.error().message);
            return;
        }
        m_becameNewDevice = true;
        m_again = false;
        setStatus(Status::Syncing, tr("This copy of the vault was restored from a backup or copied: it now syncs as "
                                      "a new device…"));
        QTimer::singleShot(0, this, &SyncController::syncNow);
        return;
    } else {
        m_failuresInARow = 0;
        m_lastSynced = QDateTime::currentDateTime();
        const QString when = QLocale().toString(m_lastSynced.time(), QLocale::ShortFormat);
        setStatus(Status::Synced,
                  result->recordsPulled == 0 && result->recordsPushed == 0
                      ? tr("Synced at %1 with %2.").arg(when, m_settings.location)
                      : tr("Synced at %1 with %2: %n new from other devices", nullptr, result->recordsPulled)
                                .arg(when, m_settings.location) +
                            tr(", %n sent.", nullptr, result->recordsPushed));
        if (m_becameNewDevice) {
            m_becameNewDevice = false;
            QString said = m_statusText + QLatin1Char(' ') +
                           tr("This copy was restored from a backup or copied, so it now syncs as a new device; the "
                              "device it was a copy of is listed under Devices.");
            if (result->recordsReissued > 0)
                said += QLatin1Char(' ') + tr("What you wrote on this copy before it synced (%n record(s)) went up "
                                              "as this device's; an entry also changed on the other copy keeps both "
                                              "versions.", nullptr, result->recordsReissued);
            setStatus(Status::Synced, said);
        }
    }
    if (m_again) {
        m_again = false;
        m_afterChange.start();
    }
}

} // namespace pt::gui
