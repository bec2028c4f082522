// Drafts: sealed into journal.db outside the log, surviving a reopen, never in the chain.
#include "TestSupport.h"

#include <QJsonDocument>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

TEST_CASE("drafts: saved, reopened, replaced and discarded", "[drafts]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    const QJsonObject draft{{QStringLiteral("title"), QStringLiteral("1:1 right now")},
                            {QStringLiteral("body"), QStringLiteral("She said the deadline moved to")}};
    {
        auto vault = createVault(dir);
        REQUIRE(vault->drafts().save(QStringLiteral("new"), draft).ok());
        auto none = vault->drafts().load(QStringLiteral("other"));
        REQUIRE(none.ok());
        CHECK_FALSE(none->has_value());
    }
    auto vault = openVault(dir);
    auto loaded = vault->drafts().load(QStringLiteral("new"));
    REQUIRE(loaded.ok());
    REQUIRE(loaded->has_value());
    CHECK(**loaded == draft);
    // A draft is not an entry and adds nothing to the log.
    CHECK(vault->journal().entries().isEmpty());
    CHECK(vault->verify().records == 0);

    QJsonObject newer = draft;
    newer.insert(QStringLiteral("body"), QStringLiteral("She said the deadline moved to Friday."));
    REQUIRE(vault->drafts().save(QStringLiteral("new"), newer).ok());
    CHECK(vault->drafts().load(QStringLiteral("new"))->value() == newer);

    REQUIRE(vault->drafts().discard(QStringLiteral("new")).ok());
    CHECK_FALSE(vault->drafts().load(QStringLiteral("new"))->has_value());
}

TEST_CASE("drafts: ciphertext only, bound to its slot", "[drafts]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    auto vault = createVault(dir);
    const QString secret = QStringLiteral("draftcanary-7f3e9a");
    REQUIRE(vault->drafts().save(QStringLiteral("a"), {{QStringLiteral("body"), secret}}).ok());
    vault.reset();
    CHECK_FALSE(readFile(dir + QStringLiteral("/journal.db")).contains(secret.toUtf8()));

    // Moving a draft to another slot makes it unreadable: a clear Damaged error, no crash.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("draft-move"));
        db.setDatabaseName(dir + QStringLiteral("/journal.db"));
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("UPDATE drafts SET slot = 'b' WHERE slot = 'a'")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("draft-move"));
    vault = openVault(dir);
    auto moved = vault->drafts().load(QStringLiteral("b"));
    REQUIRE_FALSE(moved.ok());
    CHECK(moved.error().code == ErrorCode::Damaged);
}
