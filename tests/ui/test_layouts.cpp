// Phone (390x844, one column) and desktop (1280x800, list and detail side by side): every page
// loads and works without a single QML warning or binding loop, and the desktop window survives
// being narrowed to a phone's width and widened again. With a large system font the text grows
// and still no control runs off the side of the window.
#include <catch2/catch.hpp>

#include "TextScale.h"
#include "UiDriver.h"

#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

namespace {

// A vault with a meeting and a note that has an image and two revisions.
QString seededVault(QTemporaryDir& tmp)
{
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::Journal& journal = vault.journal();
        pt::core::EntryDraft meeting;
        meeting.kind = QStringLiteral("meeting");
        meeting.title = QStringLiteral("Weekly PIP check-in");
        meeting.body = QStringLiteral("Dana: the report was late.");
        meeting.fields = QJsonObject{{QStringLiteral("attendees"), QJsonArray{QStringLiteral("Dana Lee")}},
                                     {QStringLiteral("agreements"), QStringLiteral("Reports on Fridays")}};
        REQUIRE(journal.add(meeting).ok());

        QFile png(writePng(tmp.filePath(QStringLiteral("screen.png"))));
        REQUIRE(png.open(QIODevice::ReadOnly));
        pt::core::EntryDraft note;
        note.title = QStringLiteral("Slack message");
        note.body = QStringLiteral("Sam praised the release in #general.");
        note.tags = {QStringLiteral("praise")};
        note.attachments = {{&png, QStringLiteral("screen.png"), QStringLiteral("image/png")}};
        auto added = journal.add(note);
        REQUIRE(added.ok());
        pt::core::EntryChange change;
        change.body = QStringLiteral("Sam praised the release in #general, with a link.");
        REQUIRE(journal.edit(added->latest.entryId, change).ok());
    });
    return path;
}

void checkFitsWidth(const Ui& ui, const char* where)
{
    const QStringList outside = ui.outsideWindow();
    INFO(where << ": " << outside.join(QStringLiteral("; ")).toStdString());
    CHECK(outside.isEmpty());
}

void tour(QSize size)
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = seededVault(tmp);
    const bool wide = size.width() >= 840;
    {
        Ui ui(path, size);
        ui.waitPage("UnlockPage");
        ui.unlockWithPassphrase();
        QQuickItem* mainView = ui.waitPage("MainView");
        CHECK(mainView->property("wide").toBool() == wide);
        ui.waitPage("TimelinePage");
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 2; }));
        checkFitsWidth(ui, "timeline");

        // Open the note: on a phone it covers the list, on a desktop it sits beside it.
        QQuickItem* card = ui.waitNamed("EntryCard", QStringLiteral("Slack message, Note"));
        ui.click(card);
        QQuickItem* entry = ui.waitPage("EntryPage");
        CHECK(ui.all("RevisionCard").size() == 2);
        checkFitsWidth(ui, "entry");
        if (wide) {
            CHECK(ui.page("TimelinePage") != nullptr);
            CHECK(entry->mapToScene(QPointF(0, 0)).x() >= card->mapToScene(QPointF(card->width(), 0)).x());
            CHECK(card->property("highlighted").toBool()); // the open entry is marked in the list
        } else {
            CHECK(ui.page("TimelinePage") == nullptr);
            CHECK(ui.named("QQuickTabButton", QStringLiteral("Timeline")) == nullptr); // no tab bar over an entry
        }

        // Its editor, closed again with the draft kept.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Edit this entry"));
        ui.waitPage("EditorPage");
        checkFitsWidth(ui, "editor");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Close; the draft is kept"));
        ui.waitPage("EntryPage");
        if (!wide) {
            ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
            ui.waitPage("TimelinePage");
        }

        // The meeting, with its structured fields.
        ui.click(ui.waitNamed("EntryCard", QStringLiteral("Weekly PIP check-in, Meeting notes")));
        ui.waitPage("EntryPage");
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Reports on Fridays")));
        if (!wide) {
            ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
            ui.waitPage("TimelinePage");
        }

        // A new meeting note.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        ui.waitPage("EditorPage");
        ui.clickNamed("QQuickComboBox", QStringLiteral("Kind of entry"));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Meeting notes"));
        CHECK(ui.waitNamed("QQuickTextField", QStringLiteral("Attendees")));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Close; the draft is kept"));
        REQUIRE(waitFor([&] { return ui.page("EditorPage") == nullptr; }));

        // Search and settings.
        ui.clickNamed("QQuickTabButton", QStringLiteral("Search"));
        QQuickItem* field = ui.waitNamed("QQuickTextField", QStringLiteral("Search"));
        // Ready to type (wide, the phone stack's hidden search page used to take the focus).
        CHECK(waitFor([&] { return field->hasActiveFocus(); }, 2000));
        CHECK(ui.window()->activeFocusItem() == field);
        ui.typeInto(field, QStringLiteral("praised"));
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
        CHECK(ui.all("EntryCard").first()->property("snippet").toString().contains(QLatin1String("<b>praised</b>")));
        ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
        ui.waitPage("SettingsPage");
        QQuickItem* minutes = ui.waitNamed("QQuickSpinBox", QStringLiteral("Minutes of inactivity before locking"));
        CHECK(minutes->property("value").toInt() == ui.controller().autoLockMinutes());
        checkFitsWidth(ui, "settings");
        // A new note is one tap away from here too.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        ui.waitPage("EditorPage");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Close; the draft is kept"));
        REQUIRE(waitFor([&] { return ui.page("EditorPage") == nullptr; }));
        ui.waitPage("SettingsPage");

        if (wide) {
            // Narrowed to a phone's width and widened again.
            ui.window()->resize(PhoneSize);
            REQUIRE(waitFor([&] { return !mainView->property("wide").toBool(); }));
            ui.waitPage("SettingsPage");
            ui.window()->resize(size);
            REQUIRE(waitFor([&] { return mainView->property("wide").toBool(); }));
            ui.waitPage("SettingsPage");
        }

        ui.clickText("QQuickAbstractButton", QStringLiteral("Lock now"));
        REQUIRE(ui.controller().state() == State::Locked);
        ui.waitPage("UnlockPage");
        checkFitsWidth(ui, "unlock");
    }
    PT_CHECK_NO_QML_WARNINGS();
}

} // namespace

TEST_CASE("Phone layout (390x844): every page without QML warnings", "[ui][layout]") { tour(PhoneSize); }

TEST_CASE("Desktop layout (1280x800): every page without QML warnings", "[ui][layout]") { tour(DesktopSize); }

TEST_CASE("Phone layout with the system font at 1.5 times Material's: text grows and fits", "[ui][layout]")
{
    const QFont original = QGuiApplication::font();
    QFont large = original;
    large.setPixelSize(21);
    QGuiApplication::setFont(large);
    {
        pt::gui::TextScale scale;
        CHECK(scale.factor() == Approx(1.5));
        CHECK(scale.body() == 21);
        CHECK(scale.title() == 30);
    }
    tour(PhoneSize);
    {
        QTemporaryDir tmp;
        REQUIRE(tmp.isValid());
        Ui ui(tmp.filePath(QStringLiteral("new-vault")));
        ui.waitPage("CreateVaultPage");
        checkFitsWidth(ui, "create");
    }
    QGuiApplication::setFont(original);
}

TEST_CASE("Text never shrinks below Material's sizes, nor grows past three times", "[ui][layout]")
{
    CHECK(pt::gui::TextScale::factorFor(9) == 1.0);
    CHECK(pt::gui::TextScale::factorFor(14) == 1.0);
    CHECK(pt::gui::TextScale::factorFor(28) == Approx(2.0));
    CHECK(pt::gui::TextScale::factorFor(100) == Approx(3.0));
}
