// "Remember on this device" (an in-memory keychain stands in for the real one): the app opens
// without the passphrase when it starts; but a lock, by the person or by the idle timer, must
// hold until they come back, or locking protects nothing on a remembered device.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

namespace {

void rememberThroughSettings(Ui& ui)
{
    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.waitPage("SettingsPage");
    ui.clickNamed("QQuickSwitch", QStringLiteral("Remember on this device"));
    REQUIRE(ui.waitText("QQuickLabel", QStringLiteral("This device now opens the vault without the passphrase.")));
    REQUIRE(ui.controller().remembered());
    REQUIRE(ui.controller().vault()->isRememberedOnThisDevice());
}

} // namespace

TEST_CASE("Remember on this device: the app opens without the passphrase when it starts", "[ui][remember]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    const auto keychain = std::make_shared<pt::platform::MemorySecretStore>();
    {
        Ui ui(path, PhoneSize, keychain);
        ui.unlockWithPassphrase();
        rememberThroughSettings(ui);
        CHECK(keychain->contains(ui.controller().vault()->keychainKey()));
        // A second record of what this device saw, out of reach of whoever can write the folders.
        REQUIRE(waitFor([&] { return keychain->contains(ui.controller().vault()->keychainSeenHeadsKey()); }));
    }
    {
        // The next start: no typing.
        Ui ui(path, PhoneSize, keychain);
        REQUIRE(waitFor([&] { return ui.controller().state() == State::Unlocked; }));
        ui.waitPage("MainView");

        // Forgetting: the keychain entry goes, and the next start asks for the passphrase.
        ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
        ui.clickNamed("QQuickSwitch", QStringLiteral("Remember on this device"));
        REQUIRE(ui.waitText("QQuickLabel",
                            QStringLiteral("This device no longer opens the vault without the passphrase.")));
        CHECK_FALSE(ui.controller().remembered());
        REQUIRE(waitFor([&] { return keychain->size() == 0; }));
    }
    {
        Ui ui(path, PhoneSize, keychain);
        ui.waitPage("UnlockPage");
        QTest::qWait(300);
        CHECK(ui.controller().state() == State::Locked);
        ui.unlockWithPassphrase();
    }
    PT_CHECK_NO_QML_WARNINGS();
}

// The bug this caught: every new UnlockPage asked the keychain, so a lock undid itself at once.
// Now the device key opens the vault only when the app starts.
TEST_CASE("Remember on this device: locking from the toolbar or by idling stays locked", "[ui][remember]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    {
        Ui ui(path);
        auto& controller = ui.controller();
        ui.unlockWithPassphrase();
        rememberThroughSettings(ui);
        ui.clickNamed("QQuickTabButton", QStringLiteral("Timeline"));
        QSignalSpy locked(&controller, &pt::gui::VaultController::locked);

        // The person locks: the unlock page must stay, not reopen from the keychain.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Lock the vault"));
        CHECK(locked.count() == 1);
        QTest::qWait(500); // the keychain answers on the event loop
        CHECK(controller.state() == State::Locked);
        CHECK(ui.page("UnlockPage") != nullptr);
        CHECK(ui.page("MainView") == nullptr);

        // The idle timer locks: the same.
        if (controller.state() == State::Locked)
            ui.unlockWithPassphrase();
        controller.setAutoLockDelayForTesting(std::chrono::milliseconds(500));
        REQUIRE(waitFor([&] { return locked.count() == 2; }));
        controller.setAutoLockDelayForTesting(std::chrono::minutes(5)); // one idle lock, no more
        QTest::qWait(500);
        CHECK(controller.state() == State::Locked);
        CHECK(ui.page("UnlockPage") != nullptr);
        CHECK(ui.page("MainView") == nullptr);
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Remember on this device: after the person locks the next start asks for the passphrase", "[ui][remember]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    const auto keychain = std::make_shared<pt::platform::MemorySecretStore>();
    {
        Ui ui(path, PhoneSize, keychain);
        ui.unlockWithPassphrase();
        rememberThroughSettings(ui);
        ui.clickNamed("QQuickTabButton", QStringLiteral("Timeline"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Lock the vault"));
        REQUIRE(waitFor([&] { return ui.controller().state() == State::Locked; }));
    }
    {
        // Killed and started again: the lock holds.
        Ui ui(path, PhoneSize, keychain);
        ui.waitPage("UnlockPage");
        QTest::qWait(300);
        CHECK(ui.controller().state() == State::Locked);
        ui.unlockWithPassphrase(); // typing it once more brings the convenience back
    }
    Ui ui(path, PhoneSize, keychain);
    REQUIRE(waitFor([&] { return ui.controller().state() == State::Unlocked; }));
    PT_CHECK_NO_QML_WARNINGS();
}
