// First run: the create page, the recovery key page and its check, then the recovery key opening
// the vault through the unlock page. The only test that runs the real Argon2id calibration
// (VaultController::create, about a second and up to 512 MiB).
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTemporaryDir>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

TEST_CASE("First run: create a vault, write down the recovery key, open the vault with it", "[ui][first-run]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    {
        Ui ui(path);
        REQUIRE(ui.controller().state() == State::NoVault);
        ui.waitPage("CreateVaultPage");
        CHECK(ui.outsideWindow().isEmpty());

        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("New passphrase")), Passphrase);
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Repeat the passphrase")), Passphrase.chopped(1));
        QQuickItem* create = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Create vault"));
        CHECK(ui.withText("QQuickLabel", QStringLiteral("The two passphrases differ.")) != nullptr);
        CHECK_FALSE(create->isEnabled());
        ui.typeText(Passphrase.right(1));
        REQUIRE(waitFor([&] { return create->isEnabled(); }));
        CHECK(ui.withText("QQuickLabel", QStringLiteral("The two passphrases differ.")) == nullptr);
        ui.click(create);

        // Calibration and creation run on a worker; then the recovery key is shown once.
        QQuickItem* keyPage = ui.waitPage("RecoveryKeyPage", 60000);
        const QString recoveryKey = ui.controller().recoveryKey();
        INFO(ui.controller().errorMessage());
        REQUIRE(recoveryKey.startsWith(QLatin1String("ptrk1")));
        CHECK(ui.controller().state() == State::Unlocked);
        REQUIRE(ui.controller().vault() != nullptr);
        CHECK(pt::core::Vault::exists(path));
        CHECK(ui.controller().vault()->journal().count() == 0);
        // Shown in numbered groups of five after "ptrk1", which together are the key.
        const QStringList groups = ui.controller().recoveryKeyGroups();
        CHECK(QStringLiteral("ptrk1") + groups.join(QString()) == recoveryKey);
        CHECK(groups.first().size() == 5);
        const auto shown = ui.all("QQuickLabel", [](QQuickItem* l) { return l->objectName() == QLatin1String("recoveryGroup"); });
        CHECK(shown.size() == groups.size());
        CHECK(ui.outsideWindow().isEmpty());

        // Copy puts the key on the clipboard and takes it off again (after a minute in the app).
        ui.controller().sensitiveClipboard()->setClearDelay(std::chrono::milliseconds(300));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Copy the recovery key"));
        CHECK(QGuiApplication::clipboard()->text() == recoveryKey);
        CHECK(waitFor([] { return QGuiApplication::clipboard()->text().isEmpty(); }, 5000));

        // The key is hidden, and one whole group is asked back; a wrong one is explained.
        const int group = keyPage->property("checkGroup").toInt();
        REQUIRE(group >= 1);
        REQUIRE(group < groups.size());
        ui.clickText("QQuickAbstractButton", QStringLiteral("I have written it down"));
        ui.settle();
        CHECK(ui.all("QQuickLabel", [](QQuickItem* l) { return l->objectName() == QLatin1String("recoveryGroup"); }).isEmpty());
        QQuickItem* check = ui.waitNamed("QQuickTextField", QStringLiteral("Group %1 of the recovery key").arg(group));
        CHECK(hasSecretInputHints(check)); // keyboards must not learn or suggest the key
        ui.typeInto(check, QStringLiteral("abc"));
        ui.typeText(QStringLiteral("\n"));
        REQUIRE(ui.waitText("QQuickLabel", QStringLiteral("Group %1 has 5 characters; you typed 3. Check it on your paper.").arg(group)));
        CHECK(ui.controller().recoveryGroupMismatch(group, QStringLiteral("bbbbb")).contains(QStringLiteral("never contain")));
        ui.key(Qt::Key_A, Qt::ControlModifier);
        ui.typeText(groups.at(group - 1).toUpper() + QStringLiteral("\n")); // any case
        ui.waitPage("MainView");
        CHECK(ui.controller().recoveryKey().isEmpty());

        // Lock, then open with the recovery key instead of the passphrase.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Lock the vault"));
        REQUIRE(ui.controller().state() == State::Locked);
        ui.waitPage("UnlockPage");
        ui.clickText("QQuickAbstractButton", QStringLiteral("Use the recovery key"));
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Recovery key")), recoveryKey);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Unlock"));
        REQUIRE(waitFor([&] { return ui.controller().state() == State::Unlocked; }));
        ui.waitPage("MainView");
        CHECK(ui.controller().errorMessage().isEmpty());
    }
    PT_CHECK_NO_QML_WARNINGS();
}
