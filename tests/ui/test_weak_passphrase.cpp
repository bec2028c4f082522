// A passphrase someone with a copy of the vault could guess within a day is not taken silently:
// creating the vault needs an explicit "use this weak passphrase anyway", next to the meter's words,
// and the controller refuses it without that yes whatever the page does.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QTemporaryDir>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

TEST_CASE("A weak passphrase needs an explicit yes to create the vault", "[ui][passphrase]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    Ui ui(path);
    ui.waitPage("CreateVaultPage");
    const QString weak = QStringLiteral("password1");
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("New passphrase")), weak);
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Repeat the passphrase")), weak);
    QQuickItem* create = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Create vault"));
    CHECK_FALSE(create->isEnabled());
    CHECK_FALSE(ui.all("QQuickLabel", [](QQuickItem* l) {
                      return l->property("text").toString().startsWith(QStringLiteral("Guessing it would take"));
                  }).isEmpty());
    // The controller itself refuses it without the yes.
    ui.controller().create(weak, false, false);
    CHECK(ui.controller().errorMessage().contains(QStringLiteral("could guess that passphrase")));
    CHECK(ui.controller().state() == State::NoVault);

    ui.clickNamed("QQuickCheckBox", QStringLiteral("Use this weak passphrase anyway"));
    REQUIRE(waitFor([&] { return create->isEnabled(); }));
    ui.click(create);
    REQUIRE(waitFor([&] { return ui.controller().state() == State::Unlocked; }, 30000));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Changing to a weak passphrase needs the same explicit yes", "[ui][passphrase]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    Ui ui(path);
    ui.unlockWithPassphrase();
    ui.controller().changePassphrase(Passphrase, QStringLiteral("password1"));
    CHECK(ui.controller().errorMessage().contains(QStringLiteral("could guess that passphrase")));
    CHECK_FALSE(ui.controller().busy());
    PT_CHECK_NO_QML_WARNINGS();
}
