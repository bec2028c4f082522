#include "Cli.h"

#include "EntryFormat.h"
#include "PassphraseSource.h"
#include "vault/KdfPolicy.h"
#include "platform/KeychainSecretStore.h"

#include <QJsonObject>

#include <cstdio>

namespace pt::cli {

using namespace pt::core;

int Cli::init()
{
    const QString dir = vaultDir();
    if (Vault::exists(dir))
        return fail(usage(QStringLiteral("There is already a vault at %1. Pick another folder with --vault.").arg(dir)));
    auto pass = passphrase(QStringLiteral("New passphrase: "), true);
    if (!pass)
        return fail(pass.error());
    if (Status s = refuseWeakPassphrase(*pass); !s)
        return fail(s.error());
    if (kdf::weakTestKdfEnabled()) {
        warn(QStringLiteral("Warning: PAPERTRAIL_TEST_KDF=1 uses weak key derivation; never use it for real records."));
    } else {
        if (qEnvironmentVariableIsSet("PAPERTRAIL_TEST_KDF"))
            warn(QStringLiteral("PAPERTRAIL_TEST_KDF is ignored: this is not a test build, so the vault gets the full key derivation."));
        warn(QStringLiteral("Measuring this device to tune the key derivation (about a second)..."));
    }
    const crypto::pwhash::Params params = kdf::forNewKey();
    QString recoveryKey;
    auto vault = Vault::create(dir, pass->view(), params, &recoveryKey);
    if (!vault)
        return fail(vault.error());
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("vault"), dir},
                              {QStringLiteral("vault_id"), (*vault)->header().vaultId},
                              {QStringLiteral("recovery_key"), recoveryKey}});
        return 0;
    }
    print(QStringLiteral("Created a vault at %1\n\n"
                         "Your recovery key (shown only this once; write it down and keep it away from "
                         "work devices):\n\n    %2\n\n"
                         "With it you can open the vault and set a new passphrase if you forget yours.\n")
              .arg(dir, recoveryKey));
    return 0;
}

int Cli::verify()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    const VerifyReport report = (*vault)->verify();
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(verifyJson(report));
    else
        print(verifyText(report));
    return report.ok() ? 0 : static_cast<int>(ErrorCode::Damaged);
}

int Cli::passwd()
{
    // The current passphrase (or the recovery key) first: an unlocked terminal or a remembered
    // device must not be enough to take the vault over.
    CurrentSecret current;
    auto vault = openWithSecret(&current);
    if (!vault)
        return fail(vault.error());
    crypto::SecureBytes next;
    if (m_parser.isSet(QStringLiteral("new-passphrase-file"))) {
        QString error;
        auto p = passphraseFromFile(m_parser.value(QStringLiteral("new-passphrase-file")), &error);
        if (!p)
            return fail(failed(error));
        next = std::move(*p);
    } else {
        auto p = promptPassphrase(QStringLiteral("New passphrase: "));
        auto again = p ? promptPassphrase(QStringLiteral("Repeat the new passphrase: ")) : std::nullopt;
        if (!p || !again)
            return usageError(QStringLiteral("Give the new passphrase with --new-passphrase-file or run in a terminal."));
        if (!crypto::equal(p->view(), again->view()))
            return fail(usage(QStringLiteral("The two passphrases differ; nothing was changed. Try again.")));
        next = std::move(*p);
    }
    if (Status s = refuseWeakPassphrase(next); !s)
        return fail(s.error());
    if (!kdf::weakTestKdfEnabled())
        warn(QStringLiteral("Measuring this device to tune the key derivation (about a second)..."));
    if (Status s = (*vault)->changePassphrase(current, next.view()); !s)
        return fail(s.error());
    print(QStringLiteral("Passphrase changed. The recovery key still works.\n"));
    return 0;
}

int Cli::newRecoveryKey()
{
    CurrentSecret current;
    auto vault = openWithSecret(&current);
    if (!vault)
        return fail(vault.error());
    auto key = (*vault)->replaceRecoveryKey(current);
    if (!key)
        return fail(key.error());
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("vault_id"), (*vault)->header().vaultId}, {QStringLiteral("recovery_key"), *key}});
        return 0;
    }
    print(QStringLiteral("Your new recovery key (shown only this once; write it down and keep it away from work "
                         "devices):\n\n    %1\n\nThe old recovery key no longer opens this vault. Copies of "
                         "vault.json made before now still accept it: see docs/SECURITY.md.\n")
              .arg(*key));
    return 0;
}

int Cli::remember()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto deviceKey = (*vault)->rememberOnThisDevice();
    if (!deviceKey)
        return fail(deviceKey.error());
    platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
    const platform::SecretResult written = keychain.writeBlocking((*vault)->keychainKey(), deviceKey->view());
    if (!written.ok()) {
        (void)(*vault)->forgetOnThisDevice();
        return fail(failed(written.message));
    }
    crossCheckKeychain(**vault); // from now on the keychain keeps what this device saw, too
    print(QStringLiteral("This device now opens the vault without the passphrase. 'forget' undoes it.\n"));
    return 0;
}

int Cli::forget()
{
    auto vault = Vault::open(vaultDir());
    if (!vault)
        return fail(vault.error());
    if (Status s = (*vault)->forgetOnThisDevice(); !s)
        return fail(s.error());
    platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
    const platform::SecretResult removed = keychain.removeBlocking((*vault)->keychainKey());
    if (!removed.ok())
        warn(QStringLiteral("The vault no longer accepts this device's key, but the keychain entry could not be "
                            "removed: %1").arg(removed.message));
    (void)keychain.removeBlocking((*vault)->keychainSeenHeadsKey());
    print(QStringLiteral("This device no longer remembers the vault; the passphrase is needed again.\n"));
    return 0;
}

} // namespace pt::cli
