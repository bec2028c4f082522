// The card preview: a few lines of the body, cut at a word and marked as going on.
#include <catch2/catch.hpp>

#include "TimelineModel.h"

using pt::gui::TimelineModel;

TEST_CASE("timeline preview: short bodies whole, long ones cut at a word with an ellipsis", "[gui][timeline]")
{
    CHECK(TimelineModel::preview(QStringLiteral("  two\n lines ")) == QStringLiteral("two lines"));
    QString body;
    for (int i = 0; i < 60; ++i)
        body += QStringLiteral("word%1 ").arg(i);
    const QString cut = TimelineModel::preview(body);
    REQUIRE(cut.endsWith(QChar(0x2026)));
    CHECK(cut.size() <= 241);
    const QString lastWord = cut.chopped(1).section(QLatin1Char(' '), -1);
    CHECK(body.contains(lastWord + QLatin1Char(' '))); // a whole word, not a piece of one
    // One endless word is cut anyway.
    CHECK(TimelineModel::preview(QString(1000, QLatin1Char('x'))).size() == 241);
}
