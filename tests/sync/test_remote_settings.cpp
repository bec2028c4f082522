// RemoteSettings::normalise: what a person types as a remote, as the app and the CLI keep it.
#include "sync/RemoteSettings.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QTemporaryDir>
#include <QUrl>

using pt::core::sync::RemoteSettings;

TEST_CASE("Remote settings: a WebDAV address normalises to one that normalises to itself", "[sync][settings]")
{
    // Nextcloud folders often have spaces; the app shows the address it keeps, and a person may
    // type it back (Settings, or the link page of another device).
    for (const char* typed : {"https://cloud.example.org/remote.php/dav/files/me/My Journal/",
                              "https://cloud.example.org/remote.php/dav/files/me/My%20Journal",
                              " http://127.0.0.1:8080/dav/My%20Journal/ ", "https://nas.local:5006/pt"}) {
        CAPTURE(typed);
        auto once = RemoteSettings::normalise(QString::fromUtf8(typed));
        REQUIRE(once.ok());
        CHECK_FALSE(once->endsWith(QLatin1Char('/')));
        auto twice = RemoteSettings::normalise(*once);
        REQUIRE(twice.ok());
        CHECK(*twice == *once);
        CHECK(QUrl(*once + QLatin1Char('/')) == QUrl(*twice + QLatin1Char('/')));
    }
    auto spaced = RemoteSettings::normalise(QStringLiteral("https://cloud.example.org/dav/My Journal"));
    auto encoded = RemoteSettings::normalise(QStringLiteral("https://cloud.example.org/dav/My%20Journal"));
    REQUIRE(spaced.ok());
    REQUIRE(encoded.ok());
    CHECK(*spaced == *encoded);
}

TEST_CASE("Remote settings: an address without a server or a folder that is not there is refused in words", "[sync][settings]")
{
    for (const char* typed : {"https://", "http:///dav", "https://:443/x"}) {
        CAPTURE(typed);
        auto refused = RemoteSettings::normalise(QString::fromUtf8(typed));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.contains(QStringLiteral("is not a web address")));
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto folder = RemoteSettings::normalise(QUrl::fromLocalFile(dir.path()).toString());
    REQUIRE(folder.ok());
    CHECK(*folder == QDir(dir.path()).absolutePath());
    auto missing = RemoteSettings::normalise(dir.filePath(QStringLiteral("not-there")));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.contains(QStringLiteral("is not a folder here")));
}
