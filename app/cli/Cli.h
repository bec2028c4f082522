#pragma once
// papertrail-cli: the command-line contract of CLI.md. One method per command; each returns the
// process exit code (0 ok, 1 failed, 2 usage, 3 wrong key, 4 damaged, 5 not found).
#include "Result.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>
#include <memory>

namespace pt::cli {

class Cli final {
public:
    int run(const QStringList& arguments);

private:
    int fail(const core::Error& error) const;
    int usageError(const QString& message) const;
    void printJson(const QJsonObject& object) const;
    void printJson(const QJsonArray& array) const;
    void print(const QString& text) const;

    [[nodiscard]] QString vaultDir() const;
    [[nodiscard]] core::Result<std::unique_ptr<core::Vault>> openUnlocked();
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
    int purge();
    int attachment();
    int search();
    int verify();
    int passwd();
    int remember();
    int forget();

    QCommandLineParser m_parser;
    QStringList m_args; // positional arguments after the command
};

} // namespace pt::cli
