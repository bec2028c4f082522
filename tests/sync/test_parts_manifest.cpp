// The manifest of an attachment stored in parts (FORMAT.md section 9): what it writes reads back,
// and anything a hostile or broken remote could put there instead is refused as damage.
#include "sync/PartsManifest.h"

#include <catch2/catch.hpp>

using pt::core::ErrorCode;
using pt::core::sync::ObjectPart;
using pt::core::sync::PartsManifest;

namespace {

const QString Object = QString(64, QLatin1Char('a'));

PartsManifest sample()
{
    return {Object, 2500, {{QString(64, QLatin1Char('1')), 1000}, {QString(64, QLatin1Char('2')), 1000},
                           {QString(64, QLatin1Char('3')), 500}}};
}

void refused(const QByteArray& json, qint64 maxSize = 1 << 20)
{
    INFO(json.toStdString());
    auto parsed = PartsManifest::parse(json, Object, maxSize);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == ErrorCode::Damaged);
    CHECK(parsed.error().message.contains(Object));
}

} // namespace

TEST_CASE("PartsManifest: what it writes reads back as written", "[sync][parts]")
{
    const PartsManifest manifest = sample();
    const QByteArray json = manifest.toJson();
    CHECK(json.startsWith("{\"format\":1,\"object\":\"" + Object.toLatin1() + "\",\"parts\":[{\"sha256\":"));
    auto parsed = PartsManifest::parse(json, Object, 2500);
    REQUIRE(parsed.ok());
    CHECK(parsed->object == Object);
    CHECK(parsed->size == 2500);
    CHECK(parsed->parts == manifest.parts);
}

TEST_CASE("PartsManifest: a list that does not describe the attachment is refused", "[sync][parts]")
{
    PartsManifest m = sample();

    SECTION("another attachment's list")
    {
        m.object = QString(64, QLatin1Char('b'));
        refused(m.toJson());
    }
    SECTION("parts that do not add up")
    {
        m.size = 2501;
        refused(m.toJson());
    }
    SECTION("larger than the attachment can be")
    {
        refused(m.toJson(), 2499);
    }
    SECTION("an empty part")
    {
        m.parts.append({QString(64, QLatin1Char('4')), 0});
        refused(m.toJson());
    }
    SECTION("a part whose name is not a hash")
    {
        m.parts[1].sha256 = QStringLiteral("../../heads/x");
        refused(m.toJson());
    }
    SECTION("no parts")
    {
        m.parts.clear();
        m.size = 0;
        refused(m.toJson());
    }
    SECTION("too many parts")
    {
        m.parts.clear();
        for (qsizetype i = 0; i <= PartsManifest::MaxParts; ++i)
            m.parts.append({QString(64, QLatin1Char('5')), 1});
        m.size = m.parts.size();
        refused(m.toJson());
    }
    SECTION("a format this version does not know")
    {
        refused(m.toJson().replace("\"format\":1", "\"format\":2"));
    }
}

TEST_CASE("PartsManifest: a list cut short or written another way is refused", "[sync][parts]")
{
    const QByteArray json = sample().toJson();
    for (qsizetype cut : {qsizetype(0), qsizetype(1), json.size() / 2, json.size() - 1})
        refused(json.left(cut));
    refused(QByteArray(json).replace("\"size\":2500}", "\"size\":2500.0}"));
    refused(QByteArray(json).replace("{\"format\":1,", "{ \"format\":1,"));
    refused(QByteArray(json).replace("\"size\":2500}", "\"size\":2500,\"extra\":true}"));
    refused(QByteArray(json).replace("\"size\":500}", "\"size\":-500}"));
    refused("[]");
    refused(QByteArray(PartsManifest::MaxFileBytes + 1, ' '));
}
