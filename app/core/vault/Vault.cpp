#include "Vault.h"

#include "KdfPolicy.h"
#include "RecoveryKey.h"
#include "RegularFile.h"
#include "crypto/Aead.h"
#include "crypto/Random.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

namespace pt::core {

namespace {

constexpr auto LocalDeviceKey = "local_device";
// The ids this copy wrote as before it became a new device, comma-separated and sealed, since
// sync accepts a forked log of these alone (becomeNewDevice).
constexpr auto FormerDevicesKey = "former_devices";
constexpr auto DeviceWrapKey = "device_wrap";

QString journalPath(const QString& dir) { return dir + QStringLiteral("/journal.db"); }
QString objectsPath(const QString& dir) { return dir + QStringLiteral("/objects"); }

Error wrongPassphrase()
{
    return wrongKey(QStringLiteral("That passphrase does not open this vault. Check it (and Caps Lock) and "
                                   "try again, or unlock with your recovery key."));
}

Clock orSystemClock(Clock clock)
{
    return clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTime(); });
}

} // namespace

QString defaultVaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/papertrail/vault");
}

Vault::Vault(QString dir, VaultHeader header, std::unique_ptr<JournalDb> db, Clock clock)
    : m_dir(std::move(dir)), m_header(std::move(header)), m_db(std::move(db)), m_clock(orSystemClock(std::move(clock))),
      m_seen(SeenHeads::forVault(m_header.vaultId))
{
}

Vault::~Vault() { lock(); }

bool Vault::exists(const QString& dir) { return QFile::exists(headerPath(dir)); }

Result<std::unique_ptr<Vault>> Vault::create(const QString& dir, crypto::ByteView passphrase,
                                             crypto::pwhash::Params params, QString* recoveryKey, Clock clock)
{
    if (passphrase.empty())
        return usage(QStringLiteral("The passphrase cannot be empty."));
    if (Status s = kdf::check(params); !s)
        return usage(QStringLiteral("Those key derivation parameters are weaker than Paper Trail allows; a vault "
                                    "made with them would be refused when opened."));
    QDir folder(dir);
    if (folder.exists() && !folder.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return usage(QStringLiteral("%1 already exists and is not empty. Pick an empty or new folder.").arg(dir));
    if (!QDir().mkpath(dir))
        return failed(QStringLiteral("Could not create %1. Check that its parent folder is writable.").arg(dir));
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    VaultHeader header;
    header.vaultId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    header.createdAt = QDateTime::currentDateTimeUtc();
    header.kdfSalt = crypto::randomBytes(crypto::pwhash::SaltSize);
    header.kdfParams = params;

    crypto::SecureBytes vaultKey = crypto::randomSecret(32);
    const auto passphraseKey = crypto::pwhash::derive(passphrase, header.kdfSalt, params);
    if (!passphraseKey)
        return failed(QStringLiteral("Not enough memory to derive the key. Close other apps and try again."));
    header.passphraseWrap = crypto::aead::seal(passphraseKey->view(), vaultKey.view(),
                                               bytesOf(associatedData(header.vaultId, header.passphraseWrapType())));
    const crypto::SecureBytes recovery = crypto::randomSecret(32);
    header.recoveryWrap = crypto::aead::seal(recovery::wrappingKey(recovery, header.vaultId).view(), vaultKey.view(),
                                             bytesOf(associatedData(header.vaultId, QStringLiteral("wrap-recovery"))));
    auto db = JournalDb::open(journalPath(dir));
    if (!db)
        return db.error();
    const VaultHeader saved = header;
    std::unique_ptr<Vault> vault(new Vault(dir, std::move(header), std::move(*db), std::move(clock)));
    if (Status s = vault->unlockWithKey(std::move(vaultKey)); !s)
        return s.error();
    // vault.json is written last: the folder is a vault only once everything else is in place.
    if (Status s = saved.save(dir); !s)
        return s.error();
    if (recoveryKey)
        *recoveryKey = recovery::encode(recovery);
    return vault;
}

Result<std::unique_ptr<Vault>> Vault::link(const QString& dir, const QByteArray& headerJson,
                                           const CurrentSecret& secret, Clock clock)
{
    auto header = VaultHeader::fromJson(headerJson);
    if (!header)
        return header.error();
    QDir folder(dir);
    if (folder.exists() && !folder.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return usage(QStringLiteral("%1 already exists and is not empty. Pick an empty or new folder.").arg(dir));
    const bool made = !folder.exists();
    if (!QDir().mkpath(dir))
        return failed(QStringLiteral("Could not create %1. Check that its parent folder is writable.").arg(dir));
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto cleanUp = [&] {
        QFile::remove(journalPath(dir));
        QFile::remove(journalPath(dir) + QStringLiteral("-wal"));
        QFile::remove(journalPath(dir) + QStringLiteral("-shm"));
        QDir(objectsPath(dir)).removeRecursively();
        if (made)
            QDir().rmdir(dir);
    };
    auto db = JournalDb::open(journalPath(dir));
    if (!db) {
        cleanUp();
        return db.error();
    }
    const VaultHeader saved = *header;
    std::unique_ptr<Vault> vault(new Vault(dir, std::move(*header), std::move(*db), std::move(clock)));
    Status unlocked = Ok{};
    if (secret.kind == CurrentSecret::Kind::Passphrase)
        unlocked = vault->unlockWithPassphrase(secret.secret.view());
    else
        unlocked = vault->unlockWithRecoveryKey(QString::fromUtf8(toQByteArray(secret.secret.view())));
    if (!unlocked) {
        vault.reset();
        cleanUp();
        return unlocked.error();
    }
    // vault.json last, as in create(): the folder is a vault only once everything else is there.
    if (Status s = saved.save(dir); !s) {
        vault.reset();
        cleanUp();
        return s.error();
    }
    return vault;
}

Result<std::unique_ptr<Vault>> Vault::open(const QString& dir, Clock clock)
{
    auto header = VaultHeader::load(dir);
    if (!header)
        return header.error();
    const QFileInfo journal(journalPath(dir));
    if (isPresentButNotRegular(journalPath(dir)))
        return damaged(QStringLiteral("journal.db in %1 is not a regular file (it is a link, a pipe or a device), so it "
                                      "was not opened. Remove it and restore it from a synced copy or a backup.")
                           .arg(dir));
    if (!journal.exists())
        return damaged(QStringLiteral("journal.db is missing from %1. Restore it from a synced copy or a backup.").arg(dir));
    // SQLite would happily take an emptied file for a new database: an empty vault that "verifies".
    if (journal.size() == 0)
        return damaged(QStringLiteral("journal.db in %1 is empty: its contents were lost. Restore it from a synced "
                                      "copy or a backup.").arg(dir));
    auto db = JournalDb::open(journalPath(dir));
    if (!db)
        return db.error();
    auto localDevice = (*db)->meta(QString::fromLatin1(LocalDeviceKey));
    if (!localDevice)
        return localDevice.error();
    if (localDevice->isEmpty())
        return damaged(QStringLiteral("journal.db in %1 is damaged: it does not name this device. Restore it from a "
                                      "synced copy or a backup.").arg(dir));
    return std::unique_ptr<Vault>(new Vault(dir, std::move(*header), std::move(*db), std::move(clock)));
}

Status Vault::unlockWithPassphrase(crypto::ByteView passphrase)
{
    auto key = derivePassphraseKey(passphrase);
    if (!key)
        return key.error();
    return unlockWithPassphraseKey(*key);
}

Result<crypto::SecureBytes> Vault::derivePassphraseKey(crypto::ByteView passphrase) const
{
    auto key = crypto::pwhash::derive(passphrase, m_header.kdfSalt, m_header.kdfParams);
    if (!key)
        return failed(QStringLiteral("Not enough memory to derive the key. Close other apps and try again."));
    return std::move(*key);
}

Status Vault::unlockWithPassphraseKey(const crypto::SecureBytes& passphraseKey)
{
    auto vaultKey = crypto::aead::openSecret(passphraseKey.view(), m_header.passphraseWrap,
                                             bytesOf(associatedData(m_header.vaultId, m_header.passphraseWrapType())));
    if (!vaultKey)
        return wrongPassphrase();
    return unlockWithKey(std::move(*vaultKey));
}

Status Vault::unlockWithRecoveryKey(const QString& recoveryKey)
{
    const auto recovery = recovery::decode(recoveryKey);
    if (!recovery)
        return wrongKey(QStringLiteral("That is not a valid recovery key. It starts with ptrk1 and is 63 "
                                       "characters long; check for a mistyped character."));
    auto vaultKey = crypto::aead::openSecret(recovery::wrappingKey(*recovery, m_header.vaultId).view(),
                                             m_header.recoveryWrap,
                                             bytesOf(associatedData(m_header.vaultId, QStringLiteral("wrap-recovery"))));
    if (!vaultKey)
        return wrongKey(QStringLiteral("That recovery key belongs to a different vault. Check that you "
                                       "picked the right vault folder."));
    return unlockWithKey(std::move(*vaultKey));
}

Status Vault::unlockWithDeviceKey(crypto::ByteView deviceKey)
{
    auto wrap = m_db->meta(QString::fromLatin1(DeviceWrapKey));
    if (!wrap)
        return wrap.error();
    if (wrap->isEmpty())
        return wrongKey(QStringLiteral("This device does not remember the vault any more. Unlock with your "
                                       "passphrase."));
    auto vaultKey = crypto::aead::openSecret(deviceKey, bytesOf(*wrap),
                                             bytesOf(associatedData(m_header.vaultId, QStringLiteral("wrap-device"))));
    if (!vaultKey)
        return wrongKey(QStringLiteral("The key this device remembered no longer opens the vault. Unlock with "
                                       "your passphrase, then turn on 'remember on this device' again."));
    return unlockWithKey(std::move(*vaultKey));
}

Status Vault::unlockWithKey(crypto::SecureBytes vaultKey)
{
    lock();
    m_keys = std::make_unique<VaultKeys>(m_header.vaultId, std::move(vaultKey));
    if (Status s = loadOrCreateDevice(); !s) {
        lock();
        return s;
    }
    m_attachments = std::make_unique<AttachmentStore>(objectsPath(m_dir), *m_keys);
    if (Status s = m_attachments->open(); !s) {
        lock();
        return s;
    }
    m_attachments->removeLeftovers();
    m_journal = std::make_unique<Journal>(*m_db, *m_attachments, *m_keys, m_device, m_clock);
    m_drafts = std::make_unique<DraftStore>(*m_db, *m_keys);
    if (Status s = m_journal->load(); !s) {
        lock();
        return s;
    }
    checkRollback();
    return Ok{};
}

void Vault::checkRollback()
{
    m_rollback.clear();
    auto seen = m_seen.load();
    if (!seen) {
        m_seenAtUnlock.clear();
        m_seenUsable = false; // verify reports the damaged file; it is not overwritten
        return;
    }
    m_seenUsable = true;
    m_seenBefore = !seen->isEmpty();
    m_seenAtUnlock = *seen;
    m_rollback = findRollbacks(*seen, m_journal->heads(), [this](const QString& device, qint64 seq) {
        return m_journal->recordHash(device, seq);
    });
    rememberHeads();
}

void Vault::checkAgainst(const LogHeads& keptElsewhere)
{
    if (!m_journal)
        return;
    const auto more = findRollbacks(keptElsewhere, m_journal->heads(), [this](const QString& device, qint64 seq) {
        return m_journal->recordHash(device, seq);
    });
    for (const RollbackFinding& f : more)
        if (std::none_of(m_rollback.cbegin(), m_rollback.cend(), [&](const RollbackFinding& r) { return r.device == f.device; }))
            m_rollback.append(f);
    // From now on the higher of the two records counts, and is what the config folder keeps.
    m_seenAtUnlock = newestOf(m_seenAtUnlock, keptElsewhere);
    m_seenBefore = m_seenBefore || !keptElsewhere.isEmpty();
    rememberHeads(true);
}

Status Vault::reload()
{
    if (!m_journal)
        return failed(QStringLiteral("The vault is locked. Unlock it and sync again."));
    if (Status s = m_journal->load(); !s)
        return s;
    rememberHeads();
    return Ok{};
}

LogHeads Vault::seenHeads() const
{
    return m_journal ? mergeSeen(m_seenAtUnlock, m_journal->heads(), m_rollback) : m_seenAtUnlock;
}

QString Vault::keychainSeenHeadsKey() const { return QStringLiteral("seen-heads-") + m_header.vaultId; }

void Vault::rememberHeads(bool always)
{
    if (!m_journal || !m_seenUsable)
        return;
    const LogHeads next = mergeSeen(m_seenAtUnlock, m_journal->heads(), m_rollback);
    if (next == m_seenAtUnlock && !always)
        return;
    // Best effort: failing to write it (a full disk) must not stop the journal from working.
    if (m_seen.save(next))
        m_seenAtUnlock = next;
}

Status Vault::loadOrCreateDevice()
{
    auto localId = m_db->meta(QString::fromLatin1(LocalDeviceKey));
    if (!localId)
        return localId.error();
    const QString aadPrefix = QStringLiteral("device-key/");
    if (!localId->isEmpty()) {
        auto devices = m_db->devices();
        if (!devices)
            return devices.error();
        for (const StoredDevice& d : *devices) {
            if (d.id != QString::fromUtf8(*localId))
                continue;
            auto secret = crypto::aead::openSecret(m_keys->subkey(Purpose::DeviceSecret).view(),
                                                   bytesOf(d.sealedSecret), bytesOf(m_keys->aad(aadPrefix + d.id)));
            if (!secret || secret->size() != crypto::signing::SecretKeySize)
                return damaged(QStringLiteral("This device's signing key in journal.db is damaged. Run "
                                              "'papertrail-cli verify' and restore from a synced copy."));
            m_device.id = d.id;
            m_device.publicKey.assign(d.publicKey.cbegin(), d.publicKey.cend());
            m_device.secretKey = std::move(*secret);
            return Ok{};
        }
        return damaged(QStringLiteral("This device's signing key is missing from journal.db. Restore it from a "
                                      "synced copy or a backup."));
    }
    // First unlock on this device: make its identity.
    return makeDevice(std::nullopt);
}

Status Vault::makeDevice(const std::optional<StoredDevice>& retiring)
{
    const QString aadPrefix = QStringLiteral("device-key/");
    crypto::signing::KeyPair pair = crypto::signing::generate();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const crypto::Bytes sealed = crypto::aead::seal(m_keys->subkey(Purpose::DeviceSecret).view(), pair.secretKey.view(),
                                                    bytesOf(m_keys->aad(aadPrefix + id)));
    if (Status s = m_db->begin(); !s)
        return s;
    Status s = m_db->putDevice({id, toQByteArray(pair.publicKey), toQByteArray(sealed)});
    if (s && retiring)
        s = m_db->putDevice({retiring->id, retiring->publicKey, {}});
    if (s && retiring) {
        const QByteArray former = (formerDevices() << retiring->id).join(QLatin1Char(',')).toLatin1();
        s = m_db->setMeta(QString::fromLatin1(FormerDevicesKey),
                          toQByteArray(crypto::aead::seal(m_keys->subkey(Purpose::DeviceSecret).view(), bytesOf(former),
                                                          bytesOf(m_keys->aad(QString::fromLatin1(FormerDevicesKey))))));
    }
    if (s)
        s = m_db->setMeta(QString::fromLatin1(LocalDeviceKey), id.toUtf8());
    if (s)
        s = m_db->commit();
    if (!s) {
        m_db->rollback();
        return s;
    }
    m_device.id = id;
    m_device.publicKey = std::move(pair.publicKey);
    m_device.secretKey = std::move(pair.secretKey);
    return Ok{};
}

QStringList Vault::formerDevices() const
{
    if (!m_db || !m_keys)
        return {};
    auto sealed = m_db->meta(QString::fromLatin1(FormerDevicesKey));
    const auto value = sealed && !sealed->isEmpty()
                           ? crypto::aead::open(m_keys->subkey(Purpose::DeviceSecret).view(), bytesOf(*sealed),
                                                bytesOf(m_keys->aad(QString::fromLatin1(FormerDevicesKey))))
                           : std::nullopt;
    return value ? QString::fromLatin1(toQByteArray(*value)).split(QLatin1Char(',')) : QStringList();
}

Status Vault::becomeNewDevice()
{
    if (!m_journal)
        return failed(QStringLiteral("The vault is locked. Unlock it and sync again."));
    const StoredDevice retiring{m_device.id, toQByteArray(m_device.publicKey), {}};
    if (Status s = makeDevice(retiring); !s)
        return s;
    return reload();
}

void Vault::lock()
{
    rememberHeads(); // what this device appended since unlock
    m_drafts.reset();
    m_journal.reset();
    m_attachments.reset();
    m_device.secretKey.wipe();
    m_device.publicKey.clear();
    m_keys.reset(); // SecureBytes destructors wipe K and every subkey
}

Status Vault::confirm(const CurrentSecret& current) const
{
    if (!isUnlocked())
        return usage(QStringLiteral("Unlock the vault first."));
    std::optional<crypto::SecureBytes> vaultKey;
    if (current.kind == CurrentSecret::Kind::Passphrase) {
        auto key = derivePassphraseKey(current.secret.view());
        if (!key)
            return key.error();
        vaultKey = crypto::aead::openSecret(key->view(), m_header.passphraseWrap,
                                            bytesOf(associatedData(m_header.vaultId, m_header.passphraseWrapType())));
        if (!vaultKey)
            return wrongKey(QStringLiteral("That is not the current passphrase, so nothing was changed. Check it (and "
                                           "Caps Lock), or use your recovery key instead."));
    } else {
        const QString text = QString::fromUtf8(reinterpret_cast<const char*>(current.secret.data()),
                                               qsizetype(current.secret.size()));
        const auto recovery = recovery::decode(text);
        if (recovery)
            vaultKey = crypto::aead::openSecret(recovery::wrappingKey(*recovery, m_header.vaultId).view(),
                                                m_header.recoveryWrap,
                                                bytesOf(associatedData(m_header.vaultId, QStringLiteral("wrap-recovery"))));
        if (!vaultKey)
            return wrongKey(QStringLiteral("That is not this vault's current recovery key, so nothing was changed. "
                                           "Check for a mistyped character, or use your passphrase instead."));
    }
    if (!crypto::equal(vaultKey->view(), m_keys->vaultKey().view()))
        return wrongKey(QStringLiteral("That secret opens a different vault key, so nothing was changed."));
    return Ok{};
}

Status Vault::changePassphrase(const CurrentSecret& current, crypto::ByteView newPassphrase,
                               std::optional<crypto::pwhash::Params> params)
{
    if (!isUnlocked())
        return usage(QStringLiteral("Unlock the vault before changing its passphrase."));
    if (newPassphrase.empty())
        return usage(QStringLiteral("The new passphrase cannot be empty."));
    if (Status s = confirm(current); !s)
        return s;
    VaultHeader next = m_header;
    next.version = VaultHeader::FormatVersion;
    next.kdfSalt = crypto::randomBytes(crypto::pwhash::SaltSize);
    // Always fresh parameters: the header's own may have been weakened by whoever edited it.
    next.kdfParams = params ? *params : kdf::forNewKey();
    if (Status s = kdf::check(next.kdfParams); !s)
        return usage(QStringLiteral("Those key derivation parameters are weaker than Paper Trail allows."));
    const auto key = crypto::pwhash::derive(newPassphrase, next.kdfSalt, next.kdfParams);
    if (!key)
        return failed(QStringLiteral("Not enough memory to derive the key. Close other apps and try again."));
    next.passphraseWrap = crypto::aead::seal(key->view(), m_keys->vaultKey().view(),
                                             bytesOf(associatedData(next.vaultId, next.passphraseWrapType())));
    // vault.json is replaced atomically: an interruption leaves the old passphrase working.
    if (Status s = next.save(m_dir); !s)
        return s;
    m_header = std::move(next);
    return Ok{};
}

Result<QString> Vault::replaceRecoveryKey(const CurrentSecret& current)
{
    if (Status s = confirm(current); !s)
        return s.error();
    VaultHeader next = m_header;
    const crypto::SecureBytes recovery = crypto::randomSecret(32);
    next.recoveryWrap = crypto::aead::seal(recovery::wrappingKey(recovery, next.vaultId).view(), m_keys->vaultKey().view(),
                                           bytesOf(associatedData(next.vaultId, QStringLiteral("wrap-recovery"))));
    if (Status s = next.save(m_dir); !s)
        return s.error();
    m_header = std::move(next);
    return recovery::encode(recovery);
}

Result<crypto::SecureBytes> Vault::rememberOnThisDevice()
{
    if (!isUnlocked())
        return usage(QStringLiteral("Unlock the vault first."));
    crypto::SecureBytes deviceKey = crypto::randomSecret(32);
    const crypto::Bytes wrap = crypto::aead::seal(deviceKey.view(), m_keys->vaultKey().view(),
                                                  bytesOf(associatedData(m_header.vaultId, QStringLiteral("wrap-device"))));
    if (Status s = m_db->setMeta(QString::fromLatin1(DeviceWrapKey), toQByteArray(wrap)); !s)
        return s.error();
    return deviceKey;
}

Status Vault::forgetOnThisDevice() { return m_db->removeMeta(QString::fromLatin1(DeviceWrapKey)); }

bool Vault::isRememberedOnThisDevice() const
{
    auto wrap = m_db->meta(QString::fromLatin1(DeviceWrapKey));
    return wrap && !wrap->isEmpty();
}

QString Vault::keychainKey() const { return QStringLiteral("vault-") + m_header.vaultId; }

VerifyReport Vault::verify()
{
    if (!isUnlocked()) {
        VerifyReport locked;
        locked.problems.append({QStringLiteral("vault"), QStringLiteral("is locked")});
        return locked;
    }
    VerifyReport report = Verifier(*m_db, *m_attachments, *m_keys).run();
    // Rollback: the heads read from storage just now against what this device saw.
    auto seen = m_seen.load();
    if (!seen) {
        report.problems.append({QStringLiteral("rollback check"), seen.error().message});
        return report;
    }
    report.rollbackChecked = m_seenBefore;
    const auto findings = findRollbacks(newestOf(*seen, m_seenAtUnlock), report.heads, [this](const QString& device, qint64 seq) {
        return m_journal->recordHash(device, seq);
    });
    for (const RollbackFinding& f : findings)
        report.problems.append({QStringLiteral("log of device %1").arg(f.device), f.message()});
    return report;
}

} // namespace pt::core
