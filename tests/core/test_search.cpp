// Search: words and prefixes in titles, bodies and tags; never deleted entries; any text is a safe
// query.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonObject>

#include "vault/SearchIndex.h"

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

QStringList hitIds(Journal& journal, const QString& query)
{
    auto hits = journal.search(query);
    if (!hits)
        FAIL("search '" << query << "' failed: " << hits.error().message);
    QStringList ids;
    for (const SearchHit& h : *hits)
        ids << h.entryId;
    return ids;
}

struct Fixture {
    QTemporaryDir root;
    QString dir = root.path() + QStringLiteral("/v");
    std::unique_ptr<Vault> vault;
    QString meeting, grade, deleted, french;

    Fixture()
    {
        vault = createVault(dir);
        Journal& j = vault->journal();
        meeting = add(QStringLiteral("Weekly one-on-one with Dana"),
                      QStringLiteral("She said the metrics were fine, then changed her mind."),
                      {QStringLiteral("pip"), QStringLiteral("meeting")});
        grade = add(QStringLiteral("Grade screenshot"), QStringLiteral("Daily grade: 2/5 (unfair) — see attachment."),
                    {QStringLiteral("grade"), QStringLiteral("pip-2026")});
        deleted = add(QStringLiteral("Zebra notes"), QStringLiteral("Something regrettable about zebras."),
                      {QStringLiteral("private")});
        REQUIRE(j.tombstone(deleted).ok());
        french = add(QStringLiteral("Réunion avec Émile"), QStringLiteral("Il a parlé du café."), {});
    }

    QString add(const QString& title, const QString& body, const QStringList& tags)
    {
        EntryDraft d;
        d.title = title;
        d.body = body;
        d.tags = tags;
        auto e = vault->journal().add(d);
        if (!e)
            FAIL("add failed: " << e.error().message);
        return e->latest.entryId;
    }
};

} // namespace

TEST_CASE("search: finds by title or body or tag and by word or prefix", "[search]")
{
    Fixture f;
    Journal& j = f.vault->journal();
    CHECK(hitIds(j, QStringLiteral("dana")) == QStringList{f.meeting});          // title word
    CHECK(hitIds(j, QStringLiteral("DANA")) == QStringList{f.meeting});          // any case
    CHECK(hitIds(j, QStringLiteral("metrics")) == QStringList{f.meeting});       // body word
    CHECK(hitIds(j, QStringLiteral("metr")) == QStringList{f.meeting});          // body prefix
    CHECK(hitIds(j, QStringLiteral("meeting")) == QStringList{f.meeting});       // tag
    CHECK(hitIds(j, QStringLiteral("screen")) == QStringList{f.grade});          // title prefix
    CHECK(hitIds(j, QStringLiteral("2026")) == QStringList{f.grade});            // part of a tag
    CHECK(hitIds(j, QStringLiteral("pip-2026")) == QStringList{f.grade});        // the whole tag
    CHECK(hitIds(j, QStringLiteral("unfair grade")) == QStringList{f.grade});    // all words, any order
    CHECK(hitIds(j, QStringLiteral("emile")) == QStringList{f.french});          // diacritics folded
    CHECK(hitIds(j, QStringLiteral("Réunion")) == QStringList{f.french});
    CHECK(hitIds(j, QStringLiteral("dana grade")).isEmpty());                    // no entry has both
    CHECK(hitIds(j, QStringLiteral("nothinglikethis")).isEmpty());
    QStringList both = hitIds(j, QStringLiteral("pip"));
    both.sort();
    QStringList expected{f.meeting, f.grade};
    expected.sort();
    CHECK(both == expected);

    auto hits = j.search(QStringLiteral("metrics"));
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK(hits->at(0).snippet.contains(QString(SearchHit::MatchStart) + QStringLiteral("metrics") + SearchHit::MatchEnd));
}

TEST_CASE("search: finds words in a kind's own fields such as a meeting's sections", "[search]")
{
    QTemporaryDir root;
    auto vault = createVault(root.path() + QStringLiteral("/v"));
    EntryDraft d;
    d.kind = QStringLiteral("meeting");
    d.title = QStringLiteral("Weekly 1:1");
    d.fields = QJsonObject{{QStringLiteral("present"), QStringLiteral("Dana, Priya")},
                           {QStringLiteral("agreed"), QStringLiteral("migration deadline moves to Friday")},
                           {QStringLiteral("next_steps"), QJsonArray{QStringLiteral("send the runbook")}}};
    auto e = vault->journal().add(d);
    REQUIRE(e.ok());
    Journal& j = vault->journal();
    CHECK(hitIds(j, QStringLiteral("priya")) == QStringList{e->latest.entryId});
    CHECK(hitIds(j, QStringLiteral("runbook")) == QStringList{e->latest.entryId});
    auto hits = j.search(QStringLiteral("friday"));
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK(hits->at(0).snippet.contains(QStringLiteral("Friday")));
    // A bracket of the entry's own is text, not a match marker.
    EntryDraft bracket;
    bracket.title = QStringLiteral("[draft] notes");
    bracket.body = QStringLiteral("about [x] and y");
    REQUIRE(j.add(bracket).ok());
    auto y = j.search(QStringLiteral("y"));
    REQUIRE(y.ok());
    REQUIRE_FALSE(y->isEmpty());
    CHECK(y->at(0).snippet.contains(QStringLiteral("[x]")));
}

TEST_CASE("search: deleted and purged entries are never found", "[search]")
{
    Fixture f;
    Journal& j = f.vault->journal();
    CHECK(hitIds(j, QStringLiteral("zebra")).isEmpty());
    CHECK(hitIds(j, QStringLiteral("regrettable")).isEmpty());
    CHECK(hitIds(j, QStringLiteral("private")).isEmpty());

    // Deleting after the index exists removes it from the index too.
    CHECK(hitIds(j, QStringLiteral("dana")) == QStringList{f.meeting});
    REQUIRE(j.tombstone(f.meeting).ok());
    CHECK(hitIds(j, QStringLiteral("dana")).isEmpty());
    REQUIRE(j.purge(f.grade).ok());
    CHECK(hitIds(j, QStringLiteral("grade")).isEmpty());

    // And after reopening.
    f.vault.reset();
    auto vault = openVault(f.dir);
    CHECK(hitIds(vault->journal(), QStringLiteral("zebra")).isEmpty());
    CHECK(hitIds(vault->journal(), QStringLiteral("dana")).isEmpty());
    CHECK(hitIds(vault->journal(), QStringLiteral("grade")).isEmpty());
    CHECK(hitIds(vault->journal(), QStringLiteral("emile")) == QStringList{f.french});
}

TEST_CASE("search: follows adds and edits made after the index was built", "[search]")
{
    Fixture f;
    Journal& j = f.vault->journal();
    CHECK(hitIds(j, QStringLiteral("dana")) == QStringList{f.meeting}); // builds the index
    const QString later = f.add(QStringLiteral("Shout-out from Priya"), QStringLiteral("Thanks for the launch"), {});
    CHECK(hitIds(j, QStringLiteral("priya")) == QStringList{later});

    EntryChange change;
    change.title = QStringLiteral("Weekly one-on-one with Morgan");
    REQUIRE(j.edit(f.meeting, change).ok());
    CHECK(hitIds(j, QStringLiteral("morgan")) == QStringList{f.meeting});
    CHECK(hitIds(j, QStringLiteral("dana")).isEmpty()); // the index holds the latest revision
}

TEST_CASE("search: any punctuation or FTS syntax in a query is safe", "[search]")
{
    Fixture f;
    Journal& j = f.vault->journal();
    const QStringList queries{
        QStringLiteral("\""),
        QStringLiteral("\"\""),
        QStringLiteral("'"),
        QStringLiteral("*"),
        QStringLiteral("dana*"),
        QStringLiteral("(dana"),
        QStringLiteral("dana)"),
        QStringLiteral("\"dana"),
        QStringLiteral("NEAR(dana metrics)"),
        QStringLiteral("dana OR metrics"),
        QStringLiteral("dana AND"),
        QStringLiteral("AND"),
        QStringLiteral("OR"),
        QStringLiteral("NOT"),
        QStringLiteral("-dana"),
        QStringLiteral("^dana"),
        QStringLiteral("title:dana"),
        QStringLiteral("{title body}: dana"),
        QStringLiteral("dana:"),
        QStringLiteral("'; DROP TABLE entries; --"),
        QStringLiteral("\\"),
        QStringLiteral("%"),
        QStringLiteral("_"),
        QStringLiteral("__"),
        QStringLiteral("+"),
        QString(QChar(0)),
        QString::fromUtf8("dana\0metrics", 12),
        QStringLiteral("🙂"),
        QStringLiteral("מנהל"),
        QStringLiteral("e\u0301mile"),
        QStringLiteral("   "),
        QString(),
        QString(10000, QLatin1Char('(')),
        QString(5000, QLatin1Char('a')),
        QStringLiteral("a b c d e f g h i j k l m n o p q r s t u v w x y z"),
        QStringLiteral("!@#$%^&*()[]{}<>?/|~`,.;:=+-"),
    };
    for (const QString& q : queries) {
        INFO("query: " << q.left(40));
        auto hits = j.search(q);
        if (!hits)
            FAIL("search failed: " << hits.error().message);
        // Whatever the punctuation, deleted entries stay hidden.
        for (const SearchHit& h : *hits)
            CHECK(h.entryId != f.deleted);
    }
    // Punctuation around a word does not stop it from matching.
    CHECK(hitIds(j, QStringLiteral("\"dana\"")) == QStringList{f.meeting});
    CHECK(hitIds(j, QStringLiteral("(dana)")) == QStringList{f.meeting});
    CHECK(hitIds(j, QStringLiteral("dana*")) == QStringList{f.meeting});
    CHECK(hitIds(j, QStringLiteral("title:dana")).isEmpty()); // 'title' is a word like any other
    CHECK(hitIds(j, QStringLiteral("zebra OR dana")).isEmpty());
    CHECK(hitIds(j, QStringLiteral("\"")).isEmpty());
    CHECK(SearchIndex::toFtsQuery(QStringLiteral("!?*")).isEmpty());
}
