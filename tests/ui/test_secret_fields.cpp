// Every field where a passphrase or the recovery key is typed tells the keyboard it holds a
// secret: no learning it, no suggestions, no capitals (on a phone a predictive keyboard would
// otherwise keep the passphrase in its dictionary). Passphrases are also masked. The recovery key
// page is checked in test_first_run, the only test that creates a vault through the app.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QTemporaryDir>

using namespace pt::uitest;

namespace {

constexpr int PasswordEcho = 2; // TextInput.Password

void checkSecretField(Ui& ui, const QString& name, bool masked)
{
    QQuickItem* field = ui.waitNamed("QQuickTextField", name);
    INFO(name.toStdString());
    CHECK(hasSecretInputHints(field));
    if (masked)
        CHECK(field->property("echoMode").toInt() == PasswordEcho);
}

// Whatever else is on screen: a masked field is a secret field.
void checkEveryMaskedField(const Ui& ui)
{
    const auto masked = ui.all("QQuickTextField", [](QQuickItem* f) { return f->property("echoMode").toInt() == PasswordEcho; });
    CHECK_FALSE(masked.isEmpty());
    for (QQuickItem* field : masked) {
        INFO(accessibleName(field).toStdString());
        CHECK(hasSecretInputHints(field));
    }
}

} // namespace

TEST_CASE("Secret fields: the create page's passphrase fields", "[ui][secrets]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    Ui ui(tmp.filePath(QStringLiteral("vault")));
    ui.waitPage("CreateVaultPage");
    checkSecretField(ui, QStringLiteral("New passphrase"), true);
    checkSecretField(ui, QStringLiteral("Repeat the passphrase"), true);
    checkEveryMaskedField(ui);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Secret fields: unlock with the passphrase or the recovery key, change the passphrase", "[ui][secrets]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    Ui ui(path);
    ui.waitPage("UnlockPage");
    checkSecretField(ui, QStringLiteral("Passphrase"), true);
    checkEveryMaskedField(ui);
    ui.clickText("QQuickAbstractButton", QStringLiteral("Use the recovery key"));
    checkSecretField(ui, QStringLiteral("Recovery key"), false);
    ui.clickText("QQuickAbstractButton", QStringLiteral("Use my passphrase"));

    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.waitPage("SettingsPage");
    ui.clickText("QQuickAbstractButton", QStringLiteral("Change passphrase\u2026"));
    checkSecretField(ui, QStringLiteral("New passphrase"), true);
    checkSecretField(ui, QStringLiteral("Repeat the new passphrase"), true);
    checkEveryMaskedField(ui);
    ui.key(Qt::Key_Escape);
    ui.settle();
    PT_CHECK_NO_QML_WARNINGS();
}
