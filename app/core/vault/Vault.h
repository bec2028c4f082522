#pragma once
// A vault on disk and its lifecycle: create, open, unlock (passphrase, recovery key or this
// device's remembered key), lock, change passphrase. While unlocked it owns the keys (in
// sodium_malloc'd memory) and the Journal; lock() wipes both.
#include "AttachmentStore.h"
#include "DeviceIdentity.h"
#include "DraftStore.h"
#include "Journal.h"
#include "JournalDb.h"
#include "Result.h"
#include "SeenHeads.h"
#include "VaultHeader.h"
#include "VaultKeys.h"
#include "Verifier.h"

#include <memory>

namespace pt::core {

// The vault the app and the CLI use when none is named: <data dir>/papertrail/vault.
QString defaultVaultDir();

// Proof, asked for before a key is replaced, that the person knows one of the vault's secrets
// now: an unlocked app or a remembered device alone never changes keys.
struct CurrentSecret {
    enum class Kind { Passphrase, RecoveryKey };
    Kind kind = Kind::Passphrase;
    crypto::SecureBytes secret; // the passphrase as UTF-8, or the recovery key's text
};

class Vault final {
public:
    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // Creates a new vault in `dir` (which must not exist or be empty) and leaves it unlocked.
    // `recoveryKey` receives the ptrk1... text, to be shown once.
    [[nodiscard]] static Result<std::unique_ptr<Vault>> create(const QString& dir, crypto::ByteView passphrase,
                                                               crypto::pwhash::Params params,
                                                               QString* recoveryKey, Clock clock = {});
    // "Link this device": makes `dir` (new or empty) a copy of the vault whose vault.json another
    // device put on a sync remote, and unlocks it with `secret`, which gives this device its own
    // identity; a sync then pulls the journal. On a wrong secret nothing is left behind.
    [[nodiscard]] static Result<std::unique_ptr<Vault>> link(const QString& dir, const QByteArray& headerJson,
                                                             const CurrentSecret& secret, Clock clock = {});
    // Opens an existing vault, locked.
    [[nodiscard]] static Result<std::unique_ptr<Vault>> open(const QString& dir, Clock clock = {});
    [[nodiscard]] static bool exists(const QString& dir);

    [[nodiscard]] Status unlockWithPassphrase(crypto::ByteView passphrase);
    // The two halves of unlockWithPassphrase, so the slow Argon2id step can run off the UI thread:
    // derivePassphraseKey only reads the header and is safe from any thread.
    [[nodiscard]] Result<crypto::SecureBytes> derivePassphraseKey(crypto::ByteView passphrase) const;
    [[nodiscard]] Status unlockWithPassphraseKey(const crypto::SecureBytes& passphraseKey);
    [[nodiscard]] Status unlockWithRecoveryKey(const QString& recoveryKey);
    [[nodiscard]] Status unlockWithDeviceKey(crypto::ByteView deviceKey);
    void lock();
    [[nodiscard]] bool isUnlocked() const { return m_keys != nullptr; }

    // Needs the vault unlocked and the current passphrase or recovery key. The new key gets fresh
    // KDF parameters measured on this device (never the header's, which may have been weakened)
    // unless `params` gives them. Slow (two key derivations): run it off the UI thread.
    [[nodiscard]] Status changePassphrase(const CurrentSecret& current, crypto::ByteView newPassphrase,
                                          std::optional<crypto::pwhash::Params> params = {});
    // A new recovery key replaces the old one, which stops working. Returns its ptrk1... text,
    // to be shown once. Needs the vault unlocked and the current passphrase or recovery key.
    [[nodiscard]] Result<QString> replaceRecoveryKey(const CurrentSecret& current);
    // WrongKey unless `current` opens this vault's header now.
    [[nodiscard]] Status confirm(const CurrentSecret& current) const;

    // What the rollback check at unlock found against what this device saw of the vault before
    // (SeenHeads): empty when the vault is at or beyond it.
    [[nodiscard]] const QList<RollbackFinding>& rollbackFindings() const { return m_rollback; }
    // Where this device keeps what it saw (tests point it elsewhere).
    void setSeenHeads(SeenHeads seen) { m_seen = std::move(seen); }
    // A second record of what this device saw, kept where the vault folder's and the config
    // folder's writer cannot reach (the OS keychain, on a remembered device): checked as the
    // first was, its findings added to rollbackFindings(). Needs the vault unlocked.
    void checkAgainst(const LogHeads& keptElsewhere);
    // What this device has seen now, to keep elsewhere.
    [[nodiscard]] LogHeads seenHeads() const;
    // The keychain entry name for that second record.
    [[nodiscard]] QString keychainSeenHeadsKey() const;

    // "Remember on this device": a random device key wraps K; the caller puts the returned device
    // key in the OS keychain. The wrap lives in journal.db (local only, never synced).
    [[nodiscard]] Result<crypto::SecureBytes> rememberOnThisDevice();
    [[nodiscard]] Status forgetOnThisDevice();
    [[nodiscard]] bool isRememberedOnThisDevice() const;
    // The keychain entry name for this vault's device key.
    [[nodiscard]] QString keychainKey() const;

    [[nodiscard]] Journal& journal() { return *m_journal; }
    [[nodiscard]] const Journal& journal() const { return *m_journal; }
    [[nodiscard]] DraftStore& drafts() { return *m_drafts; }
    [[nodiscard]] VerifyReport verify();

    // What sync (app/core/sync) reads and writes beneath the journal. Needs the vault unlocked.
    struct Store {
        JournalDb& db;
        AttachmentStore& attachments;
        const VaultKeys& keys;
        const DeviceIdentity& device;
    };
    [[nodiscard]] Store store() { return {*m_db, *m_attachments, *m_keys, m_device}; }
    // Rebuilds the journal after sync committed other devices' records, and remembers the heads.
    [[nodiscard]] Status reload();
    // This copy was restored from a backup or copied: the sync remote holds more of its device's
    // log than it does. It stops writing as that device (forgetting that device's signing key)
    // and gets an identity of its own, so neither log is written over. Needs the vault unlocked.
    [[nodiscard]] Status becomeNewDevice();
    // The ids this copy wrote as before it became a new device, oldest first. Sync takes the
    // remote's log of each in, and signs again as this device what only this copy wrote as one.
    [[nodiscard]] QStringList formerDevices() const;

    [[nodiscard]] const QString& dir() const { return m_dir; }
    [[nodiscard]] const VaultHeader& header() const { return m_header; }
    [[nodiscard]] const QString& deviceId() const { return m_device.id; }

private:
    Vault(QString dir, VaultHeader header, std::unique_ptr<JournalDb> db, Clock clock);
    [[nodiscard]] Status unlockWithKey(crypto::SecureBytes vaultKey);
    [[nodiscard]] Status loadOrCreateDevice();
    // A new identity for this device; `retiring`, when set, keeps its public key only.
    [[nodiscard]] Status makeDevice(const std::optional<StoredDevice>& retiring);
    void checkRollback();
    void rememberHeads(bool always = false);

    QString m_dir;
    VaultHeader m_header;
    std::unique_ptr<JournalDb> m_db;
    Clock m_clock;
    std::unique_ptr<VaultKeys> m_keys;
    DeviceIdentity m_device;
    std::unique_ptr<AttachmentStore> m_attachments;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<DraftStore> m_drafts;
    SeenHeads m_seen;
    LogHeads m_seenAtUnlock;
    bool m_seenUsable = false;
    bool m_seenBefore = false; // this device had opened the vault before this unlock
    QList<RollbackFinding> m_rollback;
};

} // namespace pt::core
