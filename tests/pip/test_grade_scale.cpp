// The plan's grades, best first, and their scores for the grid's colours and the trends.
#include "TestSupport.h"

#include "pip/GradeScale.h"

using namespace pt::core::pip;

TEST_CASE("grade scale: met, partly met, not met", "[pip][scale]")
{
    const GradeScale s = GradeScale::metPartlyNot();
    CHECK(s.score(QStringLiteral("Met")) == 1.0);
    CHECK(s.score(QStringLiteral(" partly MET ")) == 0.5);
    CHECK(s.score(QStringLiteral("Not met")) == 0.0);
    CHECK_FALSE(s.score(QStringLiteral("Mostly fine, I guess")).has_value());
    CHECK(s.canonical(QStringLiteral("met")) == QStringLiteral("Met"));
    CHECK(s.canonical(QStringLiteral("meets")).isEmpty());
}

TEST_CASE("grade scale: 1 to 5 and the plan's own words", "[pip][scale]")
{
    const GradeScale five = GradeScale::oneToFive();
    CHECK(five.score(QStringLiteral("5")) == 1.0);
    CHECK(five.score(QStringLiteral("1")) == 0.0);
    CHECK(five.score(QStringLiteral("4")) == 0.75);

    const GradeScale words = GradeScale::fromList({QStringLiteral("Complete"), QStringLiteral("On track"), QStringLiteral(""),
                                                   QStringLiteral("complete"), QStringLiteral("Off track")});
    CHECK(words.grades == QStringList{QStringLiteral("Complete"), QStringLiteral("On track"), QStringLiteral("Off track")});
    CHECK(words.score(QStringLiteral("on track")) == 0.5);
    // Fewer than two grades is no scale: the default stands.
    CHECK(GradeScale::fromList({QStringLiteral("Pass")}).grades == GradeScale::metPartlyNot().grades);
}
