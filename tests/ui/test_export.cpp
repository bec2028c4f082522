// "Export for a lawyer" in the real app: from Settings, a vault with a few entries (one with a
// screenshot) is exported to an age public key typed in, at phone and desktop sizes; the file is
// there, its SHA-256 is the one the page shows, and archive::verifyArchive passes every check
// with the lawyer's key. A wrong key is refused in a sentence with Export disabled; an existing
// file is never replaced unasked; a generated passphrase opens its archive; Cancel during a long
// export leaves no file and says so; nothing of the page reaches past a phone's edges.
#include <catch2/catch.hpp>

#include "UiDriver.h"
#include "archive/ArchiveVerifier.h"
#include "archive/ExportController.h"
#include "crypto/age/X25519.h"
#include "intake/ImageFixtures.h"
#include "intake/ImageImporter.h"

#include <QBuffer>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace pt::uitest;
using namespace pt::core;
using pt::crypto::age::X25519Identity;
using pt::gui::ExportController;

namespace {

// A few entries of different kinds and tags, one with a screenshot attached.
void seedEntries(Vault& vault, const QString& tmp)
{
    EntryDraft meeting;
    meeting.kind = QStringLiteral("meeting");
    meeting.title = QStringLiteral("Weekly PIP check-in with Dana");
    meeting.body = QStringLiteral("Dana said goal 1 is not on track.");
    meeting.tags = {QStringLiteral("pip")};
    meeting.occurredAt = QDateTime(QDate(2026, 11, 16), QTime(15, 30));
    ensure(vault.journal().add(meeting).ok(), QStringLiteral("adding the meeting"));

    QFile png(writePng(QDir(tmp).filePath(QStringLiteral("grade.png")), 320, 200));
    ensure(png.open(QIODevice::ReadOnly), QStringLiteral("grade.png"));
    EntryDraft grade;
    grade.kind = QStringLiteral("grade");
    grade.title = QStringLiteral("Daily grade: 2/5 on tickets");
    grade.tags = {QStringLiteral("pip"), QStringLiteral("grades")};
    grade.occurredAt = QDateTime(QDate(2026, 11, 17), QTime(17, 42));
    grade.attachments = {{&png, QStringLiteral("grade.png"), QStringLiteral("image/png")}};
    auto added = vault.journal().add(grade);
    ensure(added.ok(), QStringLiteral("adding the grade"));
    EntryChange edit;
    edit.body = QStringLiteral("Asked Dana in writing which tickets count.");
    ensure(vault.journal().edit(added->latest.entryId, edit).ok(), QStringLiteral("editing the grade"));

    EntryDraft note;
    note.title = QStringLiteral("Deadline moved without notice");
    note.occurredAt = QDateTime(QDate(2026, 11, 19), QTime(11, 5));
    ensure(vault.journal().add(note).ok(), QStringLiteral("adding the note"));
}

// `size` bytes that do not compress, made as they are read (no file of them anywhere).
class Incompressible final : public QIODevice {
public:
    explicit Incompressible(qint64 size) : m_size(size), m_block(1024 * 1024, Qt::Uninitialized)
    {
        QRandomGenerator generator(42);
        generator.fillRange(reinterpret_cast<quint32*>(m_block.data()), m_block.size() / qsizetype(sizeof(quint32)));
        open(QIODevice::ReadOnly);
    }
    [[nodiscard]] qint64 size() const override { return m_size; }
    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] bool atEnd() const override { return m_pos >= m_size; }
    [[nodiscard]] qint64 bytesAvailable() const override { return m_size - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 max) override
    {
        const qint64 n = std::min(max, m_size - m_pos);
        for (qint64 done = 0; done < n;) {
            const qint64 at = (m_pos + done) % m_block.size();
            const qint64 chunk = std::min(n - done, qint64(m_block.size()) - at);
            std::memcpy(data + done, m_block.constData() + at, std::size_t(chunk));
            done += chunk;
        }
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    qint64 m_size;
    qint64 m_pos = 0;
    QByteArray m_block;
};

QString sha256Of(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    REQUIRE(hash.addData(&file));
    return QString::fromLatin1(hash.result().toHex());
}

QString withoutSpaces(QString text) { return text.remove(QRegularExpression(QStringLiteral("\\s"))); }

// Every file in `dir`, hidden ones too (a save in progress is a hidden temp file).
QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

QQuickItem* byObjectName(const Ui& ui, const char* type, const QString& name)
{
    const auto found = ui.all(type, [&](QQuickItem* i) { return i->objectName() == name; });
    return found.size() == 1 ? found.first() : nullptr;
}

// Settings, then "Export for a lawyer": the export page, on the stack or in the right pane.
QQuickItem* openExport(Ui& ui)
{
    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.waitPage("SettingsPage");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export for a lawyer"));
    return ui.waitPage("ExportPage");
}

ExportController* exporterOf(QQuickItem* page)
{
    auto* exporter = page->findChild<ExportController*>();
    REQUIRE(exporter != nullptr);
    return exporter;
}

// Replaces what a field holds, as a person does: click, select all, type.
void retype(Ui& ui, QQuickItem* field, const QString& text)
{
    ui.click(field);
    REQUIRE(waitFor([&] { return field->hasActiveFocus(); }, 2000));
    ui.key(Qt::Key_A, Qt::ControlModifier);
    ui.typeText(text);
    CHECK(field->property("text").toString() == text);
}

// Waits for the result page and returns what it shows as the file's SHA-256, spaces removed.
QString waitForResult(Ui& ui, ExportController* exporter, int ms = 60000)
{
    REQUIRE(waitFor([&] { return exporter->step() != ExportController::Step::Exporting; }, ms));
    INFO("error: " << exporter->errorMessage() << " status: " << exporter->statusMessage());
    REQUIRE(exporter->step() == ExportController::Step::Finished);
    ui.settle();
    QQuickItem* hash = nullptr;
    REQUIRE(waitFor([&] { return (hash = byObjectName(ui, "QQuickTextEdit", QStringLiteral("archiveSha256"))) != nullptr; }));
    return withoutSpaces(hash->property("text").toString());
}

// No warning of journal.db asked for from a thread that does not own the connection (the export
// runs on a worker with a connection of its own).
void checkNoThreadWarnings()
{
    QStringList wrongThread;
    for (const QString& line : MessageLog::all())
        if (line.contains(QLatin1String("does not belong to the calling thread")))
            wrongThread << line;
    INFO(wrongThread.join(QLatin1Char('\n')).toStdString());
    CHECK(wrongThread.isEmpty());
}

void requireEveryCheck(const Result<archive::ArchiveVerification>& verification, int exhibits)
{
    INFO((verification ? QString() : verification.error().message));
    REQUIRE(verification.ok());
    for (const archive::ArchiveCheck& c : verification->checks) {
        INFO(c.what << ": " << c.detail);
        CHECK(c.ok);
    }
    CHECK(verification->ok());
    CHECK(verification->exhibits == exhibits);
}

// What `program` prints, run to the end; it must succeed.
QByteArray output(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(60000));
    INFO(program.toStdString() << ": " << process.readAllStandardError().toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    return process.readAllStandardOutput();
}

// Everything a lawyer reads in the archive, as the real age, unzip and pdftotext show it: every
// file's contents, then the report's text. (Plaintext goes only into `work`, a test folder.)
QByteArray readableContents(const QString& archivePath, const X25519Identity& identity, const QString& work)
{
    const QString keyFile = QDir(work).filePath(QStringLiteral("lawyer.key"));
    {
        QFile key(keyFile);
        REQUIRE(key.open(QIODevice::WriteOnly));
        const auto secret = identity.toString();
        key.write(reinterpret_cast<const char*>(secret.data()), qint64(secret.size()));
        key.write("\n");
    }
    const QString zip = QDir(work).filePath(QStringLiteral("archive.zip"));
    output(QStringLiteral("age"), {QStringLiteral("-d"), QStringLiteral("-i"), keyFile, QStringLiteral("-o"), zip, archivePath});
    QByteArray all = output(QStringLiteral("unzip"), {QStringLiteral("-p"), zip});
    output(QStringLiteral("unzip"), {QStringLiteral("-o"), QStringLiteral("-q"), zip, QStringLiteral("report.pdf"), QStringLiteral("-d"), work});
    all += output(QStringLiteral("pdftotext"), {QDir(work).filePath(QStringLiteral("report.pdf")), QStringLiteral("-")});
    return all;
}

// Nothing reaches past the window's edges, once the layout has caught up with what just changed.
// A vault at `path` with the seed entries and a recording of `mib` MiB, and the folder to
// export into (returned).
QString vaultWithRecording(const QTemporaryDir& tmp, const QString& path, qint64 mib)
{
    makeVault(path, [&](Vault& vault) {
        seedEntries(vault, tmp.path());
        Incompressible recording(mib * 1024 * 1024);
        EntryDraft draft;
        draft.title = QStringLiteral("Recording of the HR meeting");
        draft.attachments = {{&recording, QStringLiteral("hr-meeting.m4a"), QStringLiteral("audio/mp4")}};
        ensure(vault.journal().add(draft).ok(), QStringLiteral("adding the recording"));
    });
    const QString out = tmp.filePath(QStringLiteral("out"));
    REQUIRE(QDir().mkpath(out));
    return out;
}

// Starts an export to a new age key into `out`, slowed so it is still running when the test
// acts (this machine writes 64 MiB in a fraction of a second: 3 ms per 64 KiB makes it seconds),
// and waits until bytes are moving.
ExportController* startSlowExport(Ui& ui, const QString& out)
{
    ExportController* exporter = exporterOf(openExport(ui));
    exporter->setProgressDelayForTesting(std::chrono::milliseconds(3));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")),
                QString::fromStdString(X25519Identity::generate().recipient().toString()));
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), QDir(out).filePath(QStringLiteral("case.zip.age")));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
    REQUIRE(waitFor([&] { return exporter->progress() > 0; }, 60000));
    return exporter;
}

void checkInside(Ui& ui)
{
    waitFor([&] { return ui.outsideWindow().isEmpty(); }, 3000);
    CHECK(ui.outsideWindow() == QStringList());
}

// The seed entries and two more: five, oldest first: the meeting (16 Nov), the grade (17 Nov),
// the shout-out (18 Nov), the note (19 Nov) and the rebuttal (20 Nov).
void seedFive(Vault& vault, const QString& tmp)
{
    seedEntries(vault, tmp);
    EntryDraft shout;
    shout.kind = QStringLiteral("shout-out");
    shout.title = QStringLiteral("Shout-out from Priya in #platform");
    shout.occurredAt = QDateTime(QDate(2026, 11, 18), QTime(9, 12));
    ensure(vault.journal().add(shout).ok(), QStringLiteral("adding the shout-out"));
    EntryDraft rebuttal;
    rebuttal.kind = QStringLiteral("rebuttal");
    rebuttal.title = QStringLiteral("My answer to the PIP goals");
    rebuttal.tags = {QStringLiteral("pip")};
    rebuttal.occurredAt = QDateTime(QDate(2026, 11, 20), QTime(8, 30));
    ensure(vault.journal().add(rebuttal).ok(), QStringLiteral("adding the rebuttal"));
}

// Saves what the window shows as <name>.png in $PT_EXPORT_SHOTS, when it is set: a person looks
// at the pages this test walks through.
void look(Ui& ui, const QString& name)
{
    const QString dir = qEnvironmentVariable("PT_EXPORT_SHOTS");
    if (dir.isEmpty())
        return;
    ui.settle();
    QTest::qWait(300); // images decode asynchronously
    QDir().mkpath(dir);
    ui.window()->grabWindow().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// The files in the archive, as the real age and unzip list them.
QStringList archiveNames(const QString& archivePath, const X25519Identity& identity, const QString& work)
{
    readableContents(archivePath, identity, work);
    QStringList names;
    for (const QByteArray& line : output(QStringLiteral("unzip"), {QStringLiteral("-Z1"), QDir(work).filePath(QStringLiteral("archive.zip"))}).split('\n'))
        if (!line.isEmpty())
            names << QString::fromUtf8(line);
    return names;
}

// One file of the archive last opened by readableContents or archiveNames.
QByteArray archiveFile(const QString& work, const QString& name)
{
    return output(QStringLiteral("unzip"), {QStringLiteral("-p"), QDir(work).filePath(QStringLiteral("archive.zip")), name});
}

QString secretLineOf(const X25519Identity& identity)
{
    const auto secret = identity.toString();
    return QString::fromLatin1(reinterpret_cast<const char*>(secret.data()), qsizetype(secret.size()));
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[i] = char((v >> (24 - 8 * i)) & 0xff);
    return b;
}

// A JPEG as a phone camera stores a photo taken upright: the sensor's pixels sideways and an
// EXIF Orientation tag (6: turn a quarter clockwise to show it).
QByteArray jpegWithOrientation(const QImage& image, quint16 orientation)
{
    QByteArray jpeg;
    {
        QBuffer out(&jpeg);
        out.open(QIODevice::WriteOnly);
        REQUIRE(image.save(&out, "JPEG", 95));
    }
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

// Opens the screenshot picker and then `name` in the box view; waits until the picture shows.
QQuickItem* openRedactor(Ui& ui, const QString& name)
{
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Black out part of a screenshot"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Black out part of %1").arg(name));
    ui.settle();
    QQuickItem* image = nullptr;
    REQUIRE(waitFor([&] {
        image = byObjectName(ui, "QQuickImage", QStringLiteral("redactImage"));
        return image && image->property("status").toInt() == 1 /* Image.Ready */;
    }));
    ui.settle();
    return image;
}

// Where the picture's pixel (x, y) is on the window now.
QPoint onScreen(QQuickItem* image, double x, double y)
{
    const double scale = image->property("pixelScale").toDouble();
    return image->mapToScene(QPointF(image->property("pictureLeft").toDouble() + x * scale,
                                     image->property("pictureTop").toDouble() + y * scale)).toPoint();
}

void drag(Ui& ui, QPoint from, QPoint to)
{
    QTest::mousePress(ui.window(), Qt::LeftButton, {}, from);
    for (int step = 1; step <= 8; ++step)
        QTest::mouseMove(ui.window(), from + (to - from) * step / 8);
    QTest::mouseRelease(ui.window(), Qt::LeftButton, {}, to);
}

} // namespace

TEST_CASE("Export: to a lawyer's age key typed in, the file's SHA-256 as shown, and every check passes", "[ui][export]")
{
    for (const QSize size : {PhoneSize, DesktopSize}) {
        INFO("window " << size.width() << "x" << size.height());
        QTemporaryDir tmp;
        REQUIRE(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("vault"));
        makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
        const QString out = tmp.filePath(QStringLiteral("for-counsel"));
        REQUIRE(QDir().mkpath(out));
        const X25519Identity lawyer = X25519Identity::generate();
        const QString lawyerKey = QString::fromStdString(lawyer.recipient().toString());

        Ui ui(path, size);
        ui.unlockWithPassphrase();
        QQuickItem* page = openExport(ui);
        ExportController* exporter = exporterOf(page);
        CHECK(ui.outsideWindow() == QStringList());
        // The defaults: every entry, with its history, without deleted ones, a dated name.
        CHECK(exporter->matching() == 3);
        CHECK(exporter->includeHistory());
        CHECK_FALSE(exporter->includeDeleted());
        CHECK(exporter->destinationName() == QStringLiteral("paper-trail-%1.zip.age").arg(QDate::currentDate().toString(Qt::ISODate)));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("3 entries go into the archive.")));

        QQuickItem* exportButton = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
        CHECK_FALSE(exportButton->isEnabled()); // nobody to open it yet
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")), lawyerKey);
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("This is a valid age public key.")));
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Whose records")), QStringLiteral("Sam Doe"));
        const QString target = QDir(out).filePath(QStringLiteral("sam-doe.zip.age"));
        retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), target);
        REQUIRE(waitFor([&] { return exportButton->isEnabled(); }));
        ui.click(exportButton);

        const QString shown = waitForResult(ui, exporter);
        REQUIRE(QFileInfo::exists(target));
        CHECK(shown == sha256Of(target));
        CHECK(shown == exporter->resultSha256());
        CHECK(filesIn(out) == QStringList{QStringLiteral("sam-doe.zip.age")}); // nothing else, not even a temp file
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("sam-doe.zip.age")));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("3 entries, PT-0001 to PT-0003")));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("key %1").arg(exporter->resultKeyId())));
        const QString tell = byObjectName(ui, "QQuickLabel", QStringLiteral("tellTheLawyer"))->property("text").toString();
        CHECK(tell.contains(QLatin1String("VERIFY.txt")));
        CHECK(tell.contains(QLatin1String("minisign")));
        if (size == PhoneSize)
            CHECK(ui.outsideWindow() == QStringList());

        archive::ArchiveKey key;
        key.identities.push_back(lawyer.clone());
        const auto verification = archive::verifyArchive(target, key);
        requireEveryCheck(verification, 3);
        CHECK(verification->keyId == exporter->resultKeyId());

        // Done closes the page; the folder is remembered for the next export, nothing else.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Done: close the export"));
        REQUIRE(waitFor([&] { return ui.page("ExportPage") == nullptr; }));
        checkNoThreadWarnings();
        PT_CHECK_NO_QML_WARNINGS();
    }
}

TEST_CASE("Export: names typed to black out are gone from every entry's text and history in the archive", "[ui][export][redaction]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
    const QString out = tmp.filePath(QStringLiteral("for-the-rep"));
    REQUIRE(QDir().mkpath(out));
    const X25519Identity rep = X25519Identity::generate();

    Ui ui(path, PhoneSize);
    ui.unlockWithPassphrase();
    QQuickItem* page = openExport(ui);
    ExportController* exporter = exporterOf(page);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Black out for this copy (optional)")));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Nothing is blacked out. Attached files are always copied as they are.")));
    // "Dana" is in the meeting's title and body and in the grade's later version; typed in
    // another case, with a line of spaces and a phrase that is nowhere.
    QQuickItem* phrases = ui.waitNamed("QQuickTextArea", QStringLiteral("Names or phrases to black out"));
    ui.typeInto(phrases, QStringLiteral("dana"));
    ui.key(Qt::Key_Return);
    ui.typeText(QStringLiteral("   "));
    ui.key(Qt::Key_Return);
    ui.typeText(QStringLiteral(" Nobody Else "));
    CHECK(exporter->blackOutPhrases() == QStringList{QStringLiteral("dana"), QStringLiteral("Nobody Else")});
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Names or phrases to black out: 2. Attached files are copied as they are.")));
    checkInside(ui);

    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")), QString::fromStdString(rep.recipient().toString()));
    const QString target = QDir(out).filePath(QStringLiteral("for-the-rep.zip.age"));
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), target);
    QQuickItem* exportButton = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
    REQUIRE(waitFor([&] { return exportButton->isEnabled(); }));
    ui.click(exportButton);
    waitForResult(ui, exporter);
    CHECK(exporter->resultRedactedPlaces() == 3);
    CHECK(exporter->resultRedactedEntries() == 2);
    CHECK(ui.waitNamed("QQuickLabel", QStringLiteral("Blacked out: 3 places, in 2 entries")));
    CHECK(ui.outsideWindow() == QStringList());

    archive::ArchiveKey key;
    key.identities.push_back(rep.clone());
    requireEveryCheck(archive::verifyArchive(target, key), 3);

    const QByteArray contents = readableContents(target, rep, tmp.path());
    CHECK(contents.contains("Weekly PIP check-in with")); // the rest of the text is there
    CHECK(contents.contains("Asked"));
    CHECK(contents.contains("\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88")); // a blacked-out "Dana"
    CHECK_FALSE(contents.toLower().contains("dana"));

    // The journal itself is not changed.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Done: close the export"));
    REQUIRE(waitFor([&] { return ui.page("ExportPage") == nullptr; }));
    QStringList titles;
    for (const Entry& e : ui.controller().vault()->journal().entries())
        titles << e.latest.title;
    CHECK(titles.contains(QStringLiteral("Weekly PIP check-in with Dana")));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: a box dragged over a screenshot goes to the export in the image's pixels, and Undo takes it away", "[ui][export][redaction]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); }); // grade.png: 320 x 200
    const X25519Identity rep = X25519Identity::generate();

    Ui ui(path, PhoneSize);
    ui.unlockWithPassphrase();
    ExportController* exporter = exporterOf(openExport(ui));
    REQUIRE(exporter->screenshots().size() == 1);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Black out part of a screenshot"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Black out part of grade.png"));
    ui.settle();
    QQuickItem* image = nullptr;
    REQUIRE(waitFor([&] {
        image = byObjectName(ui, "QQuickImage", QStringLiteral("redactImage"));
        return image && image->property("status").toInt() == 1 /* Image.Ready */;
    }));
    ui.settle();
    const double scale = image->property("pixelScale").toDouble();
    const double left = image->property("pictureLeft").toDouble(), top = image->property("pictureTop").toDouble();
    REQUIRE(scale > 0);
    // From the image's pixel (40, 20) to (120, 80), a person's drag.
    const auto at = [&](double x, double y) {
        return image->mapToScene(QPointF(left + x * scale, top + y * scale)).toPoint();
    };
    QTest::mousePress(ui.window(), Qt::LeftButton, {}, at(40, 20));
    for (int step = 1; step <= 8; ++step)
        QTest::mouseMove(ui.window(), at(40 + step * 10, 20 + step * 7.5));
    QTest::mouseRelease(ui.window(), Qt::LeftButton, {}, at(120, 80));
    REQUIRE(waitFor([&] { return exporter->areaCount() == 1; }));
    const QList<archive::AreaRedaction> areas = exporter->areas();
    REQUIRE(areas.size() == 1);
    CHECK(areas.first().attachment == QStringLiteral("grade.png"));
    REQUIRE(areas.first().areas.size() == 1);
    const QRect box = areas.first().areas.first();
    INFO(box.x() << "," << box.y() << " " << box.width() << "x" << box.height());
    CHECK(box.contains(QRect(41, 21, 78, 58)));       // what was covered on screen, at least
    CHECK(QRect(38, 18, 84, 64).contains(box));       // and within a pixel or so of it
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Drag over what to black out of grade.png, in this copy only. Boxes: 1.")));
    CHECK(ui.outsideWindow() == QStringList());

    // Undo takes it away; a second box stays for the export.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Undo the last change"));
    REQUIRE(waitFor([&] { return exporter->areaCount() == 0; }));
    QTest::mousePress(ui.window(), Qt::LeftButton, {}, at(300, 190));
    QTest::mouseMove(ui.window(), at(250, 150));
    QTest::mouseMove(ui.window(), at(200, 100)); // dragged up and left, and past the edge below
    QTest::mouseRelease(ui.window(), Qt::LeftButton, {}, at(200, 100));
    REQUIRE(waitFor([&] { return exporter->areaCount() == 1; }));
    const QRect second = exporter->areas().first().areas.first();
    CHECK(QRect(0, 0, 320, 200).contains(second));
    CHECK(second.contains(QRect(201, 101, 98, 88)));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Done marking boxes"));
    ui.settle();
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Boxes to black out of screenshots: 1. The archive gets new PNG copies of them with those parts black.")));

    // The export takes it: a redacted copy of the screenshot, and every check passes.
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")), QString::fromStdString(rep.recipient().toString()));
    const QString target = tmp.filePath(QStringLiteral("boxed.zip.age"));
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), target);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
    waitForResult(ui, exporter);
    archive::ArchiveKey key;
    key.identities.push_back(rep.clone());
    requireEveryCheck(archive::verifyArchive(target, key), 3);
    const QByteArray names = [&] {
        readableContents(target, rep, tmp.path());
        return output(QStringLiteral("unzip"), {QStringLiteral("-Z1"), tmp.filePath(QStringLiteral("archive.zip"))});
    }();
    QString redactedPath;
    for (const QByteArray& line : names.split('\n'))
        if (line.endsWith("grade-redacted.png"))
            redactedPath = QString::fromUtf8(line);
    REQUIRE_FALSE(redactedPath.isEmpty());
    CHECK_FALSE(names.contains("grade.png")); // the original is not in this copy
    const QImage redacted = QImage::fromData(output(QStringLiteral("unzip"), {QStringLiteral("-p"), tmp.filePath(QStringLiteral("archive.zip")), redactedPath}), "PNG");
    REQUIRE(redacted.size() == QSize(320, 200));
    CHECK(redacted.pixelColor(second.center()) == QColor(Qt::black));
    CHECK(redacted.pixelColor(second.topLeft() - QPoint(5, 5)) != QColor(Qt::black));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: a wrong age key is refused in a sentence, and an existing file is replaced only when asked", "[ui][export]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
    Ui ui(path);
    ui.unlockWithPassphrase();
    QQuickItem* page = openExport(ui);
    ExportController* exporter = exporterOf(page);
    QQuickItem* exportButton = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
    QQuickItem* keyField = ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key"));

    // One character changed: the checksum fails.
    QString key = QString::fromStdString(X25519Identity::generate().recipient().toString());
    QString wrong = key;
    wrong[20] = wrong[20] == QLatin1Char('q') ? QLatin1Char('p') : QLatin1Char('q');
    ui.typeInto(keyField, wrong);
    CHECK(ui.waitNamed("QQuickLabel", QStringLiteral("Problem: This is not a valid age public key: a character is wrong. "
                                                     "Copy it again from what the lawyer sent you.")));
    CHECK_FALSE(exportButton->isEnabled());
    retype(ui, keyField, key.left(40));
    CHECK(ui.waitNamed("QQuickLabel", QStringLiteral("Problem: An age public key is 62 characters long; this one has 40. "
                                                     "Check that all of it was copied.")));
    CHECK_FALSE(exportButton->isEnabled());
    const QString secret = [] {
        const auto s = X25519Identity::generate().toString();
        return QString::fromLatin1(reinterpret_cast<const char*>(s.data()), qsizetype(s.size()));
    }();
    retype(ui, keyField, secret);
    CHECK(ui.waitNamed("QQuickLabel", QStringLiteral("Problem: That is a secret key, which only the lawyer should ever "
                                                     "have. Ask for their public key instead: it starts with age1.")));
    CHECK_FALSE(exportButton->isEnabled());
    CHECK(ui.outsideWindow() == QStringList());
    // A key an email program broke over two lines is still the key.
    retype(ui, keyField, key.left(30) + QStringLiteral(" ") + key.mid(30));
    CHECK(waitFor([&] { return exporter->publicKeyValid(); }));

    // A file already there: said, and kept unless "Replace it" is ticked.
    const QString existing = tmp.filePath(QStringLiteral("case.zip.age"));
    {
        QFile f(existing);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("an older archive");
    }
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), existing);
    QQuickItem* replace = ui.waitNamed("QQuickCheckBox", QStringLiteral("Replace the existing file"));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("case.zip.age is already there. Choose another name, or replace it: "
                                                    "the old file stays until the new one is complete.")));
    CHECK_FALSE(exportButton->isEnabled());
    CHECK_FALSE(exporter->start());
    CHECK(exporter->errorMessage() == QStringLiteral("case.zip.age is already there. Choose another name, or tick \"Replace it\"."));
    ui.click(replace);
    CHECK(waitFor([&] { return exportButton->isEnabled(); }));
    ui.click(replace);
    CHECK(waitFor([&] { return !exportButton->isEnabled(); }));
    QFile f(existing);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "an older archive");

    // A folder that is not there, and the vault's own folder.
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), tmp.filePath(QStringLiteral("nowhere/case.zip.age")));
    CHECK(exporter->destinationProblem().startsWith(QLatin1String("The folder ")));
    CHECK_FALSE(exportButton->isEnabled());
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), QDir(path).filePath(QStringLiteral("case")));
    CHECK(exporter->destinationProblem() == QStringLiteral("That is inside the vault's own folder. Save the archive somewhere else, such as Documents."));
    CHECK_FALSE(exportButton->isEnabled());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: the lawyer's key read from a key file, an identity file or neither", "[ui][export]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const X25519Identity lawyer = X25519Identity::generate();
    const QString publicKey = QString::fromStdString(lawyer.recipient().toString());
    const auto secret = lawyer.toString();
    const QByteArray secretLine(reinterpret_cast<const char*>(secret.data()), qsizetype(secret.size()));
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile f(tmp.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return f.fileName();
    };
    const QString recipients = write(QStringLiteral("lawyer.pub"), "# Jo Counsel\n" + publicKey.toUtf8() + "\n");
    const QString identity = write(QStringLiteral("key.txt"), "# created: 2026-11-20T10:00:00Z\n# public key: " +
                                                                  publicKey.toUtf8() + "\n" + secretLine + "\n");
    const QString secretOnly = write(QStringLiteral("secret.txt"), secretLine + "\n");
    const QString nothing = write(QStringLiteral("notes.txt"), "Call Jo on Tuesday.\n");

    bool holdsSecret = true;
    auto found = ExportController::publicKeysInFile(recipients, &holdsSecret);
    REQUIRE(found.ok());
    CHECK(*found == QStringList{publicKey});
    CHECK_FALSE(holdsSecret);
    found = ExportController::publicKeysInFile(identity, &holdsSecret);
    REQUIRE(found.ok());
    CHECK(*found == QStringList{publicKey});
    CHECK(holdsSecret);
    found = ExportController::publicKeysInFile(secretOnly, &holdsSecret);
    REQUIRE(found.ok());
    CHECK(*found == QStringList{publicKey});
    found = ExportController::publicKeysInFile(nothing, &holdsSecret);
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().message == QStringLiteral("notes.txt holds no age public key (a line starting with age1). "
                                                  "Choose the file the lawyer sent, or paste the key."));

    // In the page: the file picker's answer fills the field and says where the key came from.
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
    Ui ui(path);
    ui.unlockWithPassphrase();
    ExportController* exporter = exporterOf(openExport(ui));
    exporter->loadKeyFile(QUrl::fromLocalFile(identity));
    QQuickItem* keyField = ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key"));
    CHECK(waitFor([&] { return keyField->property("text").toString() == publicKey; }));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("The public key from key.txt. That file also holds the secret key "
                                                    "that opens the archive: it belongs to the lawyer alone, so never "
                                                    "send it with the archive.")));
    exporter->loadKeyFile(QUrl::fromLocalFile(nothing));
    CHECK(ui.waitText("QQuickLabel", found.error().message));
    CHECK(ui.outsideWindow() == QStringList());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: a generated passphrase, shown to read out and copied, opens the archive", "[ui][export]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
    Ui ui(path, DesktopSize);
    ui.unlockWithPassphrase();
    ExportController* exporter = exporterOf(openExport(ui));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Encrypt with a passphrase"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Generate a strong passphrase"));
    QQuickItem* groups = nullptr;
    REQUIRE(waitFor([&] { return (groups = byObjectName(ui, "PassphraseGroups", QStringLiteral("generatedPassphrase"))) != nullptr; }));
    const QString passphrase = groups->property("passphrase").toString();
    CHECK(QRegularExpression(QStringLiteral("^([a-z2-9]{4}-){5}[a-z2-9]{4}$")).match(passphrase).hasMatch());
    CHECK(passphrase == exporter->generatedPassphrase());

    // Copy: on the clipboard, and off it again (after a minute in the app).
    ui.controller().sensitiveClipboard()->setClearDelay(std::chrono::milliseconds(300));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Copy the passphrase (it leaves the clipboard after a minute)"));
    CHECK(QGuiApplication::clipboard()->text() == passphrase);
    CHECK(waitFor([] { return QGuiApplication::clipboard()->text().isEmpty(); }, 5000));

    // Too short a passphrase of one's own is refused; then back to the generated one.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Type my own passphrase instead"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Archive passphrase")), QStringLiteral("short one"));
    CHECK(ui.waitNamed("QQuickLabel", QStringLiteral("Problem: Use at least 12 characters: the lawyer's copy can be "
                                                     "attacked for as long as it exists. Or generate a strong one.")));
    CHECK_FALSE(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Export the archive"))->isEnabled());
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Use a generated passphrase instead"));

    const QString target = tmp.filePath(QStringLiteral("by-phone.zip.age"));
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), target);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
    const QString shown = waitForResult(ui, exporter);
    CHECK(shown == sha256Of(target));
    // The result page shows the passphrase once more: it is kept nowhere else.
    QQuickItem* again = byObjectName(ui, "PassphraseGroups", QStringLiteral("resultPassphrase"));
    REQUIRE(again != nullptr);
    CHECK(again->property("passphrase").toString() == passphrase);
    CHECK(byObjectName(ui, "QQuickLabel", QStringLiteral("tellTheLawyer"))->property("text").toString().contains(
        QLatin1String("never in the same email or message as the file")));

    archive::ArchiveKey key;
    const QByteArray utf8 = passphrase.toUtf8();
    key.passphrase = pt::crypto::SecureBytes::copyOf(bytesOf(utf8));
    requireEveryCheck(archive::verifyArchive(target, key), 3);

    // Another export starts afresh: a new name, and no passphrase until one is generated.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export another archive"));
    CHECK(waitFor([&] { return exporter->step() == ExportController::Step::Choosing; }));
    CHECK(exporter->generatedPassphrase().isEmpty());
    checkNoThreadWarnings();
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: Cancel during a long export leaves no file and says so", "[ui][export]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    const QString out = vaultWithRecording(tmp, path, 64); // a long recording
    Ui ui(path);
    ui.unlockWithPassphrase();
    ExportController* exporter = startSlowExport(ui, out);

    // The progress shows bytes, over the whole window; Cancel stops it.
    QQuickItem* progress = ui.waitNamed("QQuickProgressBar", QStringLiteral("Export progress"));
    CHECK(progress->property("value").toDouble() > 0);
    CHECK(ui.outsideWindow() == QStringList());
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Cancel the export"));
    REQUIRE(waitFor([&] { return exporter->step() == ExportController::Step::Choosing; }, 60000));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Cancelled. Nothing was saved.")));
    CHECK(filesIn(out).isEmpty());
    CHECK(ui.named("QQuickProgressBar", QStringLiteral("Export progress")) == nullptr);

    // The journal is back with the app: the entry page reads its history.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
    ui.clickNamed("QQuickTabButton", QStringLiteral("Timeline"));
    ui.click(ui.waitNamed("EntryCard", QStringLiteral("Daily grade: 2/5 on tickets, Daily grade")));
    ui.waitPage("EntryPage");
    CHECK(ui.details()->property("valid").toBool());
    checkNoThreadWarnings();
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: at 390x844 with the system font at 1.5 times Material's, nothing reaches past the edges", "[ui][export][layout]")
{
    const QFont original = QGuiApplication::font();
    QFont large = original;
    large.setPixelSize(21);
    QGuiApplication::setFont(large);
    {
        QTemporaryDir tmp;
        REQUIRE(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("vault"));
        makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
        Ui ui(path);
        ui.unlockWithPassphrase();
        ExportController* exporter = exporterOf(openExport(ui));
        checkInside(ui);
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")), QStringLiteral("age1nope"));
        checkInside(ui);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Add another public key"));
        ui.typeText(QStringLiteral("age1nope"));
        checkInside(ui);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Remove key 2"));

        // The checklist of entries, and the box view with its buttons.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Choose which entries go in"));
        ui.waitNamed("QQuickTextField", QStringLiteral("Search the entries"));
        checkInside(ui);
        look(ui, "large-text-pick-dialog");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Done choosing entries"));
        ui.settle();
        openRedactor(ui, QStringLiteral("grade.png"));
        ui.key(Qt::Key_N);
        REQUIRE(waitFor([&] { return exporter->areaCount() == 1; }));
        checkInside(ui);
        look(ui, "large-text-redactor");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Done marking boxes"));
        ui.settle();

        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Encrypt with a passphrase"));
        checkInside(ui);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Generate a strong passphrase"));
        CHECK(waitFor([&] { return !exporter->generatedPassphrase().isEmpty(); }));
        ui.settle();
        checkInside(ui);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Type my own passphrase instead"));
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Archive passphrase")), QStringLiteral("short"));
        checkInside(ui);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Use a generated passphrase instead"));

        retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")),
               tmp.filePath(QStringLiteral("a-rather-long-file-name-for-the-lawyer-of-record.zip.age")));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
        waitForResult(ui, exporter);
        checkInside(ui);
        PT_CHECK_NO_QML_WARNINGS();
    }
    QGuiApplication::setFont(original);
}

TEST_CASE("Export: every control is reached with Tab and has a name", "[ui][export][keyboard]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
    Ui ui(path, DesktopSize);
    ui.unlockWithPassphrase();
    openExport(ui);
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")),
                QString::fromStdString(X25519Identity::generate().recipient().toString()));
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), tmp.filePath(QStringLiteral("case.zip.age")));
    REQUIRE(waitFor([&] { return ui.named("QQuickAbstractButton", QStringLiteral("Export the archive"))->isEnabled(); }));

    // From the first control of the page, Tab goes through every one of them down to Export.
    ui.click(ui.waitNamed("QQuickAbstractButton", QStringLiteral("First day to export")));
    ui.key(Qt::Key_Escape); // the calendar it opened
    ui.settle();
    QStringList reached;
    for (int i = 0; i < 40 && !reached.contains(QStringLiteral("Export the archive")); ++i) {
        ui.key(Qt::Key_Tab);
        QQuickItem* focused = ui.window()->activeFocusItem();
        // A field's own text input carries its name on the field.
        while (focused && accessibleName(focused).isEmpty() && focused->parentItem() && isA(focused->parentItem(), "QQuickTextField"))
            focused = focused->parentItem();
        reached << accessibleName(focused);
    }
    INFO(reached.join(QStringLiteral(" | ")).toStdString());
    for (const QString& name : {QStringLiteral("Last day to export"), QStringLiteral("Kind: Daily grade"), QStringLiteral("Tag: pip"),
                                QStringLiteral("Include earlier versions"), QStringLiteral("Include deleted entries"),
                                QStringLiteral("Whose records"), QStringLiteral("Names or phrases to black out"),
                                QStringLiteral("Encrypt with a passphrase"),
                                QStringLiteral("Choose which entries go in"),
                                QStringLiteral("Lawyer's public key"), QStringLiteral("Add another public key"),
                                QStringLiteral("Load public keys from a file"),
                                QStringLiteral("Save the archive as"), QStringLiteral("Choose where to save the archive"),
                                QStringLiteral("Export the archive")})
        CHECK(reached.contains(name));
    CHECK_FALSE(reached.contains(QString()));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: locking during an export stops it, leaves no file, and locks once it has stopped", "[ui][export]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    const QString out = vaultWithRecording(tmp, path, 16);
    Ui ui(path);
    ui.unlockWithPassphrase();
    (void)startSlowExport(ui, out);

    // The idle timer, or the app sent to the background: the lock waits for the export to stop.
    ui.controller().lock();
    REQUIRE(waitFor([&] { return ui.controller().state() == pt::gui::VaultController::State::Locked; }, 30000));
    ui.waitPage("UnlockPage");
    CHECK(filesIn(out).isEmpty());

    // Unlocked again, the journal is the app's as before.
    ui.unlockWithPassphrase();
    ui.click(ui.waitNamed("EntryCard", QStringLiteral("Daily grade: 2/5 on tickets, Daily grade")));
    ui.waitPage("EntryPage");
    CHECK(ui.details()->property("valid").toBool());
    checkNoThreadWarnings();
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: entries picked by hand, with a click and with the keyboard: the archive holds exactly those", "[ui][export][pick]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedFive(vault, tmp.path()); });
    const X25519Identity lawyer = X25519Identity::generate();

    Ui ui(path, PhoneSize);
    ui.unlockWithPassphrase();
    ExportController* exporter = exporterOf(openExport(ui));
    CHECK(exporter->matching() == 5);
    CHECK_FALSE(exporter->handPicked());
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Every entry these days, kinds and tags hold goes in. Or choose exactly which.")));

    // The checklist: every entry the choices hold, oldest first (as the exhibits are numbered),
    // all ticked.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Choose which entries go in"));
    QQuickItem* search = ui.waitNamed("QQuickTextField", QStringLiteral("Search the entries"));
    CHECK(waitFor([&] { return search->hasActiveFocus(); }));
    const auto rows = [&] {
        QList<QQuickItem*> found = ui.all("QQuickCheckDelegate");
        std::sort(found.begin(), found.end(), [](QQuickItem* a, QQuickItem* b) { return a->mapToScene({}).y() < b->mapToScene({}).y(); });
        return found;
    };
    REQUIRE(waitFor([&] { return rows().size() == 5; }));
    const QStringList titles{QStringLiteral("Weekly PIP check-in with Dana"), QStringLiteral("Daily grade: 2/5 on tickets"),
                             QStringLiteral("Shout-out from Priya in #platform"), QStringLiteral("Deadline moved without notice"),
                             QStringLiteral("My answer to the PIP goals")};
    for (int i = 0; i < 5; ++i) {
        INFO(accessibleName(rows().at(i)));
        CHECK(accessibleName(rows().at(i)).startsWith(titles.at(i) + QStringLiteral(", ")));
        CHECK(rows().at(i)->property("checked").toBool());
    }
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Ticked: 5 of 5")));
    checkInside(ui);
    look(ui, "pick-dialog");

    // None: nothing goes in, and the page says so.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Untick every entry listed"));
    REQUIRE(waitFor([&] { return exporter->matching() == 0; }));
    CHECK(exporter->handPicked());
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Ticked: 0 of 5")));

    // A search, and a click on what it found.
    ui.typeInto(search, QStringLiteral("GRADE tickets"));
    REQUIRE(waitFor([&] { return rows().size() == 1; }));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Ticked: 0 of 5  \u00b7  listed: 1")));
    ui.click(rows().first());
    REQUIRE(waitFor([&] { return exporter->matching() == 1; }));

    // The keyboard: the search emptied, Down goes into the list, the arrows move, Space ticks,
    // and the ticked row keeps the keyboard.
    ui.click(search);
    ui.key(Qt::Key_A, Qt::ControlModifier);
    ui.key(Qt::Key_Backspace);
    REQUIRE(waitFor([&] { return rows().size() == 5; }));
    ui.key(Qt::Key_Down);
    for (int i = 0; i < 3; ++i)
        ui.key(Qt::Key_Down);
    const auto focusedName = [&] { return accessibleName(ui.window()->activeFocusItem()); };
    REQUIRE(waitFor([&] { return focusedName().startsWith(QStringLiteral("Deadline moved without notice, ")); }));
    ui.key(Qt::Key_Space);
    REQUIRE(waitFor([&] { return exporter->matching() == 2; }));
    CHECK(focusedName().startsWith(QStringLiteral("Deadline moved without notice, ")));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Ticked: 2 of 5")));
    look(ui, "pick-dialog-picked");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Done choosing entries"));
    ui.settle();
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Picked by hand: 2 (of 5 that these days, kinds and tags hold).")));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("2 entries go into the archive.")));

    // Other kinds chosen: the pick they leave out stays out, and the page says so; chosen back,
    // it is in again.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Kind: Daily grade"));
    REQUIRE(waitFor([&] { return exporter->filterMatching() == 1; }));
    CHECK(exporter->matching() == 1);
    CHECK(exporter->pickedOutside() == 1);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Picked by hand: 1 (of 1 that these days, kinds and tags hold). 1 more picked "
                                                    "entry is outside them, so it stays out unless they hold it again.")));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("1 entry goes into the archive.")));
    checkInside(ui);
    look(ui, "pick-page-outside");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Kind: Daily grade"));
    REQUIRE(waitFor([&] { return exporter->matching() == 2 && exporter->pickedOutside() == 0; }));

    // The export holds exactly those two, as the real age and unzip show them.
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")), QString::fromStdString(lawyer.recipient().toString()));
    const QString target = tmp.filePath(QStringLiteral("two.zip.age"));
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), target);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
    waitForResult(ui, exporter);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("2 entries, PT-0001 to PT-0002")));
    archive::ArchiveKey key;
    key.identities.push_back(lawyer.clone());
    requireEveryCheck(archive::verifyArchive(target, key), 2);
    const QStringList names = archiveNames(target, lawyer, tmp.path());
    INFO(names.join(QLatin1Char(' ')).toStdString());
    CHECK(names.contains(QStringLiteral("entries/PT-0001.txt")));
    CHECK(names.contains(QStringLiteral("entries/PT-0002.txt")));
    CHECK_FALSE(names.contains(QStringLiteral("entries/PT-0003.txt")));
    CHECK(archiveFile(tmp.path(), QStringLiteral("entries/PT-0001.txt")).contains("Daily grade: 2/5 on tickets"));
    CHECK(archiveFile(tmp.path(), QStringLiteral("entries/PT-0002.txt")).contains("Deadline moved without notice"));
    const QByteArray listed = archiveFile(tmp.path(), QStringLiteral("index.csv")) + archiveFile(tmp.path(), QStringLiteral("entries.json"))
                              + output(QStringLiteral("pdftotext"), {tmp.filePath(QStringLiteral("report.pdf")), QStringLiteral("-")});
    for (const QString& left : {titles.at(0), titles.at(2), titles.at(4)}) {
        INFO(left.toStdString());
        CHECK_FALSE(listed.contains(left.toUtf8()));
    }

    // Another export: "Use every entry" puts them all back.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export another archive"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Stop picking: every entry these choices hold goes in"));
    REQUIRE(waitFor([&] { return exporter->matching() == 5; }));
    CHECK_FALSE(exporter->handPicked());
    CHECK(exporter->pickedIds().isEmpty());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: to a lawyer and a union representative, each opens it with their own key and the real age, and a repeated or wrong key is refused", "[ui][export][recipients]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
    const X25519Identity lawyer = X25519Identity::generate(), rep = X25519Identity::generate();
    const QString lawyerKey = QString::fromStdString(lawyer.recipient().toString());
    const QString repKey = QString::fromStdString(rep.recipient().toString());

    Ui ui(path, PhoneSize);
    ui.unlockWithPassphrase();
    ExportController* exporter = exporterOf(openExport(ui));
    QQuickItem* exportButton = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
    const QString target = tmp.filePath(QStringLiteral("two-keys.zip.age"));
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), target);
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")), lawyerKey);
    REQUIRE(waitFor([&] { return exportButton->isEnabled(); }));

    // Another key: a new field with the keyboard in it. The same key again is refused.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Add another public key"));
    QQuickItem* second = ui.waitNamed("QQuickTextField", QStringLiteral("Public key 2"));
    REQUIRE(waitFor([&] { return second->hasActiveFocus(); }));
    ui.typeText(lawyerKey);
    CHECK(ui.waitNamed("QQuickLabel", QStringLiteral("Problem: This is the same key as key 1. Each person's key goes in once; "
                                                     "remove this one, or paste the other person's key.")));
    CHECK_FALSE(exportButton->isEnabled());
    CHECK_FALSE(exporter->start());

    // One character wrong: its own problem; the first key is still right.
    QString wrong = repKey;
    wrong[20] = wrong[20] == QLatin1Char('q') ? QLatin1Char('p') : QLatin1Char('q');
    retype(ui, second, wrong);
    CHECK(ui.waitNamed("QQuickLabel", QStringLiteral("Problem: This is not a valid age public key: a character is wrong. "
                                                     "Copy it again from what the lawyer sent you.")));
    CHECK(exporter->publicKeyProblems().first().isEmpty());
    CHECK_FALSE(exportButton->isEnabled());
    retype(ui, second, repKey);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Any one of these 2 keys opens the archive, each with its own secret key.")));
    REQUIRE(waitFor([&] { return exportButton->isEnabled(); }));

    // A third field, left empty, then removed.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Add another public key"));
    ui.waitNamed("QQuickTextField", QStringLiteral("Public key 3"));
    CHECK(exportButton->isEnabled()); // an empty field is no one
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Remove key 3"));
    REQUIRE(waitFor([&] { return exporter->publicKeyCount() == 2; }));
    CHECK(exporter->recipientKeys() == QStringList{lawyerKey, repKey});
    checkInside(ui);
    look(ui, "recipients-two");

    ui.click(exportButton);
    waitForResult(ui, exporter);
    CHECK(byObjectName(ui, "QQuickLabel", QStringLiteral("archiveOpensWith"))->property("text").toString()
          == QStringLiteral("the secret key of any one of 2 people"));
    CHECK(byObjectName(ui, "QQuickLabel", QStringLiteral("tellTheLawyer"))->property("text").toString().startsWith(
        QStringLiteral("Send two-keys.zip.age to each of the 2 people whose keys you added")));
    checkInside(ui);
    look(ui, "recipients-result");

    // Each one's own secret key opens it with the real age; someone else's does not.
    for (const X25519Identity* who : {&lawyer, &rep}) {
        const QByteArray contents = readableContents(target, *who, tmp.path());
        CHECK(contents.contains("Daily grade: 2/5 on tickets"));
        output(QStringLiteral("unzip"), {QStringLiteral("-tq"), tmp.filePath(QStringLiteral("archive.zip"))});
        archive::ArchiveKey key;
        key.identities.push_back(who->clone());
        requireEveryCheck(archive::verifyArchive(target, key), 3);
    }
    const QString strangerKey = tmp.filePath(QStringLiteral("stranger.key"));
    {
        QFile f(strangerKey);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(secretLineOf(X25519Identity::generate()).toLatin1() + "\n");
    }
    QProcess age;
    age.start(QStringLiteral("age"), {QStringLiteral("-d"), QStringLiteral("-i"), strangerKey, QStringLiteral("-o"),
                                      tmp.filePath(QStringLiteral("nope.zip")), target});
    REQUIRE(age.waitForFinished(60000));
    CHECK(age.exitCode() != 0);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: a key file with several keys fills the fields, and a wrong line in it is named", "[ui][export][recipients]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString lawyerKey = QString::fromStdString(X25519Identity::generate().recipient().toString());
    const QString repKey = QString::fromStdString(X25519Identity::generate().recipient().toString());
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile f(tmp.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return f.fileName();
    };
    const QString both = write(QStringLiteral("reps.txt"), "# Jo Counsel\n" + lawyerKey.toUtf8() + "\n\n# Sam Rep, the union\n  "
                                                                + repKey.toUtf8() + "  \n" + lawyerKey.toUtf8() + "\n");
    const QString bad = write(QStringLiteral("bad.txt"), lawyerKey.toUtf8() + "\n# the rep\n" + repKey.left(40).toUtf8() + "\n");
    auto found = ExportController::publicKeysInFile(both);
    REQUIRE(found.ok());
    CHECK(*found == QStringList{lawyerKey, repKey});
    found = ExportController::publicKeysInFile(bad);
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().message == QStringLiteral("Line 3 of bad.txt is not an age public key: An age public key is 62 "
                                                  "characters long; this one has 40. Check that all of it was copied."));

    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); });
    Ui ui(path);
    ui.unlockWithPassphrase();
    ExportController* exporter = exporterOf(openExport(ui));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")), lawyerKey);
    exporter->loadKeyFile(QUrl::fromLocalFile(both));
    CHECK(exporter->publicKeys() == QStringList{lawyerKey, repKey});
    QQuickItem* second = ui.waitNamed("QQuickTextField", QStringLiteral("Public key 2"));
    CHECK(waitFor([&] { return second->property("text").toString() == repKey; }));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Public keys from reps.txt: 2, of which 1 listed already.")));
    exporter->loadKeyFile(QUrl::fromLocalFile(bad));
    CHECK(ui.waitText("QQuickLabel", found.error().message));
    CHECK(exporter->publicKeys() == QStringList{lawyerKey, repKey});
    checkInside(ui);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: on a photo turned by its EXIF orientation, a box blacks out the pixels the person saw", "[ui][export][redaction]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    // Stored 320 x 200, white, a red block at the top left and a blue one at the bottom right;
    // orientation 6, so shown 200 x 320 with the red block at the top right (x 150..199, y 0..79)
    // and the blue one at the bottom left (x 0..49, y 240..319).
    QImage stored(320, 200, QImage::Format_RGB32);
    stored.fill(Qt::white);
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 320; ++x) {
            if (x < 80 && y < 50)
                stored.setPixelColor(x, y, Qt::red);
            else if (x >= 240 && y >= 150)
                stored.setPixelColor(x, y, Qt::blue);
        }
    const QByteArray jpeg = jpegWithOrientation(stored, 6);
    QString entryId;
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) {
        QBuffer photo;
        photo.setData(jpeg);
        photo.open(QIODevice::ReadOnly);
        EntryDraft draft;
        draft.kind = QStringLiteral("screenshot");
        draft.title = QStringLiteral("Photo of the rota on the break room wall");
        draft.occurredAt = QDateTime(QDate(2026, 11, 18), QTime(7, 50));
        draft.attachments = {{&photo, QStringLiteral("rota.jpg"), QStringLiteral("image/jpeg")}};
        auto added = vault.journal().add(draft);
        ensure(added.ok(), QStringLiteral("adding the photo"));
        entryId = added->latest.entryId;
    });
    const X25519Identity rep = X25519Identity::generate();

    Ui ui(path, PhoneSize);
    ui.unlockWithPassphrase();
    ExportController* exporter = exporterOf(openExport(ui));
    QQuickItem* image = openRedactor(ui, QStringLiteral("rota.jpg"));
    const QVariantMap shown = exporter->shownImage(entryId, QStringLiteral("rota.jpg"));
    CHECK(shown.value(QStringLiteral("width")).toInt() == 200);
    CHECK(shown.value(QStringLiteral("height")).toInt() == 320);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Drag over what to black out of rota.jpg, in this copy only. Boxes: 0.")));

    // What the person sees: red at the top right, blue at the bottom left.
    const auto seen = [&](double x, double y) { return ui.window()->grabWindow().pixelColor(onScreen(image, x, y)); };
    const auto isRed = [](const QColor& c) { return c.red() > 200 && c.green() < 80 && c.blue() < 80; };
    const auto isBlue = [](const QColor& c) { return c.blue() > 200 && c.red() < 80 && c.green() < 80; };
    CHECK(isRed(seen(175, 40)));
    CHECK(isBlue(seen(25, 280)));
    CHECK(seen(25, 40).lightness() > 200);

    // The person drags over the red block as they see it; it is black on the screen at once.
    drag(ui, onScreen(image, 150, 0), onScreen(image, 200, 80));
    REQUIRE(waitFor([&] { return exporter->areaCount() == 1; }));
    const QRect box = exporter->areas().first().areas.first();
    INFO(box.x() << "," << box.y() << " " << box.width() << "x" << box.height());
    CHECK(box.contains(QRect(151, 1, 48, 78)));
    CHECK(QRect(148, 0, 52, 82).contains(box));
    REQUIRE(waitFor([&] { return seen(175, 40) == QColor(Qt::black); }));
    CHECK(isBlue(seen(25, 280)));
    look(ui, "redact-turned-photo");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Done marking boxes"));
    ui.settle();

    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Lawyer's public key")), QString::fromStdString(rep.recipient().toString()));
    const QString target = tmp.filePath(QStringLiteral("photo.zip.age"));
    retype(ui, ui.waitNamed("QQuickTextField", QStringLiteral("Save the archive as")), target);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Export the archive"));
    waitForResult(ui, exporter);
    archive::ArchiveKey key;
    key.identities.push_back(rep.clone());
    requireEveryCheck(archive::verifyArchive(target, key), 1);

    // The redacted copy, as the lawyer's tools find it: upright, as the person saw the photo,
    // black exactly where they drew, and no red left anywhere.
    QString redactedPath;
    for (const QString& name : archiveNames(target, rep, tmp.path()))
        if (name.endsWith(QLatin1String("rota-redacted.png")))
            redactedPath = name;
    REQUIRE_FALSE(redactedPath.isEmpty());
    const QImage redacted = QImage::fromData(archiveFile(tmp.path(), redactedPath), "PNG");
    REQUIRE(redacted.size() == QSize(200, 320));
    for (int y = box.top(); y <= box.bottom(); ++y)
        for (int x = box.left(); x <= box.right(); ++x)
            if (redacted.pixelColor(x, y) != QColor(Qt::black))
                FAIL("not black at " << x << "," << y);
    int red = 0;
    for (int y = 0; y < redacted.height(); ++y)
        for (int x = 0; x < redacted.width(); ++x)
            red += isRed(redacted.pixelColor(x, y)) ? 1 : 0;
    CHECK(red == 0);
    CHECK(isBlue(redacted.pixelColor(25, 280)));
    CHECK(redacted.pixelColor(100, 160).lightness() > 200);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: a box added, moved, resized and removed with the keyboard, zoomed in, its focus shown", "[ui][export][redaction][keyboard]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](Vault& vault) { seedEntries(vault, tmp.path()); }); // grade.png: 320 x 200
    Ui ui(path, DesktopSize);
    ui.unlockWithPassphrase();
    ExportController* exporter = exporterOf(openExport(ui));
    QQuickItem* image = openRedactor(ui, QStringLiteral("grade.png"));
    QQuickItem* stage = byObjectName(ui, "QQuickItem", QStringLiteral("redactStage"));
    REQUIRE(stage != nullptr);
    REQUIRE(waitFor([&] { return stage->hasActiveFocus(); })); // opened with the keyboard on the picture
    CHECK(byObjectName(ui, "QQuickLabel", QStringLiteral("redactorKeys")) != nullptr);
    const auto boxes = [&] { return exporter->areas().isEmpty() ? QList<QRect>() : exporter->areas().first().areas; };
    const auto focused = [&] { return ui.window()->activeFocusItem(); };

    // + zooms in, twice.
    const double fit = image->property("pixelScale").toDouble();
    ui.key(Qt::Key_Plus);
    ui.key(Qt::Key_Plus);
    REQUIRE(waitFor([&] { return std::abs(image->property("pixelScale").toDouble() - fit * 2.25) < 0.01; }));

    // N adds a box in the middle of what shows, with the keyboard on it and its ring shown.
    ui.key(Qt::Key_N);
    REQUIRE(waitFor([&] { return boxes().size() == 1; }));
    const QRect added = boxes().first();
    CHECK(QRect(0, 0, 320, 200).contains(added));
    CHECK(added.contains(QPoint(160, 100)));
    REQUIRE(waitFor([&] { return focused() && focused()->objectName() == QStringLiteral("redactBox"); }));
    CHECK(accessibleName(focused()).startsWith(QStringLiteral("Box 1 of 1, ")));
    REQUIRE_FALSE(focused()->childItems().isEmpty());
    CHECK(focused()->childItems().first()->isVisible()); // the focus ring

    // Arrows move it by 8 screen points (in picture pixels at this zoom); Shift+arrows resize it;
    // Alt moves it by one pixel.
    const int step = std::max(1, int(std::lround(8 / image->property("pixelScale").toDouble())));
    for (int i = 0; i < 3; ++i)
        ui.key(Qt::Key_Right);
    ui.key(Qt::Key_Down);
    ui.key(Qt::Key_Right, Qt::ShiftModifier);
    ui.key(Qt::Key_Right, Qt::ShiftModifier);
    ui.key(Qt::Key_Up, Qt::ShiftModifier);
    ui.key(Qt::Key_Left, Qt::AltModifier);
    const QRect moved(added.x() + 3 * step - 1, added.y() + step, added.width() + 2 * step, added.height() - step);
    REQUIRE(waitFor([&] { return boxes().size() == 1 && boxes().first() == moved; }));
    CHECK(focused()->objectName() == QStringLiteral("redactBox")); // still on the box
    look(ui, "redact-keyboard");

    // A second box; Shift+Tab goes back to the first; Delete removes it, and the keyboard goes
    // to the one left.
    ui.key(Qt::Key_N);
    REQUIRE(waitFor([&] { return boxes().size() == 2; }));
    REQUIRE(waitFor([&] { return accessibleName(focused()).startsWith(QStringLiteral("Box 2 of 2, ")); }));
    const QRect second = boxes().at(1);
    ui.key(Qt::Key_Tab, Qt::ShiftModifier);
    REQUIRE(waitFor([&] { return accessibleName(focused()).startsWith(QStringLiteral("Box 1 of 2, ")); }));
    ui.key(Qt::Key_Delete);
    REQUIRE(waitFor([&] { return boxes() == QList<QRect>{second}; }));
    REQUIRE(waitFor([&] { return accessibleName(focused()).startsWith(QStringLiteral("Box 1 of 1, ")); }));

    // Undo brings the removed box back; again, the second goes; again, the moves go, as one.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Undo the last change"));
    REQUIRE(waitFor([&] { return boxes() == QList<QRect>{moved, second}; }));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Undo the last change"));
    REQUIRE(waitFor([&] { return boxes() == QList<QRect>{moved}; }));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Undo the last change"));
    REQUIRE(waitFor([&] { return boxes() == QList<QRect>{added}; }));

    // A tap on the picture puts the keyboard back on it; - zooms out again, and the box is where
    // it was on the picture.
    QTest::mouseClick(ui.window(), Qt::LeftButton, {}, stage->mapToScene(QPointF(10, 10)).toPoint());
    REQUIRE(waitFor([&] { return stage->hasActiveFocus(); }));
    ui.key(Qt::Key_Minus);
    ui.key(Qt::Key_Minus);
    REQUIRE(waitFor([&] { return std::abs(image->property("pixelScale").toDouble() - fit) < 0.01; }));
    CHECK(boxes() == QList<QRect>{added});
    checkInside(ui);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Export: photos that record where they were taken are said to before the export", "[ui][export]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    QString photoId;
    makeVault(path, [&](Vault& vault) {
        seedEntries(vault, tmp.path());
        pt::core::intake::ImageImporter images(vault.journal(), nullptr);
        const QByteArray jpeg = pt::test::withExif(pt::test::encoded(pt::test::testPicture(64, 48), "JPEG"),
                                                   {{"Exif.Image.Make", "Apple"},
                                                    {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                                    {"Exif.GPSInfo.GPSLatitude", "40/1 44/1 5400/100"},
                                                    {"Exif.GPSInfo.GPSLongitudeRef", "W"},
                                                    {"Exif.GPSInfo.GPSLongitude", "73/1 59/1 0/1"}});
        auto photo = images.import({jpeg, QStringLiteral("site.jpg"), {}, {}, QStringLiteral("The site visit")});
        REQUIRE(photo.ok());
        photoId = photo->entryId;
    });
    Ui ui(path);
    ui.unlockWithPassphrase();
    QQuickItem* page = openExport(ui);
    ExportController* exporter = exporterOf(page);
    REQUIRE(waitFor([&] { return exporter->locatedPhotos() == 1; }));
    QQuickItem* warning = byObjectName(ui, "QQuickLabel", QStringLiteral("locatedPhotosWarning"));
    REQUIRE(warning);
    CHECK(warning->isVisible());
    CHECK(warning->property("text").toString().startsWith(QStringLiteral("1 photo going in records where it was taken (GPS).")));

    // Left out by kind, the warning goes.
    exporter->setKinds({QStringLiteral("note")});
    REQUIRE(waitFor([&] { return exporter->locatedPhotos() == 0; }));
    ui.settle();
    CHECK_FALSE(warning->isVisible());
}
