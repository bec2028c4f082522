// Draft autosave survives a killed app: a child process types into a new note, waits past
// EntryEditor::AutosaveMs and dies by SIGKILL (DraftWriter.h); a fresh engine and controller on
// the same vault then offer the text (and the picked image) back in a new note.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

using namespace pt::uitest;

TEST_CASE("Draft autosave: a note typed before the app was killed comes back", "[ui][drafts]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    const QString png = writePng(tmp.filePath(QStringLiteral("chat.png")));
    const QString text = QStringLiteral("1:1 with Dana: she asked me not to write things down.");

    QProcess writer;
    writer.setProcessChannelMode(QProcess::SeparateChannels);
    writer.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--draft-writer"), path, text, png});
    REQUIRE(writer.waitForStarted());
    REQUIRE(writer.waitForFinished(60000));
    const QString out = QString::fromLocal8Bit(writer.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(writer.readAllStandardError());
    INFO("writer stdout: " << out << "\nwriter stderr: " << err);
    REQUIRE(out.contains(QLatin1String("draft-saved")));
    CHECK(writer.exitStatus() == QProcess::CrashExit); // killed, so nothing ran at shutdown
    CHECK_FALSE(err.contains(QLatin1String("qrc:/PaperTrail")));

    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        pt::core::Vault* vault = ui.controller().vault();
        REQUIRE(vault != nullptr);
        CHECK(vault->journal().count() == 0); // typed, never saved
        auto draft = vault->drafts().load(QStringLiteral("new-note"));
        REQUIRE(draft.ok());
        REQUIRE(draft->has_value());

        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        ui.waitPage("EditorPage");
        QQuickItem* body = ui.waitNamed("QQuickTextArea", QStringLiteral("Notes"));
        CHECK(body->property("text").toString() == text);
        CHECK(ui.editor()->restoredDraft());
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Restored the draft you had not saved.")));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("chat.png (new)")));
        CHECK(ui.waitText("QQuickAbstractButton", QStringLiteral("Discard the draft")));

        // Saving it makes an entry with the image, and the draft is gone.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
        ui.waitPage("EntryPage");
        const QList<pt::core::Entry> entries = vault->journal().entries();
        REQUIRE(entries.size() == 1);
        CHECK(entries.first().latest.body == text);
        REQUIRE(entries.first().latest.attachments.size() == 1);
        CHECK(entries.first().latest.attachments.first().name == QLatin1String("chat.png"));
        draft = vault->drafts().load(QStringLiteral("new-note"));
        REQUIRE(draft.ok());
        CHECK_FALSE(draft->has_value());
    }
    PT_CHECK_NO_QML_WARNINGS();
}

namespace {

// Opens the editor for `kindName` from the + button's menu.
void startFromMenu(Ui& ui, const QString& kindName)
{
    ui.pressAndHold(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Write a new note")));
    ui.clickText("QQuickMenuItem", kindName);
    ui.waitPage("EditorPage");
}

void closeEditor(Ui& ui)
{
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Close; the draft is kept"));
    REQUIRE(waitFor([&] { return ui.page("EditorPage") == nullptr; }));
}

} // namespace

TEST_CASE("Drafts: each kind of capture keeps its own and discarding asks first", "[ui][drafts]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    Ui ui(path);
    ui.unlockWithPassphrase();

    startFromMenu(ui, QStringLiteral("Meeting notes"));
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Notes")), QStringLiteral("Dana said the goal changed"));
    closeEditor(ui);

    // A quick note starts empty: the meeting's draft is not offered for it.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    ui.waitPage("EditorPage");
    CHECK_FALSE(ui.editor()->restoredDraft());
    CHECK(ui.editor()->body().isEmpty());
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Notes")), QStringLiteral("Standup ran late"));
    closeEditor(ui);

    // The meeting's draft is where it was left.
    startFromMenu(ui, QStringLiteral("Meeting notes"));
    CHECK(ui.editor()->restoredDraft());
    CHECK(ui.editor()->kind() == QLatin1String("meeting"));
    CHECK(ui.editor()->body() == QLatin1String("Dana said the goal changed"));

    // Discard asks, and Keep keeps it.
    ui.clickText("QQuickAbstractButton", QStringLiteral("Discard the draft"));
    REQUIRE(ui.waitText("QQuickLabel", QStringLiteral("Discard this draft?")));
    ui.clickText("QQuickAbstractButton", QStringLiteral("Keep"));
    REQUIRE(waitFor([&] { return ui.withText("QQuickLabel", QStringLiteral("Discard this draft?")) == nullptr; }));
    CHECK(ui.editor()->body() == QLatin1String("Dana said the goal changed"));
    ui.clickText("QQuickAbstractButton", QStringLiteral("Discard the draft"));
    ui.clickText("QQuickAbstractButton", QStringLiteral("Discard"));
    REQUIRE(waitFor([&] { return ui.editor()->body().isEmpty(); }));
    CHECK_FALSE(ui.editor()->restoredDraft());
    auto meeting = ui.controller().vault()->drafts().load(QStringLiteral("new-meeting"));
    REQUIRE(meeting.ok());
    CHECK_FALSE(meeting->has_value());
    closeEditor(ui);

    // The note's draft was not touched.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    ui.waitPage("EditorPage");
    CHECK(ui.editor()->restoredDraft());
    CHECK(ui.editor()->body() == QLatin1String("Standup ran late"));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Drafts: the single draft an earlier version kept moves to its kind", "[ui][drafts]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        REQUIRE(vault.drafts()
                    .save(QStringLiteral("new"), {{QStringLiteral("kind"), QStringLiteral("meeting")},
                                                  {QStringLiteral("body"), QStringLiteral("written before the update")}})
                    .ok());
    });
    Ui ui(path);
    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    ui.waitPage("EditorPage");
    CHECK_FALSE(ui.editor()->restoredDraft()); // it was a meeting's, not a note's
    closeEditor(ui);
    startFromMenu(ui, QStringLiteral("Meeting notes"));
    CHECK(ui.editor()->restoredDraft());
    CHECK(ui.editor()->body() == QLatin1String("written before the update"));
    auto legacy = ui.controller().vault()->drafts().load(QStringLiteral("new"));
    REQUIRE(legacy.ok());
    CHECK_FALSE(legacy->has_value());
    PT_CHECK_NO_QML_WARNINGS();
}
