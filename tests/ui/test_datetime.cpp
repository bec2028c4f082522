// When it happened: a new note starts at now; the date is picked on a calendar (by tapping, and
// with the keyboard), the time on two wheels, "Now" puts it back, and the saved entry keeps what
// was picked.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QLocale>
#include <QTemporaryDir>

using namespace pt::uitest;

namespace {

// The calendar's name for a day, as a screen reader says it ("15 October 2026").
QString dayName(QDate date) { return QLocale().toString(date, QStringLiteral("d MMMM yyyy")); }

} // namespace

TEST_CASE("Date and time pickers set when a note happened", "[ui][editor]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        ui.waitPage("EditorPage");
        pt::gui::EntryEditor* editor = ui.editor();
        REQUIRE(editor != nullptr);
        const QDateTime start = editor->occurredAt();
        CHECK(std::abs(start.secsTo(QDateTime::currentDateTime())) < 60);

        // Tap: the previous month, then its 15th.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Date it happened"));
        ui.waitText("QQuickLabel", QStringLiteral("When did it happen?"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Previous month"));
        const QDate fifteenth = QDate(start.date().year(), start.date().month(), 15).addMonths(-1);
        ui.clickNamed("QQuickAbstractButton", dayName(fifteenth));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Set date"));
        REQUIRE(waitFor([&] { return editor->occurredAt().date() == fifteenth; }));
        CHECK(editor->occurredAt().time().hour() == start.time().hour());
        CHECK(editor->occurredAt().time().minute() == start.time().minute());
        CHECK(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Date it happened"))->property("text").toString() ==
              QLocale().toString(fifteenth, QStringLiteral("ddd d MMM yyyy")));

        // Keyboard: two days on, a month on, Return.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Date it happened"));
        ui.waitText("QQuickLabel", QStringLiteral("When did it happen?"));
        ui.key(Qt::Key_Right);
        ui.key(Qt::Key_Right);
        ui.key(Qt::Key_PageDown);
        ui.key(Qt::Key_Return);
        const QDate keyed = fifteenth.addDays(2).addMonths(1);
        REQUIRE(waitFor([&] { return editor->occurredAt().date() == keyed; }));
        ui.settle();

        // The time, on the wheels: a few hours on, then the minutes, then Set time.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Time it happened"));
        ui.waitText("QQuickLabel", QStringLiteral("At what time?"));
        QQuickItem* hours = ui.waitNamed("QQuickTumbler", QStringLiteral("Hour"));
        QQuickItem* minutes = ui.waitNamed("QQuickTumbler", QStringLiteral("Minute"));
        REQUIRE(waitFor([&] { return hours->hasActiveFocus(); }));
        CHECK(hours->property("currentIndex").toInt() == start.time().hour());
        ui.key(Qt::Key_Down);
        ui.key(Qt::Key_Down);
        ui.key(Qt::Key_Down);
        ui.key(Qt::Key_Right);
        REQUIRE(waitFor([&] { return minutes->hasActiveFocus(); }));
        ui.key(Qt::Key_Up);
        const int pickedHour = hours->property("currentIndex").toInt();
        const int pickedMinute = minutes->property("currentIndex").toInt();
        CHECK(pickedHour == (start.time().hour() + 3) % 24);
        CHECK(pickedMinute == (start.time().minute() + 59) % 60);
        ui.clickText("QQuickAbstractButton", QStringLiteral("Set time"));
        REQUIRE(waitFor([&] { return editor->occurredAt().time() == QTime(pickedHour, pickedMinute); }));
        CHECK(editor->occurredAt().date() == keyed);

        // Cancel changes nothing.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Date it happened"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Previous month"));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Cancel"));
        ui.settle();
        CHECK(editor->occurredAt().date() == keyed);

        // Saved as picked.
        ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Notes")),
                    QStringLiteral("The 1:1 that was moved twice."));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
        ui.waitPage("EntryPage"); // the phone shows the saved entry
        const QList<pt::core::Entry> entries = ui.controller().vault()->journal().entries();
        REQUIRE(entries.size() == 1);
        CHECK(entries.first().latest.occurredAt.toLocalTime() == QDateTime(keyed, QTime(pickedHour, pickedMinute)));

        // "Now" in a new note's editor puts the time back to the present.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        ui.waitPage("EditorPage");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Date it happened"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Previous month"));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Set date"));
        REQUIRE(waitFor([&] { return ui.editor()->occurredAt().daysTo(QDateTime::currentDateTime()) > 20; }));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Set the time to now"));
        CHECK(std::abs(ui.editor()->occurredAt().secsTo(QDateTime::currentDateTime())) < 60);
    }
    PT_CHECK_NO_QML_WARNINGS();
}
