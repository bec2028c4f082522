// Every dialog, menu and picker of the app opens, shows its content and closes without a crash
// or a QML warning. The file picker is Qt's QML implementation here (no native dialog offscreen),
// the one that crashed "Attach file..." where Qt.labs.folderlistmodel was not installed; it
// opens in Pictures.
#include <catch2/catch.hpp>

#include "EntryEditor.h"
#include "UiDriver.h"

#include <QBuffer>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

using namespace pt::uitest;

namespace {

// Opens with `open`, waits for `title` on screen, closes with Escape and waits for it to go.
// (A menu shows items, not a title: `type` says what to look for.)
void opensAndCloses(Ui& ui, const QString& title, const std::function<void()>& open, const char* type = "QQuickLabel")
{
    INFO(title.toStdString());
    open();
    REQUIRE(ui.waitText(type, title));
    ui.settle();
    // Buttons say what they do ("Delete", "Set date"), never a bare "OK".
    CHECK(ui.all("QQuickAbstractButton", [](QQuickItem* b) { return b->property("text").toString() == QLatin1String("OK"); })
              .isEmpty());
    ui.key(Qt::Key_Escape);
    REQUIRE(waitFor([&] { return ui.withText(type, title) == nullptr; }));
    ui.settle();
}

} // namespace

TEST_CASE("Every dialog, menu and picker opens and closes", "[ui][dialogs]")
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    REQUIRE(QDir().mkpath(pictures));
    CHECK(pt::gui::EntryEditor::pickerFolder() == QUrl::fromLocalFile(pictures));

    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n%%EOF\n");
        QBuffer source(&pdf);
        REQUIRE(source.open(QIODevice::ReadOnly));
        pt::core::EntryDraft draft;
        draft.title = QStringLiteral("Written warning");
        draft.tags = {QStringLiteral("hr")}; // so the tag filter has a tag to offer
        draft.attachments = {{&source, QStringLiteral("warning.pdf"), QStringLiteral("application/pdf")}};
        REQUIRE(vault.journal().add(draft).ok());
    });
    Ui ui(path);
    ui.unlockWithPassphrase();

    // The timeline's filters: the days (and the calendar for each end) and the tags.
    opensAndCloses(ui, QStringLiteral("Show entries between these days"),
                   [&] { ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show only entries between two days")); });
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show only entries between two days"));
    opensAndCloses(ui, QStringLiteral("First day to show"),
                   [&] { ui.clickNamed("QQuickAbstractButton", QStringLiteral("First day")); });
    opensAndCloses(ui, QStringLiteral("Last day to show"),
                   [&] { ui.clickNamed("QQuickAbstractButton", QStringLiteral("Last day")); });
    ui.key(Qt::Key_Escape);
    REQUIRE(waitFor([&] { return ui.withText("QQuickLabel", QStringLiteral("Show entries between these days")) == nullptr; }));
    opensAndCloses(ui, QStringLiteral("Show entries with these tags"),
                   [&] { ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show only entries with these tags")); });

    // The editor: the file picker, the date and the time.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    ui.waitPage("EditorPage");
    opensAndCloses(ui, QStringLiteral("Attach screenshots or files"),
                   [&] { ui.clickNamed("QQuickAbstractButton", QStringLiteral("Attach a screenshot or a file")); });
    opensAndCloses(ui, QStringLiteral("When did it happen?"),
                   [&] { ui.clickNamed("QQuickAbstractButton", QStringLiteral("Date it happened")); });
    opensAndCloses(ui, QStringLiteral("At what time?"),
                   [&] { ui.clickNamed("QQuickAbstractButton", QStringLiteral("Time it happened")); });
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Close; the draft is kept"));

    // The entry page: delete, purge, open in another app.
    ui.click(ui.waitNamed("EntryCard", QStringLiteral("Written warning, Note")));
    ui.waitPage("EntryPage");
    opensAndCloses(ui, QStringLiteral("Delete this entry?"), [&] {
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("More actions"));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Delete\u2026"));
    });
    opensAndCloses(ui, QStringLiteral("Purge this entry for good?"), [&] {
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("More actions"));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Purge\u2026"));
    });
    opensAndCloses(ui, QStringLiteral("Open in another app?"),
                   [&] { ui.clickNamed("QQuickAbstractButton", QStringLiteral("Open warning.pdf in another app")); });
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));

    // Settings: change the passphrase, a new recovery key.
    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.waitPage("SettingsPage");
    opensAndCloses(ui, QStringLiteral("Change passphrase"),
                   [&] { ui.clickText("QQuickButton", QStringLiteral("Change passphrase\u2026")); });
    opensAndCloses(ui, QStringLiteral("New recovery key"),
                   [&] { ui.clickNamed("QQuickButton", QStringLiteral("Replace the recovery key")); });
    PT_CHECK_NO_QML_WARNINGS();
}
