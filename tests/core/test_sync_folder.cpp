// Sync through a folder remote between devices of one vault: linking, pulling, pushing both
// ways, the request budgets, and a remote that lies (rolled back, forged, swapped, planted):
// each refused in words, with nothing on the device changed.
#include "SyncWorld.h"

#include "sync/FolderRemote.h"
#include "sync/Link.h"
#include "sync/RemoteLayout.h"
#include "sync/Synchronizer.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <optional>

using namespace pt;
using namespace pt::core;
using namespace pt::core::sync;
using namespace pt::test;


TEST_CASE("sync folder: a linked device pulls the journal and attachments byte-exact", "[sync]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    Sources sources;
    const QByteArray screenshot = randomData(300 * 1024);
    EntryDraft draft;
    draft.title = QStringLiteral("Grade: partly met");
    draft.attachments = {sources.add(screenshot, QStringLiteral("grade.png"), QStringLiteral("image/png"))};
    auto graded = a.vault->journal().add(draft);
    REQUIRE(graded.ok());
    for (int i = 0; i < 20; ++i)
        addNote(*a.vault, QStringLiteral("Note %1").arg(i, 2, 10, QLatin1Char('0')));

    auto first = a.sync(w.remote);
    requireOk(first);
    CHECK(first->recordsPushed == 21);
    CHECK(first->attachmentsPushed == 1);
    CHECK(first->packsPushed == 0); // 21 short entries ride in the head's tail

    Device b = w.link(QStringLiteral("b"));
    CHECK(b.vault->deviceId() != a.vault->deviceId());
    CHECK(b.vault->header().vaultId == a.vault->header().vaultId);
    auto pulled = b.sync(w.remote);
    requireOk(pulled);
    CHECK(pulled->recordsPulled == 21);
    CHECK(pulled->attachmentsPulled == 1);
    // heads, A's head, A's registration, one pack, one attachment, vault.json, B's registration
    CHECK(pulled->requests <= 7);
    CHECK(titles(*b.vault) == titles(*a.vault));
    CHECK(readAttachment(b.vault->journal(), graded->latest.entryId, QStringLiteral("grade.png")) == screenshot);
    CHECK(b.vault->verify().ok());
}

TEST_CASE("sync folder: two devices writing offline converge in either order", "[sync]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    const QString shared = addNote(*a.vault, QStringLiteral("PIP delivered"), QStringLiteral("Dana read it out"));
    requireOk(a.sync(w.remote));
    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));

    // Offline: each writes and edits.
    a.use();
    addNote(*a.vault, QStringLiteral("Written on the laptop"));
    EntryChange change;
    change.body = QStringLiteral("Dana read it out; HR was on the call");
    REQUIRE(a.vault->journal().edit(shared, change).ok());
    b.use();
    addNote(*b.vault, QStringLiteral("Written on the phone after the 1:1"));
    REQUIRE(b.vault->journal().tombstone(addNote(*b.vault, QStringLiteral("Typo entry"))).ok());

    requireOk(b.sync(w.remote));
    requireOk(a.sync(w.remote));
    requireOk(b.sync(w.remote));
    CHECK(titles(*a.vault) == titles(*b.vault));
    CHECK(titles(*a.vault).size() == 3);
    CHECK(a.vault->journal().entries(true).size() == 4); // the deleted one, in both
    CHECK(b.vault->journal().entry(shared)->latest.body == QStringLiteral("Dana read it out; HR was on the call"));
    a.use();
    CHECK(a.vault->verify().ok());
    b.use();
    CHECK(b.vault->verify().ok());
}

TEST_CASE("sync folder: request budgets", "[sync][budget]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    for (int i = 0; i < 1000; ++i)
        addNote(*a.vault, QStringLiteral("Entry %1").arg(i), QStringLiteral("What happened at the standup, in detail."));
    auto first = a.sync(w.remote);
    requireOk(first);
    CHECK(first->requests <= 50);
    Device b = w.link(QStringLiteral("b"));
    auto pulled = b.sync(w.remote);
    requireOk(pulled);
    CHECK(pulled->requests <= 50);
    CHECK(pulled->recordsPulled == 1000);

    // The device's first sync also registers it; after that, nothing new is one listing.
    requireOk(b.sync(w.remote));
    requireOk(a.sync(w.remote));
    for (Device* d : {&a, &b}) {
        auto noop = d->sync(w.remote);
        requireOk(noop);
        CHECK(noop->requests == 1);
    }

    // One new entry: at most 3 requests to push and 3 to pull. It rides in the head's tail: the
    // listing, the head and its read-back up; the listing and the head down.
    a.use();
    addNote(*a.vault, QStringLiteral("One more"));
    auto push = a.sync(w.remote);
    requireOk(push);
    CHECK(push->requests == 3);
    CHECK(push->packsPushed == 0);
    auto pull = b.sync(w.remote);
    requireOk(pull);
    CHECK(pull->requests == 2);
    CHECK(pull->recordsPulled == 1);
}

TEST_CASE("sync folder: a rolled-back remote is refused and nothing local changes", "[sync][hostile]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("First"));
    requireOk(a.sync(w.remote));
    const QString headPath = w.path(RemoteLayout(a.vault->header().vaultId).head(a.vault->deviceId()));
    const QByteArray oldHead = readFile(headPath);
    a.use();
    addNote(*a.vault, QStringLiteral("Second"));
    requireOk(a.sync(w.remote));

    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));
    REQUIRE(b.vault->journal().count() == 2);

    writeFile(headPath, oldHead); // the remote restored from an old backup
    auto refused = b.sync(w.remote);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Damaged);
    CHECK(refused.error().message.contains(a.vault->deviceId()));
    CHECK(refused.error().message.contains(QLatin1String("went back")));
    CHECK(b.vault->journal().count() == 2);
}

TEST_CASE("sync folder: forged heads, swapped packs and planted devices are refused", "[sync][hostile]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    // Longer than a head's tail holds: it goes up in a pack of its own.
    const QString longBody(int(SignedHead::TailMaxBytes), QLatin1Char('x'));
    addNote(*a.vault, QStringLiteral("Original"), longBody);
    requireOk(a.sync(w.remote));
    const RemoteLayout layout(a.vault->header().vaultId);
    const QString headPath = w.path(layout.head(a.vault->deviceId()));

    SECTION("a head changed by one byte")
    {
        const QByteArray head = readFile(headPath);
        QByteArray forged = head;
        forged.replace(QByteArrayLiteral("\"seq\":1"), QByteArrayLiteral("\"seq\":2"));
        REQUIRE(forged != head);
        writeFile(headPath, forged);
        Device b = w.link(QStringLiteral("b"));
        auto r = b.sync(w.remote);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.contains(QLatin1String("not one that device signed")));
        CHECK(b.vault->journal().count() == 0);
    }
    SECTION("a pack swapped for another")
    {
        a.use();
        addNote(*a.vault, QStringLiteral("Second"), longBody);
        requireOk(a.sync(w.remote));
        QStringList packs = QDir(w.path(layout.root() + QStringLiteral("/packs"))).entryList(QDir::Files);
        REQUIRE(packs.size() == 2);
        const QString p0 = w.path(layout.pack(packs.at(0))), p1 = w.path(layout.pack(packs.at(1)));
        const QByteArray b0 = readFile(p0);
        writeFile(p0, readFile(p1));
        writeFile(p1, b0);
        Device b = w.link(QStringLiteral("b"));
        auto r = b.sync(w.remote);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.contains(QLatin1String("not the one its head names")));
        CHECK(b.vault->journal().count() == 0);
    }
    SECTION("a device nobody registered")
    {
        const QString planted = QStringLiteral("0badc0de-0000-4000-8000-000000000001");
        writeFile(w.path(layout.head(planted)), readFile(headPath));
        writeFile(w.path(layout.device(planted)), QByteArray(200, 'x'));
        Device b = w.link(QStringLiteral("b"));
        auto r = b.sync(w.remote);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.contains(planted));
        CHECK(r.error().message.contains(QLatin1String("not registered")));
    }
}

TEST_CASE("sync folder: a folder tool's conflict copies and temp files are not taken for ours", "[sync][hostile]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("Kept"));
    requireOk(a.sync(w.remote));
    const RemoteLayout layout(a.vault->header().vaultId);
    const QString head = w.path(layout.head(a.vault->deviceId()));
    writeFile(head + QStringLiteral(".sync-conflict-20261202-101010-ABCDEFG"), QByteArray("garbage"));
    writeFile(head + QStringLiteral(" (conflicted copy 2026-12-02)"), QByteArray("garbage"));
    writeFile(w.path(layout.headsDir() + QStringLiteral("/.syncthing.tmp")), QByteArray("partial"));
    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));
    CHECK(titles(*b.vault) == QStringList{QStringLiteral("Kept")});
}

TEST_CASE("sync folder: the remote only ever holds ciphertext", "[sync][canary]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    const QString canary = QStringLiteral("synccanary-4be1f0");
    Sources sources;
    EntryDraft draft;
    draft.title = canary;
    draft.body = canary;
    draft.tags = {canary};
    draft.attachments = {sources.add(canary.toUtf8().repeated(100), canary + QStringLiteral(".txt"))};
    REQUIRE(a.vault->journal().add(draft).ok());
    requireOk(a.sync(w.remote));
    CHECK(filesContaining({w.remoteDir}, encodings(canary)).isEmpty());
    CHECK(filesUnder(w.remoteDir).size() >= 5);
}

TEST_CASE("sync folder: a missing folder (a drive not plugged in) says so and changes nothing", "[sync]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("Waiting for the drive"));
    FolderRemote unplugged(w.root.path() + QStringLiteral("/usb-drive"));
    auto r = a.sync(unplugged);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QLatin1String("a drive plugged in")));
    CHECK_FALSE(QFileInfo::exists(w.root.path() + QStringLiteral("/usb-drive")));
    requireOk(a.sync(w.remote)); // the work waited, and goes up once the folder is there
}

TEST_CASE("sync folder: the same entry edited on two devices offline keeps both edits and shows one everywhere", "[sync]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    const QString id = addNote(*a.vault, QStringLiteral("Goal 1"), QStringLiteral("As the PIP says it"));
    requireOk(a.sync(w.remote));
    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));

    a.use();
    EntryChange onA;
    onA.body = QStringLiteral("Written on the laptop");
    REQUIRE(a.vault->journal().edit(id, onA).ok());
    b.use();
    EntryChange onB;
    onB.body = QStringLiteral("Written on the phone");
    REQUIRE(b.vault->journal().edit(id, onB).ok());

    requireOk(a.sync(w.remote));
    requireOk(b.sync(w.remote));
    requireOk(a.sync(w.remote));
    const Entry onDeviceA = *a.vault->journal().entry(id);
    const Entry onDeviceB = *b.vault->journal().entry(id);
    CHECK(onDeviceA.revisions.size() == 3); // nothing overwritten: both edits are in the history
    CHECK(onDeviceB.revisions.size() == 3);
    CHECK(onDeviceA.object == onDeviceB.object);
    CHECK(onDeviceA.latest.body == onDeviceB.latest.body);
}

TEST_CASE("sync folder: a sync on a worker thread with its own journal.db connection", "[sync]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("From the laptop"));
    requireOk(a.sync(w.remote));
    Device b = w.link(QStringLiteral("b"));
    b.use();
    const SyncStart start = SyncStart::of(*b.vault);
    Vault::Store main = b.vault->store();
    std::optional<Result<SyncReport>> result;
    QThread* worker = QThread::create([&] {
        // As the app does: the worker's own connection, the keys and attachment folder shared.
        auto db = JournalDb::open(b.dir + QStringLiteral("/journal.db"));
        if (!db) { // Catch's assertions belong to the test's own thread
            result = db.error();
            return;
        }
        Synchronizer synchronizer({**db, main.attachments, main.keys, main.device}, start, w.remote,
                                  SyncCache(b.config + QStringLiteral("/sync-cache.json")), QStringLiteral("phone"));
        result = synchronizer.run();
    });
    worker->start();
    REQUIRE(worker->wait(60000));
    delete worker;
    REQUIRE(result.has_value());
    requireOk(*result);
    CHECK((*result)->recordsPulled == 1);
    CHECK(b.vault->journal().count() == 0); // until the vault's own thread reloads
    REQUIRE(b.vault->reload().ok());
    CHECK(titles(*b.vault) == QStringList{QStringLiteral("From the laptop")});
}

namespace {

// The folder remote, with every write refused as a dropped connection would be while `refusing`.
class WritesRefused final : public Remote {
public:
    explicit WritesRefused(Remote& inner) : m_inner(inner) {}
    bool refusing = true;

    [[nodiscard]] QString describe() const override { return m_inner.describe(); }
    [[nodiscard]] Result<QList<RemoteFile>> list(const QString& dir) override { return m_inner.list(dir); }
    [[nodiscard]] Result<QByteArray> get(const QString& path, qint64 maxBytes) override { return m_inner.get(path, maxBytes); }
    [[nodiscard]] Status getTo(const QString& path, QIODevice& sink, qint64 maxBytes) override
    {
        return m_inner.getTo(path, sink, maxBytes);
    }
    [[nodiscard]] Status putImmutable(const QString& path, QIODevice& source, qint64 size) override
    {
        return refusing ? Status(cut()) : m_inner.putImmutable(path, source, size);
    }
    [[nodiscard]] Status putMutable(const QString& path, const QByteArray& bytes) override
    {
        return refusing ? Status(cut()) : m_inner.putMutable(path, bytes);
    }
    [[nodiscard]] Status replace(const QString& path, const QByteArray& bytes) override
    {
        return refusing ? Status(cut()) : m_inner.replace(path, bytes);
    }
    [[nodiscard]] Status remove(const QString& path) override { return refusing ? Status(cut()) : m_inner.remove(path); }
    [[nodiscard]] int requestCount() const override { return m_inner.requestCount(); }

private:
    static Error cut() { return {ErrorCode::Failed, QStringLiteral("The connection was cut."), true}; }
    Remote& m_inner;
};

} // namespace

TEST_CASE("sync folder: what a pull brought in stays shown when the push after it fails", "[sync]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("Before the link"));
    requireOk(a.sync(w.remote));
    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));

    addNote(*a.vault, QStringLiteral("Written on the laptop"));
    requireOk(a.sync(w.remote));
    addNote(*b.vault, QStringLiteral("Written on the phone"));
    WritesRefused flaky(w.remote);
    auto failed = b.sync(flaky);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().transient);
    // The laptop's entry came in and is shown, though the phone's own did not go up.
    CHECK(titles(*b.vault) ==
          QStringList{"Before the link", "Written on the laptop", "Written on the phone"});

    // The next sync neither pulls it again nor trips over it.
    flaky.refusing = false;
    auto next = b.sync(flaky);
    requireOk(next);
    CHECK(next->recordsPulled == 0);
    CHECK(next->recordsPushed == 1);
    requireOk(a.sync(w.remote));
    CHECK(titles(*a.vault) == titles(*b.vault));
    CHECK(a.vault->verify().ok());
    CHECK(b.vault->verify().ok());
}

TEST_CASE("sync folder: an edit does not send again the attachments it keeps", "[sync][budget]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    Sources sources;
    EntryDraft draft;
    draft.title = QStringLiteral("Shout-out from the client");
    draft.attachments = {sources.add(randomData(200 * 1024), QStringLiteral("shoutout.png"), QStringLiteral("image/png"))};
    auto entry = a.vault->journal().add(draft);
    REQUIRE(entry.ok());
    auto first = a.sync(w.remote);
    requireOk(first);
    CHECK(first->attachmentsPushed == 1);

    EntryChange retitled;
    retitled.title = QStringLiteral("Shout-out from the client, in the all-hands");
    REQUIRE(a.vault->journal().edit(entry->latest.entryId, retitled).ok());
    auto edit = a.sync(w.remote);
    requireOk(edit);
    CHECK(edit->recordsPushed == 1);
    CHECK(edit->attachmentsPushed == 0);
    CHECK(edit->bytesPushed < 50 * 1024);

    // A new attachment on a later edit goes up, and only it.
    EntryChange added;
    added.addAttachments = {sources.add(randomData(100 * 1024), QStringLiteral("reply.eml"), QStringLiteral("message/rfc822"))};
    REQUIRE(a.vault->journal().edit(entry->latest.entryId, added).ok());
    auto more = a.sync(w.remote);
    requireOk(more);
    CHECK(more->attachmentsPushed == 1);

    Device b = w.link(QStringLiteral("b"));
    auto pulled = b.sync(w.remote);
    requireOk(pulled);
    CHECK(pulled->attachmentsPulled == 2);
    CHECK(readAttachment(b.vault->journal(), entry->latest.entryId, QStringLiteral("shoutout.png")) ==
          readAttachment(a.vault->journal(), entry->latest.entryId, QStringLiteral("shoutout.png")));
    CHECK(b.vault->verify().ok());
}
