// The attacks of a security review, as written: someone who can write to the vault folder (a
// synced folder, a shared drive) but has no key. Each is refused or reported in plain words, and
// no saved entry is lost.
#include "TestSupport.h"

#include "vault/KdfPolicy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/stat.h>
#include <unistd.h>

using namespace pt::core;
using namespace pt::test;

namespace {

QString addTitled(Vault& vault, const QString& title)
{
    EntryDraft d;
    d.title = title;
    auto e = vault.journal().add(d);
    REQUIRE(e.ok());
    return e->latest.entryId;
}

QString journalPath(const QString& dir) { return dir + QStringLiteral("/journal.db"); }

mode_t modeOf(const QString& path)
{
    struct stat st {};
    REQUIRE(::lstat(QFile::encodeName(path).constData(), &st) == 0);
    return st.st_mode & 07777;
}

void setKdf(const QString& dir, qint64 ops, qint64 memory)
{
    const QString path = dir + QStringLiteral("/vault.json");
    QJsonObject root = QJsonDocument::fromJson(readFile(path)).object();
    QJsonObject kdf = root.value(QStringLiteral("kdf")).toObject();
    kdf.insert(QStringLiteral("ops"), ops);
    kdf.insert(QStringLiteral("memory"), memory);
    root.insert(QStringLiteral("kdf"), kdf);
    writeFile(path, QJsonDocument(root).toJson());
}

// Runs `body` with PAPERTRAIL_TEST_KDF unset: the release build's floor.
void withReleaseFloor(const std::function<void()>& body)
{
    ::unsetenv("PAPERTRAIL_TEST_KDF");
    body();
    ::setenv("PAPERTRAIL_TEST_KDF", "1", 1);
}

} // namespace

TEST_CASE("hostile: a trigger planted in journal.db is refused at open and nothing saved is lost", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    QString id;
    {
        auto vault = createVault(dir);
        id = addTitled(*vault, QStringLiteral("kept"));
    }
    for (const QString& planted : {
             QStringLiteral("CREATE TRIGGER swallow BEFORE INSERT ON log BEGIN SELECT RAISE(IGNORE); END"),
             QStringLiteral("CREATE VIEW peek AS SELECT * FROM objects"),
             QStringLiteral("CREATE TABLE extra (x)"),
             QStringLiteral("CREATE INDEX by_data ON objects (data)"),
         }) {
        INFO(planted.toStdString());
        RawDb(journalPath(dir)).exec(planted);
        auto vault = Vault::open(dir);
        REQUIRE_FALSE(vault.ok());
        CHECK(vault.error().code == ErrorCode::Damaged);
        CHECK(vault.error().message.contains(QStringLiteral("never puts there")));
        // Taken out again, the vault opens with everything it had.
        const QString name = planted.section(QLatin1Char(' '), 2, 2);
        const QString type = planted.section(QLatin1Char(' '), 1, 1);
        RawDb(journalPath(dir)).exec(QStringLiteral("DROP %1 %2").arg(type, name));
        auto reopened = openVault(dir);
        CHECK(reopened->journal().entry(id)->latest.title == QStringLiteral("kept"));
    }
}

TEST_CASE("hostile: a trigger planted while the vault is open makes the write fail and verify name it", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    auto vault = createVault(dir);
    addTitled(*vault, QStringLiteral("before"));
    RawDb(journalPath(dir)).exec(QStringLiteral("CREATE TRIGGER swallow BEFORE INSERT ON log BEGIN SELECT RAISE(IGNORE); END"));
    EntryDraft d;
    d.title = QStringLiteral("swallowed?");
    auto added = vault->journal().add(d);
    REQUIRE_FALSE(added.ok()); // never "saved" while nothing was stored
    CHECK(added.error().code == ErrorCode::Damaged);
    const VerifyReport report = vault->verify();
    INFO(describe(report));
    CHECK_FALSE(report.ok());
    CHECK(namesText(report, QStringLiteral("journal.db")));
}

TEST_CASE("hostile: a symlinked objects/tmp is never emptied at unlock", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    const QString precious = root.path() + QStringLiteral("/precious");
    REQUIRE(QDir().mkpath(precious));
    // Names like put()'s own temp files, so only the link check protects them.
    const QString victim = precious + QStringLiteral("/0123456789abcdef0123456789abcdef");
    writeFile(victim, "someone else's file");
    writeFile(precious + QStringLiteral("/notes.txt"), "another");
    {
        auto vault = createVault(dir);
        addTitled(*vault, QStringLiteral("x"));
    }
    QDir(dir + QStringLiteral("/objects/tmp")).removeRecursively();
    REQUIRE(QFile::link(precious, dir + QStringLiteral("/objects/tmp")));
    auto vault = openVault(dir);
    CHECK(QFile::exists(victim));
    CHECK(QFile::exists(precious + QStringLiteral("/notes.txt")));
    // And attaching does not write through the link either.
    Sources sources;
    EntryDraft d;
    d.title = QStringLiteral("with a file");
    d.attachments = {sources.add("data", QStringLiteral("a.txt"))};
    auto e = vault->journal().add(d);
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == ErrorCode::Damaged);
    CHECK(QDir(precious).entryList(QDir::Files).size() == 2);
}

TEST_CASE("hostile: own leftovers in objects/tmp are removed, other names are not", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    {
        auto vault = createVault(dir);
        addTitled(*vault, QStringLiteral("x"));
    }
    REQUIRE(QDir().mkpath(dir + QStringLiteral("/objects/tmp")));
    const QString leftover = dir + QStringLiteral("/objects/tmp/00112233445566778899aabbccddeeff");
    const QString other = dir + QStringLiteral("/objects/tmp/keep-me.txt");
    writeFile(leftover, "ciphertext from a crash");
    writeFile(other, "not ours");
    auto vault = openVault(dir);
    CHECK_FALSE(QFile::exists(leftover));
    CHECK(QFile::exists(other));
    const VerifyReport report = vault->verify();
    CHECK(report.ok());
    CHECK(report.notes.join(QLatin1Char('\n')).contains(QStringLiteral("objects/tmp/keep-me.txt")));
}

TEST_CASE("hostile: a planted .vault.json.tmp link is not written through on a passphrase change", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    const QString target = root.path() + QStringLiteral("/target.txt");
    writeFile(target, "must stay as it is");
    auto vault = createVault(dir);
    REQUIRE(QFile::link(target, dir + QStringLiteral("/.vault.json.tmp")));
    REQUIRE(vault->changePassphrase(currentPassphrase(), bytes("the new passphrase"), FastKdf).ok());
    CHECK(readFile(target) == QByteArray("must stay as it is"));
    CHECK_FALSE(QFileInfo(dir + QStringLiteral("/vault.json")).isSymLink());
    vault->lock();
    REQUIRE(vault->unlockWithPassphrase(bytes("the new passphrase")).ok());
}

TEST_CASE("hostile: vault.json as /dev/zero, a FIFO, a link or a huge file is refused at once", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    { createVault(dir); }
    const QString header = dir + QStringLiteral("/vault.json");
    const QByteArray good = readFile(header);

    auto expectRefused = [&](const char* what) {
        INFO(what);
        QElapsedTimer timer;
        timer.start();
        auto vault = Vault::open(dir);
        REQUIRE_FALSE(vault.ok());
        CHECK(vault.error().code == ErrorCode::Damaged);
        CHECK(timer.elapsed() < 5000); // no hang, no reading forever
    };
    REQUIRE(QFile::remove(header));
    REQUIRE(QFile::link(QStringLiteral("/dev/zero"), header));
    expectRefused("a link to /dev/zero");
    REQUIRE(QFile::remove(header));
    REQUIRE(::mkfifo(QFile::encodeName(header).constData(), 0600) == 0);
    expectRefused("a FIFO");
    REQUIRE(QFile::remove(header));
    const QString elsewhere = root.path() + QStringLiteral("/real-header.json");
    writeFile(elsewhere, good);
    REQUIRE(QFile::link(elsewhere, header));
    expectRefused("a link to a valid header");
    REQUIRE(QFile::remove(header));
    writeFile(header, good + QByteArray(1024 * 1024, ' '));
    expectRefused("a 1 MiB header");
    writeFile(header, good);
    CHECK(openVault(dir)->isUnlocked());
}

TEST_CASE("hostile: journal.db as a link or a FIFO is refused", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    { createVault(dir); }
    const QString db = journalPath(dir);
    const QString moved = root.path() + QStringLiteral("/journal.db");
    REQUIRE(QFile::rename(db, moved));
    REQUIRE(QFile::link(moved, db));
    auto linked = Vault::open(dir);
    REQUIRE_FALSE(linked.ok());
    CHECK(linked.error().code == ErrorCode::Damaged);
    REQUIRE(QFile::remove(db));
    REQUIRE(::mkfifo(QFile::encodeName(db).constData(), 0600) == 0);
    auto fifo = Vault::open(dir);
    REQUIRE_FALSE(fifo.ok());
    CHECK(fifo.error().code == ErrorCode::Damaged);
}

TEST_CASE("hostile: an attachment file that is a FIFO or a link is refused, not waited on", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    auto vault = createVault(dir);
    Sources sources;
    EntryDraft d;
    d.title = QStringLiteral("evidence");
    d.attachments = {sources.add(randomData(5000), QStringLiteral("a.bin"))};
    auto e = vault->journal().add(d);
    REQUIRE(e.ok());
    const QString path = dir + QStringLiteral("/objects/") + e->latest.attachments.first().object.left(2) +
                         QLatin1Char('/') + e->latest.attachments.first().object;
    const QString saved = root.path() + QStringLiteral("/saved");
    REQUIRE(QFile::rename(path, saved));
    REQUIRE(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    Status s = vault->journal().writeAttachment(e->latest.entryId, QStringLiteral("a.bin"), sink);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::Damaged);
    REQUIRE(QFile::remove(path));
    REQUIRE(QFile::link(saved, path));
    s = vault->journal().writeAttachment(e->latest.entryId, QStringLiteral("a.bin"), sink);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::Damaged);
    CHECK_FALSE(vault->verify().ok());
}

TEST_CASE("hostile: attachment B's file copied over A's is not returned as A", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    auto vault = createVault(dir);
    Sources sources;
    const QByteArray a = randomData(70000), b = randomData(70000); // the same size: no length tells them apart
    EntryDraft d;
    d.title = QStringLiteral("two files");
    d.attachments = {sources.add(a, QStringLiteral("a.bin")), sources.add(b, QStringLiteral("b.bin"))};
    auto e = vault->journal().add(d);
    REQUIRE(e.ok());
    auto pathOf = [&](int i) {
        const QString object = e->latest.attachments.at(i).object;
        return dir + QStringLiteral("/objects/") + object.left(2) + QLatin1Char('/') + object;
    };
    writeFile(pathOf(0), readFile(pathOf(1)));
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    const Status s = vault->journal().writeAttachment(e->latest.entryId, QStringLiteral("a.bin"), sink);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::Damaged);
    CHECK(s.error().message.contains(QStringLiteral("discard")));
    CHECK(readAttachment(vault->journal(), e->latest.entryId, QStringLiteral("b.bin")) == b);
    const VerifyReport report = vault->verify();
    CHECK_FALSE(report.ok());
}

TEST_CASE("hostile: an older journal.db put back, newest records deleted, or every record deleted is reported", "[hostile][rollback]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    const QString old = root.path() + QStringLiteral("/old.db");
    QString edited, deleted, device;
    {
        auto vault = createVault(dir);
        device = vault->deviceId();
        edited = addTitled(*vault, QStringLiteral("first words"));
        deleted = addTitled(*vault, QStringLiteral("to delete"));
    }
    REQUIRE(QFile::copy(journalPath(dir), old));
    {
        auto vault = openVault(dir);
        EntryChange c;
        c.title = QStringLiteral("corrected words");
        REQUIRE(vault->journal().edit(edited, c).ok());
        REQUIRE(vault->journal().tombstone(deleted).ok());
        CHECK(vault->rollbackFindings().isEmpty());
    }
    SECTION("an older copy put back")
    {
        REQUIRE(QFile::remove(journalPath(dir)));
        REQUIRE(QFile::copy(old, journalPath(dir)));
        auto vault = openVault(dir);
        REQUIRE(vault->rollbackFindings().size() == 1);
        CHECK(vault->rollbackFindings().first().device == device);
        CHECK(vault->rollbackFindings().first().seen.seq == 4);
        CHECK(vault->rollbackFindings().first().now.seq == 2);
        CHECK_FALSE(vault->verify().ok());
        // Writing on top of the older copy does not hide it: the history has forked.
        addTitled(*vault, QStringLiteral("a"));
        addTitled(*vault, QStringLiteral("b"));
        addTitled(*vault, QStringLiteral("c"));
        vault->lock();
        REQUIRE(vault->unlockWithPassphrase(bytes(Passphrase)).ok());
        REQUIRE(vault->rollbackFindings().size() == 1);
        CHECK(vault->rollbackFindings().first().forked);
        CHECK(vault->rollbackFindings().first().message().contains(QStringLiteral("rewritten")));
    }
    SECTION("the newest records deleted (un-deleting an entry, reverting an edit)")
    {
        {
            RawDb db(journalPath(dir));
            db.deleteLog(device, 4);
            db.deleteLog(device, 3);
            db.exec(QStringLiteral("DELETE FROM objects WHERE id NOT IN (SELECT id FROM objects LIMIT 2)"));
        }
        auto vault = openVault(dir);
        REQUIRE(vault->rollbackFindings().size() == 1);
        CHECK(vault->rollbackFindings().first().message().contains(QStringLiteral("went back in time")));
        const VerifyReport report = vault->verify();
        INFO(describe(report));
        CHECK_FALSE(report.ok());
    }
    SECTION("every record deleted")
    {
        RawDb(journalPath(dir)).exec(QStringLiteral("DELETE FROM log"));
        auto vault = openVault(dir);
        REQUIRE(vault->rollbackFindings().size() == 1);
        CHECK(vault->rollbackFindings().first().now.seq == 0);
        CHECK_FALSE(vault->verify().ok());
    }
}

TEST_CASE("hostile: verify prints each device's head and one fingerprint of them", "[hostile][rollback]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    auto vault = createVault(dir);
    addTitled(*vault, QStringLiteral("one"));
    const VerifyReport first = vault->verify();
    REQUIRE(first.heads.size() == 1);
    CHECK(first.heads.first().seq == 1);
    CHECK(first.heads.first().hash.size() == 64);
    addTitled(*vault, QStringLiteral("two"));
    const VerifyReport second = vault->verify();
    CHECK(second.heads.first().seq == 2);
    CHECK(headsFingerprint(second.heads) != headsFingerprint(first.heads));
    CHECK(headsFingerprint(second.heads).size() == 64);
}

TEST_CASE("hostile: the seen-heads file is kept outside the vault folder, owner-only", "[hostile][rollback]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    QString vaultId;
    {
        auto vault = createVault(dir);
        vaultId = vault->header().vaultId;
        addTitled(*vault, QStringLiteral("one"));
    }
    const QString path = SeenHeads::forVault(vaultId).path();
    CHECK_FALSE(path.startsWith(dir));
    REQUIRE(QFile::exists(path));
    CHECK((modeOf(path) & 077) == 0);
    auto heads = SeenHeads(path).load();
    REQUIRE(heads.ok());
    CHECK(heads->first().seq == 1);
    // Damaged, it is reported, not silently replaced.
    writeFile(path, "{not json");
    auto vault = openVault(dir);
    const VerifyReport report = vault->verify();
    CHECK_FALSE(report.ok());
    CHECK(namesText(report, QStringLiteral("rollback check")));
}

TEST_CASE("hostile: unreferenced attachment files are notes, folders are owner-only", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    auto vault = createVault(dir);
    Sources sources;
    EntryDraft d;
    d.title = QStringLiteral("with a file");
    d.attachments = {sources.add("bytes", QStringLiteral("a.txt"))};
    auto e = vault->journal().add(d);
    REQUIRE(e.ok());
    const QString object = e->latest.attachments.first().object;
    CHECK(modeOf(dir + QStringLiteral("/objects")) == 0700);
    CHECK(modeOf(dir + QStringLiteral("/objects/tmp")) == 0700);
    CHECK(modeOf(dir + QStringLiteral("/objects/") + object.left(2)) == 0700);

    // What a crash between writing a file and saving its entry leaves: a note, not a failure.
    const QString orphan = QString(64, QLatin1Char('e'));
    REQUIRE(QDir().mkpath(dir + QStringLiteral("/objects/ee")));
    writeFile(dir + QStringLiteral("/objects/ee/") + orphan, "ciphertext");
    writeFile(dir + QStringLiteral("/objects/README.txt"), "planted");
    const VerifyReport report = vault->verify();
    INFO(describe(report));
    CHECK(report.ok());
    const QString notes = report.notes.join(QLatin1Char('\n'));
    CHECK(notes.contains(orphan));
    CHECK(notes.contains(QStringLiteral("README.txt")));

    // Folders made 0755 by earlier versions are made owner-only at the next unlock.
    QFile::setPermissions(dir + QStringLiteral("/objects"), QFileDevice::Permissions(0x7755));
    ::chmod(QFile::encodeName(dir + QStringLiteral("/objects")).constData(), 0755);
    ::chmod(QFile::encodeName(dir + QStringLiteral("/objects/") + object.left(2)).constData(), 0755);
    vault->lock();
    REQUIRE(vault->unlockWithPassphrase(bytes(Passphrase)).ok());
    CHECK(modeOf(dir + QStringLiteral("/objects")) == 0700);
    CHECK(modeOf(dir + QStringLiteral("/objects/") + object.left(2)) == 0700);
}

TEST_CASE("hostile: an oversized row is refused, not read into memory", "[hostile]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    QString id;
    {
        auto vault = createVault(dir);
        id = addTitled(*vault, QStringLiteral("huge"));
        addTitled(*vault, QStringLiteral("fine"));
    }
    {
        RawDb db(journalPath(dir));
        const QString object = db.objectIds().first();
        db.exec(QStringLiteral("UPDATE objects SET data = zeroblob(%1) WHERE id = '%2'")
                    .arg(JournalDb::MaxObjectBytes + 1)
                    .arg(object));
    }
    auto vault = openVault(dir);
    CHECK(vault->journal().problems().size() == 1);
    CHECK(vault->journal().count() == 2);
    const VerifyReport report = vault->verify();
    CHECK_FALSE(report.ok());
}

TEST_CASE("hostile: a weakened kdf in vault.json is refused, whichever key would unlock", "[hostile][kdf]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    QString recovery;
    { createVault(dir, &recovery); }
    // Below even the test build's floor: refused before any key is tried.
    setKdf(dir, 1, 8192);
    auto weak = Vault::open(dir);
    REQUIRE_FALSE(weak.ok());
    CHECK(weak.error().code == ErrorCode::Damaged);
    CHECK(weak.error().message.contains(QStringLiteral("weaker")));
    // The release floor is 3 passes and 64 MiB: the test vault itself is below it.
    setKdf(dir, 1, 8 * 1024 * 1024);
    withReleaseFloor([&] {
        CHECK_FALSE(kdf::weakTestKdfEnabled());
        auto vault = Vault::open(dir);
        REQUIRE_FALSE(vault.ok());
        CHECK(vault.error().code == ErrorCode::Damaged);
        CHECK(kdf::check({3, 64u * 1024 * 1024}).ok());
        CHECK_FALSE(kdf::check({2, 64u * 1024 * 1024}).ok());
        CHECK_FALSE(kdf::check({3, 32u * 1024 * 1024}).ok());
        // Nor can one be made.
        auto made = Vault::create(root.path() + QStringLiteral("/w"), bytes(Passphrase), FastKdf, nullptr);
        REQUIRE_FALSE(made.ok());
    });
    // Absurd ceilings are refused too (a phone would need minutes or gigabytes).
    setKdf(dir, 64, 1024ll * 1024 * 1024);
    CHECK_FALSE(Vault::open(dir).ok());
    setKdf(dir, 1, 2048ll * 1024 * 1024);
    CHECK_FALSE(Vault::open(dir).ok());
    // Put back as written, the recovery key opens it again.
    setKdf(dir, FastKdf.ops, qint64(FastKdf.memory));
    auto vault = Vault::open(dir);
    REQUIRE(vault.ok());
    REQUIRE((*vault)->unlockWithRecoveryKey(recovery).ok());
}

TEST_CASE("hostile: the kdf is bound into the passphrase wrap, and a new passphrase gets fresh parameters", "[hostile][kdf]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    QString recovery;
    {
        auto made = Vault::create(dir, bytes(Passphrase), {2, FastKdf.memory}, &recovery);
        REQUIRE(made.ok());
        CHECK((*made)->header().version == 2);
        CHECK((*made)->header().passphraseWrapType().contains(QStringLiteral("/2/")));
    }
    {
        auto vault = Vault::open(dir);
        REQUIRE(vault.ok());
        REQUIRE((*vault)->unlockWithRecoveryKey(recovery).ok());
        // No parameters given: measured for this device (the test build's test KDF), never the header's.
        REQUIRE((*vault)->changePassphrase(currentRecoveryKey(recovery), bytes("fresh passphrase")).ok());
        CHECK((*vault)->header().kdfParams.ops == kdf::forNewKey().ops);
    }
    auto vault = Vault::open(dir);
    REQUIRE(vault.ok());
    REQUIRE((*vault)->unlockWithPassphrase(bytes("fresh passphrase")).ok());
}

TEST_CASE("hostile: a new recovery key replaces the old one and needs a current secret", "[hostile][keys]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    QString oldKey;
    auto vault = createVault(dir, &oldKey);
    const QString id = addTitled(*vault, QStringLiteral("still here"));
    auto refused = vault->replaceRecoveryKey(currentPassphrase("wrong"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::WrongKey);
    auto fresh = vault->replaceRecoveryKey(currentPassphrase());
    REQUIRE(fresh.ok());
    CHECK(fresh->startsWith(QStringLiteral("ptrk1")));
    CHECK(*fresh != oldKey);
    vault->lock();
    const Status old = vault->unlockWithRecoveryKey(oldKey);
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().code == ErrorCode::WrongKey);
    REQUIRE(vault->unlockWithRecoveryKey(*fresh).ok());
    CHECK(vault->journal().entry(id)->latest.title == QStringLiteral("still here"));
    vault->lock();
    REQUIRE(vault->unlockWithPassphrase(bytes(Passphrase)).ok());
}

TEST_CASE("hostile: a second record kept elsewhere catches a rollback the config folder lost", "[hostile][rollback]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    const QString old = root.path() + QStringLiteral("/old.db");
    QString vaultId;
    LogHeads keptElsewhere;
    {
        auto vault = createVault(dir);
        vaultId = vault->header().vaultId;
        addTitled(*vault, QStringLiteral("one"));
    }
    REQUIRE(QFile::copy(journalPath(dir), old));
    {
        auto vault = openVault(dir);
        addTitled(*vault, QStringLiteral("two"));
        keptElsewhere = vault->seenHeads();
    }
    // The record survives its own format; garbage does not pass for one.
    REQUIRE(seenHeadsFromJson(seenHeadsToJson(keptElsewhere)) == keptElsewhere);
    CHECK_FALSE(seenHeadsFromJson("{\"devices\": {\"d\": {\"seq\": 0, \"hash\": \"x\"}}}").has_value());
    CHECK_FALSE(seenHeadsFromJson("not json").has_value());

    REQUIRE(QFile::remove(journalPath(dir)));
    REQUIRE(QFile::copy(old, journalPath(dir)));
    REQUIRE(QFile::remove(SeenHeads::forVault(vaultId).path()));
    auto vault = openVault(dir);
    CHECK(vault->rollbackFindings().isEmpty()); // the config folder's record is gone
    vault->checkAgainst(keptElsewhere);
    REQUIRE(vault->rollbackFindings().size() == 1);
    CHECK(vault->rollbackFindings().first().seen.seq == 2);
    CHECK_FALSE(vault->verify().ok());
    // And the config folder has the higher record again.
    auto rewritten = SeenHeads::forVault(vaultId).load();
    REQUIRE(rewritten.ok());
    CHECK(rewritten->first().seq == 2);
}
