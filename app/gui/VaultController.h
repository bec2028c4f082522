#pragma once
// What the QML sees of the vault: its state, create / unlock / lock, the timeline, and the
// settings that act on the vault (auto-lock, remember on this device, passphrase, verify).
// Slow key derivations run on a worker thread; everything touching journal.db stays on the
// thread that owns it (this one).
#include "AutoLock.h"
#include "SensitiveClipboard.h"
#include "TimelineModel.h"
#include "vault/Vault.h"
#include "platform/SecretStore.h"

#include <QFuture>
#include <QFutureWatcher>

#include <atomic>
#include <functional>
#include <QObject>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace pt::gui {

class VaultController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString vaultPath READ vaultPath WRITE setVaultPath NOTIFY vaultPathChanged)
    Q_PROPERTY(QString recoveryKey READ recoveryKey NOTIFY recoveryKeyChanged)
    Q_PROPERTY(TimelineModel* timeline READ timeline CONSTANT)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY autoLockMinutesChanged)
    Q_PROPERTY(int theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(bool remembered READ remembered NOTIFY rememberedChanged)
    Q_PROPERTY(QString statusMessage READ statusMessage NOTIFY statusMessageChanged)
    // The page the current messages belong to: each page shows only its own.
    Q_PROPERTY(MessagePage messagePage READ messagePage NOTIFY messagePageChanged)
    Q_PROPERTY(SensitiveClipboard* sensitiveClipboard READ sensitiveClipboard CONSTANT)

public:
    enum class State { NoVault, Locked, Unlocked };
    Q_ENUM(State)
    enum Theme { SystemTheme, LightTheme, DarkTheme };
    Q_ENUM(Theme)
    enum class MessagePage { UnlockPage, CreatePage, TimelinePage, SettingsPage };
    Q_ENUM(MessagePage)

    explicit VaultController(QObject* parent = nullptr);
    ~VaultController() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString errorMessage() const { return m_error; }
    [[nodiscard]] QString vaultPath() const { return m_path; }
    void setVaultPath(const QString& path);
    [[nodiscard]] QString recoveryKey() const { return m_recoveryKey; }
    [[nodiscard]] TimelineModel* timeline() { return &m_timeline; }
    [[nodiscard]] int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);
    [[nodiscard]] int theme() const;
    void setTheme(int theme);
    [[nodiscard]] bool remembered() const;
    [[nodiscard]] QString statusMessage() const { return m_status; }
    [[nodiscard]] MessagePage messagePage() const { return m_messagePage; }
    // Copies the recovery key and takes it off the clipboard again a minute later.
    [[nodiscard]] SensitiveClipboard* sensitiveClipboard() { return &m_clipboard; }

    // For the other C++ controllers: the unlocked vault, or nullptr.
    [[nodiscard]] core::Vault* vault() { return m_state == State::Unlocked ? m_vault.get() : nullptr; }
    // Registers image://attachment/<entry>/<name> on `engine`: decrypted in memory, never cached,
    // and cut off at lock. The app, the screenshot tour and the interface tests all use this.
    void installImageProvider(QQmlEngine& engine);
    // An attachment's decrypted bytes, for the image provider (main thread only).
    [[nodiscard]] core::Result<QByteArray> attachmentBytes(const QString& entryId, const QString& name);
    // Editors call this after they change the journal.
    void notifyJournalChanged();
    // Where "open in another app" puts plaintext copies: private, memory-backed, wiped on lock and
    // at start; empty when the system has no such folder (then nothing is opened outside the app).
    [[nodiscard]] static QString openedFilesDir();
    // Work of another controller (a sync) that uses the unlocked vault on a worker thread. A lock
    // asked for meanwhile raises `stop` (the work ends at its next step) and happens once `done`
    // has run; the controller's destructor waits for it. False when the vault is locked, a key
    // job is running or such work is already running.
    bool runInBackground(std::function<void(const std::atomic<bool>& stop)> work, std::function<void()> done);
    [[nodiscard]] bool backgroundRunning() const { return m_background.isRunning(); }
    // "I already have a vault" (sync/LinkController): opens the vault just linked into vaultPath()
    // and unlocks it with `unlock` (a key the link derived on its worker), as a typed passphrase
    // would. False when it did not open (the unlock page then says why) or a vault is open.
    bool openLinked(const std::function<core::Status(core::Vault&)>& unlock);
    // The OS keychain (the sync app password lives there too).
    [[nodiscard]] platform::SecretStore* secrets() { return m_secrets.get(); }
    // Replaces the keychain (tests use an in-memory one).
    void setSecretStore(std::unique_ptr<platform::SecretStore> store);
    // Interface tests only: an idle delay below autoLockMinutes' one-minute floor.
    void setAutoLockDelayForTesting(std::chrono::milliseconds delay) { m_autoLock.setDelay(delay); }

    // A passphrase guessable within a day is refused unless `allowWeak` (the person said so).
    Q_INVOKABLE void create(const QString& passphrase, bool rememberOnDevice, bool allowWeak = false);
    Q_INVOKABLE void unlock(const QString& passphrase);
    Q_INVOKABLE void unlockWithRecoveryKey(const QString& recoveryKey);
    // Opens without typing when this device remembers the vault, once per start of the app;
    // does nothing otherwise.
    Q_INVOKABLE void unlockWithDevice();
    // While a key derivation or keychain job runs, the lock waits for it and then happens; an
    // unlock that finishes after a lock was asked for ends locked.
    Q_INVOKABLE void lock();
    // The person's own Lock (the button, Ctrl+L): also on the next start a remembered device asks
    // for the passphrase, until it is typed again.
    Q_INVOKABLE void lockNow();
    // The recovery key is shown once: after the person confirms they wrote it down, forget it.
    Q_INVOKABLE void forgetRecoveryKey();
    // True when `characters` (spaces ignored) appear at `position` of the recovery key.
    // The recovery key after its "ptrk1" prefix, in groups of five (the last one shorter), to be
    // shown numbered and written down group by group.
    Q_INVOKABLE [[nodiscard]] QStringList recoveryKeyGroups() const;
    // Empty when `typed` (spaces ignored, any case) is group `number` (from 1); otherwise what is
    // wrong, in a sentence.
    Q_INVOKABLE [[nodiscard]] QString recoveryGroupMismatch(int number, const QString& typed) const;
    Q_INVOKABLE void setRemembered(bool remember);
    // Needs the current passphrase (or the recovery key, when `currentIsRecoveryKey`): an unlocked
    // app alone never changes a key.
    Q_INVOKABLE void changePassphrase(const QString& current, const QString& newPassphrase,
                                      bool currentIsRecoveryKey = false, bool allowWeak = false);
    // A new recovery key, shown once on the recovery key page; the old one stops working. Needs
    // the passphrase (or the current recovery key).
    Q_INVOKABLE void replaceRecoveryKey(const QString& current, bool currentIsRecoveryKey = false);
    // Runs every check and reports in statusMessage (with the journal head to write down, and
    // what verify cannot prove); returns true when all hold.
    Q_INVOKABLE bool verify();
    Q_INVOKABLE void clearMessages();

signals:
    void stateChanged();
    void busyChanged();
    void errorMessageChanged();
    void vaultPathChanged();
    void recoveryKeyChanged();
    void autoLockMinutesChanged();
    void themeChanged();
    void rememberedChanged();
    void statusMessageChanged();
    void messagePageChanged();
    void journalChanged();
    void aboutToLock();
    void locked();

private:
    void refreshState();
    void setBusy(bool busy);
    // Every job's completion starts with this: not busy any more, and a lock asked for meanwhile
    // happens now. True when it locked (then an unlock must not go on).
    bool finishJob();
    void setError(const QString& message, MessagePage page = MessagePage::SettingsPage);
    void setStatus(const QString& message, MessagePage page = MessagePage::SettingsPage);
    void setMessagePage(MessagePage page);
    // The refusal of a new passphrase that could be guessed within a day, or empty.
    [[nodiscard]] static QString weakPassphraseRefusal(const QString& passphrase, bool allowWeak);
    void afterUnlock(const core::Status& status, bool typedSecret = false);
    [[nodiscard]] QString lockedByHandKey() const;
    [[nodiscard]] bool lockedByHand() const;
    void showUnlockWarnings();
    // On a remembered device: the keychain's copy of the seen heads, checked and kept up to date.
    void crossCheckKeychain();
    void keepSeenHeadsInKeychain();
    [[nodiscard]] bool ensureOpen();
    static void wipeOpenedFiles();

    QString m_path;
    State m_state = State::NoVault;
    bool m_busy = false;
    bool m_lockPending = false;
    QFuture<void> m_worker; // the running key derivation, waited for before the vault goes away
    QFuture<void> m_background; // runInBackground's work
    std::atomic<bool> m_stopBackground = false;
    bool m_deviceUnlockUsed = false;
    QString m_error;
    QString m_status;
    MessagePage m_messagePage = MessagePage::UnlockPage;
    QString m_recoveryKey;
    std::unique_ptr<core::Vault> m_vault;
    std::unique_ptr<platform::SecretStore> m_secrets;
    TimelineModel m_timeline;
    AutoLock m_autoLock;
    SensitiveClipboard m_clipboard;
};

} // namespace pt::gui
