#include "VaultController.h"

#include "AttachmentImageProvider.h"
#include "vault/KdfPolicy.h"
#include "vault/PassphraseEstimate.h"
#include "platform/KeychainSecretStore.h"

#include <QBuffer>
#include <QPointer>

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace pt::gui {

namespace {

// Hands freed heap pages back to the system: after unlock, the ciphertext and scratch of
// decoding ten thousand entries (on several threads, so in several malloc arenas); after lock,
// the journal's plaintext, whose pages the kernel zero-fills before anyone gets them again.
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

const QString KeychainService = QStringLiteral("Paper Trail");

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

// Non-journal preferences only: nothing a person wrote ever goes into QSettings.
QSettings preferences() { return QSettings(); }

} // namespace

VaultController::VaultController(QObject* parent)
    : QObject(parent), m_path(core::defaultVaultDir()),
      m_secrets(std::make_unique<platform::KeychainSecretStore>(KeychainService, std::chrono::seconds(10)))
{
    wipeOpenedFiles(); // a crash may have left copies behind
    m_autoLock.setDelay(std::chrono::minutes(autoLockMinutes()));
    connect(&m_autoLock, &AutoLock::lockRequested, this, &VaultController::lock);
    connect(this, &VaultController::journalChanged, &m_timeline, &TimelineModel::reload);
    refreshState();
}

VaultController::~VaultController()
{
    // A worker still deriving holds a pointer to the vault; keychain answers die with m_secrets.
    m_stopBackground = true;
    m_worker.waitForFinished();
    m_background.waitForFinished();
    setBusy(false);
    m_lockPending = false;
    lock();
}

void VaultController::setSecretStore(std::unique_ptr<platform::SecretStore> store) { m_secrets = std::move(store); }

void VaultController::setVaultPath(const QString& path)
{
    if (path == m_path)
        return;
    m_stopBackground = true;
    m_background.waitForFinished(); // it may be syncing the vault that is closed here
    lock();
    m_worker.waitForFinished(); // it may be reading the vault that is closed here
    m_vault.reset();
    m_path = path;
    emit vaultPathChanged();
    emit rememberedChanged();
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
        m_autoLock.setActive(next == State::Unlocked);
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

bool VaultController::finishJob()
{
    setBusy(false);
    if (!m_lockPending)
        return false;
    m_lockPending = false;
    lock();
    return true;
}

void VaultController::setMessagePage(MessagePage page)
{
    if (page != m_messagePage) {
        m_messagePage = page;
        emit messagePageChanged();
    }
}

void VaultController::setError(const QString& message, MessagePage page)
{
    if (!message.isEmpty())
        setMessagePage(page);
    if (message != m_error) {
        m_error = message;
        emit errorMessageChanged();
    }
}

void VaultController::setStatus(const QString& message, MessagePage page)
{
    if (!message.isEmpty())
        setMessagePage(page);
    if (message != m_status) {
        m_status = message;
        emit statusMessageChanged();
    }
}

void VaultController::clearMessages()
{
    setError({});
    setStatus({});
}

int VaultController::autoLockMinutes() const
{
    return std::clamp(preferences().value(QStringLiteral("autoLockMinutes"), 5).toInt(), 1, 120);
}

void VaultController::setAutoLockMinutes(int minutes)
{
    minutes = std::clamp(minutes, 1, 120);
    if (minutes == autoLockMinutes())
        return;
    preferences().setValue(QStringLiteral("autoLockMinutes"), minutes);
    m_autoLock.setDelay(std::chrono::minutes(minutes));
    emit autoLockMinutesChanged();
}

int VaultController::theme() const { return std::clamp(preferences().value(QStringLiteral("theme"), 0).toInt(), 0, 2); }

void VaultController::setTheme(int theme)
{
    if (theme == this->theme())
        return;
    preferences().setValue(QStringLiteral("theme"), std::clamp(theme, 0, 2));
    emit themeChanged();
}

bool VaultController::ensureOpen()
{
    if (m_vault)
        return true;
    auto vault = core::Vault::open(m_path);
    if (!vault) {
        setError(vault.error().message, MessagePage::UnlockPage);
        return false;
    }
    m_vault = std::move(*vault);
    return true;
}

bool VaultController::remembered() const
{
    return m_vault ? m_vault->isRememberedOnThisDevice() : false;
}

QString VaultController::weakPassphraseRefusal(const QString& passphrase, bool allowWeak)
{
    const auto estimate = core::passphrase::estimate(passphrase);
    if (!estimate.guessableWithinADay || allowWeak)
        return {};
    return tr("Someone with a copy of the vault could guess that passphrase in %1. %2 Choose a longer one, or tick "
              "\u201cUse this weak passphrase anyway\u201d.")
        .arg(estimate.crackTimeText, estimate.feedback);
}

void VaultController::create(const QString& passphrase, bool rememberOnDevice, bool allowWeak)
{
    if (m_busy)
        return;
    if (passphrase.isEmpty()) {
        setError(tr("Choose a passphrase first."), MessagePage::CreatePage);
        return;
    }
    if (const QString refusal = weakPassphraseRefusal(passphrase, allowWeak); !refusal.isEmpty()) {
        setError(refusal, MessagePage::CreatePage);
        return;
    }
    setError({}, MessagePage::CreatePage);
    setBusy(true);
    auto* watcher = new QFutureWatcher<CreateOutcome>(this);
    connect(watcher, &QFutureWatcher<CreateOutcome>::finished, this, [this, watcher, rememberOnDevice] {
        const CreateOutcome outcome = watcher->result();
        watcher->deleteLater();
        const bool lockedMeanwhile = finishJob();
        if (!outcome.status) {
            setError(outcome.status.error().message, MessagePage::CreatePage);
            return;
        }
        // The recovery key is shown once, so even after a lock it is shown; the vault stays shut.
        m_recoveryKey = outcome.recoveryKey;
        emit recoveryKeyChanged();
        if (lockedMeanwhile) {
            refreshState();
            return;
        }
        // The vault was made on the worker; open it here, where its database will live.
        if (!ensureOpen())
            return;
        afterUnlock(m_vault->unlockWithRecoveryKey(m_recoveryKey));
        if (rememberOnDevice)
            setRemembered(true);
    });
    const QFuture<CreateOutcome> job = QtConcurrent::run([path = m_path, secret = std::make_shared<crypto::SecureBytes>(utf8Secret(passphrase))] {
        CreateOutcome outcome;
        auto vault = core::Vault::create(path, secret->view(), core::kdf::forNewKey(), &outcome.recoveryKey);
        if (!vault)
            outcome.status = vault.error();
        return outcome;
    });
    m_worker = job;
    watcher->setFuture(job);
}

void VaultController::unlock(const QString& passphrase)
{
    if (m_busy)
        return;
    setError({}, MessagePage::UnlockPage);
    if (!ensureOpen())
        return;
    setBusy(true);
    using KeyResult = core::Result<crypto::SecureBytes>;
    auto* watcher = new QFutureWatcher<std::shared_ptr<KeyResult>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<KeyResult>>::finished, this, [this, watcher] {
        const std::shared_ptr<KeyResult> key = watcher->result();
        watcher->deleteLater();
        if (finishJob() || !m_vault)
            return; // locked, or switched vaults, while deriving: the derived key is dropped
        afterUnlock(key->ok() ? m_vault->unlockWithPassphraseKey(key->value()) : core::Status(key->error()), true);
    });
    const core::Vault* vault = m_vault.get();
    const QFuture<std::shared_ptr<KeyResult>> job =
        QtConcurrent::run([vault, secret = std::make_shared<crypto::SecureBytes>(utf8Secret(passphrase))] {
            return std::make_shared<KeyResult>(vault->derivePassphraseKey(secret->view()));
        });
    m_worker = job;
    watcher->setFuture(job);
}

void VaultController::unlockWithRecoveryKey(const QString& recoveryKey)
{
    if (m_busy)
        return;
    setError({}, MessagePage::UnlockPage);
    if (!ensureOpen())
        return;
    afterUnlock(m_vault->unlockWithRecoveryKey(recoveryKey), true);
}

void VaultController::unlockWithDevice()
{
    // Only once per start: after a lock (by hand, idle or background) the passphrase is needed,
    // or a lock on a remembered device would undo itself at once.
    const bool atStart = !m_deviceUnlockUsed;
    m_deviceUnlockUsed = true;
    if (!atStart || m_busy || m_state != State::Locked || !ensureOpen() || !m_vault->isRememberedOnThisDevice() ||
        lockedByHand())
        return;
    setBusy(true);
    m_secrets->read(m_vault->keychainKey(), [this](platform::SecretResult result) {
        if (finishJob() || !m_vault)
            return; // the device key goes with `result`
        if (!result.ok()) {
            setError(result.message, MessagePage::UnlockPage);
            return;
        }
        afterUnlock(m_vault->unlockWithDeviceKey(result.secret.view()));
    });
}

void VaultController::afterUnlock(const core::Status& status, bool typedSecret)
{
    if (!status) {
        setError(status.error().message, MessagePage::UnlockPage);
        refreshState();
        return;
    }
    if (typedSecret) // the person is back: a remembered device may open at start again
        preferences().remove(lockedByHandKey());
    // The timeline has its rows before the pages exist, so they are built once, already full.
    m_timeline.setJournal(&m_vault->journal());
    refreshState();
    showUnlockWarnings();
    crossCheckKeychain();
    emit rememberedChanged();
    releaseFreedMemory();
}

void VaultController::showUnlockWarnings()
{
    QStringList warnings;
    for (const core::RollbackFinding& finding : m_vault->rollbackFindings())
        warnings << finding.message();
    if (!m_vault->journal().problems().isEmpty())
        warnings << tr("%n item(s) could not be read. Open Settings and run Verify to see which.", "",
                       int(m_vault->journal().problems().size()));
    if (!warnings.isEmpty())
        setStatus(warnings.join(QLatin1Char('\n')), MessagePage::TimelinePage);
}

void VaultController::crossCheckKeychain()
{
    if (!m_vault || !m_vault->isRememberedOnThisDevice())
        return;
    // A remembered device keeps a second copy of what it saw in the keychain, out of reach of
    // whoever can write the vault folder or the config folder. In the background: the timeline
    // is already usable, and a finding is shown when it comes.
    m_secrets->read(m_vault->keychainSeenHeadsKey(), [this, vault = QPointer<VaultController>(this)](platform::SecretResult kept) {
        if (!vault || !this->vault())
            return;
        if (kept.ok()) {
            const QByteArray json(reinterpret_cast<const char*>(kept.secret.data()), qsizetype(kept.secret.size()));
            if (auto heads = core::seenHeadsFromJson(json)) {
                const qsizetype before = m_vault->rollbackFindings().size();
                m_vault->checkAgainst(*heads);
                if (m_vault->rollbackFindings().size() != before)
                    showUnlockWarnings();
            }
        }
        keepSeenHeadsInKeychain();
    });
}

void VaultController::keepSeenHeadsInKeychain()
{
    if (vault() && m_vault->isRememberedOnThisDevice())
        m_secrets->write(m_vault->keychainSeenHeadsKey(), core::bytesOf(core::seenHeadsToJson(m_vault->seenHeads())),
                         [](platform::SecretResult) {});
}

// Keyed by vault id; a preference, not journal content: whether the person locked this vault by
// hand, so that a remembered device asks for the passphrase until it is typed again.
QString VaultController::lockedByHandKey() const
{
    return QStringLiteral("lockedByHand/") + (m_vault ? m_vault->header().vaultId : QString());
}

bool VaultController::lockedByHand() const
{
    return m_vault && preferences().value(lockedByHandKey(), false).toBool();
}

void VaultController::lockNow()
{
    if (m_vault && (m_state == State::Unlocked || m_busy))
        preferences().setValue(lockedByHandKey(), true);
    lock();
}

bool VaultController::runInBackground(std::function<void(const std::atomic<bool>& stop)> work, std::function<void()> done)
{
    if (!vault() || m_busy || m_background.isRunning() || m_lockPending)
        return false;
    m_stopBackground = false;
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, done = std::move(done)] {
        watcher->deleteLater();
        done();
        if (m_lockPending && !m_busy) {
            m_lockPending = false;
            lock();
        }
    });
    m_background = QtConcurrent::run([this, work = std::move(work)] { work(m_stopBackground); });
    watcher->setFuture(m_background);
    return true;
}

bool VaultController::openLinked(const std::function<core::Status(core::Vault&)>& unlock)
{
    if (m_busy || m_vault)
        return false;
    if (!ensureOpen()) {
        refreshState();
        return false;
    }
    afterUnlock(unlock(*m_vault), true);
    return vault() != nullptr;
}

void VaultController::lock()
{
    if (m_background.isRunning()) {
        // A sync is using the keys: it stops at its next request, and its completion locks.
        m_stopBackground = true;
        m_lockPending = true;
        return;
    }
    if (m_busy) {
        // A worker is reading the header or rewriting it, or the keychain is answering: the job's
        // completion locks (finishJob).
        m_lockPending = true;
        return;
    }
    const bool wasUnlocked = m_state == State::Unlocked;
    if (wasUnlocked) {
        emit aboutToLock(); // editors write their drafts while the keys still exist
        clearMessages();    // what the unlocked pages said is not for the lock screen
    }
    m_timeline.setJournal(nullptr);
    m_timeline.resetView(); // the next unlock starts from the whole timeline, not the last search
    keepSeenHeadsInKeychain(); // what this device appended since unlock
    if (m_vault)
        m_vault->lock(); // wipes every key
    wipeOpenedFiles();
    refreshState();
    if (wasUnlocked) {
        releaseFreedMemory();
        emit locked();
    }
}

void VaultController::forgetRecoveryKey()
{
    m_recoveryKey.fill(QLatin1Char('\0'));
    m_recoveryKey.clear();
    emit recoveryKeyChanged();
}

QStringList VaultController::recoveryKeyGroups() const
{
    constexpr qsizetype Prefix = 5; // "ptrk1"
    constexpr qsizetype GroupSize = 5;
    QStringList groups;
    for (qsizetype i = Prefix; i < m_recoveryKey.size(); i += GroupSize)
        groups << m_recoveryKey.mid(i, GroupSize);
    return groups;
}

QString VaultController::recoveryGroupMismatch(int number, const QString& typed) const
{
    const QStringList groups = recoveryKeyGroups();
    if (number < 1 || number > groups.size())
        return tr("There is no group %1.").arg(number);
    const QString want = groups.at(number - 1);
    const QString got = QString(typed).remove(QLatin1Char(' ')).remove(QLatin1Char('-')).toLower();
    if (got == want)
        return {};
    if (got.isEmpty())
        return tr("Type the %n characters of group %1 from what you wrote down.", "", int(want.size())).arg(number);
    if (got.size() != want.size())
        return tr("Group %1 has %2 characters; you typed %3. Check it on your paper.").arg(number).arg(want.size()).arg(got.size());
    // Bech32 leaves out characters that look alike: naming them helps find a misread one.
    for (const QChar c : got)
        if (QStringLiteral("1bio").contains(c))
            return tr("Recovery keys never contain 1, b, i or o, so one of those is a misread character. Check group %1 "
                      "on your paper.")
                .arg(number);
    return tr("That is not group %1. Check each character against your paper, or show the key again and correct "
              "what you wrote down.")
        .arg(number);
}

void VaultController::setRemembered(bool remember)
{
    if (!vault() || m_busy || remember == remembered())
        return;
    if (!remember) {
        (void)m_vault->forgetOnThisDevice();
        m_secrets->remove(m_vault->keychainKey(), [](platform::SecretResult) {});
        m_secrets->remove(m_vault->keychainSeenHeadsKey(), [](platform::SecretResult) {});
        emit rememberedChanged();
        setStatus(tr("This device no longer opens the vault without the passphrase."), MessagePage::SettingsPage);
        return;
    }
    auto deviceKey = m_vault->rememberOnThisDevice();
    if (!deviceKey) {
        setError(deviceKey.error().message, MessagePage::SettingsPage);
        return;
    }
    setBusy(true);
    m_secrets->write(m_vault->keychainKey(), deviceKey->view(), [this](platform::SecretResult result) {
        if (m_vault) { // recorded while still unlocked; a lock asked for meanwhile comes after
            if (!result.ok()) {
                (void)m_vault->forgetOnThisDevice();
                setError(result.message, MessagePage::SettingsPage);
            } else {
                setStatus(tr("This device now opens the vault without the passphrase."), MessagePage::SettingsPage);
                keepSeenHeadsInKeychain();
            }
            emit rememberedChanged();
        }
        finishJob();
    });
}

void VaultController::changePassphrase(const QString& current, const QString& newPassphrase, bool currentIsRecoveryKey,
                                       bool allowWeak)
{
    if (!vault() || m_busy)
        return;
    if (current.isEmpty()) {
        setError(currentIsRecoveryKey ? tr("Type your recovery key first.") : tr("Type your current passphrase first."), MessagePage::SettingsPage);
        return;
    }
    if (newPassphrase.isEmpty()) {
        setError(tr("The new passphrase cannot be empty."), MessagePage::SettingsPage);
        return;
    }
    if (const QString refusal = weakPassphraseRefusal(newPassphrase, allowWeak); !refusal.isEmpty()) {
        setError(refusal, MessagePage::SettingsPage);
        return;
    }
    clearMessages();
    setBusy(true); // also keeps lock() from wiping the keys under the worker
    auto* watcher = new QFutureWatcher<core::Status>(this);
    connect(watcher, &QFutureWatcher<core::Status>::finished, this, [this, watcher] {
        const core::Status status = watcher->result();
        watcher->deleteLater();
        if (status)
            setStatus(tr("Passphrase changed. Your recovery key still works."), MessagePage::SettingsPage);
        else
            setError(status.error().message, MessagePage::SettingsPage);
        finishJob();
    });
    core::Vault* vault = m_vault.get();
    auto proof = std::make_shared<core::CurrentSecret>(core::CurrentSecret{
        currentIsRecoveryKey ? core::CurrentSecret::Kind::RecoveryKey : core::CurrentSecret::Kind::Passphrase,
        utf8Secret(current)});
    const QFuture<core::Status> job =
        QtConcurrent::run([vault, proof, secret = std::make_shared<crypto::SecureBytes>(utf8Secret(newPassphrase))] {
            return vault->changePassphrase(*proof, secret->view()); // parameters measured anew on this device
        });
    m_worker = job;
    watcher->setFuture(job);
}

namespace {

// 64 hex digits in groups of eight: easier to read out, write down and compare.
QString grouped(const QString& hex)
{
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += 8)
        groups << hex.mid(i, 8);
    return groups.join(QLatin1Char(' '));
}

} // namespace

bool VaultController::verify()
{
    if (!vault())
        return false;
    const core::VerifyReport report = m_vault->verify();
    const QString head = tr("Journal head: %1. Write it down or send it to your lawyer: any later copy of this journal "
                            "must still contain it.")
                             .arg(grouped(core::headsFingerprint(report.heads)));
    // What verify proves, and what it cannot, in the same words every time.
    const QString limits =
        report.rollbackChecked
            ? tr("Verify cannot see what was removed before this device first opened the vault; a synced copy or a "
                 "written-down journal head can.")
            : tr("This device had not opened this vault before, so it cannot tell whether the newest records were "
                 "removed; a synced copy or a written-down journal head can.");
    if (report.ok()) {
        setStatus(tr("Everything checks out: %1 records, %2 entries, %3 attachments. Every entry, edit and attachment "
                     "is as it was written and signed, and nothing this device saw before is missing.")
                      .arg(report.records)
                      .arg(report.entries)
                      .arg(report.attachments) +
                  QLatin1Char(' ') + limits + QStringLiteral("\n") + head,
                  MessagePage::SettingsPage);
        return true;
    }
    QStringList lines;
    for (const core::VerifyProblem& p : report.problems)
        lines << p.item + QLatin1Char(' ') + p.what;
    setError(tr("%n problem(s) found. Keep this copy as it is and restore the vault from a synced copy or a backup.", "",
                int(report.problems.size())) +
             QLatin1Char('\n') + lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + head,
             MessagePage::SettingsPage);
    return false;
}

void VaultController::replaceRecoveryKey(const QString& current, bool currentIsRecoveryKey)
{
    if (!vault() || m_busy)
        return;
    if (current.isEmpty()) {
        setError(currentIsRecoveryKey ? tr("Type your current recovery key first.") : tr("Type your passphrase first."), MessagePage::SettingsPage);
        return;
    }
    clearMessages();
    setBusy(true);
    using KeyResult = core::Result<QString>;
    auto* watcher = new QFutureWatcher<std::shared_ptr<KeyResult>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<KeyResult>>::finished, this, [this, watcher] {
        const std::shared_ptr<KeyResult> key = watcher->result();
        watcher->deleteLater();
        if (finishJob() && !key->ok())
            return;
        if (!key->ok()) {
            setError(key->error().message, MessagePage::SettingsPage);
            return;
        }
        // Shown once, as at creation, even when a lock came in meanwhile: the old key is gone.
        m_recoveryKey = key->value();
        emit recoveryKeyChanged();
        setStatus(tr("A new recovery key replaced the old one, which no longer opens the vault."), MessagePage::SettingsPage);
    });
    auto proof = std::make_shared<core::CurrentSecret>(core::CurrentSecret{
        currentIsRecoveryKey ? core::CurrentSecret::Kind::RecoveryKey : core::CurrentSecret::Kind::Passphrase,
        utf8Secret(current)});
    core::Vault* vault = m_vault.get();
    const QFuture<std::shared_ptr<KeyResult>> job =
        QtConcurrent::run([vault, proof] { return std::make_shared<KeyResult>(vault->replaceRecoveryKey(*proof)); });
    m_worker = job;
    watcher->setFuture(job);
}

void VaultController::installImageProvider(QQmlEngine& engine)
{
    auto* images = new AttachmentImageProvider(
        [controller = QPointer<VaultController>(this)](const QString& id, const QString& name) {
            return controller ? controller->attachmentBytes(id, name)
                              : core::Result<QByteArray>(core::failed(QStringLiteral("closed")));
        });
    engine.addImageProvider(QString::fromLatin1(AttachmentImageProvider::ProviderId), images); // the engine owns it
    connect(this, &VaultController::locked, &engine, [images] { images->invalidate(); });
}

core::Result<QByteArray> VaultController::attachmentBytes(const QString& entryId, const QString& name)
{
    core::Vault* v = vault();
    if (!v)
        return core::failed(tr("The vault is locked."));
    auto entry = v->journal().entry(entryId);
    if (!entry)
        return entry.error();
    for (const core::AttachmentRef& a : std::as_const(entry->latest.attachments)) {
        if (a.name != name)
            continue;
        if (a.size > AttachmentImageProvider::MaxFileBytes)
            return core::usage(tr("The image is too large to preview."));
        QBuffer sink;
        sink.buffer().reserve(qsizetype(a.size)); // one allocation: no stray copies of the bytes
        sink.open(QIODevice::WriteOnly);
        if (core::Status s = v->journal().writeAttachment(entryId, name, sink); !s)
            return s.error();
        return sink.buffer();
    }
    return core::notFound(tr("No such attachment."));
}

void VaultController::notifyJournalChanged() { emit journalChanged(); }

QString VaultController::openedFilesDir()
{
    // The per-user runtime location: on Linux the session's private, memory-backed folder; on
    // Android and iOS the app's sandboxed cache.
#if defined(Q_OS_LINUX) && !defined(Q_OS_ANDROID)
    // Without XDG_RUNTIME_DIR Qt would fall back to a folder under /tmp on disk, and a plaintext
    // copy there could outlive the session, so there is no folder at all.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return {};
#endif
    const QString base = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/papertrail-opened");
}

void VaultController::wipeOpenedFiles()
{
    const QString path = openedFilesDir();
    QDir dir(path);
    if (!path.isEmpty() && dir.exists())
        dir.removeRecursively();
}

} // namespace pt::gui
