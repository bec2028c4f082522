// One instance per vault: the second process's files reach the first through a local socket
// only this user can open, as absolute paths, and wait until the intake takes them; relative
// paths and floods from elsewhere are refused.
#include <catch2/catch.hpp>

#include "intake/FileHandoff.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <thread>

using pt::gui::FileHandoff;

namespace {

QString uniqueName()
{
    return QDir::tempPath() + QStringLiteral("/pt-handoff-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

} // namespace

TEST_CASE("file handoff: the first instance listens, the second hands over its files and ends", "[intake][handoff]")
{
    const QString name = uniqueName();
    FileHandoff first(name);
    CHECK_FALSE(first.handOffOrListen({QStringLiteral("/home/a/takeout.mbox")}));
    CHECK(first.listening());
    CHECK(first.pendingFiles() == QStringList{QStringLiteral("/home/a/takeout.mbox")});

    QSignalSpy arrived(&first, &FileHandoff::filesHandedOver);
    // The second instance runs in its own process; here a thread stands in for it, as the
    // first must keep its event loop turning to take the connection.
    bool handedOver = false;
    std::thread second([&] {
        FileHandoff other(name);
        handedOver = other.handOffOrListen({QStringLiteral("/home/a/grade 1.png"), QStringLiteral("/home/a/grade 2.png")});
    });
    QTRY_COMPARE_WITH_TIMEOUT(arrived.count(), 1, 5000);
    second.join();
    CHECK(handedOver);
    CHECK(first.pendingFiles() == QStringList({QStringLiteral("/home/a/takeout.mbox"), QStringLiteral("/home/a/grade 1.png"),
                                               QStringLiteral("/home/a/grade 2.png")}));
    CHECK(first.takePendingFiles().size() == 3);
    CHECK(first.pendingFiles().isEmpty());
}

TEST_CASE("file handoff: relative paths and an endless message are refused", "[intake][handoff]")
{
    const QString name = uniqueName();
    FileHandoff first(name);
    REQUIRE_FALSE(first.handOffOrListen({}));
    CHECK(first.pendingFiles().isEmpty());

    QLocalSocket planted;
    planted.connectToServer(name);
    REQUIRE(planted.waitForConnected(2000));
    planted.write("../../etc/passwd\nrelative.png\n/abs/ok.png\n\n");
    REQUIRE(planted.waitForBytesWritten(2000));
    QTRY_COMPARE_WITH_TIMEOUT(first.pendingFiles().size(), 1, 5000);
    CHECK(first.pendingFiles() == QStringList{QStringLiteral("/abs/ok.png")});

    QLocalSocket flood;
    flood.connectToServer(name);
    REQUIRE(flood.waitForConnected(2000));
    const QByteArray chunk(1024 * 1024, 'a');
    for (int i = 0; i < 6 && flood.state() == QLocalSocket::ConnectedState; ++i) {
        flood.write(chunk);
        flood.waitForBytesWritten(2000);
        QTest::qWait(20);
    }
    QTRY_VERIFY_WITH_TIMEOUT(flood.state() != QLocalSocket::ConnectedState, 5000);
    CHECK(first.pendingFiles().size() == 1);
}

TEST_CASE("file handoff: a socket left by a crashed instance does not stop the next one", "[intake][handoff]")
{
    const QString name = uniqueName();
    {
        QFile stale(name); // what a crashed instance leaves where its socket was
        REQUIRE(stale.open(QIODevice::WriteOnly));
    }
    FileHandoff next(name);
    CHECK_FALSE(next.handOffOrListen({QStringLiteral("/a.eml")}));
    CHECK(next.listening());
}
