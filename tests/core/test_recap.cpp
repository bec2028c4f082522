// The follow-up email after a meeting: agreements, disagreements, action items, and a request to
// be corrected, as the seeds advise.
#include "TestSupport.h"

#include "MeetingRecap.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace pt::core;

TEST_CASE("recap: lists agreements, disagreements and action items", "[recap]")
{
    EntryRevision m;
    m.kind = QStringLiteral("meeting");
    m.title = QStringLiteral("Weekly PIP check-in");
    m.occurredAt = QDateTime(QDate(2026, 11, 20), QTime(15, 30), Qt::OffsetFromUTC, 3600);
    m.fields = {
        {QLatin1String(meeting::Attendees), QJsonArray{QStringLiteral("Dana (manager)"), QStringLiteral("Me")}},
        {QLatin1String(meeting::Agreements), QStringLiteral("- Goal 2 is met\n* Demo moved to Friday\n\n")},
        {QLatin1String(meeting::Disagreements), QStringLiteral("Whether the API migration counts as late")},
        {QLatin1String(meeting::ActionItems), QStringLiteral("Dana to confirm the new deadline in writing")},
    };
    const MailDraft recap = composeRecap(m);
    CHECK(recap.subject == QStringLiteral("Recap: Weekly PIP check-in (20 Nov 2026)"));
    CHECK(recap.body.contains(QStringLiteral("Friday 20 November 2026 at 15:30 (present: Dana (manager), Me)")));
    CHECK(recap.body.contains(QStringLiteral("What we agreed:\n- Goal 2 is met\n- Demo moved to Friday\n\n")));
    CHECK(recap.body.contains(QStringLiteral("Where we did not agree:\n- Whether the API migration counts as late\n")));
    CHECK(recap.body.contains(QStringLiteral("Next steps:\n- Dana to confirm the new deadline in writing\n")));
    CHECK(recap.body.contains(QStringLiteral("If I have missed or misunderstood anything")));

    const QUrl url = recap.mailtoUrl({QStringLiteral("dana@example.com")});
    CHECK(url.scheme() == QStringLiteral("mailto"));
    CHECK(url.path() == QStringLiteral("dana@example.com"));
    const QUrlQuery query(url);
    CHECK(query.queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded) == recap.subject);
    CHECK(query.queryItemValue(QStringLiteral("body"), QUrl::FullyDecoded) ==
          QString(recap.body).replace(QLatin1Char('\n'), QStringLiteral("\r\n")));
    CHECK_FALSE(url.toString(QUrl::FullyEncoded).contains(QLatin1Char(' ')));
}

TEST_CASE("recap: empty sections say so instead of vanishing", "[recap]")
{
    EntryRevision m;
    m.occurredAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0));
    const MailDraft recap = composeRecap(m);
    CHECK(recap.subject.startsWith(QStringLiteral("Recap: our meeting")));
    CHECK(recap.body.contains(QStringLiteral("What we agreed:\n- (nothing recorded)")));
    CHECK(recap.body.contains(QStringLiteral("Next steps:\n- (none recorded)")));
}
