// Text from entries (and from the keychain, and error messages quoting it) is shown as text,
// never as markup. Qt's default text format (AutoText) renders a first line like
// `<img src="http://...">` as rich text and fetches the image: a tracking pixel in an imported
// email would report every time the timeline is opened. Here every field of several entries holds
// an image, a link and style tags pointing at a loopback server; the timeline, the filters, each
// entry with its history, the editor, a search and error messages are shown at both sizes, and
// neither the engine's network access manager nor the server may see a single request.
#include <catch2/catch.hpp>

#include "NetworkWatch.h"
#include "TimelineModel.h"
#include "UiDriver.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pt::uitest;
using pt::gui::TimelineModel;

namespace {

// A keychain that says no, with markup in its message (the message comes from the OS service).
class RefusingKeychain final : public pt::platform::SecretStore {
public:
    explicit RefusingKeychain(QString message) : m_message(std::move(message)) {}
    void write(const QString&, pt::crypto::ByteView, Callback done) override { refuse(std::move(done)); }
    void read(const QString&, Callback done) override { refuse(std::move(done)); }
    void remove(const QString&, Callback done) override { refuse(std::move(done)); }

private:
    void refuse(Callback done)
    {
        QMetaObject::invokeMethod(&m_context, [done = std::move(done), message = m_message] {
            pt::platform::SecretResult result;
            result.status = pt::platform::SecretResult::Status::Denied;
            result.message = message;
            done(std::move(result));
        }, Qt::QueuedConnection);
    }
    QString m_message;
    QObject m_context;
};

struct Hostile {
    quint16 port;
    // An image, a link and styled text, the image first so AutoText would take it as rich text.
    [[nodiscard]] QString text(const QString& what) const
    {
        return QStringLiteral("<img src=\"http://127.0.0.1:%1/pixel.png\"> %2 <a href=\"http://127.0.0.1:%1/link\">here</a> "
                              "<b style=\"background-image: url(http://127.0.0.1:%1/bg.png)\"><font size=7>loud</font></b>")
            .arg(port)
            .arg(what);
    }
};

void seedHostileVault(const QString& path, const Hostile& hostile)
{
    makeVault(path, [&](pt::core::Vault& vault) {
        pt::core::Journal& journal = vault.journal();

        pt::core::EntryDraft note;
        note.title = hostile.text(QStringLiteral("title"));
        note.body = hostile.text(QStringLiteral("body with the searchword")) + QStringLiteral("\nsecond line");
        note.tags = {hostile.text(QStringLiteral("tag"))};
        QBuffer file;
        file.setData("plain bytes");
        file.open(QIODevice::ReadOnly);
        note.attachments = {{&file, hostile.text(QStringLiteral("file.txt")), QStringLiteral("text/plain")}};
        auto added = journal.add(note);
        ensure(added.ok(), QStringLiteral("adding the note"));
        pt::core::EntryChange change; // a second revision: the history shows what the title and body were
        change.title = hostile.text(QStringLiteral("new title"));
        change.body = hostile.text(QStringLiteral("new body with the searchword"));
        ensure(journal.edit(added->latest.entryId, change).ok(), QStringLiteral("editing the note"));

        pt::core::EntryDraft quick; // no title: the body's first line heads it
        quick.body = hostile.text(QStringLiteral("quick searchword")) + QStringLiteral("\n") + hostile.text(QStringLiteral("rest"));
        ensure(journal.add(quick).ok(), QStringLiteral("adding the quick note"));

        pt::core::EntryDraft meeting;
        meeting.kind = QStringLiteral("meeting");
        meeting.title = hostile.text(QStringLiteral("meeting"));
        meeting.body = hostile.text(QStringLiteral("minutes"));
        meeting.fields = QJsonObject{{QStringLiteral("attendees"), QJsonArray{hostile.text(QStringLiteral("Dana"))}},
                                     {QStringLiteral("agreements"), hostile.text(QStringLiteral("agreed"))},
                                     {QStringLiteral("disagreements"), hostile.text(QStringLiteral("not agreed"))},
                                     {QStringLiteral("action_items"), hostile.text(QStringLiteral("next"))}};
        ensure(journal.add(meeting).ok(), QStringLiteral("adding the meeting"));

        pt::core::EntryDraft odd; // a kind only the CLI or an import would write
        odd.kind = hostile.text(QStringLiteral("kind"));
        odd.title = QStringLiteral("An entry of an odd kind");
        ensure(journal.add(odd).ok(), QStringLiteral("adding the odd kind"));
    });
}

// Every visible text showing markup shows it as text: plain text (or, for search snippets,
// our own styled text with nothing of the entry's markup left in it).
void checkAllTextPlain(const Ui& ui, const char* where)
{
    QStringList rich;
    for (QQuickItem* item : ui.all("QQuickItem", [](QQuickItem* i) {
             return (isA(i, "QQuickText") || isA(i, "QQuickTextEdit")) && i->property("text").toString().contains(QLatin1Char('<'));
         })) {
        const QString text = item->property("text").toString();
        const int format = item->property("textFormat").toInt(); // Text.PlainText and TextEdit.PlainText are 0
        if (format != 0)
            rich << QStringLiteral("%1 (format %2): %3").arg(QString::fromLatin1(item->metaObject()->className())).arg(format).arg(text);
    }
    INFO(where << ": " << rich.join(QLatin1Char('\n')).toStdString());
    CHECK(rich.isEmpty());
}

void checkNoRequests(const RequestLog& log, const PixelServer& server, const char* where)
{
    QTest::qWait(300); // any fetch would have started by now
    INFO(where << ": " << log.urls().join(QLatin1Char(' ')).toStdString());
    CHECK(log.urls().isEmpty());
    CHECK(server.connections() == 0);
}

// A visible Label whose text starts with the literal markup: plain text proven on screen.
void checkLiteralMarkupShown(const Ui& ui)
{
    const auto literal = ui.all("QQuickLabel", [](QQuickItem* i) {
        return i->property("text").toString().startsWith(QLatin1String("<img src=")) && i->property("textFormat").toInt() == 0;
    });
    CHECK_FALSE(literal.isEmpty());
}

void scrollToEnd(Ui& ui, QQuickItem* page)
{
    for (QQuickItem* flick : page->findChildren<QQuickItem*>()) {
        if (flick->inherits("QQuickFlickable") && flick->isVisible()) {
            flick->setProperty("contentY", std::max(0.0, flick->property("contentHeight").toReal() - flick->height()));
            ui.settle();
        }
    }
}

void openComboAndClose(Ui& ui, const QString& name)
{
    ui.clickNamed("QQuickComboBox", name);
    QTest::qWait(200);
    checkAllTextPlain(ui, qPrintable(name));
    ui.key(Qt::Key_Escape);
    ui.settle();
}

void tour(QSize size)
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    PixelServer server;
    RequestLog requests;
    RecordingFactory factory(requests); // outlives the engine
    const Hostile hostile{server.port()};
    const QString path = tmp.filePath(QStringLiteral("vault"));
    seedHostileVault(path, hostile);

    Ui ui(path, size, {}, [&](pt::gui::VaultController& controller, QQmlEngine& engine) {
        engine.setNetworkAccessManagerFactory(&factory);
        controller.setSecretStore(std::make_unique<RefusingKeychain>(hostile.text(QStringLiteral("keychain says no"))));
    });
    ui.unlockWithPassphrase();
    REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 4; }));
    checkAllTextPlain(ui, "timeline");
    checkLiteralMarkupShown(ui);
    openComboAndClose(ui, QStringLiteral("Show only this kind"));
    // The tag chooser lists the tag, and once chosen the filter button names it: plain text both.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show only entries with these tags"));
    ui.waitText("QQuickLabel", QStringLiteral("Show entries with these tags"));
    checkAllTextPlain(ui, "tag chooser");
    const auto tagChoices = ui.all("QQuickCheckDelegate");
    REQUIRE(tagChoices.size() == 1);
    ui.click(tagChoices.first());
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Apply these tags"));
    REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 1; }));
    checkAllTextPlain(ui, "tag filter");
    ui.controller().timeline()->setTagFilter({});
    REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 4; }));

    // Each entry, its history scrolled into view.
    const bool wide = size.width() >= 840;
    QStringList ids;
    for (QQuickItem* card : ui.all("EntryCard"))
        ids << card->property("entryId").toString();
    for (const QString& id : ids) {
        const auto cards = ui.all("EntryCard", [&](QQuickItem* c) { return c->property("entryId").toString() == id; });
        REQUIRE(cards.size() == 1);
        ui.click(cards.first());
        QQuickItem* page = ui.waitPage("EntryPage");
        REQUIRE(waitFor([&] { return ui.details() && ui.details()->entryId() == id; }));
        scrollToEnd(ui, page);
        checkAllTextPlain(ui, "entry page");
        if (ui.details()->property("headline").toString().startsWith(QLatin1String("<img")))
            checkLiteralMarkupShown(ui);
        if (!wide) {
            ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
            ui.waitPage("TimelinePage");
        }
    }

    // The editor, with an error quoting a file name full of markup.
    const auto edited = ui.all("EntryCard", [](QQuickItem* c) { return c->property("edited").toBool(); });
    REQUIRE(edited.size() == 1);
    ui.click(edited.first());
    ui.waitPage("EntryPage");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Edit this entry"));
    ui.waitPage("EditorPage");
    REQUIRE(ui.editor() != nullptr);
    ui.editor()->addFiles({QUrl::fromLocalFile(tmp.filePath(hostile.text(QStringLiteral("missing.png"))))});
    REQUIRE(waitFor([&] { return ui.editor()->errorMessage().contains(QLatin1String("<img src=")); }));
    ui.settle();
    checkAllTextPlain(ui, "editor");
    ui.editor()->discard();
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Close; the draft is kept"));
    ui.settle();
    if (!wide) {
        ui.waitPage("EntryPage");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
    }
    checkNoRequests(requests, server, "timeline, entries and editor");

    // A search that hits every note: the snippets are escaped, and only our own <b> is markup.
    ui.clickNamed("QQuickTabButton", QStringLiteral("Search"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Search")), QStringLiteral("searchword"));
    REQUIRE(waitFor([&] { return ui.all("EntryCard").size() == 2; }));
    for (QQuickItem* card : ui.all("EntryCard")) {
        const QString snippet = card->property("snippet").toString();
        INFO(snippet.toStdString());
        CHECK(snippet.contains(QLatin1String("&lt;")));
        CHECK(snippet.contains(QLatin1String("<b>searchword</b>")));
        QString withoutHighlights = snippet;
        withoutHighlights.remove(QLatin1String("<b>")).remove(QLatin1String("</b>"));
        CHECK_FALSE(withoutHighlights.contains(QLatin1Char('<')));
    }
    QTest::qWait(200);
    checkNoRequests(requests, server, "search");

    // An error message carrying the keychain's markup, in Settings.
    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.waitPage("SettingsPage");
    ui.clickNamed("QQuickSwitch", QStringLiteral("Remember on this device"));
    REQUIRE(waitFor([&] { return ui.controller().errorMessage().contains(QLatin1String("keychain says no")); }));
    ui.waitText("QQuickLabel", ui.controller().errorMessage());
    checkAllTextPlain(ui, "settings");
    checkLiteralMarkupShown(ui);
    checkNoRequests(requests, server, "settings");
    PT_CHECK_NO_QML_WARNINGS();
}

} // namespace

TEST_CASE("Hostile text: markup in entries is never rendered or fetched on a phone", "[ui][hostile]")
{
    tour(PhoneSize);
}

TEST_CASE("Hostile text: markup in entries is never rendered or fetched on a desktop", "[ui][hostile]")
{
    tour(DesktopSize);
}

TEST_CASE("Hostile text: the unlock page shows a keychain error with markup as text", "[ui][hostile]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    PixelServer server;
    RequestLog requests;
    RecordingFactory factory(requests);
    const Hostile hostile{server.port()};
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) { REQUIRE(vault.rememberOnThisDevice().ok()); });

    // At start the remembered vault asks the keychain, which refuses with markup in its message.
    Ui ui(path, PhoneSize, {}, [&](pt::gui::VaultController& controller, QQmlEngine& engine) {
        engine.setNetworkAccessManagerFactory(&factory);
        controller.setSecretStore(std::make_unique<RefusingKeychain>(hostile.text(QStringLiteral("keychain locked"))));
    });
    ui.waitPage("UnlockPage");
    REQUIRE(waitFor([&] { return ui.controller().errorMessage().contains(QLatin1String("keychain locked")); }));
    ui.waitText("QQuickLabel", ui.controller().errorMessage());
    checkAllTextPlain(ui, "unlock page");
    checkLiteralMarkupShown(ui);
    checkNoRequests(requests, server, "unlock page");
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Hostile text: search highlights escape the entry's text and balance their own tags", "[ui][hostile]")
{
    const QString on(pt::core::SearchHit::MatchStart), off(pt::core::SearchHit::MatchEnd);
    CHECK(TimelineModel::highlight(QStringLiteral("<img src=\"x\"> & ") + on + QStringLiteral("word") + off + QStringLiteral(" ")) ==
          QStringLiteral("&lt;img src=&quot;x&quot;&gt; &amp; <b>word</b> "));
    // The index marks matches with private-use characters: a note's own brackets stay text, and
    // the markup stays balanced whatever the snippet holds.
    CHECK(TimelineModel::highlight(QStringLiteral("a ] b [c ") + on + QStringLiteral("d") + off + QStringLiteral(" e")) ==
          QStringLiteral("a ] b [c <b>d</b> e"));
    CHECK(TimelineModel::highlight(off + QStringLiteral("x ") + on + on + QStringLiteral("open")) == QStringLiteral("x <b>open</b>"));
    CHECK(TimelineModel::highlight(QStringLiteral("two\nlines")) == QStringLiteral("two lines"));
}
