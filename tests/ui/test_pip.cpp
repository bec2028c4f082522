// The PIP tab as a person uses it, with clicks and typing on the real app: setting up a plan of
// three goals, today's check-in with grades and the job-tomorrow answer, a refused check-in the
// day before, the grid showing both, a shout-out forwarded, a rebuttal point and its draft copied,
// an extension by a sick day, an incident with witnesses who then appear under People, and the
// PIP delivery meeting with the seeds' questions; then all of it there again after lock and unlock.
#include <catch2/catch.hpp>

#include "UiDriver.h"
#include "pip/PipController.h"
#include "pip/PipRecorder.h"
#include "pip/PipWorkspace.h"
#include "pip/WorkingDays.h"
#include "vault/EntryLinks.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace pt::uitest;
using namespace pt::core::pip;

namespace {

// Stands in for the mail app: QDesktopServices hands it the mailto: URLs the app opens.
class MailApp : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl& url) { opened << url; }
};

PipWorkspace workspaceOf(Ui& ui)
{
    return PipWorkspace::read(ui.controller().vault()->journal().entries());
}

// Picks a day on the DayPicker a DayField opened: `keys` move the cursor, Return chooses.
void pickDay(Ui& ui, const QString& fieldName, const QList<Qt::Key>& keys)
{
    ui.clickNamed("QQuickAbstractButton", fieldName);
    ui.settle();
    for (Qt::Key k : keys)
        ui.key(k);
    ui.key(Qt::Key_Return);
    ui.settle();
}

} // namespace

TEST_CASE("PIP tab: set up, check in, refuse, shout out, respond, extend, incident, meeting", "[ui][pip]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    MailApp mail;
    QDesktopServices::setUrlHandler(QStringLiteral("mailto"), &mail, "open");
    struct Unset {
        ~Unset() { QDesktopServices::unsetUrlHandler(QStringLiteral("mailto")); }
    } unset;
    Ui ui(path);
    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickTabButton", QStringLiteral("PIP"));

    // Set up: the plan starts today and ends a month later (Page Down on the calendar).
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Set up the plan"));
    ui.waitPage("PlanSetupPage");
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Name of the plan")), QStringLiteral("PIP from Dana"));
    pickDay(ui, QStringLiteral("First day of the plan"), {});
    pickDay(ui, QStringLiteral("Last day of the plan"), {Qt::Key_PageDown});
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Manager")), QStringLiteral("Dana Smith <dana@example.com>"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Your name")), QStringLiteral("Alex Doe"));
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Problem areas, one a line")),
                QStringLiteral("Ticket response times\nReporting"));
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Goals, one a line")),
                QStringLiteral("Respond to every P1 ticket within 4 hours\nDeliver the monthly report\nDocument the permissions model"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Start the plan"));
    ui.settle();
    REQUIRE(workspaceOf(ui).hasPlan());
    const Plan plan = workspaceOf(ui).plan();
    CHECK(plan.goals.size() == 3);
    CHECK(plan.start == QDate::currentDate());
    CHECK(plan.end == QDate::currentDate().addMonths(1));
    CHECK(plan.areas == QStringList{QStringLiteral("Ticket response times"), QStringLiteral("Reporting")});
    CHECK(plan.reminders.checkIn == QTime(16, 30)); // on by default
    ui.waitText("QQuickLabel", QStringLiteral("PIP from Dana"));

    // Today's check-in: two grades on the scale, a comment, the job question.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Today's check-in"));
    ui.waitPage("CheckInPage");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Goal 1: Met"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Goal 2: Partly met"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Goal 2: the manager's comment")), QStringLiteral("Late by a day"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Goal 3: grade in the manager's words")), QStringLiteral("Getting there"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Job tomorrow: Would not say"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("The manager's answer, word for word")), QStringLiteral("Too early to say."));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save check-in"));
    ui.settle();
    {
        const PipWorkspace w = workspaceOf(ui);
        const CheckIn* today = w.checkInOn(QDate::currentDate());
        REQUIRE(today);
        CHECK(today->gradeFor(plan.goals.at(0).id)->grade == QStringLiteral("Met"));
        CHECK(today->gradeFor(plan.goals.at(1).id)->comment == QStringLiteral("Late by a day"));
        CHECK(today->gradeFor(plan.goals.at(2).id)->grade == QStringLiteral("Getting there"));
        CHECK(today->jobTomorrow == QStringLiteral("unsure"));
        CHECK(today->jobTomorrowWords == QStringLiteral("Too early to say."));
    }
    const QString todayLabel = QLocale().toString(QDate::currentDate(), QStringLiteral("ddd d MMM"));
    CHECK(ui.waitNamed("QQuickRectangle", QStringLiteral("Goal 1, %1: Met").arg(todayLabel)));
    ui.waitNamed("QQuickAbstractButton", QStringLiteral("Today's check-in")); // now marked done

    // Yesterday the manager refused to meet.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Today's check-in"));
    ui.waitPage("CheckInPage");
    pickDay(ui, QStringLiteral("Day of the check-in"), {Qt::Key_Left});
    ui.clickNamed("QQuickSwitch", QStringLiteral("The check-in happened"));
    ui.clickNamed("QQuickComboBox", QStringLiteral("Why it did not happen"));
    ui.clickText("QQuickAbstractButton", QStringLiteral("The manager refused to meet"));
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Notes")), QStringLiteral("Dana said she had no time."));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save check-in"));
    ui.settle();
    {
        const PipWorkspace w = workspaceOf(ui); // the check-in below points into it
        const CheckIn* yesterday = w.checkInOn(QDate::currentDate().addDays(-1));
        REQUIRE(yesterday);
        CHECK(yesterday->didNotHappen == QStringLiteral("refused"));
        CHECK(yesterday->note == QStringLiteral("Dana said she had no time."));
    }

    // A shout-out, forwarded to the manager as a reply in the "Shout Outs" thread.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Add a shout-out"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Who gave it")), QStringLiteral("Priya N"));
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("What they wrote")), QStringLiteral("Thanks for the fix!"));
    ui.clickText("QQuickAbstractButton", QStringLiteral("Save"));
    ui.settle();
    REQUIRE(workspaceOf(ui).shoutOuts().size() == 1);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Forward the shout-out from Priya N to the manager"));
    REQUIRE(mail.opened.size() == 1);
    CHECK(mail.opened.first().path() == QStringLiteral("dana@example.com"));
    CHECK(QUrlQuery(mail.opened.first()).queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded) ==
          QStringLiteral("Re: Alex Doe Shout Outs"));
    CHECK(QGuiApplication::clipboard()->text().contains(QStringLiteral("Thanks for the fix!")));
    CHECK(workspaceOf(ui).shoutOuts().first().forwarded == QDate::currentDate());

    // The response: a problem area's steps; the draft reads them and is copied.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Open my response to the PIP"));
    ui.waitPage("RebuttalPage");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write the response on Ticket response times"));
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Steps I have taken")), QStringLiteral("I check the P1 queue at 9, 12 and 3."));
    ui.clickText("QQuickAbstractButton", QStringLiteral("Save"));
    ui.settle();
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Copy the draft response"));
    const QString draft = QGuiApplication::clipboard()->text();
    CHECK(draft.startsWith(QStringLiteral("My response to the performance improvement plan")));
    CHECK(draft.contains(QStringLiteral("Dear Dana Smith,")));
    CHECK(draft.contains(QStringLiteral("Steps I have taken:\nI check the P1 queue at 9, 12 and 3.")));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
    ui.settle();

    // A sick day moves the end by one working day.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Extend the plan"));
    ui.clickText("QQuickAbstractButton", QStringLiteral("Save"));
    ui.settle();
    CHECK(workspaceOf(ui).plan().effectiveEnd() == addWorkingDays(plan.end, 1));

    // An incident with two witnesses; they are then people with entries.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Record an incident"));
    ui.waitPage("EditorPage");
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Title")), QStringLiteral("Remark in stand-up"));
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Who said what, in their exact words")),
                QStringLiteral("Dana: \"Maybe this job is not for you.\""));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Witnesses")), QStringLiteral("Sam Ortiz, Kim Park"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
    ui.settle();
    {
        const pt::core::LinkIndex people(ui.controller().vault()->journal().entries());
        CHECK(people.entriesNaming(QStringLiteral("kim park")).size() == 1);
    }
    // Kim was not there after all: out of the witnesses, out of the entry's people.
    ui.waitPage("EntryPage");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Edit this entry"));
    ui.waitPage("EditorPage");
    QQuickItem* witnesses = ui.waitNamed("QQuickTextField", QStringLiteral("Witnesses"));
    ui.click(witnesses);
    ui.key(Qt::Key_A, Qt::ControlModifier);
    ui.typeText(QStringLiteral("Sam Ortiz"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
    ui.settle();
    {
        const pt::core::LinkIndex people(ui.controller().vault()->journal().entries());
        CHECK(people.entriesNaming(QStringLiteral("kim park")).isEmpty());
        CHECK(people.entriesNaming(QStringLiteral("sam ortiz")).size() == 1);
    }
    if (ui.page("EntryPage"))
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
    ui.settle();
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Entries naming Sam Ortiz"));
    ui.waitNamed("QQuickItemDelegate", QStringLiteral("Open Remark in stand-up"));
    ui.clickText("QQuickAbstractButton", QStringLiteral("Close"));
    ui.settle();

    // The delivery meeting brings the seeds' questions to answer, and belongs to the plan.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Notes of the PIP delivery meeting"));
    ui.waitPage("EditorPage");
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Title")), QStringLiteral("PIP delivered"));
    ui.typeInto(ui.waitNamed("QQuickTextArea", QStringLiteral("Answer to: Who decides whether each goal is met?")),
                QStringLiteral("Dana, with HR"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
    ui.settle();
    {
        const PipWorkspace w = workspaceOf(ui);
        REQUIRE(w.meetings().size() == 1);
        auto meeting = ui.controller().vault()->journal().entry(w.meetings().first());
        REQUIRE(meeting.ok());
        const QJsonArray questions = meeting->latest.fields.value(QStringLiteral("questions")).toArray();
        CHECK(questions.size() == 6);
        CHECK(questions.at(1).toObject().value(QStringLiteral("answer")).toString() == QStringLiteral("Dana, with HR"));
        CHECK(meeting->latest.fields.value(QStringLiteral("plan")).toString() == plan.id);
    }
    PT_CHECK_NO_QML_WARNINGS();

    // Locked and unlocked: the tab reads it all again from the journal.
    ui.controller().lockNow();
    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickTabButton", QStringLiteral("PIP"));
    ui.waitText("QQuickLabel", QStringLiteral("PIP from Dana"));
    CHECK(ui.waitNamed("QQuickRectangle", QStringLiteral("Goal 1, %1: Met").arg(todayLabel)));
    CHECK(ui.controller().vault()->verify().ok());
}

#include "test_pip.moc"

TEST_CASE("PIP tab: every page fits a phone and a desktop window", "[ui][pip]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        PipRecorder recorder(vault.journal());
        Plan plan;
        plan.title = QStringLiteral("PIP from Dana Smith, Director of Customer Operations and Support");
        plan.start = QDate::currentDate().addDays(-20);
        plan.end = QDate::currentDate().addDays(22);
        plan.manager = QStringLiteral("Dana Smith <dana.smith@customer-operations.example.com>");
        plan.areas = {QStringLiteral("Ticket response times across every queue and channel"), QStringLiteral("Reporting")};
        for (const char* text : {"Respond to every P1 ticket within 4 hours, including those reassigned late in the day",
                                 "Deliver the monthly SSRS report", "Document the permissions model"}) {
            Goal g;
            g.text = QString::fromLatin1(text);
            plan.goals << g;
        }
        REQUIRE(recorder.createPlan(plan).ok());
    });
    for (const QSize size : {PhoneSize, DesktopSize}) {
        Ui ui(path, size);
        ui.unlockWithPassphrase();
        ui.clickNamed("QQuickTabButton", QStringLiteral("PIP"));
        ui.waitNamed("QQuickAbstractButton", QStringLiteral("Today's check-in"));
        INFO("size " << size.width() << "x" << size.height());
        const auto fits = [&ui](const char* where) {
            const QStringList outside = ui.outsideWindow();
            INFO(where << ": " << outside.join(QStringLiteral("; ")).toStdString());
            CHECK(outside.isEmpty());
        };
        fits("the PIP tab");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Today's check-in"));
        ui.waitPage("CheckInPage");
        fits("the check-in");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back without saving"));
        ui.settle();
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Edit the plan"));
        ui.waitPage("PlanSetupPage");
        fits("the plan");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back without saving"));
        ui.settle();
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Open my response to the PIP"));
        ui.waitPage("RebuttalPage");
        fits("the response");
        PT_CHECK_NO_QML_WARNINGS();
    }
}

TEST_CASE("Links: a note links to an email from the editor, and both entries show it", "[ui][pip][links]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    QString emailId;
    makeVault(path, [&emailId](pt::core::Vault& vault) {
        pt::core::EntryDraft d;
        d.kind = QStringLiteral("email");
        d.title = QStringLiteral("Re: outage follow-up");
        auto e = vault.journal().add(d);
        REQUIRE(e.ok());
        emailId = e->latest.entryId;
    });
    Ui ui(path);
    ui.unlockWithPassphrase();
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    ui.waitPage("EditorPage");
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Title")), QStringLiteral("Dana's reply to my recap"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Find an entry to link")), QStringLiteral("outage"));
    ui.clickNamed("QQuickItemDelegate", QStringLiteral("Link Re: outage follow-up"));
    CHECK(ui.waitNamed("QQuickToolButton", QStringLiteral("Unlink Re: outage follow-up")));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
    ui.waitPage("EntryPage");
    CHECK(ui.waitNamed("QQuickItemDelegate", QStringLiteral("Links to Re: outage follow-up")));
    // The email shows the note that links to it.
    ui.clickNamed("QQuickItemDelegate", QStringLiteral("Links to Re: outage follow-up"));
    CHECK(ui.waitNamed("QQuickItemDelegate", QStringLiteral("Linked from Dana's reply to my recap")));
    CHECK(ui.details()->entryId() == emailId);
    PT_CHECK_NO_QML_WARNINGS();
}
