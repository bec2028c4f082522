// isSafeRemotePath (the only names a Remote reads or writes) and RemoteFile::changeToken.
#include "sync/Remote.h"

#include <catch2/catch.hpp>

using pt::core::sync::isSafeRemotePath;
using pt::core::sync::RemoteFile;

TEST_CASE("Remote paths: the sync layout's names are safe", "[sync][paths]")
{
    for (const char* path : {"vault.json", "heads/device-1", "objects/ab/ab12cd", "packs/p_1.pack",
                             ".hidden", "a..b", "...", "-x", "A/B/C/D"})
        CHECK(isSafeRemotePath(QString::fromLatin1(path)));
    CHECK(isSafeRemotePath(QString(255, QLatin1Char('a'))));
}

TEST_CASE("Remote paths: anything that could leave the root or mean something else is not",
          "[sync][paths]")
{
    for (const char* path : {"", "/", "/etc/passwd", "a/", "/a", "a//b", ".", "..", "a/./b",
                             "a/../b", "../a", "a/..", "a\\b", "a b", "a:b", "a%2fb", "a?b",
                             "a#b", "a*b", "C:", "~"})
        CHECK_FALSE(isSafeRemotePath(QString::fromLatin1(path)));
    CHECK_FALSE(isSafeRemotePath(QStringLiteral("caf\u00e9")));
    CHECK_FALSE(isSafeRemotePath(QStringLiteral("a\u0000b")));
    CHECK_FALSE(isSafeRemotePath(QStringLiteral("\uff0e\uff0e"))); // fullwidth dots
    CHECK_FALSE(isSafeRemotePath(QString(256, QLatin1Char('a'))));
    CHECK_FALSE(isSafeRemotePath(QStringList(400, QStringLiteral("ab")).join(QLatin1Char('/'))));
}

TEST_CASE("Remote paths: the change token is the ETag when listed and size and time otherwise",
          "[sync][paths]")
{
    const QDateTime t(QDate(2026, 12, 2), QTime(1, 45, 44), Qt::UTC);
    const RemoteFile tagged{QStringLiteral("a"), 3, QStringLiteral("\"3-6619\""), t};
    CHECK(tagged.changeToken() == QStringLiteral("etag:\"3-6619\""));
    // Apache's weak ETag for a file under a second old turns strong with the same value.
    const RemoteFile weak{QStringLiteral("a"), 3, QStringLiteral("W/\"3-6619\""), t};
    CHECK(weak.changeToken() == tagged.changeToken());

    const RemoteFile untagged{QStringLiteral("a"), 3, QString(), t};
    CHECK(untagged.changeToken() == QStringLiteral("size:3@2026-12-02T01:45:44.000Z"));
    const RemoteFile bigger{QStringLiteral("a"), 4, QString(), t};
    const RemoteFile later{QStringLiteral("a"), 3, QString(), t.addSecs(1)};
    CHECK(bigger.changeToken() != untagged.changeToken());
    CHECK(later.changeToken() != untagged.changeToken());
    const RemoteFile bare{QStringLiteral("a"), -1, QString(), QDateTime()};
    CHECK(bare.changeToken() == QStringLiteral("size:-1@"));
}
