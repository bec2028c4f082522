#include "VaultController.h"

#include <QtConcurrent/QtConcurrentRun>

namespace pt::gui {

namespace {

crypto::SecureBytes utf8Secret(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    crypto::SecureBytes secret = crypto::SecureBytes::copyOf(core::bytesOf(utf8));
    utf8.fill('\0');
    return secret;
}

struct CreateOutcome {
    core::Status status = core::Ok{};
    QString recoveryKey;
};

} // namespace

VaultController::VaultController(QObject* parent) : QObject(parent), m_path(core::defaultVaultDir())
{
    refreshState();
}

VaultController::~VaultController() { lock(); }

void VaultController::setVaultPath(const QString& path)
{
    if (path == m_path)
        return;
    lock();
    m_path = path;
    emit vaultPathChanged();
    refreshState();
}

void VaultController::refreshState()
{
    State next = State::NoVault;
    if (m_vault && m_vault->isUnlocked())
        next = State::Unlocked;
    else if (core::Vault::exists(m_path))
        next = State::Locked;
    if (next != m_state) {
        m_state = next;
        emit stateChanged();
    }
}

void VaultController::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged();
    }
}

void VaultController::setError(const QString& message)
{
    if (message != m_error) {
        m_error = message;
        emit errorMessageChanged();
    }
}

void VaultController::create(const QString& passphrase)
{
    if (m_busy)
        return;
    if (passphrase.isEmpty()) {
        setError(tr("Choose a passphrase first."));
        return;
    }
    setError({});
    setBusy(true);
    auto* watcher = new QFutureWatcher<CreateOutcome>(this);
    connect(watcher, &QFutureWatcher<CreateOutcome>::finished, this, [this, watcher] {
        const CreateOutcome outcome = watcher->result();
        watcher->deleteLater();
        setBusy(false);
        if (!outcome.status) {
            setError(outcome.status.error().message);
            return;
        }
        // The vault was made on the worker; open it here, where its database will live.
        m_recoveryKey = outcome.recoveryKey;
        emit recoveryKeyChanged();
        auto vault = core::Vault::open(m_path);
        if (!vault) {
            setError(vault.error().message);
            return;
        }
        m_vault = std::move(*vault);
        afterUnlock(m_vault->unlockWithRecoveryKey(m_recoveryKey));
    });
    watcher->setFuture(QtConcurrent::run([path = m_path, secret = std::make_shared<crypto::SecureBytes>(utf8Secret(passphrase))] {
        CreateOutcome outcome;
        auto vault = core::Vault::create(path, secret->view(), crypto::pwhash::calibrate(), &outcome.recoveryKey);
        if (!vault)
            outcome.status = vault.error();
        return outcome;
    }));
}

void VaultController::unlock(const QString& passphrase)
{
    if (m_busy)
        return;
    setError({});
    if (!ensureOpen())
        return;
    setBusy(true);
    using KeyResult = core::Result<crypto::SecureBytes>;
    auto* watcher = new QFutureWatcher<std::shared_ptr<KeyResult>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<KeyResult>>::finished, this, [this, watcher] {
        const std::shared_ptr<KeyResult> key = watcher->result();
        watcher->deleteLater();
        setBusy(false);
        if (!m_vault)
            return; // locked or switched while deriving
        afterUnlock(key->ok() ? m_vault->unlockWithPassphraseKey(key->value()) : core::Status(key->error()));
    });
    const core::Vault* vault = m_vault.get();
    watcher->setFuture(QtConcurrent::run([vault, secret = std::make_shared<crypto::SecureBytes>(utf8Secret(passphrase))] {
        return std::make_shared<KeyResult>(vault->derivePassphraseKey(secret->view()));
    }));
}

void VaultController::unlockWithRecoveryKey(const QString& recoveryKey)
{
    if (m_busy)
        return;
    setError({});
    if (!ensureOpen())
        return;
    afterUnlock(m_vault->unlockWithRecoveryKey(recoveryKey));
}

bool VaultController::ensureOpen()
{
    if (m_vault)
        return true;
    auto vault = core::Vault::open(m_path);
    if (!vault) {
        setError(vault.error().message);
        return false;
    }
    m_vault = std::move(*vault);
    return true;
}

void VaultController::afterUnlock(const core::Status& status)
{
    if (!status) {
        setError(status.error().message);
        refreshState();
        return;
    }
    m_entries.setEntries(m_vault->journal().entries());
    refreshState();
}

void VaultController::lock()
{
    if (m_busy && m_vault)
        return; // a derivation is reading the header; lock once it is done
    m_entries.clear();
    m_vault.reset(); // wipes every key
    refreshState();
}

void VaultController::forgetRecoveryKey()
{
    m_recoveryKey.fill(QLatin1Char('\0'));
    m_recoveryKey.clear();
    emit recoveryKeyChanged();
}

} // namespace pt::gui
