#include "DraftWriter.h"

#include "UiDriver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <cstdio>

namespace pt::uitest {

int runDraftWriter(const QString& vaultPath, const QString& text, const QString& attachment)
{
    Ui ui(vaultPath);
    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    QQuickItem* body = ui.waitNamed("QQuickTextArea", QStringLiteral("Notes"));
    ensure(waitFor([&] { return body->hasActiveFocus(); }), QStringLiteral("the new note's body has no focus"));
    ui.typeText(text);
    if (!attachment.isEmpty()) {
        ensure(ui.editor() != nullptr, QStringLiteral("no editor behind the editor page"));
        ui.editor()->addFiles({QUrl::fromLocalFile(attachment)});
    }
    QElapsedTimer sinceTyping;
    sinceTyping.start();

    // Only the autosave timer writes the draft while the editor stays open.
    core::Vault* vault = ui.controller().vault();
    ensure(vault != nullptr, QStringLiteral("the vault is not unlocked"));
    auto stored = [&] {
        auto draft = vault->drafts().load(QStringLiteral("new-note"));
        return draft.ok() && draft->has_value() && (**draft).value(QStringLiteral("body")).toString() == text;
    };
    QTest::qWait(gui::EntryEditor::AutosaveMs / 2);
    ensure(!stored(), QStringLiteral("the draft was written before the autosave delay"));
    ensure(waitFor(stored, gui::EntryEditor::AutosaveMs + 5000), QStringLiteral("the draft was never autosaved"));
    ensure(sinceTyping.elapsed() >= gui::EntryEditor::AutosaveMs - 200,
           QStringLiteral("the draft was written after %1 ms, before the autosave delay").arg(sinceTyping.elapsed()));

    std::printf("draft-saved after %lld ms\n", static_cast<long long>(sinceTyping.elapsed()));
    std::fflush(stdout);
    std::raise(SIGKILL);
    return 3; // not reached
}

} // namespace pt::uitest
