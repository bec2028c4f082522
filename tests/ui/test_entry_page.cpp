// The entry page as a newcomer read it: attachment sizes in bytes below 1 KiB, a long title in
// full on a phone, zooming an image about the cursor, kind names as everywhere else ("Shout-out"),
// a restored entry marked restored and not edited, meeting sections by name with their text, and
// the history's field names in the app's (translatable) words.
#include "UiDriver.h"

#include "MeetingRecap.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLocale>
#include <QTest>
#include <QTranslator>
#include <QWheelEvent>

using namespace pt::uitest;

namespace {

QQuickItem* openCard(Ui& ui, const QString& title)
{
    QQuickItem* card = nullptr;
    waitFor([&] {
        const auto cards = ui.all("EntryCard", [&](QQuickItem* c) { return accessibleName(c).startsWith(title); });
        card = cards.size() == 1 ? cards.first() : nullptr;
        return card != nullptr;
    });
    REQUIRE(card != nullptr);
    ui.click(card);
    return ui.waitPage("EntryPage");
}

// The visible items of `type` inside `page`.
QList<QQuickItem*> within(const Ui& ui, QQuickItem* page, const char* type,
                          const std::function<bool(QQuickItem*)>& match = {})
{
    return ui.all(type, [&](QQuickItem* i) { return page->isAncestorOf(i) && (!match || match(i)); });
}

QString text(const QQuickItem* item) { return item->property("text").toString(); }

// A Label under the page whose text is exactly `wanted`, or nullptr.
QQuickItem* label(const Ui& ui, QQuickItem* page, const QString& wanted)
{
    const auto found = within(ui, page, "QQuickText", [&](QQuickItem* t) { return text(t) == wanted; });
    return found.size() == 1 ? found.first() : nullptr;
}

QString decimal(double value) { return QLocale().toString(value, 'f', 1); }

} // namespace

TEST_CASE("Entry page: attachment sizes in bytes below 1 KiB and in KiB or MiB with one decimal", "[ui][entrypage]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        QByteArray one(1, 'x'), small(512, 'y'), kib(1536, 'z'), mib(3 * 512 * 1024, 'w');
        QBuffer a(&one), b(&small), c(&kib), d(&mib);
        for (QBuffer* buffer : {&a, &b, &c, &d})
            ensure(buffer->open(QIODevice::ReadOnly), QStringLiteral("buffer"));
        pt::core::EntryDraft draft;
        draft.title = QStringLiteral("Files from HR");
        draft.attachments = {{&a, QStringLiteral("one.txt"), QStringLiteral("text/plain")},
                             {&b, QStringLiteral("small.txt"), QStringLiteral("text/plain")},
                             {&c, QStringLiteral("letter.pdf"), QStringLiteral("application/pdf")},
                             {&d, QStringLiteral("export.zip"), QStringLiteral("application/zip")}};
        ensure(vault.journal().add(draft).ok(), QStringLiteral("adding the files"));
    });
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        QQuickItem* page = openCard(ui, QStringLiteral("Files from HR"));
        const QString dot = QStringLiteral(" \u00B7 ");
        CHECK(label(ui, page, QStringLiteral("one.txt") + dot + QStringLiteral("1 byte")));
        CHECK(label(ui, page, QStringLiteral("small.txt") + dot + QStringLiteral("512 bytes"))); // was "1 KiB"
        CHECK(label(ui, page, QStringLiteral("letter.pdf") + dot + decimal(1.5) + QStringLiteral(" KiB"))); // was "2 KiB"
        CHECK(label(ui, page, QStringLiteral("export.zip") + dot + decimal(1.5) + QStringLiteral(" MiB"))); // was "1536 KiB"
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Entry page on a phone: a 200-character title wraps in full and the toolbar cuts nothing", "[ui][entrypage]")
{
    QString title;
    for (int i = 1; title.size() < 200; ++i)
        title += QStringLiteral("word%1 ").arg(i);
    title = title.left(199) + QLatin1Char('.');
    REQUIRE(title.size() == 200);
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::EntryDraft draft;
        draft.title = title;
        draft.body = QStringLiteral("Dana read the title out loud.");
        ensure(vault.journal().add(draft).ok(), QStringLiteral("adding the note"));
    });
    {
        Ui ui(path, PhoneSize);
        ui.unlockWithPassphrase();
        QQuickItem* page = openCard(ui, title.left(20));
        QQuickItem* heading = label(ui, page, title);
        REQUIRE(heading != nullptr);
        CHECK(heading->property("wrapMode").toInt() != 0); // Text.NoWrap
        CHECK(heading->property("elide").toInt() == Qt::ElideNone);
        CHECK_FALSE(heading->property("truncated").toBool());
        CHECK(heading->property("maximumLineCount").toInt() > 100); // unlimited
        const int lines = heading->property("lineCount").toInt();
        CHECK(lines >= 3);
        const QFontMetricsF metrics(heading->property("font").value<QFont>());
        CHECK(heading->height() >= lines * metrics.height() * 0.95); // it grew with its lines
        // All of it on screen: inside the window's width and above its bottom.
        const QRectF r = heading->mapRectToScene(QRectF(0, 0, heading->width(), heading->height()));
        CHECK(r.left() >= 0);
        CHECK(r.right() <= PhoneSize.width());
        CHECK(r.bottom() <= PhoneSize.height());
        CHECK(ui.outsideWindow().isEmpty());
        // Nothing shows the title cut: not the toolbar, not anything else on the page.
        const auto cut = within(ui, page, "QQuickText", [&](QQuickItem* t) {
            return text(t).startsWith(title.left(10)) && (t->property("truncated").toBool() || text(t) != title);
        });
        CHECK(cut.isEmpty());
        for (QQuickItem* bar : within(ui, page, "QQuickToolBar"))
            for (QQuickItem* t : within(ui, bar, "QQuickText"))
                CHECK_FALSE(t->property("truncated").toBool());
    }
    PT_CHECK_NO_QML_WARNINGS();
}

namespace {

QQuickItem* openViewer(Ui& ui, const QString& name)
{
    ui.clickNamed("QQuickImage", QStringLiteral("Attached image %1").arg(name));
    QQuickItem* image = ui.waitNamed("QQuickImage", name);
    REQUIRE(waitFor([&] { return image->property("status").toInt() == 1; })); // Image.Ready
    return image;
}

// Where the scene point `p` falls on the picture, as fractions of its width and height.
QPointF pictureAt(const QQuickItem* image, QPointF p)
{
    const QPointF local = image->mapFromScene(p);
    return {local.x() / image->width(), local.y() / image->height()};
}

void wheel(Ui& ui, QPointF at, int notches)
{
    QTest::mouseMove(ui.window(), at.toPoint());
    QWheelEvent event(at, ui.window()->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QGuiApplication::sendEvent(ui.window(), &event);
    ui.settle();
}

// The picture's point under `at` moved by at most a pixel of the zoomed picture.
void checkStill(const QQuickItem* image, QPointF before, QPointF after)
{
    INFO("before " << before.x() << "," << before.y() << " after " << after.x() << "," << after.y());
    CHECK(std::abs(after.x() - before.x()) * image->width() <= 1.0);
    CHECK(std::abs(after.y() - before.y()) * image->height() <= 1.0);
}

} // namespace

TEST_CASE("Image viewer: wheel zoom keeps the point under the cursor and the keys zoom too", "[ui][entrypage]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        QFile png(writePng(tmp.filePath(QStringLiteral("grade.png")), 400, 300));
        ensure(png.open(QIODevice::ReadOnly), QStringLiteral("png"));
        pt::core::EntryDraft draft;
        draft.title = QStringLiteral("Daily grade");
        draft.attachments = {{&png, QStringLiteral("grade.png"), QStringLiteral("image/png")}};
        ensure(vault.journal().add(draft).ok(), QStringLiteral("adding the screenshot"));
    });
    {
        Ui ui(path, DesktopSize);
        ui.unlockWithPassphrase();
        openCard(ui, QStringLiteral("Daily grade"));
        QQuickItem* image = openViewer(ui, QStringLiteral("grade.png"));
        const qreal startWidth = image->width();

        // Off centre, towards the top right: the old zoom grew from the top left corner.
        const QPointF cursor(DesktopSize.width() * 0.7, DesktopSize.height() * 0.35);
        QPointF before = pictureAt(image, cursor);
        wheel(ui, cursor, 1);
        REQUIRE(waitFor([&] { return image->width() > startWidth * 1.1; }));
        checkStill(image, before, pictureAt(image, cursor));

        before = pictureAt(image, cursor);
        wheel(ui, cursor, 3);
        CHECK(image->width() > startWidth * 2); // 1.2 to the 4th
        checkStill(image, before, pictureAt(image, cursor));

        // Elsewhere, and out again.
        const QPointF other(DesktopSize.width() * 0.25, DesktopSize.height() * 0.6);
        before = pictureAt(image, other);
        wheel(ui, other, -1);
        checkStill(image, before, pictureAt(image, other));

        // The keyboard: + zooms about the middle, 0 goes back to the whole picture.
        const QPointF middle(DesktopSize.width() / 2.0, DesktopSize.height() / 2.0);
        before = pictureAt(image, middle);
        const qreal width = image->width();
        ui.key(Qt::Key_Plus);
        REQUIRE(waitFor([&] { return image->width() > width * 1.2; }));
        checkStill(image, before, pictureAt(image, middle));
        ui.key(Qt::Key_0);
        REQUIRE(waitFor([&] { return qAbs(image->width() - startWidth) < 0.5; }));
        CHECK(image->mapToScene(QPointF(0, 0)) == QPointF(0, 0));
        ui.key(Qt::Key_Escape);
        REQUIRE(waitFor([&] { return ui.named("QQuickImage", QStringLiteral("grade.png")) == nullptr; }));

        // Without a mouse: Tab reaches the attached image and Return opens it.
        const QString attached = QStringLiteral("Attached image grade.png");
        for (int i = 0; i < 40 && accessibleName(ui.window()->activeFocusItem()) != attached; ++i)
            ui.key(Qt::Key_Tab);
        REQUIRE(accessibleName(ui.window()->activeFocusItem()) == attached);
        ui.key(Qt::Key_Return);
        CHECK(ui.waitNamed("QQuickImage", QStringLiteral("grade.png")));
        ui.key(Qt::Key_Escape);
        CHECK(waitFor([&] { return ui.named("QQuickImage", QStringLiteral("grade.png")) == nullptr; }));
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Image viewer: a pinch zooms about the fingers", "[ui][entrypage]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        QFile png(writePng(tmp.filePath(QStringLiteral("grade.png")), 300, 400));
        ensure(png.open(QIODevice::ReadOnly), QStringLiteral("png"));
        pt::core::EntryDraft draft;
        draft.title = QStringLiteral("Daily grade");
        draft.attachments = {{&png, QStringLiteral("grade.png"), QStringLiteral("image/png")}};
        ensure(vault.journal().add(draft).ok(), QStringLiteral("adding the screenshot"));
    });
    {
        Ui ui(path, PhoneSize);
        ui.unlockWithPassphrase();
        openCard(ui, QStringLiteral("Daily grade"));
        QQuickItem* image = openViewer(ui, QStringLiteral("grade.png"));
        const qreal startWidth = image->width();
        QPointingDevice* touchscreen = QTest::createTouchDevice();

        // Two fingers spread apart around a point low and to the left.
        const QPoint centre(120, 560);
        const QPointF before = pictureAt(image, centre);
        QTest::touchEvent(ui.window(), touchscreen).press(0, centre - QPoint(20, 0)).press(1, centre + QPoint(20, 0));
        for (int step = 1; step <= 10; ++step) {
            QTest::qWait(20);
            QTest::touchEvent(ui.window(), touchscreen)
                .move(0, centre - QPoint(20 + 8 * step, 0))
                .move(1, centre + QPoint(20 + 8 * step, 0));
        }
        const QPointF during = pictureAt(image, centre);
        QTest::touchEvent(ui.window(), touchscreen).release(0, centre - QPoint(100, 0)).release(1, centre + QPoint(100, 0));
        ui.settle();
        CHECK(image->width() > startWidth * 1.5);
        checkStill(image, before, during);
        checkStill(image, before, pictureAt(image, centre));
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Entry page: a shout-out is called Shout-out on the page in its history and to screen readers", "[ui][entrypage]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::EntryDraft draft;
        draft.title = QStringLiteral("Thanks from Priya");
        draft.body = QStringLiteral("Thanks for unblocking the deploy at 11pm.");
        auto added = vault.journal().add(draft);
        ensure(added.ok(), QStringLiteral("adding the note"));
        pt::core::EntryChange change;
        change.kind = QStringLiteral("shout-out");
        ensure(vault.journal().edit(added->latest.entryId, change).ok(), QStringLiteral("making it a shout-out"));
    });
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        QQuickItem* page = openCard(ui, QStringLiteral("Thanks from Priya"));
        REQUIRE(ui.details()->kind() == QLatin1String("shout-out"));
        QQuickItem* kind = nullptr;
        for (QQuickItem* bar : within(ui, page, "QQuickToolBar"))
            for (QQuickItem* t : within(ui, bar, "QQuickText", [](QQuickItem* t) { return text(t) == QLatin1String("Shout-out"); }))
                kind = t;
        CHECK(kind != nullptr); // the page is headed by its kind
        const auto badges = within(ui, page, "KindBadge");
        REQUIRE(badges.size() == 1);
        CHECK(accessibleName(badges.first()) == QLatin1String("Shout-out"));
        // The history says what it became, in the same words.
        CHECK(label(ui, page, QStringLiteral("Kind: Note -> Shout-out")));
        // Nothing on the page, seen or announced, uses the raw id.
        const auto raw = within(ui, page, "QQuickItem", [](QQuickItem* i) {
            return accessibleName(i).contains(QLatin1String("shout-out")) || i->property("text").toString().contains(QLatin1String("shout-out"));
        });
        for (QQuickItem* i : raw)
            UNSCOPED_INFO(i->metaObject()->className() << " \"" << accessibleName(i) << "\" \"" << text(i) << "\"");
        CHECK(raw.isEmpty());
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Entry page: a restored entry says restored and only a real change says edited", "[ui][entrypage]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    QString id;
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::Journal& journal = vault.journal();
        pt::core::EntryDraft draft;
        draft.title = QStringLiteral("Deadline moved");
        draft.body = QStringLiteral("The demo moved from Friday to Wednesday.");
        auto added = journal.add(draft);
        ensure(added.ok(), QStringLiteral("adding the note"));
        id = added->latest.entryId;
        ensure(journal.tombstone(id).ok(), QStringLiteral("deleting it"));
        ensure(journal.restore(id).ok(), QStringLiteral("restoring it"));
    });
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        QQuickItem* page = openCard(ui, QStringLiteral("Deadline moved"));
        pt::gui::EntryDetails* details = ui.details();
        REQUIRE(details->revisionCount() == 2);
        CHECK(details->restored());
        CHECK_FALSE(details->edited());
        const auto times = [&] {
            const auto found = within(ui, page, "QQuickText", [](QQuickItem* t) { return text(t).startsWith(QLatin1String("Written ")); });
            return found.size() == 1 ? text(found.first()) : QString();
        };
        INFO(times().toStdString());
        CHECK(times().contains(QLatin1String("restored ")));
        CHECK_FALSE(times().contains(QLatin1String("edited")));
        // The journal says the same to the timeline.
        const pt::core::Entry entry = ui.controller().vault()->journal().entries().first();
        CHECK(entry.restored());
        CHECK_FALSE(entry.edited());

        // A real change is an edit, shown beside the restore.
        pt::core::EntryChange change;
        change.body = QStringLiteral("The demo moved from Friday to Wednesday. Nobody told me.");
        REQUIRE(ui.controller().vault()->journal().edit(id, change).ok());
        ui.controller().notifyJournalChanged();
        REQUIRE(waitFor([&] { return details->edited(); }));
        CHECK(waitFor([&] { return times().contains(QLatin1String("last edited ")) && times().contains(QLatin1String("restored ")); }));
    }
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Entry page: meeting sections by name with their text under them and empty ones left out", "[ui][entrypage]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::EntryDraft meeting;
        meeting.kind = QStringLiteral("meeting");
        meeting.title = QStringLiteral("Weekly PIP check-in");
        meeting.body = QStringLiteral("Dana: the report was late.");
        meeting.fields = {{QLatin1String(pt::core::meeting::Attendees), QJsonArray{QStringLiteral("Dana Lee"), QStringLiteral("Sam Ortiz")}},
                          {QLatin1String(pt::core::meeting::Agreements), QStringLiteral("Reports go out on Fridays\nDana reviews them on Mondays")},
                          {QLatin1String(pt::core::meeting::Disagreements), QStringLiteral("  \n ")},
                          {QLatin1String(pt::core::meeting::ActionItems), QStringLiteral("Me: send the draft by Thursday")}};
        ensure(vault.journal().add(meeting).ok(), QStringLiteral("adding the meeting"));
    });
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        QQuickItem* page = openCard(ui, QStringLiteral("Weekly PIP check-in"));
        const QList<std::pair<QString, QString>> sections{
            {QStringLiteral("Present"), QStringLiteral("Dana Lee, Sam Ortiz")},
            {QStringLiteral("Agreed"), QStringLiteral("Reports go out on Fridays\nDana reviews them on Mondays")},
            {QStringLiteral("Next steps"), QStringLiteral("Me: send the draft by Thursday")},
        };
        qreal lastBottom = -1;
        for (const auto& [name, value] : sections) {
            INFO(name.toStdString());
            QQuickItem* heading = label(ui, page, name);
            QQuickItem* body = label(ui, page, value);
            REQUIRE(heading != nullptr);
            REQUIRE(body != nullptr);
            const QRectF h = heading->mapRectToScene(QRectF(0, 0, heading->width(), heading->height()));
            const QRectF b = body->mapRectToScene(QRectF(0, 0, body->width(), body->height()));
            CHECK(h.bottom() <= b.top() + 0.5);       // the text under its name
            CHECK(qAbs(h.left() - b.left()) < 0.5);   // in one column
            CHECK(h.top() >= lastBottom);             // in the editor's order, apart
            CHECK(b.height() <= body->implicitHeight() + 0.5); // as tall as its lines, no taller
            lastBottom = b.bottom();
            CHECK(accessibleName(body) == name + QStringLiteral(": ") + value);
        }
        CHECK(label(ui, page, QStringLiteral("Not agreed")) == nullptr); // only spaces: left out
    }
    PT_CHECK_NO_QML_WARNINGS();
}

namespace {

// A translation of a few of the history's words, as a .qm file would give them.
class TestTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* /*disambiguation*/, int /*n*/) const override
    {
        const QString key = QLatin1String(context) + QLatin1Char('|') + QLatin1String(source);
        static const QHash<QString, QString> words{
            {QStringLiteral("pt::gui::FieldNames|Title"), QStringLiteral("Titel")},
            {QStringLiteral("pt::gui::FieldNames|Present"), QStringLiteral("Anwesend")},
            {QStringLiteral("pt::gui::FieldNames|Tags"), QStringLiteral("Schlagworte")},
            {QStringLiteral("pt::gui::EntryDetails|added %1"), QStringLiteral("%1 hinzugef\u00FCgt")},
        };
        return words.value(key);
    }
    [[nodiscard]] bool isEmpty() const override { return false; }
};

} // namespace

TEST_CASE("History: field names come from the app and a translation covers them", "[ui][entrypage][history]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::EntryDraft meeting;
        meeting.kind = QStringLiteral("meeting");
        meeting.title = QStringLiteral("1:1 with Dana");
        meeting.fields = {{QLatin1String(pt::core::meeting::Attendees), QJsonArray{QStringLiteral("Dana")}}};
        auto added = vault.journal().add(meeting);
        ensure(added.ok(), QStringLiteral("adding the meeting"));
        pt::core::EntryChange change;
        change.title = QStringLiteral("1:1 with Dana and HR");
        change.tags = QStringList{QStringLiteral("hr")};
        change.fields = QJsonObject{{QLatin1String(pt::core::meeting::Attendees), QJsonArray{QStringLiteral("Dana"), QStringLiteral("Sam")}}};
        ensure(vault.journal().edit(added->latest.entryId, change).ok(), QStringLiteral("editing the meeting"));
    });
    TestTranslator translator;
    REQUIRE(QCoreApplication::installTranslator(&translator));
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        QQuickItem* page = openCard(ui, QStringLiteral("1:1 with Dana and HR"));
        CHECK(label(ui, page, QStringLiteral("Titel: 1:1 with Dana -> 1:1 with Dana and HR")));
        CHECK(label(ui, page, QStringLiteral("Schlagworte: hr hinzugef\u00FCgt")));
        CHECK(label(ui, page, QStringLiteral("Anwesend: Sam hinzugef\u00FCgt")));
        CHECK(label(ui, page, QStringLiteral("Anwesend")) != nullptr); // the section on the page, too
        CHECK(within(ui, page, "QQuickText", [](QQuickItem* t) { return text(t).startsWith(QLatin1String("Title:")); }).isEmpty());
    }
    QCoreApplication::removeTranslator(&translator);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("History: a line added to a meeting section starts its own line of words", "[ui][entrypage][history]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::EntryDraft meeting;
        meeting.kind = QStringLiteral("meeting");
        meeting.title = QStringLiteral("Weekly PIP check-in");
        meeting.fields = {{QLatin1String(pt::core::meeting::Agreements), QStringLiteral("Reports go out on Fridays")}};
        auto added = vault.journal().add(meeting);
        ensure(added.ok(), QStringLiteral("adding the meeting"));
        pt::core::EntryChange change;
        change.fields = QJsonObject{{QLatin1String(pt::core::meeting::Agreements),
                                     QStringLiteral("Reports go out on Fridays\nDana reviews them")}};
        ensure(vault.journal().edit(added->latest.entryId, change).ok(), QStringLiteral("adding a point"));
    });
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        QQuickItem* page = openCard(ui, QStringLiteral("Weekly PIP check-in"));
        const auto word = [&](const QString& w) {
            const auto found = within(ui, page, "QQuickText", [&](QQuickItem* t) { return !isA(t, "QQuickLabel") && text(t) == w; });
            return found.size() == 1 ? found.first() : nullptr;
        };
        QQuickItem* fridays = word(QStringLiteral("Fridays"));
        QQuickItem* dana = word(QStringLiteral("Dana"));
        REQUIRE(fridays != nullptr);
        REQUIRE(dana != nullptr);
        CHECK(dana->property("font").value<QFont>().underline()); // added
        const QPointF f = fridays->mapToScene(QPointF(0, 0));
        const QPointF d = dana->mapToScene(QPointF(0, 0));
        CHECK(d.y() >= f.y() + fridays->height()); // on the next line
        CHECK(d.x() == word(QStringLiteral("Reports"))->mapToScene(QPointF(0, 0)).x()); // at its start
    }
    PT_CHECK_NO_QML_WARNINGS();
}
