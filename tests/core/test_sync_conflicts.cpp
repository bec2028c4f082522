// What two devices that changed one entry without seeing each other's change end up with: both
// revisions kept and shown as a conflict until one device resolves it with a revision that follows
// both; and a deletion on one device while the other edits, which keeps the edit visible.
#include "SyncWorld.h"

#include "vault/EntryRevision.h"

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

// Device a writes an entry, b links and pulls it: both hold revision 1.
struct SharedEntry {
    World world;
    Device a = world.create(QStringLiteral("a"));
    QString id = addNote(*a.vault, QStringLiteral("Goal 1"), QStringLiteral("As the PIP says it"));
    bool synced = a.sync(world.remote).ok();
    Device b = world.link(QStringLiteral("b"));
    bool pulled = b.sync(world.remote).ok();

    void editOn(Device& device, const QString& body)
    {
        device.use();
        EntryChange change;
        change.body = body;
        auto edited = device.vault->journal().edit(id, change);
        INFO((edited ? QString() : edited.error().message));
        REQUIRE(edited.ok());
    }
    // Both ways, so each device holds everything.
    void syncAll()
    {
        requireOk(a.sync(world.remote));
        requireOk(b.sync(world.remote));
        requireOk(a.sync(world.remote));
    }
    static QStringList bodies(const QList<EntryRevision>& revisions)
    {
        QStringList list;
        for (const EntryRevision& r : revisions)
            list << r.body;
        return list;
    }
};

void requireVerified(Device& device)
{
    device.use();
    const VerifyReport report = device.vault->verify();
    for (const VerifyProblem& p : report.problems)
        UNSCOPED_INFO(p.item + QStringLiteral(": ") + p.what);
    REQUIRE(report.ok());
}

} // namespace

TEST_CASE("conflicts: two offline edits of one entry are both kept and shown as a conflict on both devices", "[sync][conflict]")
{
    SharedEntry s;
    REQUIRE(s.synced);
    REQUIRE(s.pulled);
    s.editOn(s.a, QStringLiteral("Written on the laptop"));
    s.editOn(s.b, QStringLiteral("Written on the phone"));
    CHECK_FALSE(s.a.vault->journal().entry(s.id)->inConflict()); // each device alone has one line

    s.syncAll();
    const Entry onA = *s.a.vault->journal().entry(s.id);
    const Entry onB = *s.b.vault->journal().entry(s.id);
    REQUIRE(onA.inConflict());
    REQUIRE(onB.inConflict());
    REQUIRE(onA.conflict.size() == 2);
    CHECK(onA.conflict.first().object == onA.object); // the shown side comes first
    CHECK(onA.conflict.first().object == onB.conflict.first().object);
    CHECK(onA.conflict.last().object == onB.conflict.last().object);

    auto sides = s.a.vault->journal().conflictRevisions(s.id);
    REQUIRE(sides.ok());
    QStringList bodies = SharedEntry::bodies(*sides);
    bodies.sort();
    CHECK(bodies == QStringList{QStringLiteral("Written on the laptop"), QStringLiteral("Written on the phone")});
    CHECK(sides->first().body == onA.latest.body);

    // A fork is history, not damage.
    requireVerified(s.a);
    requireVerified(s.b);
}

TEST_CASE("conflicts: resolving writes a revision that follows both sides and ends the conflict everywhere", "[sync][conflict]")
{
    SharedEntry s;
    REQUIRE(s.synced);
    s.editOn(s.a, QStringLiteral("Written on the laptop"));
    s.editOn(s.b, QStringLiteral("Written on the phone"));
    s.editOn(s.b, QStringLiteral("Written on the phone, then again")); // one side two revisions long
    s.syncAll();

    s.b.use();
    const Entry before = *s.b.vault->journal().entry(s.id);
    REQUIRE(before.inConflict());
    const auto laptop = std::find_if(before.conflict.cbegin(), before.conflict.cend(),
                                     [](const RevisionInfo& r) { return r.revision == 2; });
    REQUIRE(laptop != before.conflict.cend());

    EntryChange merged;
    merged.body = QStringLiteral("Laptop and phone together");
    auto resolved = s.b.vault->journal().resolveConflict(s.id, laptop->object, merged);
    INFO((resolved ? QString() : resolved.error().message));
    REQUIRE(resolved.ok());
    CHECK_FALSE(resolved->inConflict());
    CHECK(resolved->latest.revision == 4);
    CHECK(resolved->latest.body == QStringLiteral("Laptop and phone together"));
    CHECK(resolved->latest.previous == before.object);
    CHECK(resolved->latest.merges == QStringList{laptop->object});

    s.syncAll();
    for (Device* d : {&s.a, &s.b}) {
        d->use();
        const Entry e = *d->vault->journal().entry(s.id);
        CHECK_FALSE(e.inConflict());
        CHECK(e.latest.body == QStringLiteral("Laptop and phone together"));
        CHECK(e.revisions.size() == 5); // nothing of either side is lost
        requireVerified(*d);
    }

    // Reopened from disk, the conflict stays resolved.
    s.a.use();
    REQUIRE(s.a.vault->reload().ok());
    CHECK_FALSE(s.a.vault->journal().entry(s.id)->inConflict());
}

TEST_CASE("conflicts: keeping a side as it is and refusing what is not a side", "[sync][conflict]")
{
    SharedEntry s;
    REQUIRE(s.synced);
    s.a.use();
    const QString original = s.a.vault->journal().entry(s.id)->object;
    auto none = s.a.vault->journal().resolveConflict(s.id, original);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::Usage);
    CHECK(none.error().message.contains(QStringLiteral("no conflict")));

    s.editOn(s.a, QStringLiteral("Written on the laptop"));
    s.editOn(s.b, QStringLiteral("Written on the phone"));
    s.syncAll();
    s.a.use();
    const Entry e = *s.a.vault->journal().entry(s.id);
    REQUIRE(e.inConflict());

    auto notASide = s.a.vault->journal().resolveConflict(s.id, original); // revision 1 is followed by both
    REQUIRE_FALSE(notASide.ok());
    CHECK(notASide.error().code == ErrorCode::NotFound);

    const RevisionInfo other = e.conflict.last();
    auto kept = s.a.vault->journal().resolveConflict(s.id, other.object);
    REQUIRE(kept.ok());
    auto sideContent = s.a.vault->journal().history(s.id);
    REQUIRE(sideContent.ok());
    const auto keptSide = std::find_if(sideContent->cbegin(), sideContent->cend(), [&](const EntryRevision& r) {
        return r.revision == other.revision && r.body == kept->latest.body;
    });
    CHECK(keptSide != sideContent->cend()); // the new revision carries the kept side's content
    CHECK_FALSE(kept->inConflict());
    requireVerified(s.a);
}

TEST_CASE("conflicts: a deletion on one device while the other edits keeps the edit visible and the tombstone in history", "[sync][conflict]")
{
    SharedEntry s;
    REQUIRE(s.synced);
    // The edit is written first, so by the clocks it comes before the deletion: only knowing
    // which revision the deletion saw tells that the deleting device never saw this edit.
    s.editOn(s.b, QStringLiteral("Added on the phone before the laptop deleted it"));
    s.a.use();
    REQUIRE(s.a.vault->journal().tombstone(s.id).ok());
    s.syncAll();

    for (Device* d : {&s.a, &s.b}) {
        d->use();
        const Entry e = *d->vault->journal().entry(s.id);
        CHECK_FALSE(e.deleted);
        CHECK(e.latest.body == QStringLiteral("Added on the phone before the laptop deleted it"));
        CHECK(e.deletions.size() == 1);
        CHECK(titles(*d->vault).contains(QStringLiteral("Goal 1")));
        requireVerified(*d);
    }

    // A deletion made after seeing every revision deletes on every device.
    s.a.use();
    REQUIRE(s.a.vault->journal().tombstone(s.id).ok());
    s.syncAll();
    for (Device* d : {&s.a, &s.b}) {
        d->use();
        CHECK(d->vault->journal().entry(s.id)->deleted);
    }
}

TEST_CASE("conflicts: a revision naming what it resolves survives its JSON form and hostile forms are refused", "[conflict]")
{
    EntryRevision r;
    r.entryId = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
    r.revision = 3;
    r.previous = QString(64, QLatin1Char('a'));
    r.merges = {QString(64, QLatin1Char('b'))};
    r.occurredAt = QDateTime::currentDateTime();
    r.recordedAt = r.occurredAt;
    const auto back = EntryRevision::fromJson(r.toCanonicalJson());
    REQUIRE(back);
    CHECK(back->merges == r.merges);

    // Without merges the bytes are what they were before the field existed.
    r.merges.clear();
    CHECK_FALSE(r.toCanonicalJson().contains("merges"));

    const auto withMerges = [&](const QStringList& merges, int revision = 3) {
        EntryRevision hostile = r;
        hostile.merges = merges;
        hostile.revision = revision;
        if (revision == 1)
            hostile.previous.clear();
        return EntryRevision::fromJson(hostile.toCanonicalJson()).has_value();
    };
    CHECK_FALSE(withMerges({QStringLiteral("not a hash")}));
    CHECK_FALSE(withMerges({r.previous})); // the same parent twice
    CHECK_FALSE(withMerges({QString(64, QLatin1Char('b'))}, 1)); // the first revision follows nothing
}
