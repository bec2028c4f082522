// The recovery key copied to the clipboard comes off it again, unless the person has copied
// something else since (the offscreen platform's clipboard works inside the process).
#include <catch2/catch.hpp>

#include "SensitiveClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTest>

using pt::gui::SensitiveClipboard;
using namespace std::chrono_literals;

namespace {

const QString Secret = QStringLiteral("ptrk1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnzs23v9ccrydpk8qarc0jqgh3z2");

QString clipboardText() { return QGuiApplication::clipboard()->text(); }

} // namespace

TEST_CASE("SensitiveClipboard: the secret is cleared after the delay", "[gui][clipboard]")
{
    SensitiveClipboard clipboard;
    CHECK(clipboard.clearDelay() == 60s); // the default the app uses
    clipboard.setClearDelay(200ms);
    clipboard.copy(Secret);
    CHECK(clipboardText() == Secret);
    QTest::qWait(50);
    CHECK(clipboardText() == Secret); // not before the delay
    CHECK(QTest::qWaitFor([] { return clipboardText().isEmpty(); }, 5000));
}

TEST_CASE("SensitiveClipboard: what the person copied afterwards is left alone", "[gui][clipboard]")
{
    const QString other = QStringLiteral("Meeting moved to 3 pm");
    SensitiveClipboard clipboard;
    clipboard.setClearDelay(200ms);
    clipboard.copy(Secret);
    QGuiApplication::clipboard()->setText(other);
    QTest::qWait(600);
    CHECK(clipboardText() == other);

    // And at exit (the object's end) too.
    {
        SensitiveClipboard shortLived;
        shortLived.copy(Secret);
        QGuiApplication::clipboard()->setText(other);
    }
    CHECK(clipboardText() == other);
}

TEST_CASE("SensitiveClipboard: the secret goes when the app ends before the delay", "[gui][clipboard]")
{
    {
        SensitiveClipboard clipboard; // 60 s
        clipboard.copy(Secret);
        CHECK(clipboardText() == Secret);
    }
    CHECK(clipboardText().isEmpty());
}

TEST_CASE("SensitiveClipboard: copying again restarts the delay", "[gui][clipboard]")
{
    SensitiveClipboard clipboard;
    clipboard.setClearDelay(400ms);
    clipboard.copy(Secret);
    QTest::qWait(250);
    clipboard.copy(Secret);
    QTest::qWait(250);
    CHECK(clipboardText() == Secret); // 500 ms after the first copy, 250 after the second
    CHECK(QTest::qWaitFor([] { return clipboardText().isEmpty(); }, 5000));
}
