// Keyboard use on a desktop-sized window: Ctrl+N writes a note (the cursor already in the body),
// Ctrl+S saves it, Ctrl+F searches (the cursor already in the search field), Ctrl+L locks; Tab
// reaches every control, each announced by name, and opens an entry from the list.
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
        // A note without a title is listed, and headed, by the first line of what was written.
        CHECK(ui.waitNamed("EntryCard", QStringLiteral("Skip-level: Morgan asked how the PIP is going., Note")));
        CHECK(ui.details()->headline() == QLatin1String("Skip-level: Morgan asked how the PIP is going."));

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

namespace {

// What a screen reader would announce for the focused item: its own name or its nearest named
// ancestor's (a TextField's inner text input, say).
QString focusedName(const Ui& ui)
{
    QQuickItem* focused = ui.window()->activeFocusItem();
    for (QQuickItem* item = focused; item; item = item->parentItem())
        if (const QString name = accessibleName(item); !name.isEmpty())
            return name;
    return focused ? QStringLiteral("<unnamed %1>").arg(QString::fromLatin1(focused->metaObject()->className()))
                   : QStringLiteral("<nothing>");
}

} // namespace

TEST_CASE("Desktop keyboard: Tab reaches every control of the editor and each has a name", "[ui][keyboard]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        pt::core::EntryDraft note;
        note.title = QStringLiteral("Standup: Dana cut me off");
        REQUIRE(vault.journal().add(note).ok());
    });
    {
        Ui ui(path, DesktopSize);
        ui.unlockWithPassphrase();
        ui.key(Qt::Key_N, Qt::ControlModifier);
        ui.waitPage("EditorPage");
        QQuickItem* title = ui.waitNamed("QQuickTextField", QStringLiteral("Title"));
        ui.click(title);
        REQUIRE(waitFor([&] { return title->hasActiveFocus(); }));
        ui.typeText(QStringLiteral("Skip-level"));

        // Once round the whole window and back to the title; the multi-line fields pass Tab on.
        QStringList visited;
        for (int i = 0; i < 60 && visited.size() == i; ++i) {
            ui.key(Qt::Key_Tab);
            if (ui.window()->activeFocusItem() != title)
                visited << focusedName(ui);
        }
        INFO(visited.join(QStringLiteral(" | ")).toStdString());
        REQUIRE(visited.size() < 60); // came back to the title
        CHECK(visited.filter(QStringLiteral("<unnamed")).isEmpty());
        const QStringList inOrder = {QStringLiteral("Date it happened"), QStringLiteral("Time it happened"),
                                     QStringLiteral("Set the time to now"), QStringLiteral("Notes"),
                                     QStringLiteral("Tags"), QStringLiteral("Attach a screenshot or a file")};
        qsizetype at = -1;
        for (const QString& name : inOrder) {
            const qsizetype next = visited.indexOf(name);
            CHECK(next > at);
            at = next;
        }
        for (const char* name : {"Save this entry", "Close; the draft is kept", "Kind of entry", "Search",
                                 "Lock the vault", "Standup: Dana cut me off, Note"})
            CHECK(visited.contains(QString::fromLatin1(name)));

        // The entry in the list opens from the keyboard.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Close; the draft is kept"));
        REQUIRE(waitFor([&] { return ui.page("EditorPage") == nullptr; }));
        for (int i = 0; i < 60 && focusedName(ui) != QLatin1String("Standup: Dana cut me off, Note"); ++i)
            ui.key(Qt::Key_Tab);
        REQUIRE(focusedName(ui) == QLatin1String("Standup: Dana cut me off, Note"));
        ui.key(Qt::Key_Space);
        ui.waitPage("EntryPage");
        CHECK(ui.details()->title() == QLatin1String("Standup: Dana cut me off"));
    }
    PT_CHECK_NO_QML_WARNINGS();
}
