// The archive from a real vault: exhibits numbered in timeline order with what the filters leave
// out counted; names and cells made harmless; an export that opens with the key, verifies every
// check, keeps the originals byte for byte and writes no plaintext anywhere; a wrong key told from
// damage; a flipped byte caught; a cancelled export leaving nothing behind. (Interop with the real
// age, unzip, sha256sum, minisign and pdftotext is tests/cli/test_archive.sh.)
#include "SyncWorld.h"
#include "TestSupport.h"

#include "archive/ArchiveVerifier.h"
#include "archive/ArchiveWriter.h"
#include "archive/ExhibitSelection.h"
#include "archive/IndexFiles.h"
#include "archive/Redaction.h"
#include "crypto/Sha256.h"
#include "vault/JournalDb.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>
#include <thread>

using namespace pt;
using namespace pt::core;
using namespace pt::core::archive;
using namespace pt::test;

namespace {

const QByteArray Canary = QByteArrayLiteral("CANARY-archive-7f3a9c12-plaintext");

struct Journal_ {
    QTemporaryDir tmp;
    std::unique_ptr<Vault> vault = createVault(tmp.filePath(QStringLiteral("vault")));
    Sources sources;
    QByteArray screenshot;

    QString add(const QString& title, const QString& occurred, const QString& kind = QStringLiteral("note"),
                const QStringList& tags = {}, const QList<NewAttachment>& files = {})
    {
        EntryDraft draft;
        draft.title = title;
        draft.kind = kind;
        draft.body = QString::fromLatin1(Canary) + QStringLiteral(" ") + title;
        draft.occurredAt = QDateTime::fromString(occurred, Qt::ISODate);
        draft.tags = tags;
        draft.attachments = files;
        auto entry = vault->journal().add(draft);
        REQUIRE(entry.ok());
        return entry->latest.entryId;
    }

    Journal_()
    {
        QImage image(390, 844, QImage::Format_RGB32);
        image.fill(Qt::white);
        QBuffer out(&screenshot);
        out.open(QIODevice::WriteOnly);
        REQUIRE(image.save(&out, "PNG"));
        add(QStringLiteral("Second"), QStringLiteral("2026-11-21T10:00:00Z"), QStringLiteral("screenshot"), {QStringLiteral("pip")},
            {sources.add(screenshot, QStringLiteral("grade.png"), QStringLiteral("image/png")),
             sources.add(screenshot, QStringLiteral("../../etc/passwd"))});
        const QString first = add(QStringLiteral("First"), QStringLiteral("2026-11-20T10:00:00Z"));
        EntryChange change;
        change.body = QStringLiteral("edited");
        REQUIRE(vault->journal().edit(first, change).ok());
        add(QStringLiteral("Third"), QStringLiteral("2026-11-22T10:00:00Z"), QStringLiteral("note"), {QStringLiteral("pip")});
        const QString gone = add(QStringLiteral("Deleted"), QStringLiteral("2026-11-23T10:00:00Z"));
        REQUIRE(vault->journal().tombstone(gone).ok());
    }
};

QString sha256Of(const QByteArray& bytes)
{
    return QString::fromStdString(crypto::toHex(crypto::Sha256::hash(bytesOf(bytes))));
}

// Every file under `dir` holding `needle`.
QStringList filesHolding(const QString& dir, const QByteArray& needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            found << f.fileName();
    }
    return found;
}

// A request to `identity`'s public key, written to `path`.
ArchiveRequest requestTo(const crypto::age::X25519Identity& identity, const QString& path)
{
    ArchiveRequest request;
    request.to.ageRecipients = {QString::fromStdString(identity.recipient().toString())};
    request.outputPath = path;
    return request;
}

// verifyArchive with `identity`, which must open it with every check holding.
ArchiveVerification requireVerified(const QString& path, const crypto::age::X25519Identity& identity)
{
    ArchiveKey key;
    key.identities.push_back(identity.clone());
    auto verification = verifyArchive(path, key);
    INFO((verification ? QString() : verification.error().message));
    REQUIRE(verification.ok());
    for (const ArchiveCheck& c : verification->checks) {
        INFO(c.what.toStdString() + ": " + c.detail.toStdString());
        CHECK(c.ok);
    }
    CHECK(verification->ok());
    return *verification;
}

} // namespace

TEST_CASE("archive: exhibits are numbered in timeline order and what is left out is counted", "[archive]")
{
    Journal_ j;
    auto all = selectExhibits(j.vault->journal(), j.vault->store().db, {});
    REQUIRE(all.ok());
    REQUIRE(all->exhibits.size() == 3);
    CHECK(all->exhibits.at(0).number == QStringLiteral("PT-0001"));
    CHECK(all->exhibits.at(0).entry.latest.title == QStringLiteral("First"));
    CHECK(all->exhibits.at(0).revisions.size() == 2);
    CHECK(all->exhibits.at(0).revisions.at(1).changed == QStringList{QStringLiteral("body")});
    CHECK(all->exhibits.at(1).entry.latest.title == QStringLiteral("Second"));
    CHECK(all->exhibits.at(2).number == QStringLiteral("PT-0003"));
    CHECK(all->deletedLeftOut == 1);
    CHECK(all->filteredOut == 0);

    ArchiveFilter filter;
    filter.tags = {QStringLiteral("pip")};
    filter.from = QDate(2026, 11, 22);
    filter.includeHistory = false;
    auto some = selectExhibits(j.vault->journal(), j.vault->store().db, filter);
    REQUIRE(some.ok());
    REQUIRE(some->exhibits.size() == 1);
    CHECK(some->exhibits.first().number == QStringLiteral("PT-0001"));
    CHECK(some->exhibits.first().entry.latest.title == QStringLiteral("Third"));
    CHECK(some->filteredOut == 3);

    filter = {};
    filter.includeDeleted = true;
    auto withDeleted = selectExhibits(j.vault->journal(), j.vault->store().db, filter);
    REQUIRE(withDeleted.ok());
    CHECK(withDeleted->exhibits.size() == 4);
    CHECK(withDeleted->deletedLeftOut == 0);
}

TEST_CASE("archive: file names and spreadsheet cells from entries are made harmless", "[archive]")
{
    CHECK(safeFileName(QStringLiteral("../../etc/passwd")) == QStringLiteral("_.._etc_passwd"));
    CHECK(safeFileName(QStringLiteral("..")) == QStringLiteral("file"));
    CHECK(safeFileName(QStringLiteral("a\u202Egnp.exe")) == QStringLiteral("a_gnp.exe"));
    CHECK(safeFileName(QStringLiteral("C:\\x|y?.png")) == QStringLiteral("C__x_y_.png"));
    CHECK(safeFileName(QString(300, QLatin1Char('a')) + QStringLiteral(".png")).size() == 120);
    CHECK(safeFileName(QString(300, QLatin1Char('a')) + QStringLiteral(".png")).endsWith(QStringLiteral(".png")));

    Exhibit e;
    e.number = QStringLiteral("PT-0001");
    e.entry.latest.title = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")");
    e.entry.latest.kind = QStringLiteral("note");
    const QByteArray row = indexCsvRow(e);
    CHECK(row.startsWith("PT-0001,note,"));
    CHECK(row.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""));
}

TEST_CASE("archive: an export opens with its key, passes every check and keeps the originals", "[archive]")
{
    Journal_ j;
    const auto identity = crypto::age::X25519Identity::generate();
    ArchiveRequest request = requestTo(identity, j.tmp.filePath(QStringLiteral("case.zip.age")));
    request.owner = QStringLiteral("Sam Doe");
    qint64 lastDone = -1, lastTotal = 0;
    auto result = writeArchive(*j.vault, request, [&](qint64 done, qint64 total) {
        CHECK(done >= lastDone);
        lastDone = done;
        lastTotal = total;
        return true;
    });
    INFO((result ? QString() : result.error().message));
    REQUIRE(result.ok());
    CHECK(result->exhibits == 3);
    CHECK(lastDone > 0);
    CHECK(lastDone <= lastTotal);
    QFile file(request.outputPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("age-encryption.org/v1\n"));
    CHECK(result->size == bytes.size());
    CHECK(result->sha256 == sha256Of(bytes));
    // Same vault, same key: the export key is the vault's, on every export.
    auto key = exportKeyOf(*j.vault);
    REQUIRE(key.ok());
    CHECK(key->keyId == result->signingKeyId);

    const ArchiveVerification verification = requireVerified(request.outputPath, identity);
    CHECK(verification.exhibits == 3);
    CHECK(verification.keyId == result->signingKeyId);

    // Nothing in the clear anywhere this process could write: the vault folder, the private
    // HOME, TMPDIR and XDG folders (tests/archive/main.cpp), and the archive's own folder.
    CHECK(filesHolding(QDir::homePath() + QStringLiteral("/.."), Canary).isEmpty());
    CHECK(filesHolding(j.tmp.path(), Canary).isEmpty());

    SECTION("a wrong key is told from damage")
    {
        ArchiveKey other;
        other.identities.push_back(crypto::age::X25519Identity::generate());
        auto wrong = verifyArchive(request.outputPath, other);
        REQUIRE_FALSE(wrong.ok());
        CHECK(wrong.error().code == ErrorCode::WrongKey);
    }
    SECTION("one flipped byte in the payload fails the check")
    {
        QByteArray flipped = bytes;
        flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x01);
        const QString path = j.tmp.filePath(QStringLiteral("flipped.zip.age"));
        QFile out(path);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(flipped);
        out.close();
        ArchiveKey open;
        open.identities.push_back(identity.clone());
        auto damaged = verifyArchive(path, open);
        REQUIRE_FALSE(damaged.ok());
        CHECK(damaged.error().code == ErrorCode::Damaged);
    }
}

TEST_CASE("archive: a cancelled export and a refused one leave nothing behind", "[archive]")
{
    Journal_ j;
    ArchiveRequest request;
    request.to.passphrase = crypto::SecureBytes::copyOf(crypto::view("read this out over the phone"));
    request.to.workFactor = 10; // quick here; exports use 18
    request.outputPath = j.tmp.filePath(QStringLiteral("out/case.zip.age"));
    REQUIRE(QDir().mkpath(j.tmp.filePath(QStringLiteral("out"))));
    int calls = 0;
    auto cancelled = writeArchive(*j.vault, request, [&](qint64, qint64) { return ++calls < 3; });
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().message.contains(QStringLiteral("cancelled")));
    CHECK(QDir(j.tmp.filePath(QStringLiteral("out"))).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());

    request.to.passphrase.reset();
    request.to.ageRecipients = {QStringLiteral("age1notakey")};
    auto refused = writeArchive(*j.vault, request);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Usage);
    CHECK(QDir(j.tmp.filePath(QStringLiteral("out"))).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());

    // And a passphrase export, finished, opens with that passphrase only.
    request.to.ageRecipients.clear();
    request.to.passphrase = crypto::SecureBytes::copyOf(crypto::view("read this out over the phone"));
    auto done = writeArchive(*j.vault, request);
    INFO((done ? QString() : done.error().message));
    REQUIRE(done.ok());
    ArchiveKey key;
    key.passphrase = crypto::SecureBytes::copyOf(crypto::view("read this out over the phone"));
    auto verification = verifyArchive(request.outputPath, key);
    REQUIRE(verification.ok());
    CHECK(verification->ok());
    key.passphrase = crypto::SecureBytes::copyOf(crypto::view("not it"));
    auto wrong = verifyArchive(request.outputPath, key);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == ErrorCode::WrongKey);
}

TEST_CASE("archive: a vault written on two devices exports one signed chain per device", "[archive][sync]")
{
    World w;
    Device laptop = w.create(QStringLiteral("laptop"));
    addNote(*laptop.vault, QStringLiteral("Written on the laptop"));
    requireOk(laptop.sync(w.remote));
    Device phone = w.link(QStringLiteral("phone"));
    addNote(*phone.vault, QStringLiteral("Written on the phone"));
    addNote(*phone.vault, QStringLiteral("Also on the phone"));
    requireOk(phone.sync(w.remote));
    laptop.use();
    requireOk(laptop.sync(w.remote));

    const auto identity = crypto::age::X25519Identity::generate();
    const ArchiveRequest request = requestTo(identity, w.root.filePath(QStringLiteral("both.zip.age")));
    auto result = writeArchive(*laptop.vault, request);
    INFO((result ? QString() : result.error().message));
    REQUIRE(result.ok());
    CHECK(result->exhibits == 3);
    const ArchiveVerification verification = requireVerified(request.outputPath, identity);
    const auto chain = std::find_if(verification.checks.cbegin(), verification.checks.cend(),
                                    [](const ArchiveCheck& c) { return c.what.contains(QStringLiteral("chain.jsonl")); });
    REQUIRE(chain != verification.checks.cend());
    CHECK(chain->ok);
    CHECK(chain->detail.endsWith(QStringLiteral("of 2 devices")));
}

TEST_CASE("archive: redaction blacks out words in every revision and pixels of an image", "[archive]")
{
    Exhibit e;
    EntryRevision first;
    first.title = QStringLiteral("1:1 with Dana");
    first.body = QStringLiteral("DANA said: dana's plan");
    first.tags = {QStringLiteral("dana")};
    first.fields = QJsonObject{{QStringLiteral("attendees"), QJsonArray{QStringLiteral("Dana Smith"), QStringLiteral("Me")}}};
    EntryRevision second = first;
    second.body = QStringLiteral("Edited; Dana again");
    e.revisions = {{first, {}, {}}, {second, {}, {}}};
    e.entry.latest = second;
    CHECK(redactText(e, {QStringLiteral("dana")}) == 9);
    for (const ExhibitRevision& r : e.revisions) {
        const QByteArray json = r.revision.toCanonicalJson();
        CHECK_FALSE(json.toLower().contains("dana"));
    }
    CHECK(e.revisions.first().revision.title == QStringLiteral("1:1 with \u2588\u2588\u2588\u2588"));
    CHECK(e.entry.latest.body == QStringLiteral("Edited; \u2588\u2588\u2588\u2588 again"));

    QImage image(100, 50, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QByteArray png;
    QBuffer out(&png);
    out.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&out, "PNG"));
    auto redacted = redactImage(png, {QRect(10, 10, 20, 5)}, QStringLiteral("grade.png"));
    REQUIRE(redacted.ok());
    const QImage back = QImage::fromData(*redacted, "PNG");
    CHECK(back.pixelColor(10, 10) == QColor(Qt::black));
    CHECK(back.pixelColor(29, 14) == QColor(Qt::black));
    CHECK(back.pixelColor(30, 15) == QColor(Qt::white));
    CHECK_FALSE(back.hasAlphaChannel()); // a transparent fill would hide nothing
    CHECK(redactImage(png, {QRect(90, 40, 20, 20)}, QStringLiteral("grade.png")).error().code == ErrorCode::Usage);
    CHECK(redactImage(QByteArrayLiteral("not an image"), {QRect(0, 0, 1, 1)}, QStringLiteral("x.bin")).error().code == ErrorCode::Usage);
    CHECK(redactedName(QStringLiteral("scan.jpg")) == QStringLiteral("scan-redacted.png"));
}

namespace {

// A JPEG of `image` with an EXIF APP1 segment holding only an Orientation tag, right after SOI
// (as a phone camera stores a photo taken upright: the sensor's pixels sideways, and a tag).
QByteArray jpegWithOrientation(const QImage& image, quint16 orientation)
{
    QByteArray jpeg;
    QBuffer out(&jpeg);
    out.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&out, "JPEG", 95));
    const auto be32 = [](quint32 v) {
        QByteArray b(4, '\0');
        for (int i = 0; i < 4; ++i)
            b[i] = char((v >> (24 - 8 * i)) & 0xff);
        return b;
    };
    QByteArray tiff("MM\0*", 4);
    tiff += be32(8);
    tiff += QByteArray("\0\1", 2);           // one entry
    tiff += QByteArray("\x01\x12\0\x03", 4); // 0x0112 Orientation, SHORT
    tiff += be32(1);
    tiff += char(orientation >> 8);
    tiff += char(orientation & 0xff);
    tiff += QByteArray(2, '\0');
    tiff += be32(0);
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = int(payload.size()) + 2;
    return jpeg.left(2) + QByteArray("\xff\xe1", 2) + char(length >> 8) + char(length & 0xff) + payload + jpeg.mid(2);
}

} // namespace

TEST_CASE("archive: a turned photo's areas are in the picture as shown, and its redacted copy is upright", "[archive]")
{
    // Stored 80 x 40 with a red block at its top left; orientation 6 (turn a quarter clockwise to
    // show it): shown 40 x 80, the block at the top right, x 30..39, y 0..19.
    QImage stored(80, 40, QImage::Format_RGB32);
    stored.fill(Qt::white);
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 20; ++x)
            stored.setPixelColor(x, y, Qt::red);
    const QByteArray jpeg = jpegWithOrientation(stored, 6);
    {
        QBuffer in;
        in.setData(jpeg);
        in.open(QIODevice::ReadOnly);
        QImageReader reader(&in);
        reader.setAutoTransform(true);
        REQUIRE(reader.read().size() == QSize(40, 80)); // as every viewer and the app show it
    }

    // The box a person draws over the red block, as they see it.
    auto redacted = redactImage(jpeg, {QRect(30, 0, 10, 20)}, QStringLiteral("photo.jpg"));
    REQUIRE(redacted.ok());
    const QImage back = QImage::fromData(*redacted, "PNG");
    REQUIRE(back.size() == QSize(40, 80)); // upright: no tag left to turn it by
    for (int y = 0; y < 20; ++y)
        for (int x = 30; x < 40; ++x) {
            INFO(x << "," << y);
            REQUIRE(back.pixelColor(x, y) == QColor(Qt::black));
        }
    // Nothing else: the rest is the photo's white (within JPEG's rounding).
    for (const QPoint p : {QPoint(29, 5), QPoint(35, 20), QPoint(5, 5), QPoint(35, 75), QPoint(5, 75)}) {
        INFO(p.x() << "," << p.y());
        CHECK(back.pixelColor(p).lightness() > 200);
    }
    // A box that fits only the stored, sideways picture is outside the one shown.
    CHECK(redactImage(jpeg, {QRect(50, 0, 20, 10)}, QStringLiteral("photo.jpg")).error().code == ErrorCode::Usage);
}

TEST_CASE("archive: phrases to black out everywhere reach every exhibit, and the export says how many places", "[archive]")
{
    Journal_ j;
    const auto identity = crypto::age::X25519Identity::generate();
    ArchiveRequest request = requestTo(identity, j.tmp.filePath(QStringLiteral("case.zip.age")));
    // "first" is in the first entry's title and body (its first revision) and title (its
    // second); "THIRD" in the third's title and body: any case, whatever the entry.
    request.redactions.everywhere = {QStringLiteral("first"), QStringLiteral("THIRD")};
    CHECK_FALSE(request.redactions.isEmpty());
    auto result = writeArchive(*j.vault, request);
    INFO((result ? QString() : result.error().message));
    REQUIRE(result.ok());
    CHECK(result->redactedPlaces == 5);
    CHECK(result->redactedEntries == 2);

    CHECK(requireVerified(request.outputPath, identity).exhibits == 3);

    // Without any, nothing is counted.
    request.redactions = {};
    request.outputPath = j.tmp.filePath(QStringLiteral("plain.zip.age"));
    auto plain = writeArchive(*j.vault, request);
    REQUIRE(plain.ok());
    CHECK(plain->redactedPlaces == 0);
    CHECK(plain->redactedEntries == 0);
}

TEST_CASE("archive: an export on a worker thread reads through that thread's own connection", "[archive]")
{
    Journal_ j;
    const auto identity = crypto::age::X25519Identity::generate();
    const ArchiveRequest request = requestTo(identity, j.tmp.filePath(QStringLiteral("worker.zip.age")));
    std::optional<Result<ArchiveResult>> result;
    // As the app runs it (ExportController): the journal stays on this thread; the worker opens
    // journal.db itself, since a QSqlDatabase connection belongs to the thread that opened it.
    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& m) {
        warnings << m;
    });
    std::thread worker([&] { // no Catch macros here: they are not thread-safe
        auto db = JournalDb::open(j.vault->dir() + QStringLiteral("/journal.db"));
        result = db ? writeArchive(*j.vault, request, {}, db->get()) : Result<ArchiveResult>(db.error());
    });
    worker.join();
    qInstallMessageHandler(previous);
    REQUIRE(result.has_value());
    INFO((*result ? QString() : result->error().message));
    REQUIRE(result->ok());
    CHECK((*result)->exhibits == 3);
    CHECK(warnings.filter(QStringLiteral("thread")).isEmpty());
    (void)requireVerified(request.outputPath, identity);
}
