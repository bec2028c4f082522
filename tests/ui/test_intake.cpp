// "Bring in evidence" in the real app: an mbox of a few hundred generated messages and a folder
// of two screenshots (one a phone screenshot of a grade, "Goal 2: Meets expectations - 4/5")
// are dropped on the timeline; the pick list is filtered by a sender and a word in the bodies,
// some are unticked, and Import brings in exactly the chosen ones (the screenshot is then found
// by its words). The same mbox again is all "already in the journal"; Cancel part way leaves
// whole entries only; hostile files (a 50,000 x 50,000 PNG header, random bytes named .eml) get
// their message and change nothing; the keyboard alone gets through; a pasted image comes in as
// a screenshot byte for byte. The pick list and the result are looked at on a phone and a desktop
// window (PT_INTAKE_SHOTS=<dir> saves them as intake-*.png).
#include <catch2/catch.hpp>

#include "UiDriver.h"
#include "intake/ImageFixtures.h"
#include "intake/FileHandoff.h"
#include "intake/IntakeController.h"
#include "intake/PhoneScreenshot.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <thread>

using namespace pt::uitest;
using namespace pt::core;
using pt::gui::ImagePickModel;
using pt::gui::IntakeController;
using pt::gui::MailPickModel;

namespace {

// --- Evidence written by the test ---------------------------------------------------------------

struct Mail {
    QString from;
    QString subject;
    bool rubric = false; // its body says "rubric"
    QByteArray bytes;    // as in the mbox, the "From " line excluded
};

const char* const Senders[] = {"Dana Reyes <dana@corp.example>", "Jordan Smith <jordan@corp.example>",
                               "HR Team <hr@corp.example>", "Lee Park <lee@corp.example>"};

// An mbox of `count` messages, one a day from 1 October 2026 at 09:00 UTC: the senders take
// turns (Dana is every fourth, from the first), and "rubric" is in the body of every tenth from
// the first and every tenth from the sixth; so Dana's messages with "rubric" are every 20th.
QList<Mail> writeMbox(const QString& path, int count, const QString& tag = QStringLiteral("check-in"))
{
    QList<Mail> mails;
    QByteArray file;
    const QDateTime first(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        Mail mail;
        mail.from = QString::fromLatin1(Senders[i % 4]);
        mail.subject = QStringLiteral("Weekly %1 %2").arg(tag).arg(i);
        mail.rubric = i % 10 == 0 || i % 10 == 5;
        const QDateTime when = first.addDays(i);
        QByteArray m;
        m += "From: " + mail.from.toUtf8() + "\n";
        m += "To: Sam Doe <sam@corp.example>\n";
        m += "Subject: " + mail.subject.toUtf8() + "\n";
        m += "Date: " + QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toUtf8() + " +0000\n";
        m += "Message-ID: <" + tag.toUtf8() + "-" + QByteArray::number(i) + "@corp.example>\n";
        m += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n";
        m += "Hi Sam,\n\nNotes from our meeting number " + QByteArray::number(i) + ".\n";
        if (mail.rubric)
            m += "We scored the tickets against the rubric again.\n";
        m += "\nThanks\n";
        mail.bytes = m;
        file += "From " + QByteArray(Senders[i % 4]).split('<').last().chopped(1) + " " +
                QLocale::c().toString(when, QStringLiteral("ddd MMM d HH:mm:ss yyyy")).toUtf8() + "\n";
        file += m + "\n";
        mails.append(mail);
    }
    QFile out(path);
    ensure(out.open(QIODevice::WriteOnly) && out.write(file) == file.size(), QStringLiteral("writing ") + path);
    return mails;
}

QString writeFile(const QString& path, const QByteArray& bytes)
{
    QFile out(path);
    ensure(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size(), QStringLiteral("writing ") + path);
    return path;
}

QByteArray pngOf(const QImage& image) { return pt::test::encoded(image, "PNG"); }

QString sha256Of(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    ensure(file.open(QIODevice::ReadOnly), QStringLiteral("reading ") + path);
    return file.readAll();
}

// A folder with two screenshots: the phone screenshot of a grade, and a chat window without text.
QString screenshotFolder(const QString& dir)
{
    const QString folder = QDir(dir).filePath(QStringLiteral("Screenshots"));
    QDir().mkpath(folder);
    writeFile(QDir(folder).filePath(QStringLiteral("Screenshot grade.png")), pngOf(pt::test::phoneScreenshot()));
    writeFile(QDir(folder).filePath(QStringLiteral("Screenshot chat.png")), pngOf(pt::test::testPicture(640, 400)));
    return folder;
}

// --- Driving the page --------------------------------------------------------------------------

// Drops `paths` on the window at `at` (its centre by default), as a file manager does.
void dropFiles(Ui& ui, const QStringList& paths, QPointF at = {})
{
    if (at.isNull())
        at = QPointF(ui.window()->width() / 2.0, ui.window()->height() / 2.0);
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(ui.window(), &enter);
    QDragMoveEvent move(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(ui.window(), &move);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(ui.window(), &drop);
}

IntakeController* intakeOf(QQuickItem* page)
{
    auto* intake = page->findChild<IntakeController*>();
    REQUIRE(intake != nullptr);
    return intake;
}

// The page's controller once it has read what it was given.
IntakeController* waitForList(Ui& ui)
{
    IntakeController* intake = intakeOf(ui.waitPage("IntakePage"));
    REQUIRE(waitFor([&] { return intake->activity() == IntakeController::Activity::Idle &&
                                 intake->step() != IntakeController::Step::Empty; }, 60000));
    ui.settle();
    return intake;
}

void waitForResult(Ui& ui, IntakeController* intake)
{
    REQUIRE(waitFor([&] { return intake->activity() == IntakeController::Activity::Idle; }, 120000));
    ui.settle();
}

QStringList shownSubjects(MailPickModel* emails)
{
    QStringList subjects;
    for (int i = 0; i < emails->rowCount(); ++i)
        subjects << emails->data(emails->index(i), MailPickModel::SubjectRole).toString();
    return subjects;
}

// The email rows on screen, top first.
QList<QQuickItem*> mailRows(const Ui& ui)
{
    QList<QQuickItem*> rows = ui.all("MailRow", [](QQuickItem* i) { return i->height() > 0; });
    std::sort(rows.begin(), rows.end(), [](QQuickItem* a, QQuickItem* b) {
        return a->mapToScene({0, 0}).y() < b->mapToScene({0, 0}).y();
    });
    return rows;
}

QList<Entry> entriesOfKind(Ui& ui, const QString& kind)
{
    QList<Entry> found;
    for (const Entry& e : ui.controller().vault()->journal().entries())
        if (e.latest.kind == kind)
            found << e;
    return found;
}

// Saves what the window shows as intake-<name>.png in $PT_INTAKE_SHOTS, when it is set.
void look(Ui& ui, const QString& name)
{
    const QString dir = qEnvironmentVariable("PT_INTAKE_SHOTS");
    if (dir.isEmpty())
        return;
    // The pointer where the last click left it would show that control hovered: it rests on a
    // label instead.
    const auto labels = ui.all("QQuickLabel", [](QQuickItem* i) {
        return i->objectName() == QLatin1String("chosenSummary") || i->objectName() == QLatin1String("intakeResultSummary");
    });
    if (!labels.isEmpty())
        QTest::mouseMove(ui.window(), labels.first()->mapToScene({2, 2}).toPoint());
    ui.settle();
    QTest::qWait(300);
    QDir().mkpath(dir);
    ui.window()->grabWindow().save(QDir(dir).filePath(QStringLiteral("intake-%1.png").arg(name)));
}

} // namespace

TEST_CASE("Intake: an mbox and a folder of screenshots dropped on the timeline, filtered, picked and imported",
          "[ui][intake]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString vaultPath = tmp.filePath(QStringLiteral("vault"));
    makeVault(vaultPath);
    const QString mboxPath = tmp.filePath(QStringLiteral("All mail Including Spam and Trash.mbox"));
    const QList<Mail> mails = writeMbox(mboxPath, 300);
    const QString folder = screenshotFolder(tmp.path());
    const QByteArray gradePng = readAll(QDir(folder).filePath(QStringLiteral("Screenshot grade.png")));

    Ui ui(vaultPath);
    ui.unlockWithPassphrase();
    dropFiles(ui, {mboxPath, folder});
    IntakeController* intake = waitForList(ui);
    MailPickModel* emails = intake->emails();
    ImagePickModel* images = intake->images();
    CHECK(intake->step() == IntakeController::Step::Choosing);
    CHECK(emails->total() == 300);
    CHECK(emails->chosen() == 300); // everything new starts ticked
    CHECK(emails->held() == 0);
    REQUIRE(images->rowCount() == 2);
    CHECK(images->chosen() == 2);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Chosen: 300 emails and 2 pictures")));

    // Dana's messages that say "rubric" in their text.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show the filters"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Sender")), QStringLiteral("dana"));
    REQUIRE(waitFor([&] { return emails->rowCount() == 75; }));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Words in the text")), QStringLiteral("rubric"));
    ui.key(Qt::Key_Return);
    REQUIRE(waitFor([&] { return !emails->bodyWords().isEmpty() && emails->bodyPending() == 0 &&
                                 intake->activity() == IntakeController::Activity::Idle; }, 60000));
    QStringList expected;
    for (const Mail& m : mails)
        if (m.from.startsWith(QLatin1String("Dana")) && m.rubric)
            expected << m.subject;
    REQUIRE(expected.size() == 15);
    CHECK(shownSubjects(emails) == expected);
    CHECK(emails->chosen() == 15);
    CHECK(emails->chosenHidden() == 285);
    CHECK(intake->step() == IntakeController::Step::Choosing); // Return in the field did not import

    // Pick some: untick the first two.
    ui.settle();
    QList<QQuickItem*> rows = mailRows(ui);
    REQUIRE(rows.size() >= 3);
    ui.click(rows.at(0));
    ui.click(rows.at(1));
    CHECK(emails->chosen() == 13);
    const QStringList chosenSubjects = expected.mid(2);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Chosen: 13 emails and 2 pictures")));

    // The pictures: a preview each, the file's time as the suggestion.
    ui.clickNamed("QQuickTabButton", QStringLiteral("Screenshots and photos"));
    ui.settle();
    CHECK(ui.all("pt::gui::IntakePreview").size() == 2);
    CHECK(ui.all("QQuickLabel", [](QQuickItem* i) {
              return i->property("text").toString().contains(QLatin1String("from the file's time"));
          }).size() == 2);

    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Import the chosen emails and pictures"));
    waitForResult(ui, intake);
    REQUIRE(intake->step() == IntakeController::Step::Finished);
    CHECK(intake->resultImported() == 15);
    CHECK(intake->resultDuplicates() == 0);
    CHECK(intake->resultFailed() == 0);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("15 entries imported (13 emails and 2 pictures).")));

    // Exactly the chosen ones.
    Journal& journal = ui.controller().vault()->journal();
    CHECK(journal.count() == 15);
    QStringList imported;
    for (const Entry& e : entriesOfKind(ui, QStringLiteral("email")))
        imported << e.latest.title;
    imported.sort();
    QStringList want = chosenSubjects;
    want.sort();
    CHECK(imported == want);
    CHECK(entriesOfKind(ui, QStringLiteral("screenshot")).size() == 2);
    // Each email byte for byte as in the mbox.
    for (const Entry& e : entriesOfKind(ui, QStringLiteral("email"))) {
        const auto m = std::find_if(mails.cbegin(), mails.cend(), [&](const Mail& x) { return x.subject == e.latest.title; });
        REQUIRE(m != mails.cend());
        REQUIRE(e.latest.attachments.size() == 1);
        CHECK(e.latest.attachments.first().sha256 == sha256Of(m->bytes));
    }
    // The grade is found by the words in its picture, and the emails by the words in their text.
    auto hits = journal.search(QStringLiteral("expectations"));
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    auto grade = journal.entry(hits->first().entryId);
    REQUIRE(grade.ok());
    CHECK(grade->latest.kind == QStringLiteral("screenshot"));
    REQUIRE(grade->latest.attachments.size() == 1);
    CHECK(grade->latest.attachments.first().sha256 == sha256Of(gradePng));
    auto rubric = journal.search(QStringLiteral("rubric"));
    REQUIRE(rubric.ok());
    CHECK(rubric->size() == 13);

    // The new entries on the timeline.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show the new entries on the timeline"));
    ui.waitPage("TimelinePage");
    CHECK(ui.page("IntakePage") == nullptr);
    CHECK(ui.controller().timeline()->rowCount() == 15);
    CHECK(ui.controller().timeline()->filtered());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Intake: the same mbox and screenshots again: every one is already in the journal", "[ui][intake]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString vaultPath = tmp.filePath(QStringLiteral("vault"));
    makeVault(vaultPath);
    const QString mboxPath = tmp.filePath(QStringLiteral("Inbox.mbox"));
    writeMbox(mboxPath, 40);
    const QString folder = screenshotFolder(tmp.path());

    Ui ui(vaultPath, DesktopSize);
    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Bring in evidence: emails, screenshots and photos"));
    QQuickItem* page = ui.waitPage("IntakePage");
    IntakeController* intake = intakeOf(page);
    CHECK(intake->step() == IntakeController::Step::Empty);
    dropFiles(ui, {mboxPath, folder}, page->mapToScene({page->width() / 2, page->height() / 2}));
    intake = waitForList(ui);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Import the chosen emails and pictures"));
    waitForResult(ui, intake);
    REQUIRE(intake->resultImported() == 42);
    const int before = ui.controller().vault()->journal().count();

    // Again, from the start.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Bring in other files"));
    REQUIRE(waitFor([&] { return intake->step() == IntakeController::Step::Empty; }));
    dropFiles(ui, {mboxPath, folder}, page->mapToScene({page->width() / 2, page->height() / 2}));
    intake = waitForList(ui);
    CHECK(intake->emails()->total() == 40);
    CHECK(intake->emails()->held() == 40);
    CHECK(intake->emails()->chosen() == 0);
    CHECK(intake->images()->held() == 2);
    CHECK(intake->chosenCount() == 0);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("0 of 40 chosen \u00b7 40 already in the journal")));
    CHECK_FALSE(ui.named("QQuickAbstractButton", QStringLiteral("Import the chosen emails and pictures"))->isEnabled());
    CHECK(ui.all("QQuickLabel", [](QQuickItem* i) {
              return i->property("text").toString() == QLatin1String("Already in the journal") && i->isVisible();
          }).size() >= 5);
    // Nothing new in them: there is nothing to select.
    CHECK_FALSE(ui.named("QQuickAbstractButton", QStringLiteral("Select every email shown"))->isEnabled());
    CHECK(ui.controller().vault()->journal().count() == before);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Intake: cancel part way through an import keeps whole entries only", "[ui][intake]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString vaultPath = tmp.filePath(QStringLiteral("vault"));
    makeVault(vaultPath);
    const QString mboxPath = tmp.filePath(QStringLiteral("Takeout.mbox"));
    const QList<Mail> mails = writeMbox(mboxPath, 200);

    Ui ui(vaultPath);
    ui.unlockWithPassphrase();
    dropFiles(ui, {mboxPath});
    IntakeController* intake = waitForList(ui);
    intake->setStepDelayForTesting(std::chrono::milliseconds(40));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Import the chosen emails and pictures"));
    // Five emails in (the bar counts those written).
    REQUIRE(waitFor([&] { return intake->progress() >= 5.0 / 200; }, 60000));
    CHECK(intake->progressText().startsWith(QLatin1String("Email ")));
    CHECK(intake->progressText().endsWith(QLatin1String(" of 200")));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Cancel the import"));
    waitForResult(ui, intake);
    REQUIRE(intake->step() == IntakeController::Step::Finished);
    CHECK(intake->resultCancelled());
    const int imported = intake->resultImported();
    CHECK(imported >= 5);
    CHECK(imported < 200);
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Import cancelled")));

    // Every entry there is whole: its original byte for byte, and the vault verifies.
    Journal& journal = ui.controller().vault()->journal();
    CHECK(journal.count() == imported);
    for (const Entry& e : journal.entries()) {
        REQUIRE(e.latest.attachments.size() == 1);
        CHECK(journal.checkAttachment(e.latest.entryId, e.latest.attachments.first().name).ok());
        const auto m = std::find_if(mails.cbegin(), mails.cend(), [&](const Mail& x) { return x.subject == e.latest.title; });
        REQUIRE(m != mails.cend());
        CHECK(e.latest.attachments.first().sha256 == sha256Of(m->bytes));
    }
    CHECK(ui.controller().verify());

    // The rest comes in after: what is there is not imported twice.
    intake->setStepDelayForTesting(std::chrono::milliseconds(0));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back to the list"));
    REQUIRE(waitFor([&] { return intake->step() == IntakeController::Step::Choosing; }));
    CHECK(intake->emails()->held() == imported);
    CHECK(intake->emails()->chosen() == 200 - imported);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Import the chosen emails and pictures"));
    waitForResult(ui, intake);
    CHECK(intake->resultImported() == 200 - imported);
    CHECK(journal.count() == 200);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Intake: hostile files get their message and change nothing", "[ui][intake][hostile]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString vaultPath = tmp.filePath(QStringLiteral("vault"));
    makeVault(vaultPath, [](Vault& vault) {
        EntryDraft note;
        note.title = QStringLiteral("Already here");
        ensure(vault.journal().add(note).ok(), QStringLiteral("adding a note"));
    });
    const QString bomb = writeFile(tmp.filePath(QStringLiteral("bomb.png")), pt::test::pngWithSize(50000, 50000));
    const QString noise = writeFile(tmp.filePath(QStringLiteral("message.eml")), pt::test::randomBytes(4096, 7));
    const QString pdf = writeFile(tmp.filePath(QStringLiteral("review.pdf")), QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"));
    const QString bombHash = sha256Of(readAll(bomb)), noiseHash = sha256Of(readAll(noise));

    Ui ui(vaultPath);
    ui.unlockWithPassphrase();
    const int before = ui.controller().vault()->journal().count();
    dropFiles(ui, {bomb, noise, pdf});
    IntakeController* intake = waitForList(ui);

    REQUIRE(intake->images()->rowCount() == 1);
    const QString bombProblem = intake->images()->data(intake->images()->index(0), ImagePickModel::ProblemRole).toString();
    CHECK(bombProblem.contains(QLatin1String("50000 x 50000")));
    REQUIRE(intake->emails()->total() == 1);
    CHECK(intake->emails()->unreadable() == 1);
    CHECK_FALSE(intake->emails()->data(intake->emails()->index(0), MailPickModel::ProblemRole).toString().isEmpty());
    REQUIRE(intake->others().size() == 1);
    CHECK(intake->others().first().startsWith(QLatin1String("review.pdf is not an email, screenshot or photo")));
    CHECK(intake->chosenCount() == 0);
    CHECK_FALSE(ui.named("QQuickAbstractButton", QStringLiteral("Import the chosen emails and pictures"))->isEnabled());
    // Each message is there to read.
    CHECK(ui.all("QQuickLabel", [](QQuickItem* i) {
              return i->property("text").toString().startsWith(QLatin1String("Cannot be imported:"));
          }).size() == 1); // the email; the picture is on its tab
    ui.clickNamed("QQuickTabButton", QStringLiteral("Screenshots and photos"));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Cannot be imported: ") + bombProblem));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("1 file is not brought in  \u25b8"));
    CHECK(ui.all("QQuickLabel", [](QQuickItem* i) { return i->objectName() == QLatin1String("leftOutNote"); }).size() == 1);

    // Return does not import what cannot be imported; nothing changed anywhere.
    ui.key(Qt::Key_Return);
    ui.settle();
    CHECK(intake->step() == IntakeController::Step::Choosing);
    CHECK(ui.controller().vault()->journal().count() == before);
    CHECK(sha256Of(readAll(bomb)) == bombHash);
    CHECK(sha256Of(readAll(noise)) == noiseHash);
    CHECK(ui.outsideWindow().isEmpty());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Intake: bringing evidence in with the keyboard alone", "[ui][intake][keyboard]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString vaultPath = tmp.filePath(QStringLiteral("vault"));
    makeVault(vaultPath);
    const QString mboxPath = tmp.filePath(QStringLiteral("Inbox.mbox"));
    writeMbox(mboxPath, 30);

    Ui ui(vaultPath, DesktopSize);
    ui.unlockWithPassphrase();
    dropFiles(ui, {mboxPath});
    IntakeController* intake = waitForList(ui);
    REQUIRE(intake->emails()->chosen() == 30);
    QQuickItem* list = ui.all("QQuickListView", [](QQuickItem* i) { return i->objectName() == QLatin1String("emailList"); }).value(0);
    REQUIRE(list != nullptr);
    CHECK(list->hasActiveFocus()); // the page opens with the keyboard in the list
    ui.key(Qt::Key_Tab);
    REQUIRE_FALSE(list->hasActiveFocus());
    for (int i = 0; i < 60 && !list->hasActiveFocus(); ++i) // round the window and back
        ui.key(Qt::Key_Tab);
    REQUIRE(list->hasActiveFocus());
    CHECK(list->property("currentIndex").toInt() == 0);
    ui.key(Qt::Key_Down);
    CHECK(list->property("currentIndex").toInt() == 1);
    ui.key(Qt::Key_Space); // the second message
    CHECK(intake->emails()->chosen() == 29);
    CHECK_FALSE(intake->emails()->data(intake->emails()->index(1), MailPickModel::ChosenRole).toBool());
    ui.key(Qt::Key_Space);
    ui.key(Qt::Key_Down);
    ui.key(Qt::Key_Space); // the third
    CHECK(intake->emails()->chosen() == 29);
    ui.key(Qt::Key_Return);
    waitForResult(ui, intake);
    REQUIRE(intake->step() == IntakeController::Step::Finished);
    CHECK(intake->resultImported() == 29);
    ui.key(Qt::Key_Escape);
    REQUIRE(waitFor([&] { return ui.page("IntakePage") == nullptr; }));
    CHECK(ui.controller().vault()->journal().count() == 29);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Intake: Ctrl+V on the timeline brings in the copied image as a screenshot", "[ui][intake][paste]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString vaultPath = tmp.filePath(QStringLiteral("vault"));
    makeVault(vaultPath);
    const QByteArray png = pngOf(pt::test::testPicture(300, 200));

    Ui ui(vaultPath);
    ui.unlockWithPassphrase();
    auto* clip = new QMimeData; // the clipboard owns it
    clip->setData(QStringLiteral("image/png"), png);
    QGuiApplication::clipboard()->setMimeData(clip);
    ui.key(Qt::Key_V, Qt::ControlModifier);
    IntakeController* intake = waitForList(ui);
    REQUIRE(intake->images()->rowCount() == 1);
    CHECK(intake->images()->data(intake->images()->index(0), ImagePickModel::NameRole).toString().startsWith(QLatin1String("pasted-")));
    // No EXIF and no file: the time is the import's, and the page says so.
    CHECK(ui.all("QQuickLabel", [](QQuickItem* i) {
              return i->property("text").toString().contains(QLatin1String("placed at the time you import it"));
          }).size() == 1);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Import the chosen emails and pictures"));
    waitForResult(ui, intake);
    REQUIRE(intake->resultImported() == 1);
    const QList<Entry> shots = entriesOfKind(ui, QStringLiteral("screenshot"));
    REQUIRE(shots.size() == 1);
    REQUIRE(shots.first().latest.attachments.size() == 1);
    CHECK(shots.first().latest.attachments.first().sha256 == sha256Of(png));
    auto bytes = ui.controller().attachmentBytes(shots.first().latest.entryId, shots.first().latest.attachments.first().name);
    REQUIRE(bytes.ok());
    CHECK(*bytes == png);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Open the first new entry"));
    CHECK(ui.waitPage("EntryPage"));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Intake: the pick list and the result on a phone and a desktop window", "[ui][intake][layout]")
{
    const QSize size = GENERATE(PhoneSize, DesktopSize);
    const QString name = size == PhoneSize ? QStringLiteral("phone") : QStringLiteral("desktop");
    INFO(name.toStdString());
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString vaultPath = tmp.filePath(QStringLiteral("vault"));
    makeVault(vaultPath);
    const QString mboxPath = tmp.filePath(QStringLiteral("All mail Including Spam and Trash.mbox"));
    writeMbox(mboxPath, 320);
    const QString folder = screenshotFolder(tmp.path());
    // A photo from a phone, with the place it was taken.
    writeFile(QDir(folder).filePath(QStringLiteral("IMG_4127.jpg")),
              pt::test::withExif(pt::test::encoded(pt::test::testPicture(1200, 900), "JPEG"),
                                 {{"Exif.Image.Make", "Apple"},
                                  {"Exif.Image.Model", "iPhone 13"},
                                  {"Exif.Photo.DateTimeOriginal", "2026:10:14 17:42:07"},
                                  {"Exif.Photo.OffsetTimeOriginal", "-04:00"},
                                  {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                  {"Exif.GPSInfo.GPSLatitude", "40/1 44/1 5400/100"},
                                  {"Exif.GPSInfo.GPSLongitudeRef", "W"},
                                  {"Exif.GPSInfo.GPSLongitude", "73/1 59/1 0/1"}}));
    writeFile(tmp.filePath(QStringLiteral("review.pdf")), QByteArray("%PDF-1.4\n"));

    Ui ui(vaultPath, size);
    ui.unlockWithPassphrase();
    dropFiles(ui, {mboxPath, folder, tmp.filePath(QStringLiteral("review.pdf"))});
    IntakeController* intake = waitForList(ui);
    CHECK(ui.outsideWindow().isEmpty());
    look(ui, name + QStringLiteral("-pick-list"));

    if (size == PhoneSize)
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show the filters"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Sender")), QStringLiteral("jordan"));
    REQUIRE(waitFor([&] { return intake->emails()->rowCount() == 80; }));
    ui.settle();
    CHECK(ui.outsideWindow().isEmpty());
    look(ui, name + QStringLiteral("-filtered"));

    ui.clickNamed("QQuickTabButton", QStringLiteral("Screenshots and photos"));
    ui.settle();
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Camera: Apple iPhone 13")));
    CHECK(ui.all("QQuickLabel", [](QQuickItem* i) {
              return i->property("text").toString().startsWith(QLatin1String("This photo carries the place it was taken (GPS 40.74833, -73.98333)"));
          }).size() == 1);
    CHECK(ui.all("QQuickLabel", [](QQuickItem* i) {
              return i->property("text").toString() == QLatin1String("When it happened (from the photo's EXIF):");
          }).size() == 1);
    CHECK(ui.outsideWindow().isEmpty());
    look(ui, name + QStringLiteral("-pictures"));

    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Import the chosen emails and pictures"));
    waitForResult(ui, intake);
    REQUIRE(intake->step() == IntakeController::Step::Finished);
    CHECK(intake->resultImported() == 83);
    CHECK(intake->resultWithLocation() == 1);
    CHECK(ui.outsideWindow().isEmpty());
    look(ui, name + QStringLiteral("-result"));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Intake: files handed to the running app (Open with) wait for the unlock, then are listed to choose from",
          "[ui][intake][handoff]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString vaultPath = tmp.filePath(QStringLiteral("vault"));
    makeVault(vaultPath);
    const QString mboxPath = tmp.filePath(QStringLiteral("from a colleague.mbox"));
    writeMbox(mboxPath, 12);

    Ui ui(vaultPath);
    pt::gui::FileHandoff handoff(tmp.filePath(QStringLiteral("handoff-socket")));
    REQUIRE_FALSE(handoff.handOffOrListen({}));
    ui.window()->setProperty("fileHandoff", QVariant::fromValue(static_cast<QObject*>(&handoff)));
    // A second instance hands the mbox over while the vault is still locked: it waits.
    {
        pt::gui::FileHandoff second(tmp.filePath(QStringLiteral("handoff-socket")));
        bool handedOver = false;
        std::thread other([&] { handedOver = second.handOffOrListen({mboxPath}); });
        REQUIRE(waitFor([&] { return handoff.pendingFiles().size() == 1; }, 5000));
        other.join();
        CHECK(handedOver);
    }
    ui.settle();
    CHECK(handoff.pendingFiles() == QStringList{mboxPath});

    ui.unlockWithPassphrase();
    IntakeController* intake = waitForList(ui);
    CHECK(handoff.pendingFiles().isEmpty());
    CHECK(intake->emails()->total() == 12);
    CHECK(intake->step() == IntakeController::Step::Choosing); // listed, nothing imported yet
}
