#pragma once
// papertrail-cli: the command-line contract of docs/CLI.md. One method per command; each returns
// the process exit code (0 ok, 1 failed, 2 usage, 3 wrong key, 4 damaged, 5 not found). Cli.cpp
// parses and unlocks; the commands live by group in VaultCommands.cpp, EntryCommands.cpp,
// AttachmentCommands.cpp, SyncCommands.cpp, ConflictCommands.cpp, DeviceCommands.cpp,
// ArchiveCommands.cpp, ImportCommands.cpp and PipCommands.cpp.
#include "Result.h"
#include "pip/PipRecorder.h"
#include "sync/RemoteSettings.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>
#include <memory>

namespace pt::cli {

inline const QString KeychainService = QStringLiteral("Paper Trail");

class Cli final {
public:
    int run(const QStringList& arguments);

private:
    int fail(const core::Error& error) const;
    // One line on stderr, with control characters escaped.
    void warn(const QString& message) const;
    int usageError(const QString& message) const;
    void printJson(const QJsonObject& object) const;
    void printJson(const QJsonArray& array) const;
    void print(const QString& text) const;

    [[nodiscard]] QString vaultDir() const;
    // Unlocked by this device's keychain entry when remembered and no secret was given, else by
    // the passphrase or the recovery key.
    [[nodiscard]] core::Result<std::unique_ptr<core::Vault>> openUnlocked();
    // Unlocked by the passphrase or the recovery key only, which `secret` receives: for commands
    // that replace a key, where a remembered device is not enough.
    [[nodiscard]] core::Result<std::unique_ptr<core::Vault>> openWithSecret(core::CurrentSecret* secret);
    [[nodiscard]] bool recoveryKeyGiven() const;
    [[nodiscard]] core::Result<crypto::SecureBytes> recoveryKey();
    [[nodiscard]] core::Result<core::CurrentSecret> currentSecret();
    [[nodiscard]] core::Status unlockWith(core::Vault& vault, const core::CurrentSecret& secret) const;
    void reportAfterUnlock(const core::Vault& vault) const;
    // Usage error for a new passphrase that could be guessed within a day, unless
    // --allow-weak-passphrase (then a warning).
    [[nodiscard]] core::Status refuseWeakPassphrase(const crypto::SecureBytes& passphrase) const;
    // On a remembered device: the keychain's copy of the seen heads, checked and brought up to date.
    void crossCheckKeychain(core::Vault& vault) const;
    [[nodiscard]] core::Result<crypto::SecureBytes> passphrase(const QString& prompt, bool confirm);
    [[nodiscard]] core::Result<QString> bodyFromArgumentsOrStdin(bool* given);
    // Unlocks, resolves the first argument to an entry id and runs `action` on it.
    int withEntry(const std::function<core::Status(core::Journal&, const QString&)>& action);

    int init();
    int add();
    int list();
    int show();
    int edit();
    int remove();
    int restore();
    int purge();
    int attachment();
    int search();
    int verify();
    int passwd();
    int newRecoveryKey();
    int remember();
    int forget();
    int remote();
    int sync();
    int link();
    int conflicts();
    int resolve();
    int devices();
    int exportArchive();
    int verifyArchive();
    int keygen();
    int importEmail();
    int importImage();
    // pip: one method per subcommand, after the workspace is read (PipCommands.cpp).
    int pip();
    int pipPlan(core::pip::PipRecorder& recorder);
    int pipExtend(core::pip::PipRecorder& recorder, const core::pip::PipWorkspace& workspace);
    int pipGoal(core::pip::PipRecorder& recorder, const core::pip::PipWorkspace& workspace, core::Journal& journal);
    int pipShow(const core::pip::PipWorkspace& workspace);
    int pipGrade(core::pip::PipRecorder& recorder, const core::pip::PipWorkspace& workspace, core::Journal& journal);
    int pipCheckIn(core::pip::PipRecorder& recorder, const core::pip::PipWorkspace& workspace);
    int pipShoutOut(core::pip::PipRecorder& recorder, const core::pip::PipWorkspace& workspace);
    int pipRebuttal(core::pip::PipRecorder& recorder, const core::pip::PipWorkspace& workspace, core::Journal& journal);
    int pipEnd(core::pip::PipRecorder& recorder, const core::pip::PipWorkspace& workspace, const QString& sub);
    // The remote set for this vault (remote set / link), opened with its app password.
    [[nodiscard]] core::Result<std::unique_ptr<core::sync::Remote>> configuredRemote(
        const QString& vaultId, core::sync::RemoteSettings* settings = nullptr) const;
    // The app password kept for this vault's WebDAV remote (empty for a folder).
    [[nodiscard]] core::Result<QString> remotePassword(const QString& vaultId, const core::sync::RemoteSettings& settings) const;
    // A remote from `remote set` / `link` arguments; a WebDAV password goes into the keychain.
    [[nodiscard]] core::Result<core::sync::RemoteSettings> remoteSettingsFromArguments(const QString& typed, const QString& vaultId);

    QCommandLineParser m_parser;
    QStringList m_args; // positional arguments after the command
};

} // namespace pt::cli
