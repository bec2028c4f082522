// RevisionDiff: each changed field by its stable key (the front ends name it in their language)
// with old and new value, word-level changes in long text, meeting sections by key, and nothing
// for a field that stays empty.
#include "TestSupport.h"

#include "MeetingRecap.h"
#include "vault/RevisionDiff.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace pt;
using namespace pt::core;

namespace {

EntryRevision revision()
{
    EntryRevision r;
    r.entryId = QStringLiteral("5ad17ac8-0000-4000-8000-000000000001");
    r.title = QStringLiteral("1:1 with Dana");
    r.body = QStringLiteral("She said the migration goal is not on track.");
    r.occurredAt = QDateTime(QDate(2026, 12, 1), QTime(15, 30), QTimeZone(3600));
    r.tags = {QStringLiteral("pip")};
    return r;
}

using K = TextSegment::Kind;

// The changes without words of any language: "title: A -> B", "tags: +hr -pip",
// "body: kept [-old-]{+new+}".
QStringList described(const QList<FieldChange>& changes)
{
    QStringList lines;
    for (const FieldChange& c : changes) {
        switch (c.shape) {
        case FieldChange::Shape::Value:
            lines << QStringLiteral("%1: %2 -> %3").arg(c.field, c.before, c.after);
            break;
        case FieldChange::Shape::List: {
            QStringList items;
            for (const QString& item : itemsOfKind(c, K::Added))
                items << QLatin1Char('+') + item;
            for (const QString& item : itemsOfKind(c, K::Removed))
                items << QLatin1Char('-') + item;
            lines << QStringLiteral("%1: %2").arg(c.field, items.join(QLatin1Char(' ')));
            break;
        }
        case FieldChange::Shape::Text:
            lines << QStringLiteral("%1: %2").arg(c.field, markedText(c.segments));
            break;
        }
    }
    return lines;
}

} // namespace

TEST_CASE("revision diff: short fields show old -> new by their stable keys", "[revisiondiff]")
{
    const EntryRevision before = revision();
    EntryRevision after = before;
    after.title = QStringLiteral("1:1 with Dana and HR");
    after.occurredAt = QDateTime(QDate(2026, 11, 30), QTime(15, 30), QTimeZone(3600));
    after.kind = QStringLiteral("shout-out");
    const QList<FieldChange> changes = revisionChanges(before, after);
    // A kind is its id, for the front end to name ("Shout-out" in the app, translated).
    CHECK(described(changes) == QStringList{QStringLiteral("kind: note -> shout-out"),
                                            QStringLiteral("title: 1:1 with Dana -> 1:1 with Dana and HR"),
                                            QStringLiteral("occurred_at: 1 Dec 15:30 -> 30 Nov 15:30")});
    for (const FieldChange& c : changes)
        CHECK(c.shape == FieldChange::Shape::Value);
}

TEST_CASE("revision diff: a field the front ends do not know is named by its key in words", "[revisiondiff]")
{
    CHECK(fieldKeyAsText(QStringLiteral("fields.pay_grade")) == QStringLiteral("Pay grade"));
    CHECK(fieldKeyAsText(QStringLiteral("mood")) == QStringLiteral("Mood"));
    CHECK(fieldKeyAsText(QString()).isEmpty());
    EntryRevision before = revision();
    EntryRevision after = before;
    after.fields = {{QStringLiteral("pay_grade"), QStringLiteral("L4")}};
    const QList<FieldChange> changes = revisionChanges(before, after);
    REQUIRE(changes.size() == 1);
    CHECK(changes.at(0).field == QStringLiteral("fields.pay_grade"));
    CHECK(changes.at(0).after == QStringLiteral("L4"));
}

TEST_CASE("revision diff: a time that differs only in seconds or year shows them", "[revisiondiff]")
{
    const EntryRevision before = revision();
    EntryRevision after = before;
    after.occurredAt = before.occurredAt.addSecs(20);
    CHECK(described(revisionChanges(before, after)) ==
          QStringList{QStringLiteral("occurred_at: 1 Dec 2026 15:30:00 -> 1 Dec 2026 15:30:20")});
    after.occurredAt = before.occurredAt.addYears(-1);
    CHECK(described(revisionChanges(before, after)) ==
          QStringList{QStringLiteral("occurred_at: 1 Dec 2026 15:30 -> 1 Dec 2025 15:30")});
}

TEST_CASE("revision diff: tags and attachments added and removed by name", "[revisiondiff]")
{
    EntryRevision before = revision();
    before.attachments = {{QString(64, QLatin1Char('a')), QStringLiteral("grade.png"), QStringLiteral("image/png"), 10,
                           QString(64, QLatin1Char('b'))}};
    EntryRevision after = before;
    after.tags = {QStringLiteral("hr"), QStringLiteral("meeting")};
    after.attachments = {{QString(64, QLatin1Char('c')), QStringLiteral("email.eml"), QStringLiteral("message/rfc822"), 20,
                          QString(64, QLatin1Char('d'))}};
    const QList<FieldChange> changes = revisionChanges(before, after);
    REQUIRE(changes.size() == 2);
    CHECK(changes.at(0).shape == FieldChange::Shape::List);
    CHECK(changes.at(0).before == QStringLiteral("pip"));
    CHECK(changes.at(0).after == QStringLiteral("hr, meeting"));
    CHECK(described(changes) == QStringList{QStringLiteral("tags: +hr +meeting -pip"),
                                            QStringLiteral("attachments: +email.eml -grade.png")});
}

TEST_CASE("revision diff: the body shows the words added and removed in context", "[revisiondiff]")
{
    const EntryRevision before = revision();
    EntryRevision after = before;
    after.body = QStringLiteral("She said the migration goal is on track; I showed the PRs.");
    const QList<FieldChange> changes = revisionChanges(before, after);
    REQUIRE(changes.size() == 1);
    const FieldChange& body = changes.at(0);
    CHECK(body.field == QStringLiteral("body"));
    CHECK(body.shape == FieldChange::Shape::Text);
    CHECK(body.before == before.body);
    CHECK(body.after == after.body);
    // Only the words that changed: not the whole old text.
    CHECK(body.segments == QList<TextSegment>{{K::Same, QStringLiteral("She said the migration goal is ")},
                                              {K::Removed, QStringLiteral("not")},
                                              {K::Same, QStringLiteral(" on ")},
                                              {K::Removed, QStringLiteral("track.")},
                                              {K::Added, QStringLiteral("track; I showed the PRs.")}});
    CHECK(markedText(body.segments) ==
          QStringLiteral("She said the migration goal is [-not-] on [-track.-]{+track; I showed the PRs.+}"));
}

TEST_CASE("revision diff: word diff marks single words and cuts long unchanged runs", "[revisiondiff]")
{
    QStringList words;
    for (int i = 1; i <= 40; ++i)
        words << QStringLiteral("w%1").arg(i);
    const QString before = words.join(QLatin1Char(' '));
    QStringList changed = words;
    changed[19] = QStringLiteral("CHANGED");
    const QList<TextSegment> segments = wordDiff(before, changed.join(QLatin1Char(' ')), 3);
    REQUIRE(segments.size() == 4);
    CHECK(segments.at(0) == TextSegment{K::Same, QStringLiteral("\u2026 w17 w18 w19 ")});
    CHECK(segments.at(1) == TextSegment{K::Removed, QStringLiteral("w20")});
    CHECK(segments.at(2) == TextSegment{K::Added, QStringLiteral("CHANGED")});
    CHECK(segments.at(3) == TextSegment{K::Same, QStringLiteral(" w21 w22 w23 \u2026")});

    // A reflowed line is not a change of words.
    CHECK(wordDiff(QStringLiteral("a b\nc"), QStringLiteral("a b c"), 3) == QList<TextSegment>{{K::Same, QStringLiteral("a b c")}});
    // A word in the middle of two changes keeps its context on both sides.
    const QList<TextSegment> two = wordDiff(QStringLiteral("x keep y"), QStringLiteral("X keep Y"), 3);
    CHECK(two == QList<TextSegment>{{K::Removed, QStringLiteral("x")}, {K::Added, QStringLiteral("X")},
                                    {K::Same, QStringLiteral(" keep ")}, {K::Removed, QStringLiteral("y")},
                                    {K::Added, QStringLiteral("Y")}});
}

TEST_CASE("revision diff: a huge text is compared without running out of memory", "[revisiondiff]")
{
    QStringList a, b;
    for (int i = 0; i < 30'000; ++i) {
        a << QStringLiteral("a%1").arg(i);
        b << QStringLiteral("b%1").arg(i);
    }
    const QList<TextSegment> segments = wordDiff(a.join(QLatin1Char(' ')), b.join(QLatin1Char(' ')));
    REQUIRE(segments.size() == 2);
    CHECK(segments.at(0).kind == K::Removed);
    CHECK(segments.at(1).kind == K::Added);
    CHECK(segments.at(1).text == b.join(QLatin1Char(' ')));
}

TEST_CASE("revision diff: meeting sections by their keys and nothing for an empty field that stays empty", "[revisiondiff]")
{
    EntryRevision before = revision();
    before.kind = QStringLiteral("meeting");
    before.fields = {{QLatin1String(meeting::Attendees), QJsonArray{QStringLiteral("Dana")}},
                     {QLatin1String(meeting::Agreements), QStringLiteral("Ship the report by Friday")},
                     {QLatin1String(meeting::Disagreements), QString()},
                     {QLatin1String(meeting::ActionItems), QString()}};
    EntryRevision after = before;
    after.fields = {{QLatin1String(meeting::Attendees), QJsonArray{QStringLiteral("Dana"), QStringLiteral("Sam (HR)")}},
                    {QLatin1String(meeting::Agreements), QStringLiteral("Ship the report by Monday")},
                    {QLatin1String(meeting::ActionItems), QStringLiteral("Send the recap")}};
    // Disagreements: empty before, missing after: not a change.
    const QStringList lines = described(revisionChanges(before, after));
    CHECK(lines == QStringList{QStringLiteral("fields.attendees: +Sam (HR)"),
                               QStringLiteral("fields.agreements: Ship the report by [-Friday-]{+Monday+}"),
                               QStringLiteral("fields.action_items: {+Send the recap+}")});

    // Revisions that differ only in empty fields, and identical ones, have no changes.
    EntryRevision emptied = before;
    emptied.fields.remove(QLatin1String(meeting::Disagreements));
    CHECK(revisionChanges(before, emptied).isEmpty());
    CHECK(revisionChanges(before, before).isEmpty());
}
