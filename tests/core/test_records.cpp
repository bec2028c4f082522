// The two JSON objects every unlock reads by the ten thousand, entry revisions and log records:
// what the writer produces reads back exactly (any text, nested kind fields), fields from a newer
// writer are skipped, and anything else (wrong types, trailing bytes, bad UTF-8, truncation) is
// refused rather than half-read.
#include "TestSupport.h"

#include "vault/EntryRevision.h"
#include "vault/LogRecord.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace pt::core;

namespace {

EntryRevision sampleRevision()
{
    EntryRevision r;
    r.entryId = QStringLiteral("0b8f5d7e-4a38-4c5e-9a51-3f1b2d8e7c61");
    r.revision = 2;
    r.previous = QString(64, QLatin1Char('a'));
    r.kind = QStringLiteral("meeting");
    r.title = QStringLiteral("1:1 with Dana \u2014 \"PIP\" week 3 \U0001F4C5");
    r.body = QStringLiteral("Line one\nLine\ttwo \\ back\u00A0slash\r\nZ\u00FCrich \u4E2D\u6587 </script>\u0001");
    r.occurredAt = QDateTime::fromString(QStringLiteral("2026-11-20T15:30:00+01:00"), Qt::ISODate);
    r.recordedAt = QDateTime::fromString(QStringLiteral("2026-11-20T16:02:11.123Z"), Qt::ISODate);
    r.timeZone = QStringLiteral("Europe/Berlin");
    r.tags = {QStringLiteral("pip"), QStringLiteral("1on1"), QStringLiteral("caf\u00E9")};
    r.fields = QJsonObject{{QStringLiteral("attendees"), QJsonArray{QStringLiteral("Dana"), QStringLiteral("Sam")}},
                           {QStringLiteral("nested"), QJsonObject{{QStringLiteral("n"), 3}, {QStringLiteral("ok"), true}}},
                           {QStringLiteral("agreements"), QStringLiteral("Reports on Fridays")}};
    r.attachments = {{QString(64, QLatin1Char('b')), QStringLiteral("grade.png"), QStringLiteral("image/png"), 48213,
                      QString(64, QLatin1Char('c'))}};
    return r;
}

LogRecord sampleRecord(LogRecord::Op op)
{
    LogRecord r;
    r.device = QStringLiteral("5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
    r.seq = 7;
    r.previous = QString(64, QLatin1Char('d'));
    r.time = QDateTime::fromString(QStringLiteral("2026-11-20T16:02:11.123Z"), Qt::ISODate);
    r.op = op;
    r.entryId = QStringLiteral("0b8f5d7e-4a38-4c5e-9a51-3f1b2d8e7c61");
    if (op == LogRecord::Op::Put) {
        r.revision = 2;
        r.object = QString(64, QLatin1Char('e'));
    } else if (op == LogRecord::Op::Purge) {
        r.purged = {{QString(64, QLatin1Char('f')), QString()}, {QString(64, QLatin1Char('1')), QString(64, QLatin1Char('2'))}};
    }
    return r;
}

// The canonical JSON with one top-level member replaced (or added).
QByteArray withMember(const QByteArray& json, const QString& key, const QJsonValue& value)
{
    QJsonObject o = QJsonDocument::fromJson(json).object();
    o.insert(key, value);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

TEST_CASE("An entry revision reads back exactly as written", "[core][records]")
{
    const EntryRevision r = sampleRevision();
    const auto back = EntryRevision::fromJson(r.toCanonicalJson());
    REQUIRE(back);
    CHECK(back->entryId == r.entryId);
    CHECK(back->revision == r.revision);
    CHECK(back->previous == r.previous);
    CHECK(back->kind == r.kind);
    CHECK(back->title == r.title);
    CHECK(back->body == r.body);
    CHECK(back->occurredAt == r.occurredAt);
    CHECK(back->occurredAt.offsetFromUtc() == 3600);
    CHECK(back->recordedAt == r.recordedAt);
    CHECK(back->timeZone == r.timeZone);
    CHECK(back->tags == r.tags);
    CHECK(back->fields == r.fields);
    CHECK(back->attachments == r.attachments);
    CHECK(changedFields(r, *back).isEmpty());
    CHECK(back->toCanonicalJson() == r.toCanonicalJson());
}

TEST_CASE("An entry revision skips fields it does not know and refuses malformed ones", "[core][records]")
{
    const QByteArray good = sampleRevision().toCanonicalJson();
    CHECK(EntryRevision::fromJson(withMember(good, QStringLiteral("mood"), QJsonObject{{QStringLiteral("x"), QJsonArray{1, 2}}})));

    CHECK_FALSE(EntryRevision::fromJson(good + "x"));
    CHECK_FALSE(EntryRevision::fromJson(good + "{}"));
    CHECK_FALSE(EntryRevision::fromJson(good.chopped(1)));
    CHECK_FALSE(EntryRevision::fromJson("[" + good + "]"));
    CHECK_FALSE(EntryRevision::fromJson(QByteArray()));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("v"), 2)));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("title"), 5)));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("title"), QJsonValue::Null)));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("revision"), QStringLiteral("2"))));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("revision"), 2.5)));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), 1})));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("fields"), QJsonArray{})));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("occurred_at"), QStringLiteral("yesterday"))));
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("entry"), QStringLiteral("not-a-uuid"))));
    QJsonObject badAttachment{{QStringLiteral("object"), QStringLiteral("xyz")}, {QStringLiteral("name"), QStringLiteral("a")},
                              {QStringLiteral("mime"), QStringLiteral("b")}, {QStringLiteral("size"), 1},
                              {QStringLiteral("sha256"), QString(64, QLatin1Char('c'))}};
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("attachments"), QJsonArray{badAttachment})));
    badAttachment.insert(QStringLiteral("object"), QString(64, QLatin1Char('b')));
    CHECK(EntryRevision::fromJson(withMember(good, QStringLiteral("attachments"), QJsonArray{badAttachment})));
    badAttachment.insert(QStringLiteral("size"), -1);
    CHECK_FALSE(EntryRevision::fromJson(withMember(good, QStringLiteral("attachments"), QJsonArray{badAttachment})));

    // Invalid UTF-8 inside a string.
    QByteArray broken = good;
    const qsizetype at = broken.indexOf("Line one");
    REQUIRE(at > 0);
    broken[at] = char(0xC3);
    broken[at + 1] = char(0x28);
    CHECK_FALSE(EntryRevision::fromJson(broken));
}

TEST_CASE("Log records read back exactly as written, for every operation", "[core][records]")
{
    for (const LogRecord::Op op : {LogRecord::Op::Put, LogRecord::Op::Tombstone, LogRecord::Op::Purge}) {
        INFO(opName(op).toStdString());
        LogRecord r = sampleRecord(op);
        if (op == LogRecord::Op::Tombstone)
            r.clockWas = QDateTime::fromString(QStringLiteral("2026-11-20T15:00:00Z"), Qt::ISODate);
        const auto back = LogRecord::fromPayload(r.payload());
        REQUIRE(back);
        CHECK(back->device == r.device);
        CHECK(back->seq == r.seq);
        CHECK(back->previous == r.previous);
        CHECK(back->time == r.time);
        CHECK(back->clockWas == r.clockWas);
        CHECK(back->op == r.op);
        CHECK(back->entryId == r.entryId);
        CHECK(back->payload() == r.payload());
        if (op == LogRecord::Op::Put) {
            CHECK(back->revision == r.revision);
            CHECK(back->object == r.object);
        }
        if (op == LogRecord::Op::Purge) {
            REQUIRE(back->purged.size() == 2);
            CHECK(back->purged.at(1).object == r.purged.at(1).object);
            CHECK(back->purged.at(1).sha256 == r.purged.at(1).sha256);
        }
    }
}

TEST_CASE("Log records refuse malformed payloads", "[core][records]")
{
    const QByteArray good = sampleRecord(LogRecord::Op::Put).payload();
    REQUIRE(LogRecord::fromPayload(good));
    CHECK(LogRecord::fromPayload(withMember(good, QStringLiteral("later"), QStringLiteral("ignored"))));
    CHECK_FALSE(LogRecord::fromPayload(good + " 1"));
    CHECK_FALSE(LogRecord::fromPayload(good.left(good.size() / 2)));
    CHECK_FALSE(LogRecord::fromPayload(withMember(good, QStringLiteral("op"), QStringLiteral("rewrite"))));
    CHECK_FALSE(LogRecord::fromPayload(withMember(good, QStringLiteral("seq"), QStringLiteral("7"))));
    CHECK_FALSE(LogRecord::fromPayload(withMember(good, QStringLiteral("seq"), 0)));
    CHECK_FALSE(LogRecord::fromPayload(withMember(good, QStringLiteral("device"), 1)));
    CHECK_FALSE(LogRecord::fromPayload(withMember(good, QStringLiteral("object"), QStringLiteral("short"))));
    CHECK_FALSE(LogRecord::fromPayload(withMember(good, QStringLiteral("purged"), QStringLiteral("all"))));
    CHECK_FALSE(LogRecord::fromPayload(withMember(good, QStringLiteral("v"), 0)));
}

TEST_CASE("A quick note without a title is listed by the first line of its body", "[core][records]")
{
    EntryRevision r;
    r.title = QStringLiteral("1:1 with Dana");
    r.body = QStringLiteral("She said the goal is not on track.\nI showed the PRs.");
    CHECK(headline(r) == QLatin1String("1:1 with Dana"));
    CHECK(bodyAfterHeadline(r) == r.body);

    r.title = QStringLiteral("   ");
    r.body = QStringLiteral("\n  \n  She said the goal is not on track.  \nI showed the PRs.");
    CHECK(headline(r) == QLatin1String("She said the goal is not on track."));
    CHECK(bodyAfterHeadline(r) == QLatin1String("I showed the PRs."));

    r.body = QString(100, QLatin1Char('x')) + QStringLiteral("\nrest");
    CHECK(headline(r) == QString(79, QLatin1Char('x')) + QChar(0x2026));
    CHECK(bodyAfterHeadline(r) == QChar(0x2026) + QString(21, QLatin1Char('x')) + QStringLiteral(" rest"));

    // Words are not split between the headline and the preview.
    r.body = QStringLiteral("Dana moved the demo deadline from Friday to Wednesday in the shared team calendar "
                            "without telling anyone\nrest");
    CHECK(headline(r) == QStringLiteral("Dana moved the demo deadline from Friday to Wednesday in the shared team") +
                             QChar(0x2026));
    CHECK(bodyAfterHeadline(r) == QChar(0x2026) + QStringLiteral("calendar without telling anyone rest"));

    r.body = QStringLiteral(" \n ");
    CHECK(headline(r).isEmpty());
    CHECK(bodyAfterHeadline(r).isEmpty());
}
