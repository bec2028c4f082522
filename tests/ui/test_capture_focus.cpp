// After choosing a kind from the + button's menu (press and hold), the editor opens with the
// cursor in its notes and what is typed lands there. The closing menu used to hand the focus
// back to the + button once the editor had taken it; only a real window system shows it, so
// ctest also runs this case under Xvfb with the xcb platform (ui_capture_focus_under_xvfb).
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pt::uitest;

TEST_CASE("Capture menu: the chosen kind's editor has the keyboard focus", "[ui][capture][focus]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    Ui ui(path);
    ui.unlockWithPassphrase();

    for (const auto& [kind, label] : {std::pair{"meeting", "Meeting notes"}, std::pair{"grade", "Daily grade"}}) {
        INFO("kind " << kind);
        ui.pressAndHold(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Write a new note")));
        ui.clickText("QQuickMenuItem", QString::fromLatin1(label));
        ui.waitPage("EditorPage");
        QQuickItem* notes = ui.waitNamed("QQuickTextArea", QStringLiteral("Notes"));
        REQUIRE(waitFor([&] { return notes->hasActiveFocus(); }, 3000));
        QTest::qWait(500); // the menu's exit transition has ended and the focus stayed
        CHECK(notes->hasActiveFocus());
        ui.typeText(QStringLiteral("Dana moved the deadline"));
        CHECK(ui.editor()->kind() == QLatin1String(kind));
        CHECK(ui.editor()->body() == QLatin1String("Dana moved the deadline"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
        ui.waitPage("EntryPage");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
        REQUIRE(waitFor([&] { return ui.page("EntryPage") == nullptr; }));
    }
    CHECK(ui.controller().vault()->journal().count() == 2);
    PT_CHECK_NO_QML_WARNINGS();
}
