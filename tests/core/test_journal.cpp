// The journal: add, edit (revisions and history), times (occurred_at is the person's, recorded_at
// is the clock's and monotonic), tombstone, purge, reopening.
#include "TestSupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

template <typename T>
constexpr bool hasRecordedAt = requires(T t) { t.recordedAt; };

// recorded_at is never editable: neither a new entry nor a change can carry one.
static_assert(!hasRecordedAt<EntryDraft>);
static_assert(!hasRecordedAt<EntryChange>);

Entry mustAdd(Journal& journal, const EntryDraft& draft)
{
    auto e = journal.add(draft);
    if (!e)
        FAIL("add failed: " << e.error().message);
    return *e;
}

Entry mustEdit(Journal& journal, const QString& id, const EntryChange& change)
{
    auto e = journal.edit(id, change);
    if (!e)
        FAIL("edit failed: " << e.error().message);
    return *e;
}

EntryDraft note(const QString& title, const QString& body = {})
{
    EntryDraft d;
    d.title = title;
    d.body = body.isEmpty() ? QStringLiteral("body of ") + title : body;
    return d;
}

const QDateTime T0 = QDateTime(QDate(2026, 3, 2), QTime(9, 15, 30, 125), Qt::UTC);

} // namespace

TEST_CASE("journal: add gives revision 1 with a UUID and the fields given", "[journal]")
{
    QTemporaryDir root;
    auto vault = createVault(root.path() + QStringLiteral("/v"));
    Journal& j = vault->journal();

    EntryDraft d = note(QStringLiteral("1:1 with manager"), QStringLiteral("She said my numbers are fine.\nLine two."));
    d.kind = QStringLiteral("meeting");
    d.tags = {QStringLiteral("pip"), QStringLiteral("1:1")};
    d.fields = QJsonObject{{QStringLiteral("attendees"), QStringLiteral("Dana, me")}};
    const Entry e = mustAdd(j, d);
    CHECK_FALSE(QUuid::fromString(e.latest.entryId).isNull());
    CHECK(e.latest.revision == 1);
    CHECK(e.latest.previous.isEmpty());
    CHECK(e.latest.kind == QStringLiteral("meeting"));
    CHECK(e.latest.title == d.title);
    CHECK(e.latest.body == d.body);
    CHECK(e.latest.tags == d.tags);
    CHECK(e.latest.fields == d.fields);
    CHECK(e.revisions.size() == 1);
    CHECK(e.object.size() == 64);
    CHECK_FALSE(e.deleted);
    CHECK(j.count() == 1);
    CHECK(j.entries().size() == 1);

    // Prefix lookup.
    auto resolved = j.resolveId(e.latest.entryId.left(8).toUpper());
    REQUIRE(resolved.ok());
    CHECK(*resolved == e.latest.entryId);
    CHECK(j.resolveId(QStringLiteral("abc")).error().code == ErrorCode::NotFound);
    CHECK(j.entry(QUuid::createUuid().toString(QUuid::WithoutBraces)).error().code == ErrorCode::NotFound);

    // An entry needs something in it.
    EntryDraft empty;
    empty.title = QStringLiteral("   ");
    empty.body = QStringLiteral("\n");
    auto rejected = j.add(empty);
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.error().code == ErrorCode::Usage);
    CHECK(j.count() == 1);
    CHECK(vault->verify().ok());
}

TEST_CASE("journal: edit adds revision 2 and keeps revision 1 in history", "[journal]")
{
    QTemporaryDir root;
    ManualClock clock(T0);
    auto vault = createVault(root.path() + QStringLiteral("/v"), nullptr, clock.clock());
    Journal& j = vault->journal();

    EntryDraft d = note(QStringLiteral("Grade day 3"), QStringLiteral("Got a 2/5."));
    d.tags = {QStringLiteral("grade")};
    const Entry first = mustAdd(j, d);
    const QString id = first.latest.entryId;
    clock.advance(60'000);

    EntryChange change;
    change.body = QStringLiteral("Got a 2/5. Manager said: 'needs urgency'.");
    change.tags = QStringList{QStringLiteral("grade"), QStringLiteral("quote")};
    const Entry second = mustEdit(j, id, change);
    CHECK(second.latest.revision == 2);
    CHECK(second.latest.previous == first.object);
    CHECK(second.object != first.object);
    CHECK(second.latest.title == QStringLiteral("Grade day 3")); // untouched fields carry over
    CHECK(second.latest.body == *change.body);
    CHECK(second.revisions.size() == 2);
    CHECK(second.latest.occurredAt == first.latest.occurredAt);
    CHECK(second.latest.recordedAt == T0.addMSecs(60'000));

    clock.advance(60'000);
    EntryChange retitle;
    retitle.title = QStringLiteral("Grade, day 3");
    const Entry third = mustEdit(j, id.left(6), retitle); // a prefix works too
    CHECK(third.latest.revision == 3);
    CHECK(third.latest.previous == second.object);

    auto history = j.history(id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 3);
    CHECK(history->at(0).revision == 1);
    CHECK(history->at(0).body == QStringLiteral("Got a 2/5."));
    CHECK(history->at(0).tags == QStringList{QStringLiteral("grade")});
    CHECK(history->at(0).previous.isEmpty());
    CHECK(history->at(0).recordedAt == T0);
    CHECK(history->at(1).revision == 2);
    CHECK(history->at(1).previous == first.object);
    CHECK(history->at(2).revision == 3);
    CHECK(history->at(2).previous == second.object);
    CHECK(history->at(2).title == QStringLiteral("Grade, day 3"));
    CHECK(changedFields(history->at(0), history->at(1)) == QStringList{QStringLiteral("body"), QStringLiteral("tags")});

    const Entry latest = *j.entry(id);
    REQUIRE(latest.revisions.size() == 3);
    CHECK(latest.revisions.at(0).object == first.object);
    CHECK(latest.revisions.at(1).object == second.object);
    CHECK(latest.revisions.at(2).object == third.object);
    CHECK(latest.revisions.at(0).device == vault->deviceId());
    CHECK(latest.revisions.at(0).seq < latest.revisions.at(2).seq);
    CHECK(j.count() == 1);
    CHECK(vault->verify().ok());
}

TEST_CASE("journal: an edit that changes nothing is a usage error", "[journal]")
{
    QTemporaryDir root;
    auto vault = createVault(root.path() + QStringLiteral("/v"));
    Journal& j = vault->journal();
    EntryDraft d = note(QStringLiteral("same"));
    d.tags = {QStringLiteral("t")};
    const Entry e = mustAdd(j, d);
    const QString id = e.latest.entryId;

    {
        auto r = j.edit(id, EntryChange{});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Usage);
    }
    {
        EntryChange same;
        same.title = e.latest.title;
        same.body = e.latest.body;
        same.tags = e.latest.tags;
        same.occurredAt = e.latest.occurredAt;
        same.kind = e.latest.kind;
        auto r = j.edit(id, same);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Usage);
    }
    {
        EntryChange detach;
        detach.removeAttachments = {QStringLiteral("nothing.png")};
        auto r = j.edit(id, detach);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::NotFound);
    }
    {
        EntryChange change;
        change.title = QStringLiteral("x");
        auto r = j.edit(QUuid::createUuid().toString(QUuid::WithoutBraces), change);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::NotFound);
    }
    CHECK(j.entry(id)->revisions.size() == 1);
    CHECK(vault->verify().ok());
}

TEST_CASE("journal: occurred_at set by the person is kept exactly", "[journal]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    const QList<QDateTime> times{
        QDateTime(QDate(2026, 1, 5), QTime(14, 30, 0, 0), Qt::UTC),
        QDateTime(QDate(2025, 12, 31), QTime(23, 59, 59, 999), QTimeZone(5 * 3600 + 45 * 60)),
        QDateTime(QDate(2026, 7, 1), QTime(0, 0, 0, 1), QTimeZone(-(9 * 3600 + 30 * 60))),
        QDateTime(QDate(2019, 2, 28), QTime(8, 1, 2, 3), QTimeZone(13 * 3600)),
        QDateTime(QDate(2026, 3, 29), QTime(10, 30, 0, 0), QTimeZone(QByteArrayLiteral("Europe/Berlin"))),
    };
    QStringList ids;
    {
        auto vault = createVault(dir);
        for (const QDateTime& t : times) {
            EntryDraft d = note(QStringLiteral("at ") + t.toString(Qt::ISODateWithMs));
            d.occurredAt = t;
            const Entry e = mustAdd(vault->journal(), d);
            CHECK(e.latest.occurredAt == t);
            ids << e.latest.entryId;
        }
        // Editing the occurrence time is allowed (the person's claim); it is a new revision.
        EntryChange change;
        change.occurredAt = times.at(0).addSecs(-3600);
        const Entry edited = mustEdit(vault->journal(), ids.at(0), change);
        CHECK(edited.latest.occurredAt == times.at(0).addSecs(-3600));
        CHECK(edited.latest.revision == 2);
    }
    auto vault = openVault(dir);
    for (qsizetype i = 0; i < times.size(); ++i) {
        const QDateTime expected = i == 0 ? times.at(0).addSecs(-3600) : times.at(i);
        const Entry e = *vault->journal().entry(ids.at(i));
        INFO("entry " << i << " occurred " << e.latest.occurredAt.toString(Qt::ISODateWithMs) << " expected "
                      << expected.toString(Qt::ISODateWithMs));
        CHECK(e.latest.occurredAt == expected);                                  // same instant
        CHECK(e.latest.occurredAt.offsetFromUtc() == expected.offsetFromUtc()); // same wall time
        CHECK(e.latest.occurredAt.time().msec() == expected.time().msec());
    }
    // Newest occurrence first.
    const QList<Entry> list = vault->journal().entries();
    for (qsizetype i = 1; i < list.size(); ++i)
        CHECK(list.at(i - 1).latest.occurredAt >= list.at(i).latest.occurredAt);
}

TEST_CASE("journal: recorded_at comes from the clock and survives reopening", "[journal]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    ManualClock clock(T0);
    QString id;
    {
        auto vault = createVault(dir, nullptr, clock.clock());
        EntryDraft d = note(QStringLiteral("clocked"));
        d.occurredAt = T0.addDays(-3); // written down three days later
        const Entry e = mustAdd(vault->journal(), d);
        id = e.latest.entryId;
        CHECK(e.latest.recordedAt == T0);
        CHECK(e.revisions.at(0).recordedAt == T0);
        CHECK(e.latest.occurredAt == T0.addDays(-3));
        CHECK_FALSE(e.latest.timeZone.isEmpty());

        clock.advance(3'600'000);
        EntryChange change;
        change.body = QStringLiteral("edited an hour later");
        const Entry edited = mustEdit(vault->journal(), id, change);
        CHECK(edited.latest.recordedAt == T0.addMSecs(3'600'000));
        CHECK(edited.revisions.at(0).recordedAt == T0); // revision 1's time is untouched
    }
    clock.advance(86'400'000);
    auto vault = openVault(dir, clock.clock());
    auto history = vault->journal().history(id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK(history->at(0).recordedAt == T0);
    CHECK(history->at(1).recordedAt == T0.addMSecs(3'600'000));
    CHECK(history->at(0).occurredAt == T0.addDays(-3));
    CHECK(vault->verify().ok());
}

TEST_CASE("journal: a clock that goes backwards never makes a record earlier", "[journal]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    ManualClock clock(T0);
    QStringList ids;
    QList<QDateTime> recorded;
    auto add = [&](Vault& vault, const QString& title) {
        const Entry e = mustAdd(vault.journal(), note(title));
        ids << e.latest.entryId;
        recorded << e.latest.recordedAt;
    };
    {
        auto vault = createVault(dir, nullptr, clock.clock());
        add(*vault, QStringLiteral("a")); // T0
        clock.advance(3'600'000);
        add(*vault, QStringLiteral("b")); // T0 + 1 h
        clock.set(T0.addDays(-1));        // the clock jumps back a day
        add(*vault, QStringLiteral("c"));
        CHECK(recorded.at(2) == recorded.at(1)); // kept at the last record's time, not earlier
        clock.advance(1000);                     // still behind
        REQUIRE(vault->journal().tombstone(ids.at(0)).ok());
        EntryChange change;
        change.title = QStringLiteral("c2");
        const Entry edited = mustEdit(vault->journal(), ids.at(2), change);
        CHECK(edited.latest.recordedAt == recorded.at(1));
        CHECK(vault->verify().ok());
    }
    {
        // Still behind after reopening: the log remembers its last time.
        clock.set(T0.addDays(-2));
        auto vault = openVault(dir, clock.clock());
        add(*vault, QStringLiteral("d"));
        CHECK(recorded.at(3) >= recorded.at(1));
        // The clock recovers: times move forward again.
        clock.set(T0.addSecs(7200));
        add(*vault, QStringLiteral("e"));
        CHECK(recorded.at(4) == T0.addSecs(7200));
        const VerifyReport report = vault->verify();
        INFO(describe(report));
        CHECK(report.ok());
        CHECK(report.records == 7);
    }
    for (qsizetype i = 1; i < recorded.size(); ++i)
        CHECK(recorded.at(i) >= recorded.at(i - 1));
    // Every revision's recorded time, in log order, is monotonic after reopening too.
    auto vault = openVault(dir);
    QList<RevisionInfo> all;
    for (const Entry& e : vault->journal().entries(true))
        all += e.revisions;
    std::sort(all.begin(), all.end(), [](const RevisionInfo& a, const RevisionInfo& b) { return a.seq < b.seq; });
    REQUIRE(all.size() == 6);
    for (qsizetype i = 1; i < all.size(); ++i)
        CHECK(all.at(i).recordedAt >= all.at(i - 1).recordedAt);
}

TEST_CASE("journal: a tombstone hides the entry but keeps it and its history", "[journal]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    QString keep, gone;
    {
        auto vault = createVault(dir);
        Journal& j = vault->journal();
        keep = mustAdd(j, note(QStringLiteral("keep"))).latest.entryId;
        gone = mustAdd(j, note(QStringLiteral("gone"))).latest.entryId;
        EntryChange change;
        change.body = QStringLiteral("second version");
        mustEdit(j, gone, change);
        REQUIRE(j.tombstone(gone).ok());
        REQUIRE(j.tombstone(gone).ok()); // idempotent

        CHECK(j.entries().size() == 1);
        CHECK(j.entries().at(0).latest.entryId == keep);
        CHECK(j.entries(true).size() == 2);
        const Entry e = *j.entry(gone);
        CHECK(e.deleted);
        CHECK_FALSE(e.purged);
        CHECK(e.latest.body == QStringLiteral("second version"));
        CHECK(j.history(gone)->size() == 2);

        EntryChange again;
        again.title = QStringLiteral("resurrect");
        auto r = j.edit(gone, again);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Usage);
        CHECK(j.tombstone(QUuid::createUuid().toString(QUuid::WithoutBraces)).error().code == ErrorCode::NotFound);
        CHECK(vault->verify().ok());
    }
    auto vault = openVault(dir);
    Journal& j = vault->journal();
    CHECK(j.entries().size() == 1);
    const QList<Entry> all = j.entries(true);
    REQUIRE(all.size() == 2);
    CHECK(j.entry(gone)->deleted);
    CHECK_FALSE(j.entry(keep)->deleted);
    auto history = j.history(gone);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK(history->at(0).body == QStringLiteral("body of gone"));
    CHECK(history->at(1).body == QStringLiteral("second version"));
}

TEST_CASE("journal: purge removes objects and attachment files and verify still passes", "[journal]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    Sources sources;
    QString keep, gone;
    QStringList goneObjects, goneAttachments, keptAttachments;
    QString keepObject;
    {
        auto vault = createVault(dir);
        Journal& j = vault->journal();
        EntryDraft k = note(QStringLiteral("keep"));
        k.attachments = {sources.add(randomData(1000), QStringLiteral("k.bin"))};
        const Entry kept = mustAdd(j, k);
        keep = kept.latest.entryId;
        keepObject = kept.object;
        keptAttachments << kept.latest.attachments.at(0).object;

        EntryDraft g = note(QStringLiteral("gone"));
        g.attachments = {sources.add(randomData(70'000), QStringLiteral("g1.bin"))};
        const Entry first = mustAdd(j, g);
        gone = first.latest.entryId;
        EntryChange change;
        change.addAttachments = {sources.add(randomData(10), QStringLiteral("g2.bin"))};
        change.removeAttachments = {QStringLiteral("g1.bin")}; // revision 2 drops g1: it must go too
        const Entry second = mustEdit(j, gone, change);
        goneObjects << first.object << second.object;
        goneAttachments << first.latest.attachments.at(0).object << second.latest.attachments.at(0).object;
        for (const QString& a : goneAttachments)
            REQUIRE(QFile::exists(dir + QStringLiteral("/objects/") + a.left(2) + QLatin1Char('/') + a));

        REQUIRE(j.purge(gone).ok());
        REQUIRE(j.purge(gone).ok()); // idempotent
        const Entry purged = *j.entry(gone);
        CHECK(purged.purged);
        CHECK(purged.deleted);
        CHECK(purged.latest.title.isEmpty());
        CHECK(j.history(gone)->isEmpty());
        CHECK(j.entries().size() == 1);
        CHECK(j.entries(true).size() == 2);
        auto r = j.purge(QUuid::createUuid().toString(QUuid::WithoutBraces));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::NotFound);

        const VerifyReport report = vault->verify();
        INFO(describe(report));
        CHECK(report.ok());
        CHECK(report.purged == 2);
    }
    for (const QString& a : goneAttachments)
        CHECK_FALSE(QFile::exists(dir + QStringLiteral("/objects/") + a.left(2) + QLatin1Char('/') + a));
    for (const QString& a : keptAttachments)
        CHECK(QFile::exists(dir + QStringLiteral("/objects/") + a.left(2) + QLatin1Char('/') + a));
    {
        RawDb db(dir + QStringLiteral("/journal.db"));
        const QStringList objects = db.objectIds();
        for (const QString& o : goneObjects)
            CHECK_FALSE(objects.contains(o));
        CHECK(objects.contains(keepObject));
        CHECK(db.logRows().size() == 4); // put, put, put, purge (the second purge wrote nothing)
    }
    auto vault = openVault(dir);
    CHECK(vault->journal().entry(gone)->purged);
    CHECK(readAttachment(vault->journal(), keep, QStringLiteral("k.bin")).size() == 1000);
    const VerifyReport report = vault->verify();
    INFO(describe(report));
    CHECK(report.ok());
}

TEST_CASE("journal: a new Vault object on the folder sees everything", "[journal]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    Sources sources;
    const QByteArray photo = randomData(200'000);
    QList<Entry> before;
    {
        auto vault = createVault(dir);
        Journal& j = vault->journal();
        for (int i = 0; i < 20; ++i) {
            EntryDraft d = note(QStringLiteral("entry %1").arg(i), QStringLiteral("body %1 ünïcödé ✓").arg(i));
            d.occurredAt = T0.addDays(-i);
            d.tags = {QStringLiteral("n%1").arg(i % 3)};
            if (i % 5 == 0)
                d.attachments = {sources.add(photo, QStringLiteral("photo %1.jpg").arg(i), QStringLiteral("image/jpeg"))};
            const Entry e = mustAdd(j, d);
            if (i % 4 == 0) {
                EntryChange change;
                change.title = QStringLiteral("entry %1 (edited)").arg(i);
                mustEdit(j, e.latest.entryId, change);
            }
            if (i == 7)
                REQUIRE(j.tombstone(e.latest.entryId).ok());
        }
        before = j.entries(true);
        REQUIRE(before.size() == 20);
    }
    auto vault = openVault(dir);
    Journal& j = vault->journal();
    CHECK(j.problems().isEmpty());
    const QList<Entry> after = j.entries(true);
    REQUIRE(after.size() == before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const Entry& a = before.at(i);
        const Entry& b = after.at(i);
        INFO("entry " << a.latest.entryId);
        CHECK(a.latest.entryId == b.latest.entryId);
        CHECK(a.latest.toCanonicalJson() == b.latest.toCanonicalJson());
        CHECK(a.object == b.object);
        CHECK(a.revisions.size() == b.revisions.size());
        CHECK(a.deleted == b.deleted);
        for (const AttachmentRef& ref : b.latest.attachments)
            CHECK(readAttachment(j, b.latest.entryId, ref.name) == photo);
    }
    CHECK(j.entries().size() == 19);
    const VerifyReport report = vault->verify();
    INFO(describe(report));
    CHECK(report.ok());
    CHECK(report.entries == 20);
    CHECK(report.revisions == 25);
    CHECK(report.attachments == 4);
}

TEST_CASE("journal: two open Vault objects on one folder never fork the chain", "[journal]")
{
    // The app and the CLI may have the same vault open. Both know this device's log up to #1; the
    // second to append must not create a second #2.
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    createVault(dir).reset();
    auto a = openVault(dir);
    auto b = openVault(dir);
    REQUIRE(a->deviceId() == b->deviceId());
    const Entry fromA = mustAdd(a->journal(), note(QStringLiteral("from A")));
    auto fromB = b->journal().add(note(QStringLiteral("from B")));
    if (fromB.ok()) {
        // Accepted only if it was chained after A's record.
        CHECK(fromB->revisions.at(0).seq == fromA.revisions.at(0).seq + 1);
    } else {
        CHECK(fromB.error().code != ErrorCode::Damaged);
    }
    const VerifyReport report = a->verify();
    INFO(describe(report));
    CHECK(report.ok());
    // After unlocking again, B sees A's entry and can write.
    REQUIRE(b->unlockWithPassphrase(bytes(Passphrase)).ok());
    CHECK(b->journal().entry(fromA.latest.entryId).ok());
    mustAdd(b->journal(), note(QStringLiteral("from B, later")));
    a.reset();
    b.reset();
    auto c = openVault(dir);
    CHECK(c->verify().ok());
    CHECK(c->journal().count() == (fromB.ok() ? 3 : 2));
}

TEST_CASE("journal: a large vault loads back exactly and damage to some entries stays isolated", "[journal]")
{
    // Enough records and entries (> 256) that unlock decrypts them on several threads.
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    ManualClock clock(T0);
    QList<Entry> before;
    QStringList edited;
    {
        auto vault = createVault(dir, nullptr, clock.clock());
        Journal& j = vault->journal();
        for (int i = 0; i < 300; ++i) {
            clock.advance(1000);
            EntryDraft d = note(QStringLiteral("entry %1").arg(i), QStringLiteral("body %1").arg(i));
            d.occurredAt = T0.addSecs(-60 * i);
            const Entry e = mustAdd(j, d);
            if (i % 7 == 0) {
                clock.advance(1000);
                EntryChange change;
                change.body = QStringLiteral("body %1, corrected").arg(i);
                mustEdit(j, e.latest.entryId, change);
                edited << e.latest.entryId;
            }
            if (i % 31 == 0)
                REQUIRE(j.tombstone(e.latest.entryId).ok());
        }
        before = j.entries(true);
    }
    REQUIRE(before.size() == 300);
    QHash<QString, Entry> byId;
    for (const Entry& e : before)
        byId.insert(e.latest.entryId, e);
    {
        auto vault = openVault(dir);
        Journal& j = vault->journal();
        CHECK(j.problems().isEmpty());
        const QList<Entry> after = j.entries(true);
        REQUIRE(after.size() == before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            INFO("entry " << before.at(i).latest.entryId);
            CHECK(after.at(i).latest.toCanonicalJson() == before.at(i).latest.toCanonicalJson());
            CHECK(after.at(i).revisions.size() == before.at(i).revisions.size());
            CHECK(after.at(i).deleted == before.at(i).deleted);
        }
        CHECK(j.entries().size() == 300 - 10);
        const VerifyReport report = vault->verify();
        INFO(describe(report));
        CHECK(report.ok());
        CHECK(report.records == 300 + int(edited.size()) + 10);
    }

    // Damage the newest revision of five edited entries: each falls back to its revision 1, the
    // rest are untouched, and verify names exactly those five objects.
    QStringList damagedObjects;
    QSet<QString> damagedEntries;
    {
        RawDb db(dir + QStringLiteral("/journal.db"));
        for (int k = 0; k < 5; ++k) {
            const Entry& e = byId.value(edited.at(k * 3));
            REQUIRE(e.revisions.size() == 2);
            const QString object = e.revisions.at(1).object;
            db.setObjectData(object, flipped(db.objectData(object), 50));
            damagedObjects << object;
            damagedEntries.insert(e.latest.entryId);
        }
    }
    auto vault = openVault(dir);
    Journal& j = vault->journal();
    CHECK(j.problems().size() == 5);
    for (const QString& id : damagedEntries) {
        const Entry e = *j.entry(id);
        CHECK(e.latest.revision == 1);
        CHECK(e.latest.body == byId.value(id).latest.body.section(QLatin1Char(','), 0, 0));
    }
    const QList<Entry> after = j.entries(true);
    CHECK(after.size() == 300);
    for (const Entry& e : after)
        if (!damagedEntries.contains(e.latest.entryId))
            CHECK(e.latest.toCanonicalJson() == byId.value(e.latest.entryId).latest.toCanonicalJson());
    const VerifyReport report = vault->verify();
    INFO(describe(report));
    CHECK(report.problems.size() == 5);
    for (const QString& object : damagedObjects)
        CHECK(namesText(report, object));
}

TEST_CASE("journal: a batch of entries is saved whole at its end, or not at all", "[journal][batch]")
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    {
        auto vault = createVault(dir);
        Journal& journal = vault->journal();
        mustAdd(journal, note(QStringLiteral("Before the batch")));

        // Abandoned: the journal is as it was, in memory and on disk.
        REQUIRE(journal.beginBatch().ok());
        CHECK(journal.inBatch());
        CHECK_FALSE(journal.beginBatch().ok()); // one at a time
        QBuffer screenshot;
        screenshot.setData(randomData(70000));
        screenshot.open(QIODevice::ReadOnly);
        EntryDraft withFile = note(QStringLiteral("Abandoned, with a file"));
        withFile.attachments.append({&screenshot, QStringLiteral("grade.png"), QStringLiteral("image/png")});
        mustAdd(journal, withFile);
        mustAdd(journal, note(QStringLiteral("Abandoned too")));
        CHECK(journal.count() == 3); // seen while the batch is open
        journal.abandonBatch();
        CHECK_FALSE(journal.inBatch());
        CHECK(journal.count() == 1);

        // Finished: every entry of it is saved, and the chain goes on from them.
        REQUIRE(journal.beginBatch().ok());
        for (int i = 0; i < 5; ++i)
            mustAdd(journal, note(QStringLiteral("Batched %1").arg(i)));
        // A refused entry leaves the batch open and the others in it.
        CHECK_FALSE(journal.add(EntryDraft{}).ok());
        CHECK(journal.inBatch());
        REQUIRE(journal.finishBatch().ok());
        CHECK_FALSE(journal.finishBatch().ok());
        mustAdd(journal, note(QStringLiteral("After the batch")));
        CHECK(journal.count() == 7);
    }
    auto reopened = openVault(dir);
    REQUIRE(reopened);
    CHECK(reopened->journal().count() == 7);
    CHECK(reopened->verify().ok());
}
