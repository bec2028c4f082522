// Emails into the journal: an entry of kind email with the headers in its fields and the original
// bytes as its attachment, byte for byte; the same bytes twice are one entry; a missing Date is a
// marked guess; threads by Message-ID, In-Reply-To and References.
#include <catch2/catch.hpp>

#include "MailFixtures.h"
#include "TestSupport.h"
#include "intake/EmailEntry.h"
#include "intake/EmailImporter.h"
#include "intake/MailThreads.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace pt;
using namespace pt::core;
using namespace pt::core::intake;
using namespace pt::test;

namespace {

struct ImportWorld {
    QTemporaryDir tmp;
    std::unique_ptr<Vault> vault = createVault(tmp.filePath(QStringLiteral("vault")));
    Journal& journal = vault->journal();
};

} // namespace

TEST_CASE("email import: an entry of kind email with its headers, text and the original bytes", "[intake][email]")
{
    ImportWorld w;
    const QByteArray original = corpusMail("attachments.eml");
    EmailImporter importer(w.journal);
    auto outcome = importer.import(original, {});
    REQUIRE(outcome.ok());
    CHECK(outcome->imported);
    CHECK_FALSE(outcome->otherCopy);
    REQUIRE(importer.save().ok());

    auto entry = w.journal.entry(outcome->entryId);
    REQUIRE(entry.ok());
    const EntryRevision& r = entry->latest;
    CHECK(r.kind == QStringLiteral("email"));
    CHECK(r.title == QStringLiteral("PIP documents"));
    CHECK(r.body.contains(QStringLiteral("Attached: the plan and a screenshot.")));
    CHECK(r.occurredAt == QDateTime(QDate(2024, 3, 15), QTime(16, 45), Qt::OffsetFromUTC, -4 * 3600));
    CHECK(r.occurredAt.offsetFromUtc() == -4 * 3600);
    CHECK(r.fields.value(QLatin1String(email::From)).toString().contains(QStringLiteral("dana.reyes@example.com")));
    CHECK(r.fields.value(QLatin1String(email::To)).toArray().first().toString().contains(QStringLiteral("sam.lee@example.org")));
    CHECK(r.fields.value(QLatin1String(email::MessageId)).toString() == QStringLiteral("pip-docs@example.com"));
    CHECK_FALSE(r.fields.contains(QLatin1String(email::DateGuessed)));

    const QJsonArray listed = r.fields.value(QLatin1String(email::Attachments)).toArray();
    QStringList names;
    for (const QJsonValue& a : listed)
        names.append(a.toObject().value(QStringLiteral("name")).toString());
    CHECK(names.contains(QStringLiteral("plan.pdf")));
    CHECK(names.contains(QStringLiteral("grade.png")));

    // The evidence: one attachment, the message exactly as it was, by bytes and by hash.
    REQUIRE(r.attachments.size() == 1);
    CHECK(r.attachments.first().mime == QStringLiteral("message/rfc822"));
    CHECK(r.attachments.first().name == QStringLiteral("PIP documents.eml"));
    CHECK(r.attachments.first().sha256 == sha256Hex(original));
    CHECK(readAttachment(w.journal, r.entryId, r.attachments.first().name) == original);

    // Searchable by a word of the body and by the sender in the headers.
    auto byBody = w.journal.search(QStringLiteral("screenshot"));
    REQUIRE(byBody.ok());
    REQUIRE(byBody->size() == 1);
    auto bySender = w.journal.search(QStringLiteral("reyes"));
    REQUIRE(bySender.ok());
    CHECK(bySender->size() == 1);
}

TEST_CASE("email import: the same bytes twice are one entry, and the second time says so", "[intake][email]")
{
    ImportWorld w;
    const QByteArray original = corpusMail("alternative.eml");
    {
        EmailImporter importer(w.journal);
        auto first = importer.import(original, {});
        REQUIRE(first.ok());
        REQUIRE(first->imported);
        auto again = importer.import(original, {}); // in the same run
        REQUIRE(again.ok());
        CHECK_FALSE(again->imported);
        CHECK(again->entryId == first->entryId);
        CHECK(again->notes.join(QLatin1Char(' ')).contains(QStringLiteral("Already in the journal")));
        REQUIRE(importer.save().ok());
    }
    EmailImporter later(w.journal); // and in a later one, from what the journal holds
    auto third = later.import(original, {});
    REQUIRE(third.ok());
    CHECK_FALSE(third->imported);
    CHECK(w.journal.count() == 1);

    // Deleted, it is still not imported again: the answer says to restore it.
    REQUIRE(w.journal.tombstone(third->entryId).ok());
    EmailImporter afterDelete(w.journal);
    auto fourth = afterDelete.import(original, {});
    REQUIRE(fourth.ok());
    CHECK_FALSE(fourth->imported);
    CHECK(fourth->alreadyDeleted);
    CHECK(fourth->notes.join(QLatin1Char(' ')).contains(QStringLiteral("restore")));

    // The same Message-ID with other bytes (a header added on the way) is kept, as another copy.
    const QByteArray relayed = QByteArrayLiteral("X-Forwarded-By: mailing list\r\n") + original;
    auto copy = afterDelete.import(relayed, {});
    REQUIRE(copy.ok());
    CHECK(copy->imported);
    CHECK(copy->otherCopy);
    REQUIRE(afterDelete.save().ok());
}

TEST_CASE("email import: no Date header is a marked guess, at the first server's time", "[intake][email]")
{
    ImportWorld w;
    EmailImporter importer(w.journal);
    const QDateTime fileTime(QDate(2024, 4, 1), QTime(12, 0), Qt::UTC);
    auto outcome = importer.import(corpusMail("no-date.eml"), fileTime);
    REQUIRE(outcome.ok());
    auto entry = w.journal.entry(outcome->entryId);
    REQUIRE(entry.ok());
    CHECK(entry->latest.fields.value(QLatin1String(email::DateGuessed)).toBool());
    CHECK(outcome->notes.join(QLatin1Char(' ')).count(QStringLiteral("guess")) == 1); // said once
    // Received: ... Wed, 20 Mar 2024 07:30:00 +0200, the first server's stamp (the top one).
    CHECK(entry->latest.occurredAt.toUTC() == QDateTime(QDate(2024, 3, 20), QTime(5, 30), Qt::UTC));

    // Without a Received header either, the file's time.
    auto bare = importer.import(mailWith("From: a@example.com\r\nSubject: Bare\r\n", "Nothing else.\r\n"), fileTime);
    REQUIRE(bare.ok());
    auto bareEntry = w.journal.entry(bare->entryId);
    REQUIRE(bareEntry.ok());
    CHECK(bareEntry->latest.occurredAt == fileTime);
    CHECK(bareEntry->latest.fields.value(QLatin1String(email::DateGuessed)).toBool());
    CHECK(bare->notes.join(QLatin1Char(' ')).contains(QStringLiteral("file's time")));
}

TEST_CASE("email import: what is not an email is refused and nothing is added", "[intake][email]")
{
    ImportWorld w;
    EmailImporter importer(w.journal);
    auto refused = importer.import(QByteArray(), {});
    REQUIRE_FALSE(refused.ok());
    CHECK_FALSE(refused.error().message.isEmpty());
    CHECK(w.journal.count() == 0);
}

TEST_CASE("email threads: a reply chain is one conversation, in date order", "[intake][email]")
{
    ImportWorld w;
    EmailImporter importer(w.journal);
    QStringList ids;
    // Imported out of order, and with an unrelated message among them.
    for (const char* name : {"thread-3.eml", "attachments.eml", "thread-1.eml", "thread-2.eml"}) {
        auto outcome = importer.import(corpusMail(name), {});
        REQUIRE(outcome.ok());
        ids.append(outcome->entryId);
    }
    const MailThreads threads = MailThreads::of(w.journal.entries());
    const QStringList expected{ids.at(2), ids.at(3), ids.at(0)}; // thread-1, -2, -3
    CHECK(threads.threadOf(ids.at(0)) == expected);
    CHECK(threads.threadOf(ids.at(3)) == expected);
    CHECK(threads.threadOf(ids.at(1)) == QStringList{ids.at(1)});
    CHECK(threads.threadOf(QStringLiteral("not-an-entry")).isEmpty());
}

TEST_CASE("email import: messages are saved in batches, and only a saved batch is kept", "[intake][email]")
{
    ImportWorld w;
    const int total = EmailImporter::BatchMessages + 50;
    QList<QByteArray> messages;
    for (int i = 0; i < total; ++i)
        messages.append(mailWith(QStringLiteral("From: a@example.com\r\nSubject: Message %1\r\nMessage-ID: <m%1@example.com>\r\n"
                                                "Date: Mon, 4 Mar 2024 09:00:00 +0000\r\n").arg(i).toLatin1(),
                                 "Body.\r\n"));
    {
        EmailImporter importer(w.journal);
        for (const QByteArray& m : messages)
            REQUIRE(importer.import(m, {}).ok());
        CHECK(importer.unsaved() == 50); // the first BatchMessages were saved on the way
        CHECK(w.journal.inBatch());
        // Not saved: the importer goes, and the last 50 with it.
    }
    CHECK_FALSE(w.journal.inBatch());
    CHECK(w.journal.count() == EmailImporter::BatchMessages);
    {
        EmailImporter again(w.journal); // the 50 come in now; the rest are duplicates
        int imported = 0;
        for (const QByteArray& m : messages) {
            auto outcome = again.import(m, {});
            REQUIRE(outcome.ok());
            imported += outcome->imported ? 1 : 0;
        }
        CHECK(imported == 50);
        REQUIRE(again.save().ok());
    }
    // Saved means on disk: the vault opened afresh holds them all, and verifies.
    const QString dir = w.vault->dir();
    w.vault.reset();
    auto reopened = openVault(dir);
    REQUIRE(reopened);
    CHECK(reopened->journal().count() == total);
}
