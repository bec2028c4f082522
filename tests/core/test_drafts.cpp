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

namespace {

// Runs one statement on the vault's journal.db behind the vault's back.
void sql(const QString& dir, const QString& statement)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("draft-edit"));
        db.setDatabaseName(dir + QStringLiteral("/journal.db"));
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("draft-edit"));
}

} // namespace

TEST_CASE("drafts: ciphertext only under a row name that does not name the slot", "[drafts]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    auto vault = createVault(dir);
    const QString secret = QStringLiteral("draftcanary-7f3e9a");
    REQUIRE(vault->drafts().save(QStringLiteral("new-meeting"), {{QStringLiteral("body"), secret}}).ok());
    REQUIRE(vault->drafts().save(QStringLiteral("edit-0123456789abcdef"), {{QStringLiteral("body"), secret}}).ok());
    vault.reset();
    const QByteArray file = readFile(dir + QStringLiteral("/journal.db"));
    CHECK_FALSE(file.contains(secret.toUtf8()));
    CHECK_FALSE(file.contains("meeting"));
    CHECK_FALSE(file.contains("0123456789abcdef"));
}

TEST_CASE("drafts: a draft moved to another slot is refused as damaged", "[drafts]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    REQUIRE(createVault(dir)->drafts().save(QStringLiteral("a"), {{QStringLiteral("body"), QStringLiteral("x")}}).ok());
    sql(dir, QStringLiteral("UPDATE drafts SET slot = 'b'")); // the row, named as an earlier version would
    auto vault = openVault(dir);
    auto moved = vault->drafts().load(QStringLiteral("b"));
    REQUIRE_FALSE(moved.ok());
    CHECK(moved.error().code == ErrorCode::Damaged);
}

TEST_CASE("drafts: a row an earlier version named by its slot is read and then replaced", "[drafts]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/vault");
    const QJsonObject draft{{QStringLiteral("body"), QStringLiteral("before the update")}};
    REQUIRE(createVault(dir)->drafts().save(QStringLiteral("new"), draft).ok());
    sql(dir, QStringLiteral("UPDATE drafts SET slot = 'new'"));
    auto vault = openVault(dir);
    auto legacy = vault->drafts().load(QStringLiteral("new"));
    REQUIRE(legacy.ok());
    REQUIRE(legacy->has_value());
    CHECK(**legacy == draft);

    const QJsonObject newer{{QStringLiteral("body"), QStringLiteral("after the update")}};
    REQUIRE(vault->drafts().save(QStringLiteral("new"), newer).ok());
    CHECK(vault->drafts().load(QStringLiteral("new"))->value() == newer);
    REQUIRE(vault->drafts().discard(QStringLiteral("new")).ok());
    CHECK_FALSE(vault->drafts().load(QStringLiteral("new"))->has_value()); // neither row is left
}
