// Auto-lock: while the person types, the idle countdown keeps restarting; once they stop, the
// vault locks by itself after the delay, keeping the unsaved note as an encrypted draft.
// The delay is shortened with VaultController::setAutoLockDelayForTesting (the setting's floor
// is one minute).
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

TEST_CASE("Auto-lock fires after the idle delay, not while typing", "[ui][autolock]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        pt::core::EntryDraft draft;
        draft.body = QStringLiteral("Already saved before the test.");
        REQUIRE(vault.journal().add(draft).ok());
    });
    constexpr int DelayMs = 1500;
    {
        Ui ui(path);
        auto& controller = ui.controller();
        ui.unlockWithPassphrase();
        REQUIRE(controller.timeline()->rowCount() == 1);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        QQuickItem* body = ui.waitNamed("QQuickTextArea", QStringLiteral("Notes"));
        REQUIRE(waitFor([&] { return body->hasActiveFocus(); }));
        controller.setAutoLockDelayForTesting(std::chrono::milliseconds(DelayMs));

        // Typing for twice the delay: every key press restarts the countdown.
        const QString text = QStringLiteral("HR meeting moved again");
        QElapsedTimer typing;
        typing.start();
        for (int i = 0; i < text.size(); ++i) {
            if (i > 0)
                QTest::qWait(2 * DelayMs / text.size());
            ui.typeText(text.mid(i, 1));
        }
        QElapsedTimer idle; // from the last key press
        idle.start();
        INFO("typed for " << typing.elapsed() << " ms");
        REQUIRE(typing.elapsed() >= DelayMs);
        CHECK(controller.state() == State::Unlocked);
        CHECK(ui.editor()->body() == text);

        // Idle: it locks by itself, not before the delay.
        REQUIRE(waitFor([&] { return controller.state() == State::Locked; }, 10 * DelayMs));
        CHECK(idle.elapsed() >= DelayMs - 100);
        CHECK(controller.vault() == nullptr);
        CHECK(controller.timeline()->rowCount() == 0);
        ui.waitPage("UnlockPage");
        CHECK(ui.page("EditorPage") == nullptr);
        CHECK(ui.all("EntryCard").isEmpty());

        // The note typed before the lock was kept as a draft.
        controller.setAutoLockDelayForTesting(std::chrono::minutes(5));
        ui.unlockWithPassphrase();
        CHECK(controller.timeline()->rowCount() == 1);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        CHECK(ui.waitNamed("QQuickTextArea", QStringLiteral("Notes"))->property("text").toString() == text);
        CHECK(ui.editor()->restoredDraft());
    }
    PT_CHECK_NO_QML_WARNINGS();
}
