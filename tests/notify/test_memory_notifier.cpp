// The in-memory notifier: what the scheduler tests watch, and what platforms without a
// notification service get from makeNotifier().
#include <catch2/catch.hpp>

#include "TestSupport.h"

#include "platform/MemoryNotifier.h"

using pt::platform::MemoryNotifier;
using pt::platform::Notifier;

TEST_CASE("memory notifier: keeps what it shows, in order", "[notify][memory]")
{
    MemoryNotifier notifier;
    CHECK(notifier.unavailableReason().isEmpty());
    CHECK(notifier.show(Notifier::appName(), QStringLiteral("one")));
    CHECK(notifier.show(Notifier::appName(), QStringLiteral("two")));
    REQUIRE(notifier.shown().size() == 2);
    CHECK(notifier.shown().at(0) ==
          MemoryNotifier::Shown{QStringLiteral("Paper Trail"), QStringLiteral("one")});
    CHECK(notifier.shown().at(1).text == QStringLiteral("two"));
    notifier.clear();
    CHECK(notifier.shown().isEmpty());
}

TEST_CASE("memory notifier: unavailable, it shows nothing and says why", "[notify][memory]")
{
    MemoryNotifier notifier;
    notifier.setAvailable(false);
    CHECK_FALSE(notifier.show(Notifier::appName(), QStringLiteral("one")));
    CHECK(notifier.shown().isEmpty());
    CHECK(notifier.unavailableReason().contains(QStringLiteral("reminders show in the app only")));

    notifier.setAvailable(false, QStringLiteral("Notifications are off for Paper Trail."));
    CHECK(notifier.unavailableReason() == QStringLiteral("Notifications are off for Paper Trail."));
    notifier.setAvailable(true);
    CHECK(notifier.unavailableReason().isEmpty());
    CHECK(notifier.show(Notifier::appName(), QStringLiteral("one")));
    CHECK(notifier.shown().size() == 1);
}
