// The rebuttal: structured around the plan's problem areas, then the claims that are wrong, each
// naming the email and the screenshot that prove it; calm words, gaps marked for the person.
#include "PipFixture.h"

#include "pip/RebuttalDraft.h"
#include "vault/EntryLinks.h"

using namespace pt::core;
using namespace pt::core::pip;
using namespace pt::test;

namespace {

QString addRecord(Journal& journal, const QString& kind, const QString& title, const QDateTime& when)
{
    EntryDraft d;
    d.kind = kind;
    d.title = title;
    d.occurredAt = when;
    auto e = journal.add(d);
    REQUIRE(e.ok());
    return e->latest.entryId;
}

QHash<QString, EntryRevision> byId(const Journal& journal)
{
    QHash<QString, EntryRevision> map;
    for (const Entry& e : journal.entries())
        map.insert(e.latest.entryId, e.latest);
    return map;
}

} // namespace

TEST_CASE("rebuttal: areas first, then corrections with the email and screenshot that prove them", "[pip][rebuttal]")
{
    PipVault v;
    Journal& j = v.vault->journal();
    const QString email = addRecord(j, QStringLiteral("email"), QStringLiteral("Re: P1 tickets this week"),
                                    QDateTime(QDate(2027, 1, 8), QTime(16, 2)));
    const QString screenshot = addRecord(j, QStringLiteral("screenshot"), QStringLiteral("Ticket dashboard"),
                                         QDateTime(QDate(2027, 1, 11), QTime(9, 30)));

    RebuttalPoint tickets;
    tickets.area = QStringLiteral("Ticket response times");
    tickets.steps = QStringLiteral("I check the P1 queue at 9:00, 12:00 and 15:00.");
    tickets.results = QStringLiteral("Every P1 since 4 January answered within 3 hours.");
    tickets.unclear = QStringLiteral("Whether tickets reassigned to me late count from their creation.");
    tickets.question = QStringLiteral("Which timestamp does the measure use?");
    tickets.evidence = {screenshot};
    auto area = v.recorder.saveRebuttalPoint(v.planId, tickets);
    REQUIRE(area.ok());

    RebuttalPoint claim;
    claim.claim = QStringLiteral("Alex did not respond to the outage on 7 January.");
    claim.facts = QStringLiteral("I replied to the outage thread at 16:02 on 8 January, within the hour it was assigned to me.");
    claim.evidence = {email, screenshot};
    auto correction = v.recorder.saveRebuttalPoint(v.planId, claim);
    REQUIRE(correction.ok());

    const PipWorkspace w = v.workspace();
    REQUIRE(w.rebuttal().size() == 2);
    const RebuttalText text = composeRebuttal(w, byId(j));
    CHECK(text.subject == QStringLiteral("My response to the performance improvement plan of 4 January 2027"));
    const QString& b = text.body;
    CHECK(b.startsWith(QStringLiteral("Dear Dana Smith,\n")));
    // The plan's two areas in its order, the unwritten one marked for the person to fill in.
    const qsizetype first = b.indexOf(QStringLiteral("1. Ticket response times"));
    const qsizetype second = b.indexOf(QStringLiteral("2. Reporting"));
    const qsizetype corrections = b.indexOf(QStringLiteral("A few points to correct for the record"));
    CHECK(first > 0);
    CHECK(second > first);
    CHECK(corrections > second);
    CHECK(b.contains(QStringLiteral("Steps I have taken:\nI check the P1 queue")));
    CHECK(b.contains(QStringLiteral("My question:\nWhich timestamp does the measure use?")));
    CHECK(b.indexOf(QStringLiteral("[Write the steps you have taken and the results so far.]")) > second);
    CHECK(b.contains(QStringLiteral("The plan says: \"Alex did not respond to the outage on 7 January.\"")));
    CHECK(b.contains(QStringLiteral("Records: the email \"Re: P1 tickets this week\" of 8 January 2027; "
                                    "the screenshot \"Ticket dashboard\" of 11 January 2027.")));
    CHECK(b.trimmed().endsWith(QStringLiteral("Kind regards,\nAlex Doe")));
    for (const char* hostile : {"unacceptable", " lie", "false", "!"}) {
        INFO(hostile << " in " << b);
        CHECK_FALSE(b.contains(QLatin1String(hostile), Qt::CaseInsensitive));
    }

    // The links show both ways: the email knows the correction that cites it.
    const LinkIndex links(j.entries());
    CHECK(links.linksTo(email) == QStringList{*correction});
    CHECK(links.linksTo(screenshot).size() == 2);
}

TEST_CASE("rebuttal: editing a point is a revision, and the draft follows the latest words", "[pip][rebuttal]")
{
    PipVault v;
    RebuttalPoint p;
    p.area = QStringLiteral("Reporting");
    p.steps = QStringLiteral("Draft sent to Dana on the 3rd.");
    auto id = v.recorder.saveRebuttalPoint(v.planId, p);
    REQUIRE(id.ok());
    p.id = *id;
    p.results = QStringLiteral("The January report went out on time.");
    REQUIRE(v.recorder.saveRebuttalPoint(v.planId, p).ok());

    auto history = v.vault->journal().history(*id);
    REQUIRE(history.ok());
    CHECK(history->size() == 2);
    const QString body = composeRebuttal(v.workspace(), {}).body;
    CHECK(body.contains(QStringLiteral("Results so far:\nThe January report went out on time.")));
    CHECK_FALSE(body.contains(QStringLiteral("[Write the results so far.]")));
    // Points for another plan stay out of this one's draft.
    RebuttalPoint other;
    other.area = QStringLiteral("Reporting");
    other.steps = QStringLiteral("Something from another plan");
    REQUIRE(v.recorder.saveRebuttalPoint(QStringLiteral("another-plan"), other).ok());
    CHECK_FALSE(composeRebuttal(v.workspace(), {}).body.contains(QStringLiteral("another plan")));
}

TEST_CASE("rebuttal: a deleted record is left out, never named", "[pip][rebuttal]")
{
    PipVault v;
    Journal& j = v.vault->journal();
    const QString email = addRecord(j, QStringLiteral("email"), QStringLiteral("Withdrawn"), v.clock.now());
    RebuttalPoint claim;
    claim.claim = QStringLiteral("Late every day.");
    claim.facts = QStringLiteral("Badge records show arrival before 9:00.");
    claim.evidence = {email};
    REQUIRE(v.recorder.saveRebuttalPoint(v.planId, claim).ok());
    REQUIRE(j.tombstone(email).ok());
    const QString body = composeRebuttal(v.workspace(), byId(j)).body;
    CHECK(body.contains(QStringLiteral("Badge records show arrival before 9:00.")));
    CHECK_FALSE(body.contains(QStringLiteral("Withdrawn")));
}
