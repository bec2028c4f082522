// Plaintext canary: a unique random string goes into a title, a body, a tag and an attachment
// (also as UTF-16); the entry is edited and searched, the vault locked. Then no file in the vault,
// TMPDIR, the cache or the data folder may contain it in UTF-8, UTF-16LE or UTF-16BE.
#include "TestSupport.h"

#include "crypto/Random.h"

#include <QDir>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

TEST_CASE("canary: no plaintext reaches the disk", "[canary]")
{
    QTemporaryDir root;
    REQUIRE(root.isValid());
    const QString home = root.path() + QStringLiteral("/home");
    const QString tmp = root.path() + QStringLiteral("/tmp");
    const QString cache = root.path() + QStringLiteral("/cache");
    const QString data = root.path() + QStringLiteral("/data");
    for (const QString& d : {home, tmp, cache, data})
        REQUIRE(QDir().mkpath(d));
    const QByteArray savedHome = qgetenv("HOME"), savedTmp = qgetenv("TMPDIR"), savedCache = qgetenv("XDG_CACHE_HOME"),
                     savedData = qgetenv("XDG_DATA_HOME");
    qputenv("HOME", home.toLocal8Bit());
    qputenv("TMPDIR", tmp.toLocal8Bit());
    qputenv("XDG_CACHE_HOME", cache.toLocal8Bit());
    qputenv("XDG_DATA_HOME", data.toLocal8Bit());
    REQUIRE(QDir::tempPath() == tmp);

    const QString canary = QStringLiteral("ptcanary") +
                           QString::fromStdString(crypto::toHex(crypto::randomBytes(12)));
    const QList<QByteArray> needles = encodings(canary);
    const QString dir = data + QStringLiteral("/papertrail/vault");
    {
        auto vault = createVault(dir);
        Journal& j = vault->journal();
        Sources sources;
        QByteArray attachment = QByteArrayLiteral("header ") + needles.at(0) + QByteArrayLiteral(" middle ") +
                                needles.at(1) + needles.at(2) + randomData(70'000) + needles.at(0);
        EntryDraft d;
        d.title = QStringLiteral("Title %1").arg(canary);
        d.body = QStringLiteral("Body with %1 inside, and its UTF-16 cousin.").arg(canary);
        d.tags = {canary};
        d.fields = QJsonObject{{QStringLiteral("note"), canary}};
        d.attachments = {sources.add(attachment, canary + QStringLiteral(".txt"), QStringLiteral("text/plain"))};
        auto e = j.add(d);
        REQUIRE(e.ok());
        const QString id = e->latest.entryId;

        EntryChange change;
        change.body = QStringLiteral("Edited: %1 %1").arg(canary);
        change.addAttachments = {sources.add(needles.at(1) + needles.at(0), QStringLiteral("utf16.bin"))};
        REQUIRE(j.edit(id, change).ok());

        auto hits = j.search(canary);
        REQUIRE(hits.ok());
        REQUIRE(hits->size() == 1);
        CHECK(hits->at(0).entryId == id);
        CHECK(j.search(canary.left(12))->size() == 1);
        CHECK(readAttachment(j, id, canary + QStringLiteral(".txt")) == attachment);
        CHECK(vault->verify().ok());

        vault->lock();
        CHECK_FALSE(vault->isUnlocked());
        // Locked but still open (journal.db and its WAL present).
        const QStringList hitsLocked = filesContaining({root.path()}, needles);
        INFO("files holding the canary while locked: " << hitsLocked.join(QStringLiteral(", ")));
        CHECK(hitsLocked.isEmpty());
        CHECK_FALSE(filesUnder(dir).isEmpty()); // the search did look at the vault
    }
    // Closed: also the whole private root this test process runs under (its SQLite temp folder).
    const QString processRoot = qEnvironmentVariable("PT_TEST_PRIVATE_ROOT");
    QStringList dirs{root.path()};
    if (!processRoot.isEmpty())
        dirs << processRoot;
    const QStringList hits = filesContaining(dirs, needles);
    INFO("files holding the canary: " << hits.join(QStringLiteral(", ")));
    CHECK(hits.isEmpty());

    // The needles do work: a file that holds the canary in UTF-16 is found.
    writeFile(tmp + QStringLiteral("/probe"), QByteArrayLiteral("x") + needles.at(2));
    CHECK(filesContaining({tmp}, needles) == QStringList{tmp + QStringLiteral("/probe")});

    qputenv("HOME", savedHome);
    qputenv("TMPDIR", savedTmp);
    qputenv("XDG_CACHE_HOME", savedCache);
    qputenv("XDG_DATA_HOME", savedData);
}
