// An entry's history as a lawyer reads it: each changed field old -> new, the body's changed
// words marked one by one, meeting sections by name, a deletion and a restore; and the Delete
// and Purge confirmations say what they do on their buttons.
#include "UiDriver.h"

#include "MeetingRecap.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QTimeZone>

using namespace pt::uitest;

namespace {

const QString OneRevisionBody = QStringLiteral("A shout-out from Priya for the release notes.");

QString seed(const QString& path)
{
    QString id;
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::Journal& journal = vault.journal();
        pt::core::EntryDraft meeting;
        meeting.kind = QStringLiteral("meeting");
        meeting.title = QStringLiteral("1:1 with Dana");
        meeting.body = QStringLiteral("She said the migration goal is not on track.");
        meeting.occurredAt = QDateTime(QDate(2026, 12, 1), QTime(15, 30), QTimeZone(3600));
        meeting.fields = {{QLatin1String(pt::core::meeting::Attendees), QJsonArray{QStringLiteral("Dana")}},
                          {QLatin1String(pt::core::meeting::Agreements), QStringLiteral("Ship the report by Friday")}};
        auto added = journal.add(meeting);
        ensure(added.ok(), QStringLiteral("adding the meeting"));
        id = added->latest.entryId;
        pt::core::EntryChange change;
        change.title = QStringLiteral("1:1 with Dana and HR");
        change.occurredAt = QDateTime(QDate(2026, 11, 30), QTime(15, 30), QTimeZone(3600));
        change.body = QStringLiteral("She said the migration goal is on track.");
        change.tags = QStringList{QStringLiteral("hr")};
        change.fields = QJsonObject{
            {QLatin1String(pt::core::meeting::Attendees), QJsonArray{QStringLiteral("Dana"), QStringLiteral("Sam")}},
            {QLatin1String(pt::core::meeting::Agreements), QStringLiteral("Ship the report by Monday")},
            {QLatin1String(pt::core::meeting::Disagreements), QString()}}; // empty and stays empty
        ensure(journal.edit(id, change).ok(), QStringLiteral("editing the meeting"));
        ensure(journal.tombstone(id).ok(), QStringLiteral("deleting the meeting"));

        pt::core::EntryDraft once;
        once.kind = QStringLiteral("shout-out");
        once.title = QStringLiteral("Shout-out");
        once.body = OneRevisionBody;
        ensure(journal.add(once).ok(), QStringLiteral("adding the shout-out"));
    });
    return id;
}

QQuickItem* cardTitled(Ui& ui, const QString& title)
{
    QQuickItem* card = nullptr;
    waitFor([&] {
        const auto cards = ui.all("EntryCard", [&](QQuickItem* c) { return accessibleName(c).contains(title); });
        card = cards.size() == 1 ? cards.first() : nullptr;
        return card != nullptr;
    });
    REQUIRE(card != nullptr);
    return card;
}

// A word of a long text's diff, as its own plain Text item.
QList<QQuickItem*> words(Ui& ui, const QString& text)
{
    return ui.all("QQuickText", [&](QQuickItem* t) {
        return !isA(t, "QQuickLabel") && t->property("text").toString() == text;
    });
}

} // namespace

TEST_CASE("History: old -> new for each field and the body's words and a restore after a deletion", "[ui][history]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    const QString id = seed(path);
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        ui.clickNamed("QQuickCheckBox", QStringLiteral("Show deleted entries"));
        ui.click(cardTitled(ui, QStringLiteral("1:1 with Dana and HR")));
        ui.waitPage("EntryPage");
        REQUIRE(ui.details()->deleted());

        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Title: 1:1 with Dana -> 1:1 with Dana and HR")));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Happened: 1 Dec 15:30 -> 30 Nov 15:30")));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Tags: added hr")));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Present: added Sam")));
        CHECK(ui.named("QQuickFlow", QStringLiteral("Agreed: Ship the report by [-Friday-]{+Monday+}")) != nullptr);
        CHECK(ui.withText("QQuickLabel", QStringLiteral("Not agreed")) == nullptr); // empty, stays empty
        CHECK(ui.withText("QQuickLabel", QStringLiteral("Changed: occurred_at")) == nullptr);
        // Word by word: "not" struck through, the unchanged words plain, the old body not whole.
        const auto removed = words(ui, QStringLiteral("not"));
        REQUIRE(removed.size() == 1);
        CHECK(removed.first()->property("font").value<QFont>().strikeOut());
        const auto monday = words(ui, QStringLiteral("Monday"));
        REQUIRE(monday.size() == 1);
        CHECK(monday.first()->property("font").value<QFont>().underline());
        const auto kept = words(ui, QStringLiteral("migration"));
        REQUIRE(kept.size() == 1);
        CHECK_FALSE(kept.first()->property("font").value<QFont>().strikeOut());
        CHECK(ui.withText("QQuickLabel", QStringLiteral("She said the migration goal is not on track.")) != nullptr); // revision 1 keeps the original
        CHECK(ui.all("RevisionCard").size() == 3);
        CHECK(!ui.all("QQuickLabel", [](QQuickItem* l) { return l->property("text").toString().startsWith(QLatin1String("Deleted ")); }).isEmpty());

        // Restore: a new revision, the page shows the entry again, the history both steps.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Restore this entry"));
        REQUIRE(waitFor([&] { return !ui.details()->deleted(); }));
        CHECK(ui.details()->revisionCount() == 3);
        REQUIRE(waitFor([&] { return ui.all("RevisionCard").size() == 4; }));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Shown again, with the content it had when it was deleted.")));
        CHECK(ui.named("QQuickAbstractButton", QStringLiteral("Edit this entry"))->isEnabled());
        CHECK(ui.named("QQuickAbstractButton", QStringLiteral("Restore this entry")) == nullptr);
        CHECK_FALSE(ui.controller().vault()->journal().entry(id)->deleted);

        // Purge asks with a "Purge" button that waits for PURGE; nothing says OK.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("More actions"));
        ui.clickText("QQuickMenuItem", QStringLiteral("Purge\u2026"));
        ui.waitText("QQuickLabel", QStringLiteral("Purge this entry for good?"));
        CHECK(ui.withText("QQuickAbstractButton", QStringLiteral("OK")) == nullptr);
        CHECK(ui.withText("QQuickAbstractButton", QStringLiteral("Cancel")) != nullptr);
        QQuickItem* purge = ui.waitText("QQuickAbstractButton", QStringLiteral("Purge"));
        CHECK_FALSE(purge->isEnabled());
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Type PURGE to confirm")), QStringLiteral("PURGE"));
        REQUIRE(waitFor([&] { return purge->isEnabled(); }));
        ui.click(purge);
        REQUIRE(waitFor([&] { return ui.controller().vault()->journal().entry(id)->purged; }));
        CHECK_FALSE(ui.controller().vault()->journal().restore(id).ok()); // nothing left to restore
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("History: one revision does not repeat the body and Delete says Delete", "[ui][history]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    seed(path);
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        ui.click(cardTitled(ui, QStringLiteral("Shout-out")));
        ui.waitPage("EntryPage");
        REQUIRE(waitFor([&] { return ui.all("RevisionCard").size() == 1; }));
        CHECK(ui.withText("QQuickLabel", OneRevisionBody) == nullptr); // the page's text shows it once
        CHECK(ui.waitNamed("QQuickTextEdit", QStringLiteral("Entry text"))->property("text").toString() == OneRevisionBody);

        ui.clickNamed("QQuickAbstractButton", QStringLiteral("More actions"));
        ui.clickText("QQuickMenuItem", QStringLiteral("Delete\u2026"));
        ui.waitText("QQuickLabel", QStringLiteral("Delete this entry?"));
        CHECK(ui.withText("QQuickAbstractButton", QStringLiteral("OK")) == nullptr);
        CHECK(ui.withText("QQuickAbstractButton", QStringLiteral("Cancel")) != nullptr);
        ui.clickText("QQuickAbstractButton", QStringLiteral("Delete"));
        REQUIRE(waitFor([&] { return ui.page("EntryPage") == nullptr; }));
        CHECK(ui.controller().vault()->journal().entries().isEmpty()); // the meeting was deleted too
    }
    PT_CHECK_NO_QML_WARNINGS();
}
