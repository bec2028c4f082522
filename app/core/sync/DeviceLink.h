#pragma once
// "I already have a Paper Trail vault", done so that a link that fails leaves nothing behind.
// The vault is made in a hidden folder beside the one it is meant for (".<name>.link-XXXXXX"),
// its journal is pulled there, and only a link whose first sync succeeded is moved into place,
// with one rename. Until then the target holds no vault.json, so the next start of the app does
// not take a half-made copy for a vault. A link that fails or is abandoned removes the hidden
// folder, and the seen heads and sync cache it wrote into the config folder for that vault
// (unless they were there before it began).
//
// begin() and commit() run on the caller's thread; pull() blocks (a key derivation and a whole
// sync) and may run on a worker: the vault is opened and closed on the thread that calls it.
#include "RemoteSettings.h"
#include "Result.h"
#include "Synchronizer.h"
#include "vault/Vault.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace pt::core::sync {

class DeviceLink final {
public:
    // Refuses a target that already holds anything. Hidden folders of links that were cut short
    // (the app killed half way) beside it are removed.
    [[nodiscard]] static Result<std::unique_ptr<DeviceLink>> begin(const QString& target);
    ~DeviceLink(); // abandons a link that was not committed
    DeviceLink(const DeviceLink&) = delete;
    DeviceLink& operator=(const DeviceLink&) = delete;

    // Vault::link (which checks `secret`: slow) into the hidden folder, then the first sync from
    // `remote`. `opened` runs with the unlocked vault after the sync, before it is closed again
    // (the app derives the key it opens the vault with on its own thread). On any failure the
    // hidden folder is emptied again.
    [[nodiscard]] Result<SyncReport> pull(const QByteArray& headerJson, const CurrentSecret& secret, Remote& remote,
                                          const QString& deviceName,
                                          const std::function<Status(Vault&)>& opened = {});
    // After a pull: saves `settings` as this vault's remote and moves the vault into the target.
    [[nodiscard]] Status commit(const RemoteSettings& settings);
    // Removes what the link made. Nothing once committed.
    void abandon();

    [[nodiscard]] const QString& target() const { return m_target; }
    [[nodiscard]] QString stagingDir() const { return m_staging ? m_staging->path() : QString(); }
    [[nodiscard]] const QString& vaultId() const { return m_vaultId; }

    // The hidden folder's name for a target, without the random part: ".<name>.link-".
    [[nodiscard]] static QString stagingPrefix(const QString& target);

private:
    explicit DeviceLink(QString target);
    void forgetConfig();

    QString m_target;
    std::unique_ptr<QTemporaryDir> m_staging;
    QString m_vaultId;
    bool m_pulled = false;
    bool m_committed = false;
    // Files in the config folder the link may write, and whether they were there before it.
    struct ConfigFile {
        QString path;
        bool existed = true;
    };
    QList<ConfigFile> m_config;
};

} // namespace pt::core::sync
