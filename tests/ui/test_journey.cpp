// The path through the app, in one sitting on a phone-sized window: unlock (a wrong
// passphrase first), quick capture with an image, lock from the toolbar, unlock, find the note
// by search, edit it, see both revisions, delete it, and still see its history. After each step
// the vault itself is checked, not only what QML shows.
#include <catch2/catch.hpp>

#include "vault/EntryRevision.h"
#include "TimelineModel.h"
#include "UiDriver.h"

#include <QFileInfo>
#include <QTemporaryDir>

using namespace pt::uitest;
using pt::gui::TimelineModel;
using State = pt::gui::VaultController::State;

namespace {

const QString FirstBody = QStringLiteral("Standup: Dana said the Q3 deadline moved to Friday, in front of Sam.");
const QString SecondBody =
    QStringLiteral("Standup: Dana said the Q3 deadline moved to Thursday, in front of Sam and Priya.");

QVariant row(TimelineModel* model, int row, int role) { return model->data(model->index(row, 0), role); }

} // namespace

TEST_CASE("Journey: unlock, capture a note with an image, lock, search, edit, delete", "[ui][journey]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    const QString png = writePng(tmp.filePath(QStringLiteral("whiteboard.png")));
    {
        Ui ui(path);
        auto& controller = ui.controller();
        TimelineModel* timeline = controller.timeline();
        REQUIRE(controller.state() == State::Locked);

        // 1. Unlock: a wrong passphrase shows the error and stays locked; the right one opens.
        ui.waitPage("UnlockPage");
        QQuickItem* secret = ui.waitNamed("QQuickTextField", QStringLiteral("Passphrase"));
        CHECK(secret->hasActiveFocus()); // the page opens ready to type
        ui.typeInto(secret, QStringLiteral("incorrect horse"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Unlock"));
        REQUIRE(waitFor([&] { return !controller.busy() && !controller.errorMessage().isEmpty(); }));
        CHECK(controller.state() == State::Locked);
        CHECK(controller.vault() == nullptr);
        CHECK(ui.waitText("QQuickLabel", controller.errorMessage()) != nullptr);
        CHECK(secret->property("text").toString().isEmpty());
        ui.typeInto(secret, Passphrase);
        ui.key(Qt::Key_Return); // Enter in the field unlocks too
        REQUIRE(waitFor([&] { return controller.state() == State::Unlocked; }));
        ui.waitPage("MainView");
        CHECK(controller.errorMessage().isEmpty());
        REQUIRE(controller.vault() != nullptr);
        CHECK(timeline->rowCount() == 0);

        // 2. Quick capture: the button opens the editor with the cursor in the body.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        ui.waitPage("EditorPage");
        QQuickItem* body = ui.waitNamed("QQuickTextArea", QStringLiteral("Notes"));
        REQUIRE(waitFor([&] { return body->hasActiveFocus(); }));
        ui.typeText(FirstBody);
        pt::gui::EntryEditor* editor = ui.editor();
        REQUIRE(editor != nullptr);
        CHECK(editor->body() == FirstBody);
        CHECK(editor->kind() == QLatin1String("note"));
        // A FileDialog cannot be driven offscreen: hand the editor what the dialog would.
        editor->addFiles({QUrl::fromLocalFile(png)});
        ui.waitText("QQuickLabel", QStringLiteral("whiteboard.png (new)"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
        CHECK(editor->errorMessage().isEmpty());

        // Saved: the phone shows the new entry.
        ui.waitPage("EntryPage");
        // Locking replaces the journal object, so it is looked up afresh every time.
        auto journal = [&]() -> pt::core::Journal& {
            REQUIRE(controller.vault() != nullptr);
            return controller.vault()->journal();
        };
        REQUIRE(journal().entries().size() == 1);
        const pt::core::Entry saved = journal().entries().first();
        const QString id = saved.latest.entryId;
        CHECK(saved.latest.body == FirstBody);
        REQUIRE(saved.latest.attachments.size() == 1);
        CHECK(saved.latest.attachments.first().name == QLatin1String("whiteboard.png"));
        CHECK(saved.latest.attachments.first().mime == QLatin1String("image/png"));
        CHECK(saved.latest.attachments.first().size == QFileInfo(png).size());
        REQUIRE(timeline->rowCount() == 1);
        CHECK(row(timeline, 0, TimelineModel::IdRole).toString() == id);
        CHECK(row(timeline, 0, TimelineModel::AttachmentCountRole).toInt() == 1);
        const QString thumbnail = row(timeline, 0, TimelineModel::ThumbnailRole).toString();
        CHECK(thumbnail == QStringLiteral("image://attachment/%1/whiteboard.png").arg(id));
        CHECK(ui.waitNamed("QQuickTextEdit", QStringLiteral("Entry text"))->property("text").toString() == FirstBody);
        CHECK(ui.details()->revisionCount() == 1);
        CHECK(ui.all("RevisionCard").size() == 1);

        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
        ui.waitPage("TimelinePage");
        const auto cards = ui.all("EntryCard");
        REQUIRE(cards.size() == 1);
        CHECK(cards.first()->property("entryId").toString() == id);
        CHECK(cards.first()->property("thumbnail").toString() == thumbnail);
        // The thumbnail resolves only if main.cpp registers an "attachment" image provider.
        QQuickItem* preview = ui.named("QQuickImage", QStringLiteral("Screenshot preview"));
        REQUIRE(preview != nullptr);
        if (ui.engine().imageProvider(QStringLiteral("attachment"))) {
            CHECK(waitFor([&] { return preview->property("status").toInt() == 1; })); // Image.Ready
        } else {
            WARN("No \"attachment\" image provider is registered on the engine (app/gui/main.cpp adds none), "
                 "so thumbnails and attached images cannot load.");
            CHECK(preview->property("status").toInt() == 3); // Image.Error
        }

        // 3. Lock from the toolbar: keys and models are gone and the unlock page shows.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Lock the vault"));
        REQUIRE(controller.state() == State::Locked);
        CHECK(controller.vault() == nullptr);
        CHECK(timeline->rowCount() == 0);
        ui.waitPage("UnlockPage");
        CHECK(ui.all("EntryCard").isEmpty());
        CHECK(ui.page("MainView") == nullptr);
        ui.unlockWithPassphrase();
        CHECK(timeline->rowCount() == 1);

        // 4. Search: the tab, a word from the note; the hit shows the word highlighted.
        ui.clickNamed("QQuickTabButton", QStringLiteral("Search"));
        QQuickItem* searchField = ui.waitNamed("QQuickTextField", QStringLiteral("Search"));
        CHECK(waitFor([&] { return searchField->hasActiveFocus(); })); // ready to type
        ui.typeInto(searchField, QStringLiteral("deadline"));
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
        CHECK(timeline->query() == QLatin1String("deadline"));
        REQUIRE(timeline->rowCount() == 1);
        CHECK(row(timeline, 0, TimelineModel::IdRole).toString() == id);
        const QString snippet = row(timeline, 0, TimelineModel::SnippetRole).toString();
        INFO("snippet: " << snippet);
        CHECK(snippet.contains(QLatin1String("<b>deadline</b>")));
        QQuickItem* hit = ui.all("EntryCard").first();
        CHECK(hit->property("snippet").toString() == snippet);
        CHECK(ui.withText("QQuickLabel", snippet) != nullptr); // shown as rich text
        // A word that is not there says so.
        ui.typeText(QStringLiteral("zzz"));
        REQUIRE(waitFor([&] { return ui.all("EntryCard").isEmpty(); }));
        CHECK(ui.withText("QQuickLabel", QStringLiteral("Nothing matches \u201Cdeadlinezzz\u201D.")) != nullptr);
        for (int i = 0; i < 3; ++i)
            ui.key(Qt::Key_Backspace);
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
        ui.click(ui.all("EntryCard").first());

        // 5. Edit: a new revision; the entry view lists both, the newer one saying the body changed.
        ui.waitPage("EntryPage");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Edit this entry"));
        ui.waitPage("EditorPage");
        body = ui.waitNamed("QQuickTextArea", QStringLiteral("Notes"));
        CHECK(body->property("text").toString() == FirstBody);
        CHECK(ui.editor()->entryId() == id);
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("whiteboard.png")) != nullptr); // kept, not "(new)"
        ui.click(body);
        ui.key(Qt::Key_A, Qt::ControlModifier);
        ui.typeText(SecondBody);
        CHECK(ui.editor()->body() == SecondBody);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
        ui.waitPage("EntryPage");
        REQUIRE(waitFor([&] { return ui.details() && ui.details()->revisionCount() == 2; }));
        CHECK(ui.waitNamed("QQuickTextEdit", QStringLiteral("Entry text"))->property("text").toString() == SecondBody);
        CHECK(ui.all("RevisionCard").size() == 2);
        CHECK(ui.withText("QQuickLabel", QStringLiteral("Body")) != nullptr); // its changed words below it
        const QVariantList history = ui.details()->history();
        REQUIRE(history.size() == 2);
        CHECK(history.first().toMap().value(QStringLiteral("revision")).toInt() == 2); // newest first
        CHECK(history.first().toMap().value(QStringLiteral("changed")).toStringList() ==
              QStringList{QStringLiteral("body")});
        auto revisions = journal().history(id);
        REQUIRE(revisions.ok());
        REQUIRE(revisions->size() == 2);
        CHECK(revisions->at(0).body == FirstBody);
        CHECK(revisions->at(1).body == SecondBody);
        CHECK(pt::core::changedFields(revisions->at(0), revisions->at(1)).contains(QLatin1String("body")));
        CHECK(revisions->at(1).attachments.size() == 1);

        // 6. Delete through the menu and the confirmation dialog.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("More actions"));
        ui.clickText("QQuickMenuItem", QStringLiteral("Delete\u2026"));
        ui.waitText("QQuickLabel", QStringLiteral("Delete this entry?"));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Delete"));
        REQUIRE(waitFor([&] { return ui.page("EntryPage") == nullptr; }));
        // Back on the search results, which no longer hold it.
        CHECK(ui.waitNamed("QQuickTextField", QStringLiteral("Search"))->property("text").toString() ==
              QLatin1String("deadline"));
        CHECK(ui.all("EntryCard").isEmpty());
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Nothing matches \u201Cdeadline\u201D.")));
        ui.clickNamed("QQuickTabButton", QStringLiteral("Timeline"));
        ui.waitPage("TimelinePage");
        CHECK(timeline->rowCount() == 0);
        CHECK(timeline->indexOf(id) == -1);
        CHECK(ui.all("EntryCard").isEmpty());
        CHECK(journal().entries().isEmpty());
        const QList<pt::core::Entry> withDeleted = journal().entries(true);
        REQUIRE(withDeleted.size() == 1);
        CHECK(withDeleted.first().latest.entryId == id);
        CHECK(withDeleted.first().deleted);
        revisions = journal().history(id);
        REQUIRE(revisions.ok());
        CHECK(revisions->size() == 2);

        // "Show deleted entries" brings it back into the timeline, marked, and its page still
        // shows its history.
        ui.clickNamed("QQuickCheckBox", QStringLiteral("Show deleted entries"));
        CHECK(timeline->showDeleted());
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
        QQuickItem* deletedCard = ui.all("EntryCard").first();
        CHECK(deletedCard->property("deleted").toBool());
        CHECK(accessibleName(deletedCard).endsWith(QLatin1String(", deleted")));
        ui.click(deletedCard);
        ui.waitPage("EntryPage");
        CHECK(ui.waitText("QQuickLabel",
                          QStringLiteral("Deleted: hidden from the timeline unless \u201CShow deleted entries\u201D is on. Its history is kept below.")));
        CHECK(ui.all("RevisionCard").size() == 3); // two revisions and the deletion
        CHECK(ui.details()->deleted());
        CHECK_FALSE(ui.named("QQuickAbstractButton", QStringLiteral("Edit this entry"))->isEnabled());
    }
    PT_CHECK_NO_QML_WARNINGS();
}
