// Search reaches every text of every kind (a meeting's sections too), and its results, which are
// not grouped by day, say the date as well as the time.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QJsonObject>
#include <QTemporaryDir>

using namespace pt::uitest;

TEST_CASE("Search finds a word in a meeting section and shows the date", "[ui][search]")
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& v) {
        pt::core::EntryDraft d;
        d.kind = QStringLiteral("meeting");
        d.title = QStringLiteral("Weekly 1:1");
        d.occurredAt = QDateTime(QDate(2026, 11, 16), QTime(15, 30));
        d.fields = QJsonObject{{QStringLiteral("agreed"), QStringLiteral("the runbook counts toward goal two")}};
        REQUIRE(v.journal().add(d).ok());
    });
    Ui ui(path);
    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickTabButton", QStringLiteral("Search"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Search")), QStringLiteral("runbook"));
    QQuickItem* card = ui.waitNamed("EntryCard", QStringLiteral("Weekly 1:1, Meeting notes"));
    REQUIRE(card);
    const auto dated = ui.all("QQuickLabel", [&](QQuickItem* l) {
        return card->isAncestorOf(l) && l->property("text").toString().contains(QStringLiteral("2026"));
    });
    CHECK(dated.size() == 1);
    // Return in the field opens the best match.
    ui.waitNamed("QQuickTextField", QStringLiteral("Search"))->forceActiveFocus();
    ui.key(Qt::Key_Return);
    ui.waitPage("EntryPage");
    PT_CHECK_NO_QML_WARNINGS();
}
