// parseDavListing on what real servers send (Apache mod_dav and rclone, captured) and on what a
// hostile one could: hrefs out of the folder, encoded slashes and dots, entities, deep answers.
#include "sync/DavListing.h"
#include "sync/HttpDate.h"

#include <catch2/catch.hpp>

using pt::core::ErrorCode;
using pt::core::sync::parseDavListing;
using pt::core::sync::RemoteFile;

namespace {

const QUrl kApacheFolder(QStringLiteral("http://127.0.0.1:8080/dav/My%20Journal/a/b/"));

// Apache 2.4.71 (Debian) for PROPFIND Depth: 1 of a folder holding one 3-byte file.
const QByteArray kApache = R"(<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/" xmlns:g0="DAV:">
<D:href>/dav/My%20Journal/a/b/</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getetag>W/"1000-6619ccd1f61f3"</lp1:getetag>
<lp1:getlastmodified>Wed, 02 Dec 2026 01:45:44 GMT</lp1:getlastmodified>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
<D:propstat>
<D:prop>
<g0:getcontentlength/>
</D:prop>
<D:status>HTTP/1.1 404 Not Found</D:status>
</D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/My%20Journal/a/b/file1</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype/>
<lp1:getcontentlength>3</lp1:getcontentlength>
<lp1:getetag>W/"3-6619ccd1f61f3"</lp1:getetag>
<lp1:getlastmodified>Wed, 02 Dec 2026 01:45:44 GMT</lp1:getlastmodified>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
</D:multistatus>
)";

// rclone v1.60.1 for the same folder under --baseurl /pt.
const QByteArray kRclone =
    R"(<?xml version="1.0" encoding="UTF-8"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/pt/a/b/</D:href><D:propstat><D:prop><D:resourcetype><D:collection xmlns:D="DAV:"/></D:resourcetype><D:getlastmodified>Wed, 02 Dec 2026 01:46:02 GMT</D:getlastmodified></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat><D:propstat><D:prop><D:getcontentlength></D:getcontentlength><D:getetag></D:getetag></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response><D:response><D:href>/pt/a/b/file1</D:href><D:propstat><D:prop><D:resourcetype></D:resourcetype><D:getcontentlength>1221</D:getcontentlength><D:getetag>"18ed4c85820246e64c5"</D:getetag><D:getlastmodified>Wed, 02 Dec 2026 01:46:02 GMT</D:getlastmodified></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>)";

// A listing of /f/ with the given <response> elements, each "href|props".
QByteArray listing(const QStringList& responses)
{
    QByteArray xml = "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\">";
    for (const QString& r : responses) {
        const QString href = r.section(QLatin1Char('|'), 0, 0);
        const QString props = r.section(QLatin1Char('|'), 1);
        xml += "<d:response><d:href>" + href.toUtf8() + "</d:href><d:propstat><d:prop>" +
               props.toUtf8() + "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
    }
    return xml + "</d:multistatus>";
}

const QUrl kFolder(QStringLiteral("https://dav.example.org/f/"));

QStringList names(const QList<RemoteFile>& files)
{
    QStringList out;
    for (const RemoteFile& f : files)
        out.append(f.name);
    return out;
}

QStringList parsedNames(const QByteArray& xml, const QUrl& folder = kFolder)
{
    auto result = parseDavListing(xml, folder);
    REQUIRE(result.ok());
    return names(*result);
}

} // namespace

TEST_CASE("DAV listing: Apache's answer gives the file with its size ETag and time", "[sync][dav]")
{
    auto result = parseDavListing(kApache, kApacheFolder);
    REQUIRE(result.ok());
    REQUIRE(result->size() == 1);
    const RemoteFile& f = result->first();
    CHECK(f.name == QStringLiteral("file1"));
    CHECK(f.size == 3);
    CHECK(f.etag == QStringLiteral("W/\"3-6619ccd1f61f3\""));
    CHECK(f.modified == QDateTime(QDate(2026, 12, 2), QTime(1, 45, 44), Qt::UTC));
    // The folder's URL without its '/' lists the same.
    QUrl bare = kApacheFolder;
    bare.setPath(QStringLiteral("/dav/My Journal/a/b"));
    CHECK(names(*parseDavListing(kApache, bare)) == QStringList{QStringLiteral("file1")});
}

TEST_CASE("DAV listing: rclone's answer gives the file with its size ETag and time", "[sync][dav]")
{
    auto result = parseDavListing(kRclone, QUrl(QStringLiteral("http://127.0.0.1:1/pt/a/b/")));
    REQUIRE(result.ok());
    REQUIRE(result->size() == 1);
    CHECK(result->first().name == QStringLiteral("file1"));
    CHECK(result->first().size == 1221);
    CHECK(result->first().etag == QStringLiteral("\"18ed4c85820246e64c5\""));
    CHECK(result->first().modified.isValid());
}

TEST_CASE("DAV listing: an empty folder and a file without properties", "[sync][dav]")
{
    CHECK(parsedNames(listing({QStringLiteral("/f/|<d:resourcetype><d:collection/></d:resourcetype>")}))
              .isEmpty());
    auto result = parseDavListing(listing({QStringLiteral("/f/|"), QStringLiteral("/f/x|")}), kFolder);
    REQUIRE(result.ok());
    REQUIRE(result->size() == 1);
    CHECK(result->first().size == -1);
    CHECK(result->first().etag.isEmpty());
    CHECK_FALSE(result->first().modified.isValid());
}

TEST_CASE("DAV listing: hrefs in any form resolve against the folder", "[sync][dav]")
{
    CHECK(parsedNames(listing({QStringLiteral("/f/|"), QStringLiteral("a|"),
                               QStringLiteral("https://other.example.org/f/b|"),
                               QStringLiteral("/f/%63|"), QStringLiteral("/%66/d|")})) ==
          QStringList{"a", "b", "c", "d"});
}

TEST_CASE("DAV listing: the folder itself sub-folders and deeper entries are left out",
          "[sync][dav]")
{
    CHECK(parsedNames(listing({QStringLiteral("/f/|<d:resourcetype><d:collection/></d:resourcetype>"),
                               QStringLiteral("/f/sub/|<d:resourcetype><d:collection/></d:resourcetype>"),
                               QStringLiteral("/f/sub2|<d:resourcetype><d:collection/></d:resourcetype>"),
                               QStringLiteral("/f/slash/|"),
                               QStringLiteral("/f/sub/deep|"), QStringLiteral("/f/kept|")})) ==
          QStringList{"kept"});
}

TEST_CASE("DAV listing: hostile names are left out", "[sync][dav]")
{
    CHECK(parsedNames(listing({QStringLiteral("/f/|"),
                               QStringLiteral("/f/..|"),         // resolves to /
                               QStringLiteral("/f/%2e%2e|"),     // the same, encoded
                               QStringLiteral("/f/a%2Fb|"),      // an encoded slash
                               QStringLiteral("/f/%252e%252e|"), // decodes once to %2e%2e
                               QStringLiteral("/f/bad%20name|"), QStringLiteral("/f/a:b|"),
                               QStringLiteral("/f/back%5cslash|"), QStringLiteral("/f/%c3%a9|"),
                               QStringLiteral("/f/%ff.bin|"), QStringLiteral("/f/%00|"),
                               QStringLiteral("/f/a&amp;b|"), QStringLiteral("/etc/passwd|"),
                               QStringLiteral("/f/ok-1.x|")})) == QStringList{"ok-1.x"});
}

TEST_CASE("DAV listing: a name listed twice is kept once", "[sync][dav]")
{
    CHECK(parsedNames(listing({QStringLiteral("/f/a|<d:getcontentlength>1</d:getcontentlength>"),
                               QStringLiteral("/f/a|<d:getcontentlength>2</d:getcontentlength>")})) ==
          QStringList{"a"});
}

TEST_CASE("DAV listing: only properties with a 2xx status and the DAV namespace count",
          "[sync][dav]")
{
    const QByteArray xml = R"(<multistatus xmlns="DAV:" xmlns:x="urn:other">
      <response><href>/f/a</href>
        <propstat><prop><getcontentlength>10</getcontentlength><x:getetag>"no"</x:getetag></prop>
          <status>HTTP/1.1 200 OK</status></propstat>
        <propstat><prop><getetag>"missing"</getetag><resourcetype><collection/></resourcetype></prop>
          <status>HTTP/1.1 404 Not Found</status></propstat></response>
      <response><href>/f/b</href><status>HTTP/1.1 404 Not Found</status></response>
      <response><href>/f/c</href><propstat><prop><getcontentlength>-5</getcontentlength>
        <getlastmodified>not a date</getlastmodified></prop><status>HTTP/1.1 200 OK</status></propstat></response>
    </multistatus>)";
    auto result = parseDavListing(xml, kFolder);
    REQUIRE(result.ok());
    REQUIRE(names(*result) == QStringList{"a", "c"});
    CHECK(result->at(0).size == 10);
    CHECK(result->at(0).etag.isEmpty());
    CHECK(result->at(1).size == -1);
    CHECK_FALSE(result->at(1).modified.isValid());
}

TEST_CASE("DAV listing: what is not a multistatus is refused as damaged", "[sync][dav]")
{
    for (const QByteArray& xml :
         {QByteArray(), QByteArray("<html><body>Login</body></html>"),
          QByteArray("<multistatus><response><href>/f/a</href></response></multistatus>"), // no namespace
          QByteArray("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"xxxxxxxx\">]>"
                     "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/f/&x;</d:href>"
                     "</d:response></d:multistatus>"),
          QByteArray("<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/f/&x;</d:href>"
                     "</d:response></d:multistatus>")}) {
        auto result = parseDavListing(xml, kFolder);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::Damaged);
        CHECK(result.error().message.contains(QStringLiteral("dav.example.org")));
    }
}

TEST_CASE("DAV listing: a listing cut short on its way is a transient error", "[sync][dav]")
{
    const QByteArray whole = listing({QStringLiteral("/f/|"), QStringLiteral("/f/a|10"), QStringLiteral("/f/b|20")});
    for (qsizetype cut : {qsizetype(30), qsizetype(60), whole.size() / 2, whole.size() - 5}) {
        auto result = parseDavListing(whole.left(cut), kFolder);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().transient);
        CHECK(result.error().message.contains(QStringLiteral("cut short")));
    }
    REQUIRE(parseDavListing(whole, kFolder).ok());
}

TEST_CASE("DAV listing: an answer about another folder is refused instead of read as empty",
          "[sync][dav]")
{
    auto result = parseDavListing(listing({QStringLiteral("/elsewhere/|"),
                                                 QStringLiteral("/elsewhere/a|")}),
                                        kFolder);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::Damaged);
}

TEST_CASE("HTTP dates: the three forms of RFC 9110 and the ones servers send anyway", "[sync][dav]")
{
    using pt::core::sync::parseHttpDate;
    const QDateTime expected(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    CHECK(parseHttpDate(QStringLiteral("Sun, 06 Nov 1994 08:49:37 GMT")) == expected);
    CHECK(parseHttpDate(QStringLiteral("Sunday, 06-Nov-94 08:49:37 GMT")) == expected);
    CHECK(parseHttpDate(QStringLiteral("Sun Nov  6 08:49:37 1994")) == expected);
    CHECK(parseHttpDate(QStringLiteral("Sun, 06 Nov 1994 09:49:37 +0100")) == expected);
    CHECK(parseHttpDate(QStringLiteral("1994-11-06T08:49:37Z")) == expected);
    CHECK(parseHttpDate(QStringLiteral(" Wed, 02 Dec 2026 01:45:44 GMT\n")) ==
          QDateTime(QDate(2026, 12, 2), QTime(1, 45, 44), Qt::UTC));
    for (const char* bad : {"", "yesterday", "Sun, 32 Nov 1994 08:49:37 GMT", "12"})
        CHECK_FALSE(parseHttpDate(QString::fromLatin1(bad)).isValid());
}
