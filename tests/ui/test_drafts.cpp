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
        auto draft = vault->drafts().load(QStringLiteral("new"));
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
        draft = vault->drafts().load(QStringLiteral("new"));
        REQUIRE(draft.ok());
        CHECK_FALSE(draft->has_value());
    }
    PT_CHECK_NO_QML_WARNINGS();
}
