// Vault lifecycle: create, lock, unlock with passphrase / recovery key / device key, change the
// passphrase.
#include "TestSupport.h"

#include "vault/RecoveryKey.h"

#include <QElapsedTimer>
#include <QFile>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

QString addNote(Vault& vault, const QString& title)
{
    EntryDraft draft;
    draft.title = title;
    draft.body = QStringLiteral("body of ") + title;
    auto e = vault.journal().add(draft);
    if (!e)
        FAIL("add failed: " << e.error().message);
    return e->latest.entryId;
}

} // namespace

TEST_CASE("vault: create then lock and unlock round trip", "[vault]")
{
    QTemporaryDir root;
    REQUIRE(root.isValid());
    const QString dir = root.path() + QStringLiteral("/vault");
    QString recovery;
    QString id;
    {
        auto vault = createVault(dir, &recovery);
        CHECK(QFile::exists(dir + QStringLiteral("/vault.json")));
        CHECK(QFile::exists(dir + QStringLiteral("/journal.db")));
        CHECK(Vault::exists(dir));
        CHECK_FALSE(vault->deviceId().isEmpty());
        id = addNote(*vault, QStringLiteral("first"));

        vault->lock();
        CHECK_FALSE(vault->isUnlocked());
        CHECK_FALSE(vault->verify().ok()); // a locked vault cannot be verified

        REQUIRE(vault->unlockWithPassphrase(bytes(Passphrase)));
        CHECK(vault->isUnlocked());
        CHECK(vault->journal().count() == 1);
        CHECK(vault->journal().entry(id)->latest.title == QStringLiteral("first"));
        CHECK(vault->verify().ok());
    }
    // vault.json holds nothing personal: neither the passphrase nor the entry.
    const QByteArray header = readFile(dir + QStringLiteral("/vault.json"));
    CHECK_FALSE(header.contains(QByteArray(Passphrase.data(), qsizetype(Passphrase.size()))));
    CHECK_FALSE(header.contains("first"));
    CHECK_FALSE(header.contains(recovery.toUtf8()));

    // A new Vault object on the same folder.
    auto again = openVault(dir);
    CHECK(again->journal().entry(id)->latest.body == QStringLiteral("body of first"));
}

TEST_CASE("vault: create refuses a non-empty folder and an empty passphrase", "[vault]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    {
        auto empty = Vault::create(dir, {}, FastKdf, nullptr);
        REQUIRE_FALSE(empty.ok());
        CHECK(empty.error().code == ErrorCode::Usage);
    }
    auto first = createVault(dir);
    auto second = Vault::create(dir, bytes(Passphrase), FastKdf, nullptr);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == ErrorCode::Usage);

    auto missing = Vault::open(root.path() + QStringLiteral("/nowhere"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("vault: a wrong passphrase is WrongKey and answers quickly", "[vault]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    createVault(dir).reset();

    auto vault = Vault::open(dir);
    REQUIRE(vault.ok());
    for (const std::string_view wrong : {std::string_view("correct horse battery stapl"),
                                         std::string_view("Correct horse battery staple"),
                                         std::string_view("x"), std::string_view("correct horse battery staple ")}) {
        INFO("passphrase: " << wrong);
        QElapsedTimer timer;
        timer.start();
        const Status s = (*vault)->unlockWithPassphrase(bytes(wrong));
        const qint64 ms = timer.elapsed();
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == ErrorCode::WrongKey);
        CHECK_FALSE(s.error().message.isEmpty());
        CHECK_FALSE((*vault)->isUnlocked());
        CHECK(ms < 3000);
    }
    CHECK((*vault)->unlockWithPassphrase(bytes(Passphrase)).ok());
}

TEST_CASE("vault: the recovery key unlocks also with spaces and dashes and in upper case", "[vault]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    QString recovery;
    QString id;
    {
        auto vault = createVault(dir, &recovery);
        id = addNote(*vault, QStringLiteral("recover me"));
    }
    REQUIRE(recovery.startsWith(QStringLiteral("ptrk1")));
    CHECK(recovery.size() == 63);
    CHECK(recovery == recovery.toLower());

    QString spaced;
    for (qsizetype i = 0; i < recovery.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            spaced += QLatin1Char(' ');
        spaced += recovery.at(i);
    }
    QString dashed;
    for (qsizetype i = 0; i < recovery.size(); ++i) {
        if (i > 0 && i % 5 == 0)
            dashed += QLatin1Char('-');
        dashed += recovery.at(i);
    }
    const QStringList forms{recovery,
                            recovery.toUpper(),
                            spaced,
                            spaced.toUpper(),
                            dashed,
                            QStringLiteral("  ") + recovery + QStringLiteral("\n"),
                            QStringLiteral("\t") + spaced.toUpper() + QStringLiteral(" \r\n")};
    for (const QString& form : forms) {
        INFO("recovery key as typed: " << form);
        auto vault = Vault::open(dir);
        REQUIRE(vault.ok());
        const Status s = (*vault)->unlockWithRecoveryKey(form);
        if (!s)
            FAIL("unlock with recovery key failed: " << s.error().message);
        CHECK((*vault)->journal().entry(id)->latest.title == QStringLiteral("recover me"));
    }
}

TEST_CASE("vault: a wrong or malformed recovery key is WrongKey", "[vault]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    const QString other = root.path() + QStringLiteral("/other");
    QString recovery, otherRecovery;
    createVault(dir, &recovery).reset();
    createVault(other, &otherRecovery).reset();

    // One character changed: the Bech32 checksum catches it.
    QString typo = recovery;
    const qsizetype at = 20;
    typo[at] = typo.at(at) == QLatin1Char('q') ? QLatin1Char('p') : QLatin1Char('q');
    // Mixed case is not valid Bech32.
    QString mixed = recovery;
    mixed[10] = mixed.at(10).toUpper();
    if (mixed == recovery) // a digit: pick another position
        mixed[12] = mixed.at(12).toUpper();
    // A valid Bech32 key, right length, but with another human-readable part.
    const QStringList bad{otherRecovery, // valid, but belongs to another vault
                          typo,
                          recovery.left(recovery.size() - 1),
                          recovery + QStringLiteral("q"),
                          QStringLiteral("ptrk1"),
                          QString(),
                          QStringLiteral("correct horse battery staple"),
                          QString(recovery).replace(0, 4, QStringLiteral("ptrx"))};
    for (const QString& key : bad) {
        INFO("recovery key: " << key);
        auto vault = Vault::open(dir);
        REQUIRE(vault.ok());
        const Status s = (*vault)->unlockWithRecoveryKey(key);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == ErrorCode::WrongKey);
        CHECK_FALSE((*vault)->isUnlocked());
    }
    if (mixed != recovery) {
        auto vault = Vault::open(dir);
        REQUIRE(vault.ok());
        const Status s = (*vault)->unlockWithRecoveryKey(mixed);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == ErrorCode::WrongKey);
    }
}

TEST_CASE("vault: recovery key codec round trip", "[vault]")
{
    const crypto::SecureBytes key = crypto::SecureBytes::copyOf(crypto::view("0123456789abcdef0123456789abcdef"));
    const QString text = recovery::encode(key);
    CHECK(text.startsWith(QStringLiteral("ptrk1")));
    const auto decoded = recovery::decode(text.toUpper());
    REQUIRE(decoded.has_value());
    CHECK(crypto::equal(decoded->view(), key.view()));
    CHECK_FALSE(recovery::decode(QStringLiteral("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).has_value());
}

TEST_CASE("vault: changePassphrase - the old one fails and the new one and the recovery key work", "[vault]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    QString recovery;
    QString id;
    const std::string_view next = "a much better passphrase, really";
    {
        auto vault = createVault(dir, &recovery);
        id = addNote(*vault, QStringLiteral("kept"));
        const QByteArray before = readFile(dir + QStringLiteral("/vault.json"));
        {
            const Status empty = vault->changePassphrase(currentPassphrase(), {}, FastKdf);
            REQUIRE_FALSE(empty.ok());
            CHECK(empty.error().code == ErrorCode::Usage);
        }
        {
            // The current passphrase is asked for first: an unlocked vault alone is not enough.
            const Status wrong = vault->changePassphrase(currentPassphrase("not the passphrase"), bytes(next), FastKdf);
            REQUIRE_FALSE(wrong.ok());
            CHECK(wrong.error().code == ErrorCode::WrongKey);
            const Status wrongRecovery = vault->changePassphrase(currentRecoveryKey(recovery.left(20)), bytes(next), FastKdf);
            CHECK(wrongRecovery.error().code == ErrorCode::WrongKey);
            CHECK(readFile(dir + QStringLiteral("/vault.json")) == before);
        }
        REQUIRE(vault->changePassphrase(currentPassphrase(), bytes(next), FastKdf).ok());
        CHECK(readFile(dir + QStringLiteral("/vault.json")) != before);
        // No temp file left beside vault.json.
        CHECK(QDir(dir).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("tmp")).isEmpty());

        vault->lock();
        const Status locked = vault->changePassphrase(currentPassphrase(next), bytes("whatever"), FastKdf);
        REQUIRE_FALSE(locked.ok());
        CHECK(locked.error().code == ErrorCode::Usage);
    }
    {
        auto vault = Vault::open(dir);
        REQUIRE(vault.ok());
        const Status old = (*vault)->unlockWithPassphrase(bytes(Passphrase));
        REQUIRE_FALSE(old.ok());
        CHECK(old.error().code == ErrorCode::WrongKey);
        REQUIRE((*vault)->unlockWithPassphrase(bytes(next)).ok());
        CHECK((*vault)->journal().entry(id)->latest.title == QStringLiteral("kept"));
    }
    {
        auto vault = Vault::open(dir);
        REQUIRE(vault.ok());
        REQUIRE((*vault)->unlockWithRecoveryKey(recovery).ok());
        CHECK((*vault)->journal().entry(id).ok());
        // Changing the passphrase after unlocking with the recovery key (the "forgot it" path).
        REQUIRE((*vault)->changePassphrase(currentRecoveryKey(recovery), bytes(Passphrase), FastKdf).ok());
        CHECK((*vault)->verify().ok());
    }
    auto vault = openVault(dir);
    CHECK(vault->journal().entry(id).ok());
}

TEST_CASE("vault: remember on this device then unlock with the device key then forget", "[vault]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    QString id;
    crypto::SecureBytes deviceKey;
    {
        auto vault = createVault(dir);
        id = addNote(*vault, QStringLiteral("remembered"));
        CHECK_FALSE(vault->isRememberedOnThisDevice());
        CHECK(vault->keychainKey().contains(vault->header().vaultId));
        auto key = vault->rememberOnThisDevice();
        REQUIRE(key.ok());
        CHECK(key->size() == 32);
        deviceKey = std::move(*key);
        CHECK(vault->isRememberedOnThisDevice());
        vault->lock();
        auto notUnlocked = vault->rememberOnThisDevice();
        REQUIRE_FALSE(notUnlocked.ok());
        CHECK(notUnlocked.error().code == ErrorCode::Usage);
    }
    {
        auto vault = Vault::open(dir);
        REQUIRE(vault.ok());
        CHECK((*vault)->isRememberedOnThisDevice());
        // A different 32-byte key does not open it.
        const crypto::SecureBytes wrong = crypto::SecureBytes::copyOf(crypto::view("0123456789abcdef0123456789abcdef"));
        const Status bad = (*vault)->unlockWithDeviceKey(wrong.view());
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::WrongKey);

        REQUIRE((*vault)->unlockWithDeviceKey(deviceKey.view()).ok());
        CHECK((*vault)->journal().entry(id)->latest.title == QStringLiteral("remembered"));
        // The device key survives a passphrase change: it wraps K, not the passphrase key.
        REQUIRE((*vault)->changePassphrase(currentPassphrase(), bytes("another passphrase"), FastKdf).ok());
        (*vault)->lock();
        CHECK_FALSE((*vault)->isUnlocked());
        REQUIRE((*vault)->unlockWithDeviceKey(deviceKey.view()).ok());
        REQUIRE((*vault)->forgetOnThisDevice().ok());
        CHECK_FALSE((*vault)->isRememberedOnThisDevice());
        (*vault)->lock();
        const Status forgotten = (*vault)->unlockWithDeviceKey(deviceKey.view());
        REQUIRE_FALSE(forgotten.ok());
        CHECK(forgotten.error().code == ErrorCode::WrongKey);
        CHECK_FALSE((*vault)->isUnlocked());
    }
    auto vault = Vault::open(dir);
    REQUIRE(vault.ok());
    CHECK_FALSE((*vault)->isRememberedOnThisDevice());
    CHECK((*vault)->unlockWithDeviceKey(deviceKey.view()).error().code == ErrorCode::WrongKey);
    CHECK((*vault)->unlockWithPassphrase(bytes("another passphrase")).ok());
}

TEST_CASE("vault: lock leaves it locked and a second unlock reloads the journal", "[vault]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    auto vault = createVault(dir);
    const QString a = addNote(*vault, QStringLiteral("a"));
    vault->lock();
    CHECK_FALSE(vault->isUnlocked());
    vault->lock(); // twice is harmless
    CHECK_FALSE(vault->isUnlocked());
    REQUIRE(vault->unlockWithPassphrase(bytes(Passphrase)).ok());
    const QString b = addNote(*vault, QStringLiteral("b"));
    CHECK(vault->journal().count() == 2);
    // Unlocking an unlocked vault again is fine and keeps everything.
    REQUIRE(vault->unlockWithPassphrase(bytes(Passphrase)).ok());
    CHECK(vault->journal().count() == 2);
    CHECK(vault->journal().entry(a).ok());
    CHECK(vault->journal().entry(b).ok());
    CHECK(vault->verify().ok());
    vault->lock();
    CHECK_FALSE(vault->isUnlocked());
}
