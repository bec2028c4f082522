// Revoking a lost phone: what it wrote before stays, what it writes afterwards is refused on every
// device once the revocation is synced, the phone itself cannot write on, and it cannot undo its
// revocation by revoking the device that revoked it.
#include "SyncWorld.h"

#include "sync/DeviceList.h"

#include <QThread>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

struct ThreeDevices {
    World world;
    Device laptop = world.create(QStringLiteral("laptop"));
    bool laptopSynced = laptop.sync(world.remote).ok();
    Device tablet = world.link(QStringLiteral("tablet"));
    Device phone = world.link(QStringLiteral("phone"));

    void syncAll(std::initializer_list<Device*> order)
    {
        for (Device* d : order)
            requireOk(d->sync(world.remote));
    }
};

} // namespace

TEST_CASE("revoke: a lost phone's later records are refused everywhere and its earlier ones stay", "[sync][revoke]")
{
    ThreeDevices t;
    REQUIRE(t.laptopSynced);
    t.phone.use();
    addNote(*t.phone.vault, QStringLiteral("Written on the phone before it was lost"));
    t.syncAll({&t.phone, &t.laptop, &t.tablet});

    // The laptop revokes the phone; the thief writes on it and syncs.
    t.laptop.use();
    const QString phoneId = t.phone.vault->deviceId();
    REQUIRE(t.laptop.vault->journal().revoke(phoneId).ok());
    REQUIRE(t.laptop.vault->journal().revocationOf(phoneId));
    t.phone.use();
    addNote(*t.phone.vault, QStringLiteral("Planted after the phone was lost"));
    t.syncAll({&t.phone, &t.laptop, &t.tablet, &t.phone});

    for (Device* d : {&t.laptop, &t.tablet}) {
        d->use();
        const QStringList shown = titles(*d->vault);
        CHECK(shown.contains(QStringLiteral("Written on the phone before it was lost")));
        CHECK_FALSE(shown.contains(QStringLiteral("Planted after the phone was lost")));
        const auto revoked = d->vault->journal().revocationOf(phoneId);
        REQUIRE(revoked);
        CHECK(revoked->by == t.laptop.vault->deviceId());
        CHECK(revoked->refused == 1);
        CHECK(d->vault->verify().ok()); // the refused record is a genuine record, left out, not damage
    }

    // The phone learns it was revoked and writes nothing more.
    t.phone.use();
    EntryDraft draft;
    draft.title = QStringLiteral("One more");
    auto refused = t.phone.vault->journal().add(draft);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("was revoked by device")));
}

TEST_CASE("revoke: a revoked phone cannot revoke the device that revoked it and a device cannot revoke itself", "[sync][revoke]")
{
    ThreeDevices t;
    REQUIRE(t.laptopSynced);
    t.syncAll({&t.phone, &t.tablet, &t.laptop});
    const QString phoneId = t.phone.vault->deviceId();
    const QString laptopId = t.laptop.vault->deviceId();

    t.laptop.use();
    auto self = t.laptop.vault->journal().revoke(laptopId);
    REQUIRE_FALSE(self.ok());
    CHECK(self.error().message.contains(QStringLiteral("cannot revoke itself")));

    REQUIRE(t.laptop.vault->journal().revoke(phoneId).ok());
    // Record times count milliseconds, and two revocations in the same one are ordered by device
    // id: this test is about the later one, so it is written a few milliseconds on.
    QThread::msleep(5);
    // The phone, before it has seen that, revokes the laptop in return: written after its own
    // revocation, it is ignored.
    t.phone.use();
    REQUIRE(t.phone.vault->journal().revoke(laptopId).ok());
    t.syncAll({&t.laptop, &t.phone, &t.tablet, &t.laptop});

    for (Device* d : {&t.laptop, &t.tablet, &t.phone}) {
        d->use();
        CHECK(d->vault->journal().revocationOf(phoneId));
        CHECK_FALSE(d->vault->journal().revocationOf(laptopId));
    }
    t.laptop.use();
    CHECK(t.laptop.vault->journal().add(EntryDraft{QStringLiteral("note"), QStringLiteral("Still writing"), {}, {}, {}, {}, {}}).ok());
}

TEST_CASE("revoke: the device list names each device with who added it and its last sync", "[sync][revoke]")
{
    ThreeDevices t;
    REQUIRE(t.laptopSynced);
    // Listed from their first sync, before they have written anything.
    t.syncAll({&t.tablet, &t.phone});
    t.laptop.use();
    auto early = sync::devicesOn(t.world.remote, t.laptop.vault->store().keys, t.laptop.vault->header().vaultId);
    REQUIRE(early.ok());
    CHECK(early->size() == 3);
    for (Device* d : {&t.laptop, &t.tablet, &t.phone}) {
        d->use();
        addNote(*d->vault, QStringLiteral("A note"));
    }
    t.syncAll({&t.laptop, &t.tablet, &t.phone});
    t.laptop.use();
    const int before = t.world.remote.requestCount();
    auto listed = sync::devicesOn(t.world.remote, t.laptop.vault->store().keys, t.laptop.vault->header().vaultId);
    REQUIRE(listed.ok());
    CHECK(t.world.remote.requestCount() - before == 2 + 3 + 3); // two listings, three registrations, three heads
    REQUIRE(listed->size() == 3);
    CHECK(listed->at(0).registration.device == t.laptop.vault->deviceId()); // added first
    CHECK(listed->at(0).registration.addedBy == t.laptop.vault->deviceId());
    for (const sync::ListedDevice& d : *listed) {
        CHECK(d.head.has_value());
        CHECK(d.headProblem.isEmpty());
        CHECK(d.registration.name == QStringLiteral("test device"));
    }
    CHECK(listed->at(1).registration.addedBy == listed->at(1).registration.device); // a linked device registers itself
}
