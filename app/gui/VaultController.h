#pragma once
// What the QML sees of the vault: its state, the create/unlock/lock actions and the timeline.
// The slow key derivation runs on a worker thread; everything touching journal.db stays on the
// thread that owns it (this one).
#include "EntryListModel.h"
#include "Vault.h"

#include <QFutureWatcher>
#include <QObject>
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
    Q_PROPERTY(EntryListModel* entries READ entries CONSTANT)

public:
    enum class State { NoVault, Locked, Unlocked };
    Q_ENUM(State)

    explicit VaultController(QObject* parent = nullptr);
    ~VaultController() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString errorMessage() const { return m_error; }
    [[nodiscard]] QString vaultPath() const { return m_path; }
    void setVaultPath(const QString& path);
    [[nodiscard]] QString recoveryKey() const { return m_recoveryKey; }
    [[nodiscard]] EntryListModel* entries() { return &m_entries; }

    Q_INVOKABLE void create(const QString& passphrase);
    Q_INVOKABLE void unlock(const QString& passphrase);
    Q_INVOKABLE void unlockWithRecoveryKey(const QString& recoveryKey);
    Q_INVOKABLE void lock();
    // The recovery key is shown once: after the person confirms they wrote it down, forget it.
    Q_INVOKABLE void forgetRecoveryKey();

signals:
    void stateChanged();
    void busyChanged();
    void errorMessageChanged();
    void vaultPathChanged();
    void recoveryKeyChanged();

private:
    void refreshState();
    void setBusy(bool busy);
    void setError(const QString& message);
    void afterUnlock(const core::Status& status);
    // Opens the (locked) vault at m_path if not yet open; reports the error otherwise.
    [[nodiscard]] bool ensureOpen();

    QString m_path;
    State m_state = State::NoVault;
    bool m_busy = false;
    QString m_error;
    QString m_recoveryKey;
    std::unique_ptr<core::Vault> m_vault;
    EntryListModel m_entries;
};

} // namespace pt::gui
