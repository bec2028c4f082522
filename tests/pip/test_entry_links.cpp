// Links and people: fields of any entry, in its revision, shown both ways.
#include "TestSupport.h"

#include "vault/EntryLinks.h"

#include <QJsonArray>

using namespace pt::core;
using namespace pt::test;

namespace {

QString add(Vault& vault, const QString& title, const QStringList& links = {}, const QStringList& people = {})
{
    EntryDraft d;
    d.title = title;
    setLinks(d.fields, links);
    setPeople(d.fields, people);
    auto e = vault.journal().add(d);
    REQUIRE(e.ok());
    return e->latest.entryId;
}

} // namespace

TEST_CASE("links: written on one entry, shown on both", "[pip][links]")
{
    QTemporaryDir dir;
    auto vault = createVault(dir.path() + QStringLiteral("/v"));
    const QString email = add(*vault, QStringLiteral("Re: tickets"));
    const QString screenshot = add(*vault, QStringLiteral("Ticket queue"));
    const QString rebuttal = add(*vault, QStringLiteral("Correction"), {email, screenshot, email, QStringLiteral("not-an-entry")});

    const LinkIndex index(vault->journal().entries());
    CHECK(index.linksFrom(rebuttal) == QStringList{email, screenshot}); // repeats and unknown ids left out
    CHECK(index.linksTo(email) == QStringList{rebuttal});
    CHECK(index.linked(email) == QStringList{rebuttal});
    CHECK(index.linksTo(rebuttal).isEmpty());

    // A deleted entry is not linked from anywhere.
    REQUIRE(vault->journal().tombstone(screenshot).ok());
    CHECK(LinkIndex(vault->journal().entries()).linksFrom(rebuttal) == QStringList{email});

    // Changing the links is an edit, kept in the history.
    EntryChange change;
    QJsonObject fields;
    setLinks(fields, {});
    change.fields = fields;
    REQUIRE(vault->journal().edit(rebuttal, change).ok());
    CHECK(LinkIndex(vault->journal().entries()).linksTo(email).isEmpty());
    auto history = vault->journal().history(rebuttal);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK(linksOf(history->first()).size() == 3);
}

TEST_CASE("people: one person however the name is typed, with their timeline", "[pip][links]")
{
    QTemporaryDir dir;
    auto vault = createVault(dir.path() + QStringLiteral("/v"));
    const QString a = add(*vault, QStringLiteral("1:1"), {}, {QStringLiteral("Dana Smith"), QStringLiteral("Robin Lee")});
    const QString b = add(*vault, QStringLiteral("Remark"), {}, {QStringLiteral(" dana  SMITH "), QStringLiteral("dana smith")});
    add(*vault, QStringLiteral("Alone"));

    const LinkIndex index(vault->journal().entries());
    CHECK(index.people() == QStringList{QStringLiteral("Dana Smith"), QStringLiteral("Robin Lee")});
    const QStringList dana = index.entriesNaming(QStringLiteral("DANA SMITH"));
    CHECK(dana.size() == 2);
    CHECK(dana.contains(a));
    CHECK(dana.contains(b));
    CHECK(index.entriesNaming(QStringLiteral("Robin Lee")) == QStringList{a});

    QJsonObject fields;
    setPeople(fields, {QStringLiteral("Sam"), QStringLiteral("sam"), QStringLiteral(" ")});
    CHECK(fields.value(QLatin1String(PeopleField)).toArray().size() == 1);
    addPeople(fields, {QStringLiteral("Kim"), QStringLiteral("SAM")});
    CHECK(fields.value(QLatin1String(PeopleField)).toArray() == QJsonArray{QStringLiteral("Sam"), QStringLiteral("Kim")});
}

TEST_CASE("links: a planted revision cannot make the index hold more than a thousand", "[pip][links][hostile]")
{
    EntryRevision r;
    r.entryId = QStringLiteral("self");
    QJsonArray many;
    for (int i = 0; i < 5000; ++i)
        many.append(QStringLiteral("id-%1").arg(i));
    many.append(QStringLiteral("self"));
    many.append(42); // not text
    r.fields.insert(QLatin1String(LinksField), many);
    r.fields.insert(QLatin1String(PeopleField), QStringLiteral("not an array"));
    CHECK(linksOf(r).size() == 1000);
    CHECK_FALSE(linksOf(r).contains(QStringLiteral("self")));
    CHECK(peopleOf(r).isEmpty());
}
