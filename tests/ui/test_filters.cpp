// The timeline's kind and tag filters: picking one shows only those entries, the box keeps
// showing what was picked, "All" brings everything back, and a lock resets them.
#include <catch2/catch.hpp>

#include "UiDriver.h"


#include <QTemporaryDir>

using namespace pt::uitest;

TEST_CASE("Timeline filters by kind and by tag", "[ui][filters]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        pt::core::EntryDraft meeting;
        meeting.kind = QStringLiteral("meeting");
        meeting.title = QStringLiteral("Weekly PIP check-in");
        meeting.tags = {QStringLiteral("pip")};
        REQUIRE(vault.journal().add(meeting).ok());
        pt::core::EntryDraft note;
        note.title = QStringLiteral("Thank-you from the client");
        note.tags = {QStringLiteral("praise")};
        REQUIRE(vault.journal().add(note).ok());
    });
    {
        Ui ui(path);
        auto* timeline = ui.controller().timeline();
        ui.unlockWithPassphrase();
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 2; }));

        QQuickItem* kindBox = ui.waitNamed("QQuickComboBox", QStringLiteral("Show only this kind"));
        ui.click(kindBox);
        ui.clickText("QQuickAbstractButton", QStringLiteral("Meeting notes")); // the kind's name on screen
        CHECK(timeline->kindFilter() == QLatin1String("meeting"));
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
        CHECK(ui.all("EntryCard").first()->property("title").toString() == QLatin1String("Weekly PIP check-in"));
        CHECK(kindBox->property("currentText").toString() == QLatin1String("Meeting notes"));

        ui.click(kindBox);
        ui.clickText("QQuickAbstractButton", QStringLiteral("All kinds"));
        CHECK(timeline->kindFilter().isEmpty());
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 2; }));

        QQuickItem* tagBox = ui.waitNamed("QQuickComboBox", QStringLiteral("Show only this tag"));
        ui.click(tagBox);
        ui.clickText("QQuickAbstractButton", QStringLiteral("praise"));
        CHECK(timeline->tagFilter() == QLatin1String("praise"));
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
        CHECK(ui.all("EntryCard").first()->property("title").toString() == QLatin1String("Thank-you from the client"));
        CHECK(tagBox->property("currentText").toString() == QLatin1String("praise"));

        // A lock forgets the view: the next unlock shows the whole timeline again, and the new
        // filter boxes agree with the model.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Lock the vault"));
        CHECK(timeline->tagFilter().isEmpty());
        ui.unlockWithPassphrase();
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 2; }));
        CHECK(timeline->kindFilter().isEmpty());
        CHECK(ui.waitNamed("QQuickComboBox", QStringLiteral("Show only this tag"))->property("currentText").toString() ==
              QLatin1String("All tags"));
    }
    PT_CHECK_NO_QML_WARNINGS();
}

