// DesktopNotifier against a real dbus-daemon of the test's own (PrivateBus) and a fake
// org.freedesktop.Notifications in this process, on a second connection: what reaches the
// service, replacing the previous notification, escaping, and what happens with no service, a
// hung one and no bus, each within a second. With the scheduler built (PT_TEST_SCHEDULER), the
// whole path from a plan to the service, with none of the journal's words on the bus.
#include "FakeNotificationService.h"
#include "NotifySupport.h"
#include "PrivateBus.h"

#include "platform/DesktopNotifier.h"

#include <QElapsedTimer>
#include <QMetaType>

#if defined(PT_TEST_SCHEDULER)
#include "PipFixture.h"
#include "ReminderScheduler.h"
#endif

using namespace pt::test;
using pt::platform::DesktopNotifier;
using pt::platform::Notifier;
using namespace std::chrono_literals;

namespace {

const QString CheckInText = QStringLiteral("Time for today's check-in.");

} // namespace

TEST_CASE("desktop notifier: Notify reaches the service as Paper Trail, and replaces the last one",
          "[notify][dbus]")
{
    PrivateBus bus;
    FakeNotificationService service;
    REQUIRE(service.registerOn(bus.connect()));
    DesktopNotifier notifier(bus.connect());

    QElapsedTimer took;
    took.start();
    REQUIRE(notifier.show(Notifier::appName(), CheckInText));
    CHECK(took.elapsed() < 1000);
    CHECK(notifier.unavailableReason().isEmpty());
    REQUIRE(spinUntil([&] { return service.calls().size() == 1; }, 2s));

    const FakeNotificationService::Call& first = service.calls().first();
    CHECK(first.appName == QStringLiteral("Paper Trail"));
    CHECK(first.summary == QStringLiteral("Paper Trail"));
    CHECK(first.body == CheckInText);
    CHECK(first.replacesId == 0);
    CHECK(first.actions.isEmpty());
    CHECK(first.expireTimeout == -1);
    REQUIRE(first.hints.contains(QStringLiteral("urgency")));
    CHECK(first.hints.value(QStringLiteral("urgency")).metaType().id() == QMetaType::UChar);
    CHECK(first.hints.value(QStringLiteral("urgency")).toInt() == 1);

    // Once the service answered with its id, the next notification replaces that one.
    REQUIRE(
        spinUntil([&] { return notifier.currentId() == FakeNotificationService::FirstId; }, 2s));
    REQUIRE(
        notifier.show(Notifier::appName(), QStringLiteral("Your plan ends in two working days.")));
    REQUIRE(spinUntil([&] { return service.calls().size() == 2; }, 2s));
    CHECK(service.calls().at(1).replacesId == FakeNotificationService::FirstId);
    CHECK(service.calls().at(1).body == QStringLiteral("Your plan ends in two working days."));
}

TEST_CASE("desktop notifier: markup in the text reaches the service escaped", "[notify][dbus]")
{
    CHECK(DesktopNotifier::escapeBody(CheckInText) == CheckInText);
    CHECK(DesktopNotifier::escapeBody(QStringLiteral("<b>A & B</b>")) ==
          QStringLiteral("&lt;b&gt;A &amp; B&lt;/b&gt;"));

    PrivateBus bus;
    FakeNotificationService service;
    REQUIRE(service.registerOn(bus.connect()));
    DesktopNotifier notifier(bus.connect());
    REQUIRE(notifier.show(Notifier::appName(), QStringLiteral("<a href=\"x\">1 < 2 & 3</a>")));
    REQUIRE(spinUntil([&] { return service.calls().size() == 1; }, 2s));
    CHECK(service.calls().first().body ==
          QStringLiteral("&lt;a href=\"x\"&gt;1 &lt; 2 &amp; 3&lt;/a&gt;"));
}

TEST_CASE(
    "desktop notifier: with no service on the bus, show() is false at once and says what to do",
    "[notify][dbus]")
{
    PrivateBus bus;
    DesktopNotifier notifier(bus.connect());
    QElapsedTimer took;
    took.start();
    CHECK_FALSE(notifier.show(Notifier::appName(), CheckInText));
    CHECK(took.elapsed() < 1000);
    CHECK(notifier.unavailableReason().startsWith(
        QStringLiteral("No notification service is running: reminders show in the app only.")));

    // A service that comes later is used from then on.
    FakeNotificationService service;
    REQUIRE(service.registerOn(bus.connect()));
    CHECK(notifier.show(Notifier::appName(), CheckInText));
    CHECK(notifier.unavailableReason().isEmpty());
    CHECK(spinUntil([&] { return service.calls().size() == 1; }, 2s));
}

TEST_CASE("desktop notifier: a service that never answers does not hold up the caller",
          "[notify][dbus]")
{
    PrivateBus bus;
    FakeNotificationService service(false);
    REQUIRE(service.registerOn(bus.connect()));
    DesktopNotifier notifier(bus.connect());

    QElapsedTimer took;
    took.start();
    CHECK(notifier.show(Notifier::appName(), CheckInText));
    CHECK(took.elapsed() < 500);
    // The call's timeout passes in the background, and then the reason says so.
    CHECK(spinUntil([&] { return !notifier.unavailableReason().isEmpty(); }, 3s));
    CHECK(notifier.unavailableReason().contains(QStringLiteral("did not answer")));
    CHECK(service.calls().size() == 1);
    CHECK(notifier.currentId() == 0);
}

TEST_CASE("desktop notifier: without a bus, show() is false and says why", "[notify][dbus]")
{
    DesktopNotifier notifier(QDBusConnection(QStringLiteral("pt-test-no-such-connection")));
    QElapsedTimer took;
    took.start();
    CHECK_FALSE(notifier.show(Notifier::appName(), CheckInText));
    CHECK(took.elapsed() < 1000);
    CHECK(notifier.unavailableReason().contains(QStringLiteral("session bus")));
    CHECK(notifier.unavailableReason().contains(QStringLiteral("reminders show in the app only")));
}

TEST_CASE("makeNotifier: on a Linux desktop, the notification service on the session bus",
          "[notify][dbus]")
{
    PrivateBus bus;
    // Before anything in this process opens the session bus (Qt keeps the first connection).
    qputenv("DBUS_SESSION_BUS_ADDRESS", bus.address().toUtf8());
    FakeNotificationService service;
    REQUIRE(service.registerOn(bus.connect()));

    const std::unique_ptr<Notifier> notifier = pt::platform::makeNotifier();
    REQUIRE(dynamic_cast<DesktopNotifier*>(notifier.get()) != nullptr);
    CHECK(notifier->show(Notifier::appName(), CheckInText));
    REQUIRE(spinUntil([&] { return service.calls().size() == 1; }, 2s));
    CHECK(service.calls().first().appName == QStringLiteral("Paper Trail"));
}

#if defined(PT_TEST_SCHEDULER)
TEST_CASE("reminders end to end: the service gets the fixed words and none of the journal's",
          "[notify][dbus][privacy]")
{
    PrivateBus bus;
    FakeNotificationService service;
    REQUIRE(service.registerOn(bus.connect()));

    PipVault v;
    pt::core::pip::Plan plan = v.workspace().plan();
    plan.reminders.checkIn = QTime(16, 30);
    plan.reminders.oneOnOneDay = 1;
    plan.reminders.oneOnOneTime = QTime(11, 0);
    REQUIRE(v.recorder.updatePlan(plan).ok());
    const QStringList secrets = journalWords(v.workspace());

    pt::gui::ReminderScheduler scheduler(std::make_unique<DesktopNotifier>(bus.connect()),
                                         v.clock.clock());
    v.clock.set(QDateTime(PlanStart, QTime(9, 0)));
    scheduler.setWorkspace(v.workspace());
    for (const QTime& at : {QTime(10, 45), QTime(16, 30)}) {
        v.clock.set(QDateTime(PlanStart, at));
        scheduler.checkNow();
    }
    REQUIRE(spinUntil([&] { return service.calls().size() == 2; }, 2s));
    CHECK(service.calls().at(0).body ==
          QStringLiteral("Your weekly 1:1 starts in 15 minutes. Take notes as it happens."));
    CHECK(service.calls().at(1).body == CheckInText);
    CHECK(scheduler.unavailableReason().isEmpty());

    for (const FakeNotificationService::Call& call : service.calls()) {
        QStringList sent{call.appName, call.appIcon, call.summary, call.body};
        sent += call.actions;
        for (auto it = call.hints.cbegin(); it != call.hints.cend(); ++it)
            sent << it.key() << it.value().toString();
        for (const QString& field : sent)
            for (const QString& secret : secrets) {
                INFO(field << " / " << secret);
                CHECK_FALSE(field.contains(secret, Qt::CaseInsensitive));
            }
    }
}
#endif
