// Keyboard use on a desktop-sized window: Ctrl+N writes a note (the cursor already in the body),
// Ctrl+S saves it, Ctrl+F searches (the cursor already in the search field), Ctrl+L locks.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QTemporaryDir>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

TEST_CASE("Desktop keyboard: Ctrl+N, Ctrl+S, Ctrl+F and Ctrl+L", "[ui][keyboard]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    {
        Ui ui(path, DesktopSize);
        auto& controller = ui.controller();
        ui.unlockWithPassphrase();

        ui.key(Qt::Key_N, Qt::ControlModifier);
        ui.waitPage("EditorPage");
        QQuickItem* body = ui.waitNamed("QQuickTextArea", QStringLiteral("Notes"));
        REQUIRE(waitFor([&] { return body->hasActiveFocus(); }));
        ui.typeText(QStringLiteral("Skip-level: Morgan asked how the PIP is going."));
        ui.key(Qt::Key_S, Qt::ControlModifier);
        ui.waitPage("EntryPage");
        const QList<pt::core::Entry> entries = controller.vault()->journal().entries();
        REQUIRE(entries.size() == 1);
        CHECK(entries.first().latest.body == QLatin1String("Skip-level: Morgan asked how the PIP is going."));
        CHECK(ui.page("TimelinePage") != nullptr); // still beside the entry

        ui.key(Qt::Key_F, Qt::ControlModifier);
        QQuickItem* field = ui.waitNamed("QQuickTextField", QStringLiteral("Search"));
        REQUIRE(waitFor([&] { return field->hasActiveFocus(); }, 2000));
        ui.typeText(QStringLiteral("Morgan"));
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
        CHECK(controller.timeline()->query() == QLatin1String("Morgan"));

        ui.key(Qt::Key_L, Qt::ControlModifier);
        REQUIRE(waitFor([&] { return controller.state() == State::Locked; }));
        ui.waitPage("UnlockPage");
        CHECK(controller.timeline()->rowCount() == 0);
    }
    PT_CHECK_NO_QML_WARNINGS();
}
