// Restoring a deleted entry: a new revision after the tombstone un-deletes it, the history keeps
// both, and load, verify and search agree after reopening. A purged entry cannot come back.
#include "TestSupport.h"

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

QString addNote(Journal& journal, const QString& title)
{
    EntryDraft d;
    d.title = title;
    d.body = QStringLiteral("The migration goal moved again.");
    d.tags = {QStringLiteral("pip")};
    auto e = journal.add(d);
    if (!e)
        FAIL("add failed: " << e.error().message);
    return e->latest.entryId;
}

} // namespace

TEST_CASE("restore: a deleted entry comes back as a new revision with the same content", "[journal][restore]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    QString id;
    {
        auto vault = createVault(dir, nullptr, clock.clock());
        Journal& j = vault->journal();
        id = addNote(j, QStringLiteral("1:1 with Dana"));
        const Entry before = *j.entry(id);
        clock.advance(60'000);
        REQUIRE(j.tombstone(id).ok());
        REQUIRE(j.search(QStringLiteral("migration"))->isEmpty());

        clock.advance(60'000);
        auto restored = j.restore(id);
        REQUIRE(restored.ok());
        CHECK_FALSE(restored->deleted);
        CHECK(restored->latest.revision == 2);
        CHECK(restored->latest.previous == before.object);
        CHECK(restored->latest.title == before.latest.title);
        CHECK(restored->latest.body == before.latest.body);
        CHECK(restored->latest.tags == before.latest.tags);
        CHECK(restored->latest.occurredAt == before.latest.occurredAt);
        REQUIRE(restored->deletions.size() == 1);
        CHECK(restored->deletions.at(0).time < restored->revisions.at(1).recordedAt);
        CHECK(j.entries().size() == 1);
        CHECK(j.search(QStringLiteral("migration"))->size() == 1);

        auto again = j.restore(id);
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().code == ErrorCode::Usage);
        CHECK(vault->verify().ok());
    }
    auto vault = openVault(dir);
    Journal& j = vault->journal();
    const Entry e = *j.entry(id);
    CHECK_FALSE(e.deleted);
    CHECK(e.revisions.size() == 2);
    CHECK(e.deletions.size() == 1);
    CHECK(j.entries().size() == 1);
    CHECK(j.search(QStringLiteral("migration"))->size() == 1);
    CHECK(j.history(id)->size() == 2);
    // In order: the original, the deletion, the restore.
    const QList<HistoryStep> steps = historySteps(e);
    REQUIRE(steps.size() == 3);
    CHECK(steps.at(0).revision == 0);
    CHECK(steps.at(1).deletion == 0);
    CHECK(steps.at(2).revision == 1);
    const VerifyReport report = vault->verify();
    INFO(describe(report));
    CHECK(report.ok());

    // Deleted again after the restore: the newest tombstone has no put after it.
    REQUIRE(j.tombstone(id).ok());
    auto reopened = openVault(dir);
    CHECK(reopened->journal().entry(id)->deleted);
    CHECK(reopened->journal().entry(id)->deletions.size() == 2);
}

TEST_CASE("restore: in one device's log the order is seq even when the clock went back", "[journal][restore]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    QString id;
    {
        auto vault = createVault(dir, nullptr, clock.clock());
        id = addNote(vault->journal(), QStringLiteral("clock"));
        clock.advance(60'000);
        REQUIRE(vault->journal().tombstone(id).ok());
        clock.advance(-3'600'000); // the restore is stamped with the tombstone's time
        REQUIRE(vault->journal().restore(id).ok());
    }
    auto vault = openVault(dir);
    CHECK_FALSE(vault->journal().entry(id)->deleted);
}

TEST_CASE("restore: a purged entry or one that is not deleted cannot be restored", "[journal][restore]")
{
    QTemporaryDir root;
    auto vault = createVault(root.path() + QStringLiteral("/v"));
    Journal& j = vault->journal();
    const QString live = addNote(j, QStringLiteral("live"));
    auto notDeleted = j.restore(live);
    REQUIRE_FALSE(notDeleted.ok());
    CHECK(notDeleted.error().code == ErrorCode::Usage);
    CHECK(notDeleted.error().message.contains(QStringLiteral("not deleted")));

    const QString gone = addNote(j, QStringLiteral("gone"));
    REQUIRE(j.tombstone(gone).ok());
    REQUIRE(j.purge(gone).ok());
    auto purged = j.restore(gone);
    REQUIRE_FALSE(purged.ok());
    CHECK(purged.error().code == ErrorCode::Usage);
    CHECK(purged.error().message.contains(QStringLiteral("purged")));
    CHECK(j.entry(gone)->deleted);

    auto missing = j.restore(QStringLiteral("ffffffff-0000-4000-8000-000000000000"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("restore: a restored entry is restored and not edited until a revision changes a field", "[journal][restore]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    QString id, edited;
    {
        auto vault = createVault(dir, nullptr, clock.clock());
        Journal& j = vault->journal();
        id = addNote(j, QStringLiteral("1:1 with Dana"));
        CHECK_FALSE(j.entry(id)->edited());
        CHECK_FALSE(j.entry(id)->restored());
        clock.advance(60'000);
        REQUIRE(j.tombstone(id).ok());
        clock.advance(60'000);
        auto restored = j.restore(id);
        REQUIRE(restored.ok());
        CHECK(restored->restored());
        CHECK(restored->restoredAt == restored->revisions.at(1).recordedAt);
        CHECK_FALSE(restored->edited()); // two revisions, one content
        CHECK(j.entries().first().restored());
        CHECK_FALSE(j.entries().first().edited());

        // Edited, deleted and restored: the edit's time, not the restore's.
        edited = addNote(j, QStringLiteral("Deadline moved"));
        clock.advance(60'000);
        EntryChange change;
        change.body = QStringLiteral("The migration goal moved again, without notice.");
        REQUIRE(j.edit(edited, change).ok());
        const QDateTime editTime = j.entry(edited)->revisions.at(1).recordedAt;
        clock.advance(60'000);
        REQUIRE(j.tombstone(edited).ok());
        clock.advance(60'000);
        const Entry back = *j.restore(edited);
        CHECK(back.edited());
        CHECK(back.editedAt == editTime);
        CHECK(back.restored());
        CHECK(back.restoredAt > editTime);
    }
    // The same after reopening, where the journal reads it from the log.
    auto vault = openVault(dir, clock.clock());
    Journal& j = vault->journal();
    CHECK(j.entry(id)->restored());
    CHECK_FALSE(j.entry(id)->edited());
    CHECK(j.entry(edited)->edited());
    CHECK(j.entry(edited)->editedAt == j.entry(edited)->revisions.at(1).recordedAt);

    // A real change after the restore is an edit.
    clock.advance(60'000);
    EntryChange change;
    change.title = QStringLiteral("1:1 with Dana and HR");
    auto changed = j.edit(id, change);
    REQUIRE(changed.ok());
    CHECK(changed->edited());
    CHECK(changed->editedAt == changed->revisions.at(2).recordedAt);
    CHECK(changed->restored());
    auto reopened = openVault(dir);
    CHECK(reopened->journal().entry(id)->edited());
    CHECK(reopened->journal().entry(id)->restoredAt == changed->restoredAt);
}
