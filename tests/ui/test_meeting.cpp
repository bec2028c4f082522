// Meeting notes: the kind chosen in the editor, the meeting fields typed in, the follow-up email
// (its text, the clipboard and the mailto: URL the button opens), then the saved entry.
#include <catch2/catch.hpp>

#include "MeetingRecap.h"
#include "UiDriver.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace pt::uitest;

namespace {

// Stands in for the mail app: QDesktopServices hands it the mailto: URLs the app opens.
class MailApp : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl& url) { opened << url; }
};

} // namespace

TEST_CASE("Meeting notes: fields, recap email and the saved meeting", "[ui][meeting]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    MailApp mail;
    QDesktopServices::setUrlHandler(QStringLiteral("mailto"), &mail, "open");
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        ui.waitPage("EditorPage");
        pt::gui::EntryEditor* editor = ui.editor();
        REQUIRE(editor != nullptr);
        CHECK(ui.named("QQuickTextField", QStringLiteral("Attendees")) == nullptr); // a note has none

        // Choose the kind from the combo box's list.
        ui.clickNamed("QQuickComboBox", QStringLiteral("Kind of entry"));
        ui.clickText("QQuickAbstractButton", QStringLiteral("Meeting notes")); // the popup's entry, by its name
        REQUIRE(editor->kind() == QLatin1String("meeting"));
        ui.waitText("QQuickLabel", QStringLiteral("New: Meeting notes")); // the page title follows

        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Title")), QStringLiteral("Weekly PIP check-in"));
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Attendees")),
                    QStringLiteral("Dana Lee, Sam Ortiz"));
        ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Notes")),
                    QStringLiteral("Dana: the report was late twice.\nMe: both delays were agreed in advance."));
        ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Points of agreement")),
                    QStringLiteral("Reports go out on Fridays\nDana reviews them on Mondays"));
        ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Points of disagreement")),
                    QStringLiteral("That the March report was late"));
        ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Action items")),
                    QStringLiteral("Me: send the draft by Thursday\nDana: confirm the new template"));
        CHECK(editor->title() == QLatin1String("Weekly PIP check-in"));
        CHECK(editor->attendees() == QLatin1String("Dana Lee, Sam Ortiz"));
        CHECK(editor->agreements() == QLatin1String("Reports go out on Fridays\nDana reviews them on Mondays"));
        // Filled in, each section still shows its name.
        for (const char* name : {"Who was there", "What was said", "Points of agreement", "Points of disagreement", "Action items"})
            CHECK(ui.waitText("QQuickLabel", QString::fromLatin1(name)));

        const QString recap = editor->recapText();
        INFO(recap);
        const QString day = QLocale::c().toString(editor->occurredAt().date(), QStringLiteral("d MMM yyyy"));
        const QString subject = QStringLiteral("Recap: Weekly PIP check-in (%1)").arg(day);
        CHECK(recap.startsWith(subject + QStringLiteral("\n\n")));
        CHECK(recap.contains(QLatin1String("(present: Dana Lee, Sam Ortiz)")));
        CHECK(recap.contains(
            QLatin1String("What we agreed:\n- Reports go out on Fridays\n- Dana reviews them on Mondays\n")));
        CHECK(recap.contains(QLatin1String("Where we did not agree:\n- That the March report was late\n")));
        CHECK(recap.contains(
            QLatin1String("Next steps:\n- Me: send the draft by Thursday\n- Dana: confirm the new template\n")));
        CHECK_FALSE(recap.contains(QLatin1String("the report was late twice"))); // the raw notes stay private

        // The button puts the recap on the clipboard and opens the mail app with it.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Compose the follow-up email for this meeting"));
        REQUIRE(mail.opened.size() == 1);
        const QUrl url = mail.opened.first();
        INFO(url.toString(QUrl::FullyEncoded).toStdString());
        CHECK(url.scheme() == QLatin1String("mailto"));
        const QUrlQuery query(url);
        CHECK(query.queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded) == subject);
        const QString mailBody = query.queryItemValue(QStringLiteral("body"), QUrl::FullyDecoded);
        CHECK(mailBody.contains(QLatin1String("What we agreed:\r\n- Reports go out on Fridays\r\n")));
        CHECK(url == editor->composeRecap());
        CHECK(QGuiApplication::clipboard()->text() == recap);
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Opened in your mail app, and copied to the clipboard. Send it "
                                                         "from your personal email and keep the reply.")));

        // Saved: the fields are in the vault and on the entry page.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
        ui.waitPage("EntryPage");
        const QList<pt::core::Entry> entries = ui.controller().vault()->journal().entries();
        REQUIRE(entries.size() == 1);
        const pt::core::EntryRevision& saved = entries.first().latest;
        CHECK(saved.kind == QLatin1String("meeting"));
        CHECK(saved.title == QLatin1String("Weekly PIP check-in"));
        CHECK(saved.fields.value(QLatin1String(pt::core::meeting::Attendees)).toArray() ==
              QJsonArray{QStringLiteral("Dana Lee"), QStringLiteral("Sam Ortiz")});
        CHECK(saved.fields.value(QLatin1String(pt::core::meeting::Disagreements)).toString() ==
              QLatin1String("That the March report was late"));
        CHECK(saved.fields.value(QLatin1String(pt::core::meeting::ActionItems)).toString() ==
              QLatin1String("Me: send the draft by Thursday\nDana: confirm the new template"));
        CHECK(pt::core::composeRecap(saved).subject == subject);
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Agreed")));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Dana Lee, Sam Ortiz")));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Reports go out on Fridays\nDana reviews them on Mondays")));
    }
    QDesktopServices::unsetUrlHandler(QStringLiteral("mailto"));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Meeting recap with no mail app says it is only on the clipboard", "[ui][meeting]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    Ui ui(path); // offscreen, nothing takes mailto: links
    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    ui.waitPage("EditorPage");
    ui.editor()->setKind(QStringLiteral("meeting"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Title")), QStringLiteral("1:1"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Compose the follow-up email for this meeting"));
    CHECK(ui.waitText("QQuickLabel", QStringLiteral("Copied to the clipboard: no mail app is set up. Paste it into an "
                                                     "email from your personal account, send it and keep the reply.")));
    CHECK(QGuiApplication::clipboard()->text() == ui.editor()->recapText());
    PT_CHECK_NO_QML_WARNINGS();
}

#include "test_meeting.moc"
