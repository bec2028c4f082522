// The timeline's filters: picking a kind shows only those entries and the box keeps showing it;
// tags are ticked in a chooser (an entry must have every ticked tag) and days picked on a
// calendar, by mouse and by keyboard; they combine with "Show deleted entries", Clear and "All"
// bring everything back, and a lock resets them.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QDateTime>
#include <QLocale>
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

        QQuickItem* tagButton = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Show only entries with these tags"));
        CHECK(tagButton->property("text").toString() == QLatin1String("All tags"));
        ui.click(tagButton);
        ui.clickNamed("QQuickCheckDelegate", QStringLiteral("praise"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Apply these tags"));
        CHECK(timeline->tagFilter() == QStringList{QStringLiteral("praise")});
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
        CHECK(ui.all("EntryCard").first()->property("title").toString() == QLatin1String("Thank-you from the client"));
        CHECK(tagButton->property("text").toString() == QLatin1String("Tagged: praise"));

        // A lock forgets the view: the next unlock shows the whole timeline again, and the new
        // filter boxes agree with the model.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Lock the vault"));
        CHECK(timeline->tagFilter().isEmpty());
        ui.unlockWithPassphrase();
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 2; }));
        CHECK(timeline->kindFilter().isEmpty());
        CHECK(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Show only entries with these tags"))->property("text").toString() ==
              QLatin1String("All tags"));
        CHECK(ui.waitNamed("QQuickComboBox", QStringLiteral("Show only this kind"))->property("currentText").toString() ==
              QLatin1String("All kinds"));
    }
    PT_CHECK_NO_QML_WARNINGS();
}

namespace {

// The days before today, at noon: the calendar opens on today, so the keyboard counts back.
QDateTime daysAgo(int days) { return QDateTime(QDate::currentDate().addDays(-days), QTime(12, 0)); }

QStringList cardTitles(const Ui& ui)
{
    QStringList titles;
    for (QQuickItem* card : ui.all("EntryCard"))
        titles << card->property("title").toString();
    return titles;
}

// What a screen reader would announce for the focused item: its own name or its nearest named
// ancestor's.
QString focusedName(const Ui& ui)
{
    for (QQuickItem* item = ui.window()->activeFocusItem(); item; item = item->parentItem())
        if (const QString name = accessibleName(item); !name.isEmpty())
            return name;
    return {};
}

// Presses Tab until the item named `name` has the focus (fails after 30 presses).
void tabTo(Ui& ui, const QString& name)
{
    for (int i = 0; i < 30 && focusedName(ui) != name; ++i)
        ui.key(Qt::Key_Tab);
    INFO(name.toStdString());
    REQUIRE(focusedName(ui) == name);
}

} // namespace

TEST_CASE("Timeline filters: several tags and a range of days by keyboard and mouse", "[ui][filters]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        auto add = [&](const QString& kind, const QString& title, const QStringList& tags, int ago) {
            pt::core::EntryDraft draft;
            draft.kind = kind;
            draft.title = title;
            draft.tags = tags;
            draft.occurredAt = daysAgo(ago);
            auto added = vault.journal().add(draft);
            REQUIRE(added.ok());
            return added->latest.entryId;
        };
        add(QStringLiteral("meeting"), QStringLiteral("Check-in with Dana"), {QStringLiteral("pip")}, 4);
        add(QStringLiteral("grade"), QStringLiteral("Grade 2/5"), {QStringLiteral("pip"), QStringLiteral("grades")}, 3);
        add(QStringLiteral("note"), QStringLiteral("Old grade found"), {QStringLiteral("grades")}, 1);
        REQUIRE(vault.journal().tombstone(add(QStringLiteral("note"), QStringLiteral("Lunch"), {}, 0)).ok());
    });
    {
        Ui ui(path);
        auto* timeline = ui.controller().timeline();
        ui.unlockWithPassphrase();
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 3; }));

        // The keyboard goes along the filter row: the kind, the tags, the days, the deleted entries.
        QQuickItem* kindBox = ui.waitNamed("QQuickComboBox", QStringLiteral("Show only this kind"));
        kindBox->forceActiveFocus(Qt::TabFocusReason);
        ui.key(Qt::Key_Tab);
        CHECK(focusedName(ui) == QLatin1String("Show only entries with these tags"));
        ui.key(Qt::Key_Tab);
        CHECK(focusedName(ui) == QLatin1String("Show only entries between two days"));
        ui.key(Qt::Key_Tab);
        REQUIRE(focusedName(ui) == QLatin1String("Show deleted entries"));
        ui.key(Qt::Key_Space);
        CHECK(timeline->showDeleted());
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 4; }));
        ui.key(Qt::Key_Space);
        CHECK_FALSE(timeline->showDeleted());

        // Two tags ticked from the keyboard: only the entry with both is left.
        ui.key(Qt::Key_Backtab);
        ui.key(Qt::Key_Backtab);
        REQUIRE(focusedName(ui) == QLatin1String("Show only entries with these tags"));
        ui.key(Qt::Key_Space);
        ui.waitText("QQuickLabel", QStringLiteral("Show entries with these tags"));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("An entry is shown when it has every tag you tick.")));
        QQuickItem* grades = ui.waitNamed("QQuickCheckDelegate", QStringLiteral("grades"));
        QQuickItem* pip = ui.waitNamed("QQuickCheckDelegate", QStringLiteral("pip"));
        REQUIRE(waitFor([&] { return grades->hasActiveFocus(); }, 2000)); // the first tag, ready to tick
        ui.key(Qt::Key_Space);
        ui.key(Qt::Key_Down);
        REQUIRE(pip->hasActiveFocus());
        ui.key(Qt::Key_Space);
        CHECK(grades->property("checked").toBool());
        CHECK(pip->property("checked").toBool());
        CHECK(timeline->tagFilter().isEmpty()); // nothing until Apply
        tabTo(ui, QStringLiteral("Apply these tags"));
        ui.key(Qt::Key_Space);
        ui.settle(); // the chooser closes
        CHECK(timeline->tagFilter() == (QStringList{QStringLiteral("grades"), QStringLiteral("pip")}));
        REQUIRE(waitFor([&] { return cardTitles(ui) == QStringList{QStringLiteral("Grade 2/5")}; }));
        QQuickItem* tagButton = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Show only entries with these tags"));
        CHECK(tagButton->property("text").toString() == QLatin1String("Tagged: grades, pip"));

        // One tag unticked with the mouse: both pip entries. Cancel keeps what was applied.
        ui.click(tagButton);
        ui.click(ui.waitNamed("QQuickCheckDelegate", QStringLiteral("grades")));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Apply these tags"));
        CHECK(timeline->tagFilter() == QStringList{QStringLiteral("pip")});
        REQUIRE(waitFor([&] { return cardTitles(ui) == (QStringList{QStringLiteral("Grade 2/5"), QStringLiteral("Check-in with Dana")}); }));
        ui.click(tagButton);
        ui.click(ui.waitNamed("QQuickCheckDelegate", QStringLiteral("grades")));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Cancel"));
        CHECK(timeline->tagFilter() == QStringList{QStringLiteral("pip")});

        // The days from the keyboard: from three days ago to yesterday.
        QQuickItem* dayButton = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Show only entries between two days"));
        CHECK(dayButton->property("text").toString() == QLatin1String("Any day"));
        ui.click(dayButton);
        ui.waitText("QQuickLabel", QStringLiteral("Show entries between these days"));
        QQuickItem* first = ui.waitNamed("QQuickAbstractButton", QStringLiteral("First day"));
        CHECK(first->property("text").toString() == QLatin1String("The first entry"));
        REQUIRE(waitFor([&] { return first->hasActiveFocus(); }, 2000));
        ui.key(Qt::Key_Space);
        ui.waitText("QQuickLabel", QStringLiteral("First day to show"));
        for (int i = 0; i < 3; ++i)
            ui.key(Qt::Key_Left);
        ui.key(Qt::Key_Return);
        REQUIRE(waitFor([&] { return ui.withText("QQuickLabel", QStringLiteral("First day to show")) == nullptr; }));
        const QDate today = QDate::currentDate();
        CHECK(first->property("text").toString() == QLocale().toString(today.addDays(-3), QStringLiteral("ddd d MMM yyyy")));
        tabTo(ui, QStringLiteral("Last day"));
        ui.key(Qt::Key_Space);
        ui.waitText("QQuickLabel", QStringLiteral("Last day to show"));
        ui.key(Qt::Key_Left);
        ui.key(Qt::Key_Return);
        REQUIRE(waitFor([&] { return ui.withText("QQuickLabel", QStringLiteral("Last day to show")) == nullptr; }));
        CHECK(timeline->fromDay().isEmpty()); // nothing until Apply
        tabTo(ui, QStringLiteral("Apply these days"));
        ui.key(Qt::Key_Space);
        ui.settle(); // the dialog closes
        CHECK(timeline->fromDay() == today.addDays(-3).toString(Qt::ISODate));
        CHECK(timeline->toDay() == today.addDays(-1).toString(Qt::ISODate));
        // With the pip tag still chosen: the grade three days ago, not the meeting four days ago.
        REQUIRE(waitFor([&] { return cardTitles(ui) == QStringList{QStringLiteral("Grade 2/5")}; }));
        CHECK(dayButton->property("text").toString() ==
              QStringLiteral("%1 to %2").arg(QLocale().toString(today.addDays(-3), QStringLiteral("d MMM yyyy")),
                                            QLocale().toString(today.addDays(-1), QStringLiteral("d MMM yyyy"))));

        // Clear in the tag chooser: every tag again, the days still apply.
        ui.click(tagButton);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Clear the tags: show entries whatever their tags"));
        REQUIRE(waitFor([&] { return ui.withText("QQuickLabel", QStringLiteral("Show entries with these tags")) == nullptr; }));
        CHECK(timeline->tagFilter().isEmpty());
        REQUIRE(waitFor([&] { return cardTitles(ui) == (QStringList{QStringLiteral("Old grade found"), QStringLiteral("Grade 2/5")}); }));

        // A range given backwards cannot be applied, and says why; the open end is set with the mouse.
        ui.click(dayButton);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("No last day"));
        CHECK(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Last day"))->property("text").toString() ==
              QLatin1String("The latest entry"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Apply these days"));
        CHECK(timeline->toDay().isEmpty());
        // Since three days ago, with deleted entries: today's deleted note too.
        ui.clickNamed("QQuickCheckBox", QStringLiteral("Show deleted entries"));
        REQUIRE(waitFor([&] { return cardTitles(ui) == (QStringList{QStringLiteral("Lunch"), QStringLiteral("Old grade found"), QStringLiteral("Grade 2/5")}); }));
        CHECK(dayButton->property("text").toString() ==
              QStringLiteral("From %1").arg(QLocale().toString(today.addDays(-3), QStringLiteral("d MMM yyyy"))));

        ui.click(dayButton);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Last day"));
        ui.waitText("QQuickLabel", QStringLiteral("Last day to show"));
        for (int i = 0; i < 4; ++i)
            ui.key(Qt::Key_Left);
        ui.key(Qt::Key_Return);
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("The first day is after the last one. Choose another first or last day.")));
        CHECK_FALSE(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Apply these days"))->isEnabled());
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Clear the days: show every day"));
        REQUIRE(waitFor([&] { return ui.withText("QQuickLabel", QStringLiteral("Show entries between these days")) == nullptr; }));
        CHECK(timeline->fromDay().isEmpty());
        CHECK(timeline->toDay().isEmpty());
        CHECK_FALSE(timeline->filtered());
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 4; }));
        CHECK(dayButton->property("text").toString() == QLatin1String("Any day"));
    }
    PT_CHECK_NO_QML_WARNINGS();
}

