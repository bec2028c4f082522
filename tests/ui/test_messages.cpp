// Messages belong to the page that caused them, can be closed, and are cleared at lock: a verify
// result does not sit over the timeline, a keychain error from Settings does not show on the lock
// screen as if unlocking had failed.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QTemporaryDir>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

namespace {

bool labelShows(Ui& ui, const QString& text)
{
    return !ui.all("QQuickLabel", [&](QQuickItem* l) { return l->property("text").toString().contains(text); }).isEmpty();
}

} // namespace

TEST_CASE("Messages stay on their page and are cleared at lock", "[ui][messages]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    const auto keychain = std::make_shared<pt::platform::MemorySecretStore>();
    keychain->setAvailable(false); // remembering will fail with a keychain error
    Ui ui(path, PhoneSize, keychain);
    ui.unlockWithPassphrase();

    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.waitPage("SettingsPage");
    ui.clickText("QQuickButton", QStringLiteral("Verify the vault"));
    REQUIRE(waitFor([&] { return labelShows(ui, QStringLiteral("Everything checks out")); }));
    // Not over the timeline.
    ui.clickNamed("QQuickTabButton", QStringLiteral("Timeline"));
    ui.settle();
    CHECK_FALSE(labelShows(ui, QStringLiteral("Everything checks out")));
    // Closed by hand in Settings.
    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.click(ui.waitNamed("QQuickToolButton", QStringLiteral("Close the message")));
    REQUIRE(waitFor([&] { return ui.controller().statusMessage().isEmpty(); }));

    // A keychain error in Settings, then a lock: the lock screen says nothing about it.
    ui.clickNamed("QQuickSwitch", QStringLiteral("Remember on this device"));
    REQUIRE(waitFor([&] { return labelShows(ui, QStringLiteral("No keychain service")); }));
    ui.controller().lockNow();
    ui.waitPage("UnlockPage");
    ui.settle();
    CHECK(ui.controller().errorMessage().isEmpty());
    CHECK_FALSE(labelShows(ui, QStringLiteral("keychain")));

    // A wrong passphrase is said on the unlock page, where it was typed.
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Passphrase")), QStringLiteral("wrong"));
    ui.typeText(QStringLiteral("\n"));
    REQUIRE(waitFor([&] { return labelShows(ui, QStringLiteral("does not open this vault")); }));
    PT_CHECK_NO_QML_WARNINGS();
}
