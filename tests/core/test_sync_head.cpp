// heads/<device> carries the newest records as its tail (docs/FORMAT.md section 9): small syncs
// are one upload, a tail that outgrows SignedHead::TailMaxBytes goes up as a pack, a changed tail
// is refused, and a head cut on its way up (a server that stores a PUT as it comes) is neither
// taken nor mistaken for a forgery: the others go on without it, its device writes it again.
#include "SyncWorld.h"

#include "sync/RemoteLayout.h"
#include "sync/SignedHead.h"

#include <QDir>

using namespace pt;
using namespace pt::core;
using namespace pt::core::sync;
using namespace pt::test;

namespace {

int packsOn(const World& w, const RemoteLayout& layout)
{
    return int(QDir(w.path(layout.root() + QStringLiteral("/packs"))).entryList(QDir::Files).size());
}

} // namespace

TEST_CASE("sync head: small syncs ride in the head and a full tail goes up as a pack", "[sync][budget]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("Note 0"));
    requireOk(a.sync(w.remote));
    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));
    const RemoteLayout layout(a.vault->header().vaultId);
    const QString headPath = w.path(layout.head(a.vault->deviceId()));
    CHECK(packsOn(w, layout) == 0);

    // Each sync sends the tail again with what is new, until it would pass its cap.
    const QString body(2000, QLatin1Char('y'));
    int syncs = 0;
    qint64 largest = 0;
    while (packsOn(w, layout) == 0) {
        REQUIRE(syncs < 100);
        a.use();
        addNote(*a.vault, QStringLiteral("Note %1").arg(++syncs), body);
        auto pushed = a.sync(w.remote);
        requireOk(pushed);
        CHECK(pushed->recordsPushed == 1);
        largest = std::max(largest, qint64(readFile(headPath).size()));
        auto pulled = b.sync(w.remote);
        requireOk(pulled);
        CHECK(pulled->recordsPulled == 1);
        CHECK(pulled->requests == (packsOn(w, layout) == 0 ? 2 : 3));
    }
    CHECK(syncs > 10);
    CHECK(largest <= SignedHead::TailMaxBytes + 4096);
    // The flush leaves the head small again, holding the pack's range only.
    CHECK(readFile(headPath).size() < 1024);
    CHECK(titles(*a.vault) == titles(*b.vault));

    // A new device reads the pack and the head.
    Device c = w.link(QStringLiteral("c"));
    auto first = c.sync(w.remote);
    requireOk(first);
    CHECK(first->recordsPulled == syncs + 1);
    CHECK(titles(*c.vault) == titles(*a.vault));
    for (Device* d : {&a, &b, &c}) {
        d->use();
        CHECK(d->vault->verify().ok());
    }
}

TEST_CASE("sync head: a changed tail is refused", "[sync][hostile]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("Said in the 1:1"));
    requireOk(a.sync(w.remote));
    const QString headPath = w.path(RemoteLayout(a.vault->header().vaultId).head(a.vault->deviceId()));
    QByteArray head = readFile(headPath);
    head[head.size() - 1] = char(head.at(head.size() - 1) ^ 0x01);
    writeFile(headPath, head);

    Device b = w.link(QStringLiteral("b"));
    auto r = b.sync(w.remote);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QLatin1String("not one that device signed")));
    CHECK(r.error().message.contains(QLatin1String("tail")));
    CHECK(b.vault->journal().count() == 0);
}

TEST_CASE("sync head: a head cut on its way up is skipped, then written whole again by its device", "[sync]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("First"));
    requireOk(a.sync(w.remote));
    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));
    REQUIRE(b.vault->journal().count() == 1);

    a.use();
    addNote(*a.vault, QStringLiteral("Second"));
    requireOk(a.sync(w.remote));
    const QString headPath = w.path(RemoteLayout(a.vault->header().vaultId).head(a.vault->deviceId()));
    const QByteArray whole = readFile(headPath);

    for (const qsizetype kept : {qsizetype(2), qsizetype(70), whole.size() / 2, whole.size() - 1}) {
        INFO(kept);
        const QByteArray stump = whole.left(kept);
        REQUIRE(SignedHead::isCut(stump));
        writeFile(headPath, stump);
        // The other device goes on without it, takes nothing from it and says whose it was.
        b.use();
        addNote(*b.vault, QStringLiteral("From b, %1").arg(kept));
        auto r = b.sync(w.remote);
        requireOk(r);
        CHECK(r->devicesCut == QStringList{a.vault->deviceId()});
        CHECK(r->recordsPulled == 0);
        CHECK(r->recordsPushed == 1);
        CHECK_FALSE(titles(*b.vault).contains(QStringLiteral("Second")));
        writeFile(headPath, whole);
    }

    // Cut again: its own device writes it whole at its next sync, though nothing is new.
    writeFile(headPath, whole.left(whole.size() / 2));
    auto again = a.sync(w.remote);
    requireOk(again);
    CHECK(again->devicesCut == QStringList{a.vault->deviceId()});
    CHECK_FALSE(SignedHead::isCut(readFile(headPath)));
    auto later = b.sync(w.remote);
    requireOk(later);
    CHECK(later->devicesCut.isEmpty());
    CHECK(titles(*b.vault) == titles(*a.vault));
    CHECK(titles(*b.vault).contains(QStringLiteral("Second")));
    b.use();
    CHECK(b.vault->verify().ok());
}
