// A copy of a vault restored from a backup (or copied to another phone) while the remote holds
// more of its device's log (DESIGN "Sync", FORMAT.md section 9): it must not write on as that
// device. It takes the newer log in as the old device's, takes an identity of its own, and says
// so. One written to before it synced does the same, and signs again as itself what it wrote as
// the old device since the copy was made (each record naming where it was first signed).
#include "SyncWorld.h"

#include "sync/DeviceList.h"
#include "vault/RecordSeal.h"

#include <QDir>
#include <QProcess>

using namespace pt;
using namespace pt::core;
using namespace pt::core::sync;
using namespace pt::test;

namespace {

// What a backup of the vault folder holds: the folder as it was, copied.
void copyFolder(const QString& from, const QString& to)
{
    REQUIRE(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), from, to}) == 0);
}

// The backup put back on a phone whose config folder (sync cache, seen heads) starts empty.
Device restore(World& w, const QString& backup, const QString& name)
{
    Device d = w.make(name);
    copyFolder(backup, d.dir);
    d.use();
    d.vault = openVault(d.dir);
    return d;
}

QString addNoteTitled(Vault& vault, const QString& title)
{
    addNote(vault, title);
    return title;
}

} // namespace

TEST_CASE("sync restored: a copy from a backup takes the newer log in and syncs on as a new device", "[sync][hostile]")
{
    World w;
    Device a = w.create(QStringLiteral("a"));
    addNote(*a.vault, QStringLiteral("Before the backup"));
    requireOk(a.sync(w.remote));
    const QString formerId = a.vault->deviceId();
    const QString backup = w.root.path() + QStringLiteral("/backup");
    copyFolder(a.dir, backup);
    a.use();
    addNote(*a.vault, QStringLiteral("After the backup 1"));
    addNote(*a.vault, QStringLiteral("After the backup 2"));
    requireOk(a.sync(w.remote));
    a.vault.reset(); // the phone is lost

    Device restored = restore(w, backup, QStringLiteral("restored"));
    REQUIRE(restored.vault->deviceId() == formerId);
    auto r = restored.sync(w.remote);
    requireOk(r);
    CHECK(r->restoredCopy);
    CHECK(r->formerDevice == formerId);
    CHECK(r->recordsPulled == 2);
    CHECK(restored.vault->deviceId() != formerId);
    CHECK(titles(*restored.vault) == QStringList{QStringLiteral("After the backup 1"), QStringLiteral("After the backup 2"),
                                                 QStringLiteral("Before the backup")});

    // It writes as itself from now on; another device sees both devices and every entry.
    addNote(*restored.vault, QStringLiteral("On the restored phone"));
    auto next = restored.sync(w.remote);
    requireOk(next);
    CHECK_FALSE(next->restoredCopy);
    CHECK(next->recordsPushed == 1);
    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));
    CHECK(titles(*b.vault) == titles(*restored.vault));
    CHECK(b.vault->journal().count() == 4);
    auto devices = devicesOn(w.remote, b.vault->store().keys, b.vault->header().vaultId);
    REQUIRE(devices.ok());
    QStringList ids;
    for (const ListedDevice& d : *devices)
        ids << d.registration.device;
    CHECK(ids.contains(formerId));
    CHECK(ids.contains(restored.vault->deviceId()));
    for (Device* d : {&restored, &b}) {
        d->use();
        CHECK(d->vault->verify().ok());
    }
    // The old identity's key is gone from the copy: it signs nothing as that device again.
    restored.vault.reset();
    restored.use();
    restored.vault = openVault(restored.dir);
    CHECK(restored.vault->deviceId() != formerId);
}

TEST_CASE("sync restored: a copy written to before it synced becomes a new device and keeps what was written on it",
          "[sync][hostile]")
{
    int afterBackup = 0, onTheCopy = 0;
    SECTION("its log behind the remote's") { afterBackup = 3, onTheCopy = 1; }
    SECTION("its log as long as the remote's") { afterBackup = 1, onTheCopy = 1; }
    SECTION("its log past the remote's") { afterBackup = 1, onTheCopy = 2; }

    World w;
    Device a = w.create(QStringLiteral("a"));
    const QString shared = addNote(*a.vault, QStringLiteral("Before the backup"));
    requireOk(a.sync(w.remote));
    const QString backup = w.root.path() + QStringLiteral("/backup");
    copyFolder(a.dir, backup);
    a.use();
    QStringList expected{QStringLiteral("Before the backup")};
    for (int i = 0; i < afterBackup; ++i)
        expected << addNoteTitled(*a.vault, QStringLiteral("After the backup %1").arg(i));
    requireOk(a.sync(w.remote));

    Device restored = restore(w, backup, QStringLiteral("restored"));
    const QString formerId = restored.vault->deviceId();
    for (int i = 0; i < onTheCopy; ++i)
        expected << addNoteTitled(*restored.vault, QStringLiteral("Written on the copy %1").arg(i));
    // The same entry changed on the copy and on the original: both versions are kept.
    core::EntryChange onCopy;
    onCopy.body = QStringLiteral("Changed on the copy");
    REQUIRE(restored.vault->journal().edit(shared, onCopy).ok());
    a.use();
    core::EntryChange onOriginal;
    onOriginal.body = QStringLiteral("Changed on the original");
    REQUIRE(a.vault->journal().edit(shared, onOriginal).ok());
    requireOk(a.sync(w.remote));

    auto r = restored.sync(w.remote);
    requireOk(r);
    CHECK(r->restoredCopy);
    CHECK(r->formerDevice == formerId);
    CHECK(r->recordsReissued == onTheCopy + 1);
    CHECK(r->recordsPushed == onTheCopy + 1);
    const QString newId = restored.vault->deviceId();
    CHECK(newId != formerId);
    CHECK(restored.vault->formerDevices() == QStringList{formerId});
    expected.sort();
    CHECK(titles(*restored.vault) == expected);
    auto both = restored.vault->journal().entry(shared);
    REQUIRE(both.ok());
    CHECK(both->inConflict());

    // Its records say where they were first signed; the former id's log here is the remote's.
    auto first = restored.vault->store().db.record(newId, 1);
    REQUIRE(first.ok());
    REQUIRE(first->has_value());
    const auto signedRecord = openRecord(**first, restored.vault->store().keys);
    REQUIRE(signedRecord.has_value());
    const auto record = LogRecord::fromPayload(signedRecord->payload);
    REQUIRE(record.has_value());
    REQUIRE(record->firstSigned.has_value());
    CHECK(record->firstSigned->device == formerId);
    CHECK(record->firstSigned->seq == 2);
    CHECK(restored.vault->journal().heads().value(formerId) == a.vault->journal().heads().value(formerId));

    // The original, still writing as that id, and a new device see the same journal.
    a.use();
    requireOk(a.sync(w.remote));
    CHECK(titles(*a.vault) == expected);
    addNote(*a.vault, QStringLiteral("The original writes on"));
    requireOk(a.sync(w.remote));
    auto again = restored.sync(w.remote);
    requireOk(again);
    CHECK(again->recordsPulled == 1);
    CHECK(again->recordsReissued == 0);
    Device b = w.link(QStringLiteral("b"));
    requireOk(b.sync(w.remote));
    CHECK(titles(*b.vault) == titles(*a.vault));
    CHECK(titles(*b.vault) == titles(*restored.vault));
    for (Device* d : {&a, &restored, &b}) {
        d->use();
        CHECK(d->vault->verify().ok());
    }
    // Opened again, the copy finds nothing went back: its former id's log was replaced knowingly.
    restored.vault.reset();
    restored.use();
    restored.vault = openVault(restored.dir);
    CHECK(restored.vault->deviceId() == newId);
    CHECK(restored.vault->rollbackFindings().isEmpty());
}
