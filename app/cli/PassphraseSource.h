#pragma once
// Where the CLI gets a passphrase, in the order CLI.md fixes: --passphrase-file, then
// PAPERTRAIL_PASSPHRASE, then a no-echo prompt when stdin is a terminal. (The keychain comes
// before the prompt, but it yields a device key, not a passphrase: see Cli.cpp.)
#include "crypto/SecureBytes.h"

#include <QString>

#include <optional>

namespace pt::cli {

// Reads the first line of `path` (without its line ending).
[[nodiscard]] std::optional<crypto::SecureBytes> passphraseFromFile(const QString& path, QString* error);
[[nodiscard]] std::optional<crypto::SecureBytes> passphraseFromEnvironment();
// Prompts on the controlling terminal with echo off; nullopt when there is no terminal.
[[nodiscard]] std::optional<crypto::SecureBytes> promptPassphrase(const QString& prompt);
[[nodiscard]] bool stdinIsTerminal();
// The first line of standard input (a piped recovery key); nullopt when it is empty.
[[nodiscard]] std::optional<crypto::SecureBytes> firstLineOfStdin();

} // namespace pt::cli
