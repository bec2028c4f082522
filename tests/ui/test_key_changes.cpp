// Changing keys in Settings asks for a current secret first, a new recovery key is shown once
// the way the first one was, and verify says what it proves, what it cannot, and the journal head.
// A vault rolled back since this device last saw it says so at unlock.
#include <catch2/catch.hpp>

#include "UiDriver.h"
#include "vault/Vault.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

namespace {

void openSettings(Ui& ui)
{
    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.waitPage("SettingsPage");
}

QQuickItem* dialogField(Ui& ui, const QString& name) { return ui.waitNamed("QQuickTextField", name); }

} // namespace

TEST_CASE("Settings: changing the passphrase needs the current one", "[ui][keys]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    Ui ui(path);
    ui.unlockWithPassphrase();
    openSettings(ui);

    ui.clickText("QQuickButton", QStringLiteral("Change passphrase\u2026"));
    ui.typeInto(dialogField(ui, QStringLiteral("Current passphrase")), QStringLiteral("not my passphrase"));
    ui.typeInto(dialogField(ui, QStringLiteral("New passphrase")), QStringLiteral("a brand new passphrase"));
    ui.typeInto(dialogField(ui, QStringLiteral("Repeat the new passphrase")), QStringLiteral("a brand new passphrase"));
    ui.clickText("QQuickButton", QStringLiteral("Change passphrase"));
    REQUIRE(waitFor([&] { return !ui.controller().errorMessage().isEmpty(); }));
    CHECK(ui.controller().errorMessage().contains(QStringLiteral("not the current passphrase")));

    ui.clickText("QQuickButton", QStringLiteral("Change passphrase\u2026"));
    ui.typeInto(dialogField(ui, QStringLiteral("Current passphrase")), Passphrase);
    ui.typeInto(dialogField(ui, QStringLiteral("New passphrase")), QStringLiteral("a brand new passphrase"));
    ui.typeInto(dialogField(ui, QStringLiteral("Repeat the new passphrase")), QStringLiteral("a brand new passphrase"));
    ui.clickText("QQuickButton", QStringLiteral("Change passphrase"));
    REQUIRE(ui.waitText("QQuickLabel", QStringLiteral("Passphrase changed. Your recovery key still works.")));
    ui.controller().lock();
    ui.unlockWithPassphrase(QStringLiteral("a brand new passphrase"));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Settings: a new recovery key is shown once and the old one stops working", "[ui][keys]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    QString oldKey;
    {
        auto vault = pt::core::Vault::create(path, pt::crypto::view(Passphrase.toStdString()), FastKdf, &oldKey);
        REQUIRE(vault.ok());
    }
    Ui ui(path);
    ui.unlockWithPassphrase();
    openSettings(ui);
    ui.clickNamed("QQuickButton", QStringLiteral("Replace the recovery key"));
    // The recovery key itself may be the proof, for someone who forgot the passphrase.
    ui.clickNamed("QQuickCheckBox", QStringLiteral("Use the recovery key instead of the passphrase"));
    QQuickItem* field = dialogField(ui, QStringLiteral("Recovery key"));
    CHECK(hasSecretInputHints(field));
    ui.typeInto(field, oldKey);
    ui.clickText("QQuickButton", QStringLiteral("Make a new key"));
    ui.waitPage("RecoveryKeyPage");
    const QString newKey = ui.controller().recoveryKey();
    REQUIRE(newKey.startsWith(QStringLiteral("ptrk1")));
    CHECK(newKey != oldKey);
    // Checked back as at creation, then forgotten by the app.
    QQuickItem* page = ui.page("RecoveryKeyPage");
    const int group = page->property("checkGroup").toInt();
    ui.clickText("QQuickButton", QStringLiteral("I have written it down"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Group %1 of the recovery key").arg(group)),
                ui.controller().recoveryKeyGroups().at(group - 1));
    ui.clickText("QQuickButton", QStringLiteral("Check"));
    ui.waitPage("MainView");
    CHECK(ui.controller().recoveryKey().isEmpty());
    ui.shutdown();

    auto vault = pt::core::Vault::open(path);
    REQUIRE(vault.ok());
    CHECK((*vault)->unlockWithRecoveryKey(oldKey).error().code == pt::core::ErrorCode::WrongKey);
    CHECK((*vault)->unlockWithRecoveryKey(newKey).ok());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Verify says what it proves, what it cannot, and shows the journal head", "[ui][keys]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& v) {
        pt::core::EntryDraft d;
        d.title = QStringLiteral("one");
        REQUIRE(v.journal().add(d).ok());
    });
    Ui ui(path, DesktopSize);
    ui.unlockWithPassphrase();
    openSettings(ui);
    ui.clickText("QQuickButton", QStringLiteral("Verify the vault"));
    REQUIRE(waitFor([&] { return ui.controller().statusMessage().contains(QStringLiteral("Journal head")); }));
    const QString message = ui.controller().statusMessage();
    CHECK(message.contains(QStringLiteral("nothing this device saw before is missing")));
    CHECK(message.contains(QStringLiteral("cannot")));
    CHECK_FALSE(message.contains(QStringLiteral("Nothing was changed or removed without a trace")));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("A journal rolled back since this device saw it is named at unlock", "[ui][keys]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    const QString old = tmp.filePath(QStringLiteral("old.db"));
    makeVault(path, [](pt::core::Vault& v) {
        pt::core::EntryDraft d;
        d.title = QStringLiteral("first");
        REQUIRE(v.journal().add(d).ok());
    });
    REQUIRE(QFile::copy(path + QStringLiteral("/journal.db"), old));
    {
        auto vault = pt::core::Vault::open(path);
        REQUIRE(vault.ok());
        REQUIRE((*vault)->unlockWithPassphrase(pt::crypto::view(Passphrase.toStdString())).ok());
        pt::core::EntryDraft d;
        d.title = QStringLiteral("second, later removed");
        REQUIRE((*vault)->journal().add(d).ok());
    }
    REQUIRE(QFile::remove(path + QStringLiteral("/journal.db")));
    QFile::remove(path + QStringLiteral("/journal.db-wal"));
    QFile::remove(path + QStringLiteral("/journal.db-shm"));
    REQUIRE(QFile::copy(old, path + QStringLiteral("/journal.db")));

    Ui ui(path);
    ui.unlockWithPassphrase();
    REQUIRE(waitFor([&] { return ui.controller().statusMessage().contains(QStringLiteral("went back in time")); }));
    CHECK(ui.all("QQuickLabel", [](QQuickItem* l) {
                 return l->property("text").toString().contains(QStringLiteral("went back in time"));
             }).size() == 1);
    // Above the list, not over its first entry; closed once read.
    QQuickItem* list = ui.waitNamed("EntryList", QStringLiteral("Entries"));
    QQuickItem* close = ui.waitNamed("QQuickToolButton", QStringLiteral("Close the message"));
    CHECK(list->mapToScene(QPointF(0, 0)).y() > close->mapToScene(QPointF(0, close->height())).y());
    ui.click(close);
    REQUIRE(waitFor([&] { return ui.controller().statusMessage().isEmpty(); }));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("On a remembered device the keychain's record catches a rollback the config folder lost", "[ui][keys][remember]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    const QString old = tmp.filePath(QStringLiteral("old.db"));
    makeVault(path, [](pt::core::Vault& v) {
        pt::core::EntryDraft d;
        d.title = QStringLiteral("first");
        REQUIRE(v.journal().add(d).ok());
    });
    const auto keychain = std::make_shared<pt::platform::MemorySecretStore>();
    QString seenKey;
    {
        Ui ui(path, PhoneSize, keychain);
        ui.unlockWithPassphrase();
        ui.controller().setRemembered(true);
        REQUIRE(waitFor([&] { return !ui.controller().busy() && ui.controller().remembered(); }));
        // A copy while it is open: remembered, one entry (the newest writes are in the WAL).
        REQUIRE(QFile::copy(path + QStringLiteral("/journal.db"), old));
        REQUIRE(QFile::copy(path + QStringLiteral("/journal.db-wal"), old + QStringLiteral("-wal")));
        pt::core::EntryDraft d;
        d.title = QStringLiteral("second, later removed");
        REQUIRE(ui.controller().vault()->journal().add(d).ok());
        seenKey = ui.controller().vault()->keychainSeenHeadsKey();
        ui.controller().lock(); // keeps what it saw in the keychain too
        REQUIRE(waitFor([&] { return keychain->contains(seenKey); }));
    }
    REQUIRE(QFile::remove(path + QStringLiteral("/journal.db")));
    QFile::remove(path + QStringLiteral("/journal.db-wal"));
    QFile::remove(path + QStringLiteral("/journal.db-shm"));
    REQUIRE(QFile::copy(old, path + QStringLiteral("/journal.db")));
    REQUIRE(QFile::copy(old + QStringLiteral("-wal"), path + QStringLiteral("/journal.db-wal")));
    // The attacker also removes the config folder's record.
    QDir(qEnvironmentVariable("XDG_CONFIG_HOME") + QStringLiteral("/papertrail/seen-heads")).removeRecursively();

    Ui ui(path, PhoneSize, keychain);
    REQUIRE(waitFor([&] { return ui.controller().state() == State::Unlocked; }));
    REQUIRE(waitFor([&] { return ui.controller().statusMessage().contains(QStringLiteral("went back in time")); }));
    PT_CHECK_NO_QML_WARNINGS();
}
