// Where the timeline's controls sit: the tab bar belongs to the list pane (wide, it is under the
// list and not under the entry beside it), and every label of the filter row is shown whole, at
// phone and desktop sizes and with a large system font ("Show deleted entries" was once cut off).
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QFont>
#include <QGuiApplication>
#include <QTemporaryDir>

using namespace pt::uitest;

namespace {

QString seededVault(QTemporaryDir& tmp)
{
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        pt::core::EntryDraft meeting;
        meeting.kind = QStringLiteral("meeting");
        meeting.title = QStringLiteral("Weekly PIP check-in");
        meeting.tags = {QStringLiteral("pip"), QStringLiteral("manager")};
        REQUIRE(vault.journal().add(meeting).ok());
        pt::core::EntryDraft shoutOut;
        shoutOut.kind = QStringLiteral("shout-out");
        shoutOut.title = QStringLiteral("Thanks from Priya");
        REQUIRE(vault.journal().add(shoutOut).ok());
    });
    return path;
}

QRectF sceneRect(const QQuickItem* item) { return item->mapRectToScene(QRectF(0, 0, item->width(), item->height())); }

QQuickItem* visibleListPane(const Ui& ui)
{
    const QList<QQuickItem*> panes = ui.all("QQuickItem", [](QQuickItem* i) { return i->objectName() == QLatin1String("listPane"); });
    REQUIRE(panes.size() == 1);
    return panes.first();
}

QQuickItem* theTabBar(const Ui& ui)
{
    const QList<QQuickItem*> bars = ui.all("QQuickTabBar");
    REQUIRE(bars.size() == 1);
    return bars.first();
}

// The text a control shows and how wide it is drawn: its contentItem (a Text, or a ComboBox's
// TextField).
void checkWhole(QQuickItem* control, const QQuickItem* row)
{
    auto* label = control->property("contentItem").value<QQuickItem*>();
    const QString text = control->property("displayText").isValid() ? control->property("displayText").toString()
                                                                     : control->property("text").toString();
    INFO(QString::fromLatin1(control->metaObject()->className()).toStdString() << " \"" << text.toStdString() << "\" "
         << (label ? label->implicitWidth() : -1) << " in " << (label ? label->width() : -1));
    REQUIRE(label != nullptr);
    CHECK_FALSE(text.isEmpty());
    CHECK(label->implicitWidth() <= label->width() + 0.5);
    if (label->property("truncated").isValid())
        CHECK_FALSE(label->property("truncated").toBool());
    // And the control itself inside the row (which is inside the list pane).
    const QRectF r = sceneRect(control), inRow = sceneRect(row);
    CHECK(r.left() >= inRow.left() - 0.5);
    CHECK(r.right() <= inRow.right() + 0.5);
}

void checkFilterRow(QSize size)
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = seededVault(tmp);
    {
        Ui ui(path, size);
        ui.unlockWithPassphrase();
        REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 2; }));
        // The longest each says: the longest kind, two tags, a closed range of days.
        ui.controller().timeline()->setKindFilter(QStringLiteral("meeting"));
        ui.controller().timeline()->setTagFilter({QStringLiteral("manager"), QStringLiteral("pip")});
        ui.controller().timeline()->setDayRange(QStringLiteral("2026-09-30"), QStringLiteral("2026-12-31"));
        ui.settle();

        const QList<QQuickItem*> rows = ui.all("TimelineFilters");
        REQUIRE(rows.size() == 1);
        QQuickItem* row = rows.first();
        const QRectF pane = sceneRect(visibleListPane(ui));
        CHECK(sceneRect(row).left() >= pane.left() - 0.5);
        CHECK(sceneRect(row).right() <= pane.right() + 0.5);

        QQuickItem* deleted = ui.waitNamed("QQuickCheckBox", QStringLiteral("Show deleted entries"));
        CHECK(deleted->property("text").toString() == QLatin1String("Show deleted entries"));
        const QList<QQuickItem*> controls = ui.all("QQuickControl", [&](QQuickItem* i) { return i->parentItem() == row; });
        CHECK(controls.size() == 4); // kind, tags, days, deleted entries
        CHECK(controls.contains(deleted));
        for (QQuickItem* control : controls)
            checkWhole(control, row);
        CHECK(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Show only entries with these tags"))->property("text").toString() ==
              QLatin1String("Tagged: manager, pip"));
        CHECK(ui.outsideWindow().isEmpty());
    }
    PT_CHECK_NO_QML_WARNINGS();
}

} // namespace

TEST_CASE("Desktop layout: the tab bar sits under the list pane and not under the entry", "[ui][layout][timeline]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = seededVault(tmp);
    {
        Ui ui(path, DesktopSize);
        ui.unlockWithPassphrase();
        ui.waitPage("TimelinePage");
        QQuickItem* tabs = theTabBar(ui);
        const QRectF pane = sceneRect(visibleListPane(ui));
        const QRectF bar = sceneRect(tabs);
        INFO("tab bar " << bar.left() << ".." << bar.right() << ", list pane " << pane.left() << ".." << pane.right());
        CHECK(pane.width() < DesktopSize.width() / 2);
        CHECK(bar.left() >= pane.left() - 0.5);
        CHECK(bar.right() <= pane.right() + 0.5);
        CHECK(bar.bottom() == Approx(DesktopSize.height()).margin(0.5));

        // An entry opened beside the list leaves the tabs where they were, clear of it.
        ui.click(ui.waitNamed("EntryCard", QStringLiteral("Weekly PIP check-in, Meeting notes")));
        QQuickItem* entry = ui.waitPage("EntryPage");
        CHECK(theTabBar(ui) == tabs);
        CHECK(sceneRect(entry).left() >= bar.right());
        // And they still switch the list pane.
        ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
        ui.waitPage("SettingsPage");
        CHECK(sceneRect(ui.page("SettingsPage")).right() <= pane.right() + 0.5);
        CHECK(ui.page("EntryPage") != nullptr);
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Phone layout: the tab bar spans the window under the list and an entry covers it", "[ui][layout][timeline]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = seededVault(tmp);
    {
        Ui ui(path, PhoneSize);
        ui.unlockWithPassphrase();
        ui.waitPage("TimelinePage");
        const QRectF bar = sceneRect(theTabBar(ui));
        CHECK(bar.left() == Approx(0).margin(0.5));
        CHECK(bar.right() == Approx(PhoneSize.width()).margin(0.5));
        CHECK(bar.bottom() == Approx(PhoneSize.height()).margin(0.5));
        ui.click(ui.waitNamed("EntryCard", QStringLiteral("Weekly PIP check-in, Meeting notes")));
        ui.waitPage("EntryPage");
        CHECK(ui.all("QQuickTabBar").isEmpty());
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
        ui.waitPage("TimelinePage");
        CHECK(ui.all("QQuickTabBar").size() == 1);
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Phone layout (390x844): every label of the timeline's filter row is whole", "[ui][layout][timeline]")
{
    checkFilterRow(PhoneSize);
}

TEST_CASE("Desktop layout (1280x800): every label of the timeline's filter row is whole", "[ui][layout][timeline]")
{
    checkFilterRow(DesktopSize);
}

TEST_CASE("Phone layout with the system font at 1.5 times: the filter row's labels are still whole", "[ui][layout][timeline]")
{
    const QFont original = QGuiApplication::font();
    QFont large = original;
    large.setPixelSize(21);
    QGuiApplication::setFont(large);
    checkFilterRow(PhoneSize);
    QGuiApplication::setFont(original);
}
