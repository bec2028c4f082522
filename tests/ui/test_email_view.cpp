// An imported email and photo on their entry pages, in the real app at phone and desktop sizes.
// The corpus emails (tests/data/intake/email) come in through core's EmailImporter: a reply
// thread, one with a PDF, a PNG and a file named "../../etc/passwd" inside, an HTML-only one, a
// DKIM-signed one, one without a Date, and one written here whose subject, sender and text
// hold markup pointing at a loopback server. The page shows the headers (the Date a guess when
// it is one), the text as plain text (links as their words, "<img src=...>" as those characters:
// nothing is rendered, nothing fetched), "Made from HTML", the DKIM sentence, the PNG viewed in
// the app, files and the original saved where the person chose and nowhere else, and
// "Conversation (3)" in order, each opening its message and Back returning. A photo with EXIF
// GPS says where it was taken and that exports carry it; a phone screenshot shows the text
// Tesseract read from it, folded. Nothing reaches past the window's edges;
// PT_ENTRY_SHOTS=<dir> saves the pages as email-*.png and photo-*.png to look at.
#include <catch2/catch.hpp>

#include "FileSize.h"
#include "NetworkWatch.h"
#include "UiDriver.h"
#include "intake/ChosenFile.h"
#include "intake/EmailDetails.h"
#include "intake/EmailImporter.h"
#include "intake/EmailThread.h"
#include "intake/ImageFixtures.h"
#include "intake/ImageImporter.h"
#include "intake/MailParser.h"
#include "intake/PhoneScreenshot.h"
#include "intake/TextRecognizer.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace pt::uitest;
using namespace pt::core;
using namespace pt::core::intake;
using pt::gui::EmailDetails;

namespace {

QByteArray corpus(const char* name)
{
    QFile file(QStringLiteral(PT_INTAKE_DATA "/email/") + QLatin1String(name));
    ensure(file.open(QIODevice::ReadOnly), QStringLiteral("reading the corpus email %1").arg(QLatin1String(name)));
    return file.readAll();
}

// An HTML email whose sender, subject and text hold markup: a real <img> (which turns into
// nothing), and an escaped one, a link and a style (which turn into text that looks like markup).
QByteArray hostileMail(quint16 port)
{
    const QByteArray pixel = "http://127.0.0.1:" + QByteArray::number(port);
    return "From: \"<b>Boss</b>\" <boss@example.com>\r\n"
           "To: Sam Lee <sam.lee@example.org>\r\n"
           "Subject: <img src=\"" +
           pixel +
           "/subject.png\"> Your <b>final</b> warning\r\n"
           "Date: Thu, 21 Mar 2024 10:00:00 +0000\r\n"
           "Message-ID: <hostile@example.com>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/html; charset=us-ascii\r\n"
           "\r\n"
           "<html><body style=\"background: url(" +
           pixel +
           "/bg.png)\">\r\n"
           "<p>&lt;img src=\"" +
           pixel +
           "/escaped.png\"&gt; is what they wrote.</p>\r\n"
           "<img src=\"" +
           pixel +
           "/pixel.png\" width=\"1\" height=\"1\">\r\n"
           "<p>See <a href=\"" +
           pixel +
           "/link\">the policy</a>.</p>\r\n"
           "</body></html>\r\n";
}

struct Seeded {
    QStringList thread; // oldest first
    QString attachments;
    QString htmlOnly;
    QString signedMail;
    QString noDate;
    QString hostile;
    QString photo;
    QString screenshot;
    bool screenshotRead = false; // Tesseract was there to read it
};

Seeded seed(const QString& path, quint16 port)
{
    Seeded ids;
    makeVault(path, [&](Vault& vault) {
        EmailImporter importer(vault.journal());
        const QDateTime fileTime(QDate(2024, 3, 25), QTime(8, 0), Qt::UTC);
        const auto add = [&](const QByteArray& bytes) {
            auto outcome = importer.import(bytes, fileTime);
            ensure(outcome.ok() && outcome->imported, QStringLiteral("importing an email"));
            return outcome->entryId;
        };
        for (const char* name : {"thread-1.eml", "thread-2.eml", "thread-3.eml"})
            ids.thread << add(corpus(name));
        ids.attachments = add(corpus("attachments.eml"));
        ids.htmlOnly = add(corpus("html-only.eml"));
        ids.signedMail = add(corpus("dkim.eml"));
        ids.noDate = add(corpus("no-date.eml"));
        ids.hostile = add(hostileMail(port));
        ensure(importer.save().ok(), QStringLiteral("saving the emails"));

        auto recognizer = TextRecognizer::create();
        ids.screenshotRead = recognizer.ok();
        ImageImporter images(vault.journal(), recognizer.ok() ? &recognizer.value() : nullptr);
        const QByteArray jpeg = pt::test::withExif(pt::test::encoded(pt::test::testPicture(640, 480), "JPEG"),
                                                   {{"Exif.Image.Make", "Apple"},
                                                    {"Exif.Image.Model", "iPhone 13"},
                                                    {"Exif.Photo.DateTimeOriginal", "2026:03:14 09:41:07"},
                                                    {"Exif.Photo.OffsetTimeOriginal", "-04:00"},
                                                    {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                                    {"Exif.GPSInfo.GPSLatitude", "40/1 44/1 5400/100"},
                                                    {"Exif.GPSInfo.GPSLongitudeRef", "W"},
                                                    {"Exif.GPSInfo.GPSLongitude", "73/1 59/1 0/1"}});
        auto photo =
            images.import({jpeg, QStringLiteral("whiteboard.jpg"), {}, {}, QStringLiteral("Whiteboard after the 1:1")});
        ensure(photo.ok() && photo->imported, QStringLiteral("importing the photo"));
        ids.photo = photo->entryId;
        auto shot = images.import({pt::test::encoded(pt::test::phoneScreenshot(), "PNG"),
                                   QStringLiteral("grade.png"),
                                   QDateTime(QDate(2025, 5, 14), QTime(16, 10), Qt::UTC),
                                   {},
                                   QStringLiteral("Tuesday's grade")});
        ensure(shot.ok() && shot->imported, QStringLiteral("importing the screenshot"));
        ids.screenshot = shot->entryId;
    });
    return ids;
}

QQuickItem* mainView(Ui& ui)
{
    return ui.waitPage("MainView");
}

// The entry, as MainView opens it from the timeline; on a phone, from the timeline again.
QQuickItem* openEntry(Ui& ui, const QString& id)
{
    QQuickItem* main = mainView(ui);
    QMetaObject::invokeMethod(main, "goHome");
    ui.settle();
    QMetaObject::invokeMethod(main, "openEntry", Q_ARG(QVariant, QVariant(id)));
    QQuickItem* page = ui.waitPage("EntryPage");
    ensure(waitFor([&] { return ui.details() && ui.details()->entryId() == id; }),
           QStringLiteral("the entry page opening"));
    ui.settle();
    return page;
}

EmailDetails* emailOf(QQuickItem* page)
{
    auto* email = page->findChild<EmailDetails*>();
    REQUIRE(email != nullptr);
    return email;
}

bool inside(QQuickItem* item, const char* type)
{
    for (QQuickItem* p = item ? item->parentItem() : nullptr; p; p = p->parentItem())
        if (isA(p, type))
            return true;
    return false;
}

// The visible header (a selectable text named "From: ...") of the email view.
QString header(const Ui& ui, const QString& name)
{
    const auto found = ui.all("QQuickTextEdit", [&](QQuickItem* i) {
        return inside(i, "EmailView") && accessibleName(i).startsWith(name + QStringLiteral(": "));
    });
    return found.size() == 1 ? accessibleName(found.first()).mid(name.size() + 2) : QString();
}

QQuickItem* byObjectName(const Ui& ui, const char* type, const QString& name)
{
    const auto found = ui.all(type, [&](QQuickItem* i) { return i->objectName() == name; });
    return found.size() == 1 ? found.first() : nullptr;
}

// A visible label on the entry page showing exactly `text` (the timeline beside it may too).
bool onPage(const Ui& ui, const QString& text)
{
    return waitFor([&] {
        return !ui.all("QQuickLabel", [&](QQuickItem* i) {
                      return inside(i, "EntryPage") && i->property("text").toString() == text;
                  }).isEmpty();
    });
}

// The conversation's rows, top to bottom.
QList<QQuickItem*> threadRows(const Ui& ui)
{
    auto rows = ui.all("QQuickItemDelegate", [](QQuickItem* i) { return inside(i, "ThreadList"); });
    std::sort(rows.begin(), rows.end(),
              [](QQuickItem* a, QQuickItem* b) { return a->mapToScene(QPointF()).y() < b->mapToScene(QPointF()).y(); });
    return rows;
}

// Every visible text that holds markup shows it as text.
QStringList richTexts(const Ui& ui)
{
    QStringList rich;
    for (QQuickItem* item :
         ui.all("QQuickItem", [](QQuickItem* i) { return isA(i, "QQuickText") || isA(i, "QQuickTextEdit"); }))
        if (item->property("textFormat").toInt() != 0 && item->property("text").toString().contains(QLatin1Char('<')))
            rich << item->property("text").toString();
    return rich;
}

void checkInsideWindow(const Ui& ui)
{
    const QStringList outside = ui.outsideWindow();
    INFO(outside.join(QLatin1Char('\n')).toStdString());
    CHECK(outside.isEmpty());
}

// The page scrolled to its top, then to `item`.
void scrollTo(Ui& ui, QQuickItem* item)
{
    ui.scrollIntoView(item);
}

void scrollToTop(QQuickItem* page)
{
    for (QQuickItem* flick : page->findChildren<QQuickItem*>())
        if (flick->inherits("QQuickFlickable") && flick->isVisible() && flick->property("contentHeight").toReal() > 0)
            flick->setProperty("contentY", 0);
}

// Saves what the window shows as <name>.png in $PT_ENTRY_SHOTS, when it is set.
void look(Ui& ui, const QString& name)
{
    const QString dir = qEnvironmentVariable("PT_ENTRY_SHOTS");
    if (dir.isEmpty())
        return;
    QTest::mouseMove(ui.window(), QPoint(ui.window()->width() * 3 / 4,
                                         ui.window()->height() - 2)); // no hover left on a button
    ui.settle();
    QTest::qWait(300);
    QDir().mkpath(dir);
    ui.window()->grabWindow().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The file picker cannot be driven offscreen: what it hands back when the person picks `path`.
void pickSaveFile(QQuickItem* page, const QString& path)
{
    QObject* dialog = page->findChild<QObject*>(QStringLiteral("emailSaveDialog"));
    REQUIRE(dialog != nullptr);
    REQUIRE(dialog->setProperty("selectedFile", QUrl::fromLocalFile(path)));
    REQUIRE(QMetaObject::invokeMethod(dialog, "accepted"));
    QMetaObject::invokeMethod(dialog, "close");
}

QString sizeName(QSize size)
{
    return size.width() < 600 ? QStringLiteral("phone") : QStringLiteral("desktop");
}

void emailTour(QSize size)
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    PixelServer server;
    RequestLog requests;
    RecordingFactory factory(requests); // outlives the engine
    const QString path = tmp.filePath(QStringLiteral("vault"));
    const Seeded ids = seed(path, server.port());
    Ui ui(path, size, {},
          [&](pt::gui::VaultController&, QQmlEngine& engine) { engine.setNetworkAccessManagerFactory(&factory); });
    ui.unlockWithPassphrase();

    // The last message of the thread: headers, the text, the conversation.
    QQuickItem* page = openEntry(ui, ids.thread[2]);
    CHECK(ui.details()->title() == QStringLiteral("Re: Status report"));
    CHECK(onPage(ui, QStringLiteral("Re: Status report")));
    CHECK(header(ui, QStringLiteral("From")) == QStringLiteral("Dana Reyes <dana.reyes@example.com>"));
    CHECK(header(ui, QStringLiteral("To")) == QStringLiteral("Sam Lee <sam.lee@example.org>"));
    CHECK(header(ui, QStringLiteral("Cc")).isEmpty());
    const QString date = header(ui, QStringLiteral("Date"));
    CHECK(date.contains(QStringLiteral("4 Mar 2024, 14:05 (UTC-05:00)")));
    CHECK_FALSE(date.contains(QStringLiteral("a guess")));
    QQuickItem* body = byObjectName(ui, "QQuickTextEdit", QStringLiteral("emailBody"));
    REQUIRE(body != nullptr);
    CHECK(body->property("text").toString() == QStringLiteral("I did not get it."));
    CHECK(body->property("readOnly").toBool());
    CHECK(body->property("selectByMouse").toBool());
    CHECK(byObjectName(ui, "QQuickLabel", QStringLiteral("madeFromHtml")) == nullptr);
    CHECK(byObjectName(ui, "QQuickLabel", QStringLiteral("dkimNote")) == nullptr);

    // Message-ID and In-Reply-To are folded under Details.
    CHECK(header(ui, QStringLiteral("Message-ID")).isEmpty());
    const auto detail = [&](const QString& name) {
        const auto found = ui.all("QQuickTextEdit", [&](QQuickItem* i) { return accessibleName(i) == name; });
        return found.size() == 1;
    };
    CHECK_FALSE(detail(QStringLiteral("Message-ID: thread-3@example.com")));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show the message's details"));
    CHECK(detail(QStringLiteral("Message-ID: thread-3@example.com")));
    CHECK(detail(QStringLiteral("In reply to: thread-2@example.org")));
    CHECK(detail(QStringLiteral("References: thread-1@example.com\nthread-2@example.org")));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Hide the message's details"));

    // The conversation, oldest first, this one marked.
    ui.waitText("QQuickLabel", QStringLiteral("Conversation (3)"));
    QList<QQuickItem*> rows = threadRows(ui);
    REQUIRE(rows.size() == 3);
    CHECK(accessibleName(rows[0]).startsWith(QStringLiteral("Status report, from Dana Reyes, ")));
    CHECK(accessibleName(rows[1]).startsWith(QStringLiteral("Re: Status report, from Sam Lee, ")));
    CHECK(accessibleName(rows[2]).startsWith(QStringLiteral("Re: Status report, from Dana Reyes, ")));
    CHECK_FALSE(accessibleName(rows[0]).endsWith(QStringLiteral("shown now")));
    CHECK(accessibleName(rows[2]).endsWith(QStringLiteral("shown now")));
    CHECK(rows[2]->property("highlighted").toBool());
    checkInsideWindow(ui);
    look(ui, QStringLiteral("email-%1").arg(sizeName(size)));

    // Opening the first shows it in place, marked; Back returns to the reply.
    ui.click(rows[0]);
    REQUIRE(waitFor([&] { return ui.details()->entryId() == ids.thread[0]; }));
    ui.settle();
    CHECK(header(ui, QStringLiteral("From")) == QStringLiteral("Dana Reyes <dana.reyes@example.com>"));
    CHECK(byObjectName(ui, "QQuickTextEdit", QStringLiteral("emailBody"))->property("text").toString() ==
          QStringLiteral("Please send your status report."));
    rows = threadRows(ui);
    REQUIRE(rows.size() == 3);
    CHECK(accessibleName(rows[0]).endsWith(QStringLiteral("shown now")));
    ui.click(rows[1]);
    REQUIRE(waitFor([&] { return ui.details()->entryId() == ids.thread[1]; }));
    ui.settle();
    CHECK(header(ui, QStringLiteral("From")) == QStringLiteral("Sam Lee <sam.lee@example.org>"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
    REQUIRE(waitFor([&] { return ui.details()->entryId() == ids.thread[0]; }));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
    REQUIRE(waitFor([&] { return ui.details()->entryId() == ids.thread[2]; }));
    if (size.width() < 600) { // the phone's Back then leaves the page
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
        ui.waitPage("TimelinePage");
    }

    // HTML only: its text as plain text, links as their words and addresses.
    page = openEntry(ui, ids.htmlOnly);
    body = byObjectName(ui, "QQuickTextEdit", QStringLiteral("emailBody"));
    REQUIRE(body != nullptr);
    const QString html = body->property("text").toString();
    CHECK(body->property("textFormat").toInt() == 0);
    CHECK(html.startsWith(QStringLiteral("Review ready\n\nHello Sam, your review is ready.")));
    CHECK(html.contains(QStringLiteral("Rating: 3 < 4 & \"needs work\"")));
    CHECK(html.contains(QStringLiteral("Meets details (https://portal.example.com/goals/2)")));
    CHECK_FALSE(html.contains(QStringLiteral("tracker")));
    CHECK(byObjectName(ui, "QQuickLabel", QStringLiteral("madeFromHtml")) != nullptr);
    CHECK(header(ui, QStringLiteral("To")) == QStringLiteral("sam.lee@example.org"));
    CHECK(richTexts(ui).isEmpty());
    CHECK(threadRows(ui).isEmpty()); // a conversation of one is no conversation
    checkInsideWindow(ui);
    look(ui, QStringLiteral("email-%1-html").arg(sizeName(size)));

    // Markup in the sender, the subject and the text: shown as characters, never fetched.
    page = openEntry(ui, ids.hostile);
    const QString port = QString::number(server.port());
    CHECK(onPage(ui,
                 QStringLiteral("<img src=\"http://127.0.0.1:%1/subject.png\"> Your <b>final</b> warning").arg(port)));
    CHECK(header(ui, QStringLiteral("From")).contains(QStringLiteral("<b>Boss</b>")));
    const QString hostileText =
        byObjectName(ui, "QQuickTextEdit", QStringLiteral("emailBody"))->property("text").toString();
    CHECK(hostileText.contains(
        QStringLiteral("<img src=\"http://127.0.0.1:%1/escaped.png\"> is what they wrote.").arg(port)));
    CHECK(hostileText.contains(QStringLiteral("the policy (http://127.0.0.1:%1/link)").arg(port)));
    {
        const QStringList rich = richTexts(ui);
        INFO(rich.join(QLatin1Char('\n')).toStdString());
        CHECK(rich.isEmpty());
    }
    for (QQuickItem* item : page->findChildren<QQuickItem*>())
        // Buttons' own labels are the app's words, not the email's.
        if (inside(item, "EmailView") && !inside(item, "QQuickAbstractButton") &&
            (isA(item, "QQuickText") || isA(item, "QQuickTextEdit"))) {
            INFO(item->property("text").toString().toStdString()
                 << " in " << item->parentItem()->metaObject()->className());
            CHECK(item->property("textFormat").toInt() == 0);
        }

    // A DKIM-signed email says who signed it, and that it is not checked here.
    openEntry(ui, ids.signedMail);
    QQuickItem* dkim = byObjectName(ui, "QQuickLabel", QStringLiteral("dkimNote"));
    REQUIRE(dkim != nullptr);
    CHECK(dkim->property("text").toString() ==
          QStringLiteral("Signed by example.com and esp.example.net (not checked here: the "
                         "original is kept so a lawyer can check it)"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show the message's details"));
    CHECK(detail(QStringLiteral("DKIM signatures (not checked): example.com (selector "
                                "selector2024)\nesp.example.net (selector mail1)")));

    // No Date: the guess is marked, and the import said so.
    openEntry(ui, ids.noDate);
    CHECK(header(ui, QStringLiteral("Date")).endsWith(QStringLiteral("(a guess)")));
    CHECK(header(ui, QStringLiteral("Date")).contains(QStringLiteral("20 Mar 2024, 07:30 (UTC+02:00)")));

    // The files inside: the PNG viewed in the app, any file and the original saved where chosen.
    page = openEntry(ui, ids.attachments);
    ui.waitText("QQuickLabel", QStringLiteral("Files in this email (3)"));
    EmailDetails* email = emailOf(page);
    REQUIRE(email->files()->rowCount() == 3);
    CHECK(ui.withText("QQuickLabel", QStringLiteral("plan.pdf")) != nullptr);
    const auto parsed = parseMail(corpus("attachments.eml"));
    REQUIRE(parsed.ok());
    REQUIRE(parsed->attachments.size() == 3);
    CHECK(ui.withText("QQuickLabel", QStringLiteral("image/png \u00B7 %1")
                                         .arg(pt::gui::FileSize::text(parsed->attachments[1].decodedSize))) != nullptr);
    CHECK(ui.named("QQuickAbstractButton", QStringLiteral("View plan.pdf")) == nullptr); // not a picture
    checkInsideWindow(ui);
    look(ui, QStringLiteral("email-%1-files").arg(sizeName(size)));

    ui.clickNamed("QQuickAbstractButton", QStringLiteral("View grade.png"));
    ui.settle();
    QQuickItem* preview = byObjectName(ui, "pt::gui::IntakePreview", QStringLiteral("emailFilePreview"));
    INFO(email->files()->previewProblem().toStdString()
         << " busy " << email->files()->previewBusy() << " size " << email->files()->previewImage().width() << " "
         << email->files()->previewName().toStdString());
    REQUIRE(waitFor([&] {
        return (preview = byObjectName(ui, "pt::gui::IntakePreview", QStringLiteral("emailFilePreview"))) != nullptr;
    }));
    CHECK(preview->property("imageSize").toSize() == QSize(4, 4));
    CHECK(preview->width() == 16); // a tiny picture at four times its size, not the whole screen
    CHECK(email->files()->previewProblem().isEmpty());
    look(ui, QStringLiteral("email-%1-picture").arg(sizeName(size)));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Close"));
    ui.settle();
    CHECK(email->files()->previewImage().isNull()); // the pixels went with the viewer

    // Save: the dialog suggests Documents under the file's own name; the bytes land where picked.
    const QByteArray eml = corpus("attachments.eml");
    const auto partOf = [&](const QString& name) {
        for (const MailAttachment& a : parsed->attachments)
            if (a.fileName == name)
                return a.partIndex;
        return -1;
    };
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save plan.pdf\u2026"));
    QObject* dialog = page->findChild<QObject*>(QStringLiteral("emailSaveDialog"));
    REQUIRE(dialog != nullptr);
    CHECK(dialog->property("selectedFile").toUrl().toLocalFile().endsWith(QStringLiteral("/plan.pdf")));
    CHECK(dialog->property("title").toString() == QStringLiteral("Save the file as"));
    const QString out = tmp.filePath(QStringLiteral("chosen"));
    REQUIRE(QDir().mkpath(out));
    pickSaveFile(page, QDir(out).filePath(QStringLiteral("plan.pdf")));
    REQUIRE(waitFor([&] { return !email->files()->saving() && !email->files()->saveMessage().isEmpty(); }));
    CHECK_FALSE(email->files()->saveFailed());
    const auto pdf = attachmentBytes(eml, partOf(QStringLiteral("plan.pdf")));
    REQUIRE(pdf.ok());
    CHECK(readFile(QDir(out).filePath(QStringLiteral("plan.pdf"))) == pdf.value());
    ui.waitText("QQuickLabel", email->files()->saveMessage());

    // A name with folders in it suggests only its last part.
    const QUrl passwd = email->files()->suggestedSaveUrl(2);
    const QString folder = QDir(documents).exists() ? documents : QDir::homePath(); // Documents, when there is one
    CHECK(passwd.toLocalFile() == QDir(folder).filePath(QStringLiteral("passwd")));

    // The original, byte for byte, from its own Save.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save the original email\u2026"));
    CHECK(dialog->property("title").toString() == QStringLiteral("Save the original email as"));
    CHECK(dialog->property("selectedFile").toUrl().fileName() == QStringLiteral("PIP documents.eml"));
    pickSaveFile(page, QDir(out).filePath(QStringLiteral("original.eml")));
    CHECK_FALSE(email->saveFailed());
    CHECK(readFile(QDir(out).filePath(QStringLiteral("original.eml"))) == eml);
    // Only what was picked, nothing beside it (QSaveFile's temporary file is gone).
    CHECK(QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList({QStringLiteral("original.eml"), QStringLiteral("plan.pdf")}));
    // A folder that is not there: a sentence, and nothing written.
    pickSaveFile(page, tmp.filePath(QStringLiteral("nowhere/original.eml")));
    CHECK(email->saveFailed());
    CHECK(email->saveMessage().contains(QStringLiteral("Choose a folder you can write to")));
    ui.waitText("QQuickLabel", email->saveMessage());
    checkInsideWindow(ui);

    QTest::qWait(300); // any fetch would have started by now
    INFO(requests.urls().join(QLatin1Char(' ')).toStdString());
    CHECK(requests.urls().isEmpty());
    CHECK(server.connections() == 0);
    PT_CHECK_NO_QML_WARNINGS();
}

void photoTour(QSize size)
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    const Seeded ids = seed(path, 9); // no server: no email here is opened
    Ui ui(path, size);
    ui.unlockWithPassphrase();

    openEntry(ui, ids.photo);
    CHECK(onPage(ui, QStringLiteral("Whiteboard after the 1:1")));
    ui.waitText("QQuickLabel", QStringLiteral("This photo records where it was taken: 40.7483, "
                                              "-73.9833. It goes with the photo into exports."));
    CHECK(ui.withText("QQuickLabel", QStringLiteral("Apple iPhone 13")) != nullptr);
    CHECK(ui.withText("QQuickLabel", QStringLiteral("640 x 480")) != nullptr);
    const auto taken = ui.all("QQuickLabel", [](QQuickItem* i) {
        return i->property("text").toString().contains(QStringLiteral("14 Mar 2026, 09:41 (UTC-04:00)"));
    });
    CHECK(taken.size() == 1);
    CHECK(ui.withText("QQuickLabel", QStringLiteral("Its time on the timeline: from the photo's EXIF")) != nullptr);
    checkInsideWindow(ui);
    look(ui, QStringLiteral("photo-%1").arg(sizeName(size)));

    // A time changed after import is the person's.
    {
        EntryChange change;
        change.occurredAt = QDateTime(QDate(2026, 3, 14), QTime(10, 0), Qt::UTC);
        REQUIRE(ui.controller().vault()->journal().edit(ids.photo, change).ok());
        ui.controller().notifyJournalChanged();
        ui.waitText("QQuickLabel", QStringLiteral("Its time on the timeline: entered by you"));
    }

    // The screenshot: the text read from it, selectable, folded when long.
    QQuickItem* page = openEntry(ui, ids.screenshot);
    CHECK(byObjectName(ui, "QQuickFrame", QStringLiteral("locationNote")) == nullptr); // no GPS, no note
    CHECK(ui.withText("QQuickLabel", QStringLiteral("Its time on the timeline: from the file's time")) != nullptr);
    if (ids.screenshotRead) {
        ui.waitText("QQuickLabel", QStringLiteral("Text read from the picture"));
        QQuickItem* text = byObjectName(ui, "QQuickTextEdit", QStringLiteral("recognizedText"));
        REQUIRE(text != nullptr);
        CHECK(text->property("textFormat").toInt() == 0);
        CHECK(text->property("selectByMouse").toBool());
        CHECK(text->property("text").toString().contains(QStringLiteral("Goal 2: Meets expectations")));
        QQuickItem* box = text->parentItem();
        if (text->property("lineCount").toInt() > 10) {
            CHECK(box->height() < text->height());
            ui.click(ui.waitNamed("QQuickAbstractButton", QStringLiteral("Show all the text read from the picture")));
            CHECK(box->height() == Approx(text->height()));
            ui.clickNamed("QQuickAbstractButton", QStringLiteral("Fold the text read from the picture"));
        } else {
            CHECK(box->height() == Approx(text->height()));
        }
        scrollToTop(page);
        scrollTo(ui, text);
        look(ui, QStringLiteral("photo-%1-screenshot").arg(sizeName(size)));
    } else {
        WARN("Tesseract's English model is not installed: the screenshot's text is not checked");
    }
    checkInsideWindow(ui);
    PT_CHECK_NO_QML_WARNINGS();
}

} // namespace

TEST_CASE("Email view on a phone: headers and plain text and files and the conversation", "[ui][email]")
{
    emailTour(PhoneSize);
}

TEST_CASE("Email view on a desktop: headers and plain text and files and the conversation", "[ui][email]")
{
    emailTour(DesktopSize);
}

TEST_CASE("Email view on a phone: a photo's and a screenshot's details", "[ui][email][photo]")
{
    photoTour(PhoneSize);
}

TEST_CASE("Email view on a desktop: a photo's and a screenshot's details", "[ui][email][photo]")
{
    photoTour(DesktopSize);
}

TEST_CASE("Email view: sender names and the file names a save suggests", "[ui][email]")
{
    using pt::gui::EmailThread;
    CHECK(EmailThread::senderName(QStringLiteral("Dana Reyes <dana@example.com>")) == QStringLiteral("Dana Reyes"));
    CHECK(EmailThread::senderName(QStringLiteral("\"Reyes, Dana\" <dana@example.com>")) ==
          QStringLiteral("Reyes, Dana"));
    CHECK(EmailThread::senderName(QStringLiteral("<dana@example.com>")) == QStringLiteral("dana@example.com"));
    CHECK(EmailThread::senderName(QStringLiteral("dana@example.com")) == QStringLiteral("dana@example.com"));
    CHECK(EmailThread::senderName(QString()).isEmpty());

    namespace chosen = pt::gui::chosenfile;
    CHECK(chosen::safeName(QStringLiteral("../../etc/passwd"), QStringLiteral("x")) == QStringLiteral("passwd"));
    CHECK(chosen::safeName(QStringLiteral("C:\\Users\\dana\\plan.pdf"), QStringLiteral("x")) ==
          QStringLiteral("plan.pdf"));
    CHECK(chosen::safeName(QStringLiteral(".bashrc"), QStringLiteral("x")) == QStringLiteral("bashrc"));
    CHECK(chosen::safeName(QStringLiteral("a\nb?.txt"), QStringLiteral("x")) == QStringLiteral("a_b_.txt"));
    CHECK(chosen::safeName(QStringLiteral("dir/"), QStringLiteral("attachment")) == QStringLiteral("attachment"));
    CHECK(chosen::safeName(QStringLiteral("..."), QStringLiteral("attachment")) == QStringLiteral("attachment"));
}
