// Tamper evidence: a vault with several entries (one with attachments, one edited, one deleted) is
// closed; then, one item at a time and on a fresh copy, a byte is flipped, a file truncated, a log
// record deleted or two records swapped. Opening, unlocking or verify must then fail AND name the
// damaged item: the object id, the device and sequence number, the attachment id.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

struct Template {
    QTemporaryDir root;
    QString dir;
    QString device;
    // Entries: A has two attachments; B was edited; C was deleted (tombstone); D is plain.
    QString entryA, entryB, entryC;
    QString objA1, objB1, objB2, objC1;
    QString bigAttachment, smallAttachment; // object ids
    QList<RawDb::LogRow> log;               // seq 1..5: put A, put B, put C, tombstone C, put B rev 2
    QStringList objects;
};

const Template& fixture()
{
    static Template* t = [] {
        auto* t = new Template;
        REQUIRE(t->root.isValid());
        t->dir = t->root.path() + QStringLiteral("/template");
        Sources sources;
        {
            auto vault = createVault(t->dir);
            Journal& j = vault->journal();
            t->device = vault->deviceId();
            EntryDraft a;
            a.title = QStringLiteral("Manager's grade screenshot");
            a.body = QStringLiteral("2/5 again.");
            a.attachments = {sources.add(randomData(150'000), QStringLiteral("grade.png"), QStringLiteral("image/png")),
                             sources.add(randomData(100), QStringLiteral("note.txt"), QStringLiteral("text/plain"))};
            auto ea = j.add(a);
            REQUIRE(ea.ok());
            t->entryA = ea->latest.entryId;
            t->objA1 = ea->object;
            t->bigAttachment = ea->latest.attachments.at(0).object;
            t->smallAttachment = ea->latest.attachments.at(1).object;

            EntryDraft b;
            b.title = QStringLiteral("1:1 notes");
            b.body = QStringLiteral("Agreed on three goals.");
            auto eb = j.add(b);
            REQUIRE(eb.ok());
            t->entryB = eb->latest.entryId;
            t->objB1 = eb->object;

            EntryDraft c;
            c.title = QStringLiteral("Draft I regret");
            c.body = QStringLiteral("Deleted later.");
            auto ec = j.add(c);
            REQUIRE(ec.ok());
            t->entryC = ec->latest.entryId;
            t->objC1 = ec->object;
            REQUIRE(j.tombstone(t->entryC).ok());

            EntryChange change;
            change.body = QStringLiteral("Agreed on three goals; disagreed on the fourth.");
            auto eb2 = j.edit(t->entryB, change);
            REQUIRE(eb2.ok());
            t->objB2 = eb2->object;
            REQUIRE(vault->verify().ok());
        }
        // Closed cleanly: the WAL was checkpointed into journal.db.
        REQUIRE_FALSE(QFile::exists(t->dir + QStringLiteral("/journal.db-wal")));
        RawDb db(t->dir + QStringLiteral("/journal.db"));
        t->log = db.logRows();
        t->objects = db.objectIds();
        REQUIRE(t->log.size() == 5);
        REQUIRE(t->objects.size() == 4);
        return t;
    }();
    return *t;
}

QString attachmentPath(const QString& dir, const QString& object)
{
    return dir + QStringLiteral("/objects/") + object.left(2) + QLatin1Char('/') + object;
}

struct Outcome {
    enum Stage { Verified, OpenFailed, UnlockFailed } stage = Verified;
    Error error;
    VerifyReport report;
    QStringList loadProblems;

    [[nodiscard]] QString text() const
    {
        switch (stage) {
        case OpenFailed:
            return QStringLiteral("open failed (code %1): %2").arg(int(error.code)).arg(error.message);
        case UnlockFailed:
            return QStringLiteral("unlock failed (code %1): %2").arg(int(error.code)).arg(error.message);
        case Verified:
            break;
        }
        return describe(report) + QStringLiteral("\n  load problems: ") + loadProblems.join(QStringLiteral("; "));
    }
};

Outcome examine(const QString& dir)
{
    Outcome out;
    auto vault = Vault::open(dir);
    if (!vault) {
        out.stage = Outcome::OpenFailed;
        out.error = vault.error();
        return out;
    }
    if (const Status s = (*vault)->unlockWithPassphrase(bytes(Passphrase)); !s) {
        out.stage = Outcome::UnlockFailed;
        out.error = s.error();
        return out;
    }
    out.loadProblems = (*vault)->journal().problems();
    out.report = (*vault)->verify();
    return out;
}

using Pred = std::function<bool(const VerifyProblem&)>;

Pred itemContains(const QString& text)
{
    return [text](const VerifyProblem& p) { return p.item.contains(text); };
}

Pred itemIsRecord(const QString& device, qint64 seq)
{
    return [device, seq](const VerifyProblem& p) {
        return p.item.contains(device) && QRegularExpression(QStringLiteral("#%1(?!\\d)").arg(seq)).match(p.item).hasMatch();
    };
}

// Damage is detected and named: either verify reports a problem matching `named`, or opening or
// unlocking refuses with Damaged and a message that contains `openMessage`.
void requireDetected(const Outcome& out, const Pred& named, const QString& openMessage)
{
    INFO(out.text());
    if (out.stage != Outcome::Verified) {
        CHECK(out.error.code == ErrorCode::Damaged);
        CHECK((!openMessage.isEmpty() && out.error.message.contains(openMessage)));
        return;
    }
    CHECK_FALSE(out.report.ok());
    CHECK(names(out.report, named));
}

struct Copy {
    QTemporaryDir root;
    QString dir;
    Copy()
    {
        dir = root.path() + QStringLiteral("/vault");
        REQUIRE(copyDir(fixture().dir, dir));
    }
};

} // namespace

TEST_CASE("tamper: the untouched copy verifies", "[tamper]")
{
    const Template& t = fixture();
    Copy copy;
    const Outcome out = examine(copy.dir);
    INFO(out.text());
    REQUIRE(out.stage == Outcome::Verified);
    CHECK(out.report.ok());
    CHECK(out.report.records == 5);
    CHECK(out.report.entries == 3);
    CHECK(out.report.revisions == 4);
    CHECK(out.report.attachments == 2);
    CHECK(out.loadProblems.isEmpty());
    CHECK(QFile::exists(attachmentPath(copy.dir, t.bigAttachment)));
}

TEST_CASE("tamper: a flipped byte in any objects row names that object", "[tamper]")
{
    const Template& t = fixture();
    for (const QString& object : t.objects) {
        for (const qsizetype offset : {qsizetype(0), qsizetype(40), qsizetype(-1)}) {
            DYNAMIC_SECTION("object " << object << " byte " << offset)
            {
                Copy copy;
                {
                    RawDb db(copy.dir + QStringLiteral("/journal.db"));
                    db.setObjectData(object, flipped(db.objectData(object), offset));
                }
                requireDetected(examine(copy.dir), itemContains(object), object);
            }
        }
    }
}

TEST_CASE("tamper: a flipped byte in any log row names the device and sequence number", "[tamper]")
{
    const Template& t = fixture();
    for (const RawDb::LogRow& row : t.log) {
        for (const qsizetype offset : {qsizetype(0), qsizetype(row.data.size() / 2), qsizetype(-1)}) {
            DYNAMIC_SECTION("log " << row.device << " #" << row.seq << " byte " << offset)
            {
                Copy copy;
                {
                    RawDb db(copy.dir + QStringLiteral("/journal.db"));
                    db.setLogData(row.device, row.seq, flipped(row.data, offset));
                }
                const Outcome out = examine(copy.dir);
                requireDetected(out, itemIsRecord(row.device, row.seq), row.device);
            }
        }
    }
}

TEST_CASE("tamper: a flipped byte in an attachment file names the attachment", "[tamper]")
{
    const Template& t = fixture();
    const qint64 size = QFileInfo(attachmentPath(fixture().dir, t.bigAttachment)).size();
    // magic, length of the wrapped key, the wrapped key, the stream header, the first chunk, the
    // middle, the last chunk's tag, the very last byte.
    const QList<qint64> offsets{0, 7, 9, 20, 8 + 4 + 72 + 5, 200, size / 2, size - 10, size - 1};
    for (const qint64 offset : offsets) {
        DYNAMIC_SECTION("attachment byte " << offset << " of " << size)
        {
            Copy copy;
            flipByte(attachmentPath(copy.dir, t.bigAttachment), offset);
            requireDetected(examine(copy.dir), itemContains(t.bigAttachment), t.bigAttachment);
        }
    }
}

TEST_CASE("tamper: a truncated or extended or missing attachment file is named", "[tamper]")
{
    const Template& t = fixture();
    const qint64 size = QFileInfo(attachmentPath(fixture().dir, t.bigAttachment)).size();
    for (const qint64 length : {qint64(0), qint64(5), qint64(20), qint64(110), qint64(65536), size / 2, size - 17, size - 1}) {
        DYNAMIC_SECTION("truncated to " << length << " of " << size)
        {
            Copy copy;
            truncateFile(attachmentPath(copy.dir, t.bigAttachment), length);
            requireDetected(examine(copy.dir), itemContains(t.bigAttachment), t.bigAttachment);
        }
    }
    SECTION("one byte appended")
    {
        Copy copy;
        const QString path = attachmentPath(copy.dir, t.bigAttachment);
        writeFile(path, readFile(path) + QByteArrayLiteral("x"));
        requireDetected(examine(copy.dir), itemContains(t.bigAttachment), t.bigAttachment);
    }
    SECTION("deleted")
    {
        Copy copy;
        REQUIRE(QFile::remove(attachmentPath(copy.dir, t.bigAttachment)));
        requireDetected(examine(copy.dir), itemContains(t.bigAttachment), t.bigAttachment);
    }
    SECTION("replaced by the other attachment's file")
    {
        Copy copy;
        REQUIRE(QFile::remove(attachmentPath(copy.dir, t.bigAttachment)));
        REQUIRE(QFile::copy(attachmentPath(copy.dir, t.smallAttachment), attachmentPath(copy.dir, t.bigAttachment)));
        requireDetected(examine(copy.dir), itemContains(t.bigAttachment), t.bigAttachment);
    }
}

TEST_CASE("tamper: every single flipped byte of a small attachment is caught", "[tamper]")
{
    const Template& t = fixture();
    Copy copy;
    auto vault = openVault(copy.dir);
    const QString path = attachmentPath(copy.dir, t.smallAttachment);
    const QByteArray original = readFile(path);
    REQUIRE(original.size() > 100);
    int missed = 0;
    for (qsizetype i = 0; i < original.size(); ++i) {
        writeFile(path, flipped(original, i));
        const VerifyReport report = vault->verify();
        if (report.ok() || !namesText(report, t.smallAttachment)) {
            ++missed;
            UNSCOPED_INFO("byte " << i << " not caught: " << describe(report));
        }
    }
    CHECK(missed == 0);
    writeFile(path, original);
    CHECK(vault->verify().ok());
}

TEST_CASE("tamper: every single flipped byte of a log record is caught", "[tamper]")
{
    const Template& t = fixture();
    Copy copy;
    auto vault = openVault(copy.dir);
    RawDb db(copy.dir + QStringLiteral("/journal.db"));
    const RawDb::LogRow row = t.log.at(1);
    int missed = 0;
    for (qsizetype i = 0; i < row.data.size(); ++i) {
        db.setLogData(row.device, row.seq, flipped(row.data, i));
        const VerifyReport report = vault->verify();
        if (report.ok() || !namesRecord(report, row.device, row.seq)) {
            ++missed;
            UNSCOPED_INFO("byte " << i << " not caught: " << describe(report));
        }
    }
    CHECK(missed == 0);
    db.setLogData(row.device, row.seq, row.data);
    CHECK(vault->verify().ok());
}

TEST_CASE("tamper: a deleted log record is caught", "[tamper]")
{
    const Template& t = fixture();
    SECTION("the first (put A, revision 1)")
    {
        Copy copy;
        RawDb(copy.dir + QStringLiteral("/journal.db")).deleteLog(t.device, 1);
        const Outcome out = examine(copy.dir);
        requireDetected(out, itemIsRecord(t.device, 1), t.device);
        CHECK(names(out.report, itemContains(t.objA1))); // and its object is now unaccounted for
    }
    SECTION("a middle one (put C, revision 1)")
    {
        Copy copy;
        RawDb(copy.dir + QStringLiteral("/journal.db")).deleteLog(t.device, 3);
        const Outcome out = examine(copy.dir);
        requireDetected(out, itemIsRecord(t.device, 3), t.device);
        CHECK(names(out.report, itemContains(t.objC1)));
    }
    SECTION("the middle tombstone")
    {
        Copy copy;
        RawDb(copy.dir + QStringLiteral("/journal.db")).deleteLog(t.device, 4);
        requireDetected(examine(copy.dir), itemIsRecord(t.device, 4), t.device);
    }
    SECTION("the last (put B, revision 2): its object is left unaccounted for")
    {
        // Nothing after the last record names it, so the record itself cannot be named; what is
        // caught is the revision object it put, which no record names any more.
        Copy copy;
        RawDb(copy.dir + QStringLiteral("/journal.db")).deleteLog(t.device, 5);
        requireDetected(examine(copy.dir), itemContains(t.objB2), t.objB2);
    }
}

TEST_CASE("tamper: deleting the last log record (a tombstone) is caught by what this device saw", "[tamper][rollback]")
{
    // A tombstone puts no object and no later record names it, so removing the newest record
    // when it is a tombstone leaves journal.db self-consistent: the entry shows again. What this
    // device saw last (kept outside the vault folder) shows it; on a device that never opened
    // the vault it stays invisible, which verify says.
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    QString id, device, vaultId;
    {
        auto vault = createVault(dir);
        device = vault->deviceId();
        vaultId = vault->header().vaultId;
        EntryDraft d;
        d.title = QStringLiteral("to be deleted");
        auto e = vault->journal().add(d);
        REQUIRE(e.ok());
        id = e->latest.entryId;
        REQUIRE(vault->journal().tombstone(id).ok());
    }
    RawDb(dir + QStringLiteral("/journal.db")).deleteLog(device, 2);
    {
        auto vault = openVault(dir);
        REQUIRE(vault->rollbackFindings().size() == 1);
        CHECK(vault->rollbackFindings().first().seen.seq == 2);
        CHECK(vault->rollbackFindings().first().now.seq == 1);
        CHECK(vault->rollbackFindings().first().message().contains(QStringLiteral("went back in time")));
        const VerifyReport report = vault->verify();
        INFO(describe(report));
        CHECK_FALSE(report.ok());
        CHECK(namesText(report, QStringLiteral("log of device")));
        CHECK(report.records == 1);
    }
    {
        // Opening the older copy does not make this device forget what it saw.
        auto vault = openVault(dir);
        CHECK(vault->rollbackFindings().size() == 1);
    }
    // A device that never saw the vault has nothing to compare with: the known limit.
    REQUIRE(QFile::remove(SeenHeads::forVault(vaultId).path()));
    auto vault = openVault(dir);
    CHECK(vault->rollbackFindings().isEmpty());
    const VerifyReport report = vault->verify();
    CHECK(report.ok());
    CHECK_FALSE(report.rollbackChecked);
    CHECK_FALSE(vault->journal().entry(id)->deleted);
}

TEST_CASE("tamper: two log records swapped are both named", "[tamper]")
{
    const Template& t = fixture();
    const QList<std::pair<int, int>> pairs{{1, 2}, {2, 3}, {4, 5}, {1, 5}};
    for (const auto& [a, b] : pairs) {
        DYNAMIC_SECTION("swap #" << a << " and #" << b)
        {
            Copy copy;
            {
                RawDb db(copy.dir + QStringLiteral("/journal.db"));
                db.setLogData(t.device, a, t.log.at(b - 1).data);
                db.setLogData(t.device, b, t.log.at(a - 1).data);
            }
            const Outcome out = examine(copy.dir);
            requireDetected(out, itemIsRecord(t.device, a), t.device);
            requireDetected(out, itemIsRecord(t.device, b), t.device);
        }
    }
}

TEST_CASE("tamper: a missing revision object is named", "[tamper]")
{
    const Template& t = fixture();
    for (const QString& object : {t.objA1, t.objB1, t.objB2}) {
        DYNAMIC_SECTION("object " << object << " deleted")
        {
            Copy copy;
            RawDb(copy.dir + QStringLiteral("/journal.db")).deleteObject(object);
            requireDetected(examine(copy.dir), itemContains(object), object);
        }
    }
}

TEST_CASE("tamper: damage to this device's key row is caught", "[tamper]")
{
    const Template& t = fixture();
    SECTION("public key flipped: every record's signature fails and is named")
    {
        Copy copy;
        {
            RawDb db(copy.dir + QStringLiteral("/journal.db"));
            db.exec(QStringLiteral("UPDATE devices SET public_key = X'%1'").arg(QString::fromLatin1(QByteArray(32, '\x07').toHex())));
        }
        const Outcome out = examine(copy.dir);
        for (qint64 seq = 1; seq <= 5; ++seq)
            requireDetected(out, itemIsRecord(t.device, seq), t.device);
    }
    SECTION("sealed secret flipped: unlock refuses with Damaged")
    {
        Copy copy;
        {
            RawDb db(copy.dir + QStringLiteral("/journal.db"));
            db.exec(QStringLiteral("UPDATE devices SET sealed_secret = X'%1'").arg(QString::fromLatin1(QByteArray(88, '\x07').toHex())));
        }
        const Outcome out = examine(copy.dir);
        INFO(out.text());
        REQUIRE(out.stage == Outcome::UnlockFailed);
        CHECK(out.error.code == ErrorCode::Damaged);
        CHECK(out.error.message.contains(QStringLiteral("journal.db")));
    }
}

TEST_CASE("tamper: a truncated vault.json refuses to open with Damaged naming vault.json", "[tamper]")
{
    const qint64 size = QFileInfo(fixture().dir + QStringLiteral("/vault.json")).size();
    for (const qint64 length : {qint64(0), qint64(1), size / 2, size - 2}) {
        DYNAMIC_SECTION("vault.json truncated to " << length << " of " << size)
        {
            Copy copy;
            truncateFile(copy.dir + QStringLiteral("/vault.json"), length);
            const Outcome out = examine(copy.dir);
            INFO(out.text());
            REQUIRE(out.stage == Outcome::OpenFailed);
            CHECK(out.error.code == ErrorCode::Damaged);
            CHECK(out.error.message.contains(QStringLiteral("vault.json")));
        }
    }
}

TEST_CASE("tamper: a journal.db cut to zero bytes is not taken for a new empty vault", "[tamper]")
{
    // vault.json says a vault exists, and Vault::create always writes this device's identity into
    // journal.db before it returns; so an empty journal.db can only be damage (a sync tool, a full
    // disk, a bad restore). It must not open as an empty vault that verifies, with a new device
    // identity and a new chain starting at #1.
    Copy copy;
    truncateFile(copy.dir + QStringLiteral("/journal.db"), 0);
    requireDetected(examine(copy.dir), itemContains(QStringLiteral("journal.db")), QStringLiteral("journal.db"));
}

TEST_CASE("tamper: a truncated journal.db refuses with Damaged naming journal.db", "[tamper]")
{
    // Wherever it is cut, the vault must not open as if nothing were wrong: opening or unlocking
    // refuses with Damaged (exit 4) naming journal.db, or verify reports what was lost.
    // (Cutting only the last byte is not tested: the last page of this file is an empty index
    // whose final byte is already zero, and SQLite reads a short page as zero-filled, so no data
    // changes at all.)
    const qint64 size = QFileInfo(fixture().dir + QStringLiteral("/journal.db")).size();
    for (const qint64 length : {qint64(50), qint64(100), qint64(4096), size / 2, size - 4096}) {
        DYNAMIC_SECTION("journal.db truncated to " << length << " of " << size)
        {
            Copy copy;
            truncateFile(copy.dir + QStringLiteral("/journal.db"), length);
            requireDetected(examine(copy.dir), [](const VerifyProblem&) { return true; }, QStringLiteral("journal.db"));
        }
    }
}

TEST_CASE("tamper: an unreadable log record does not make its intact successor look damaged", "[tamper]")
{
    // verify "names exactly what is wrong": when record #k cannot be decrypted, the link of #k+1
    // (and of the next revision of the entry #k put) cannot be checked, but those are intact and
    // must not be reported as damaged.
    const Template& t = fixture();
    for (const qint64 seq : {qint64(2), qint64(3)}) {
        DYNAMIC_SECTION("record #" << seq << " flipped")
        {
            Copy copy;
            {
                RawDb db(copy.dir + QStringLiteral("/journal.db"));
                db.setLogData(t.device, seq, flipped(t.log.at(seq - 1).data, 30));
            }
            const Outcome out = examine(copy.dir);
            INFO(out.text());
            REQUIRE(out.stage == Outcome::Verified);
            CHECK(namesRecord(out.report, t.device, seq));
            CHECK_FALSE(namesRecord(out.report, t.device, seq + 1));
            // Record #2 put B's revision 1; revision 2's object is intact and links to it.
            if (seq == 2)
                CHECK_FALSE(names(out.report, itemContains(t.objB2)));
        }
    }
}
