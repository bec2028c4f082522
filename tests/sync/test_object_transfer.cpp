// Attachments to and from real WebDAV servers (through FaultProxy) with ObjectTransfer: whole, in
// parts above the part size, in smaller parts after a 413, resumed after a cut part; read back
// through WebDAV and as a folder (a Nextcloud folder synced to a laptop holds the same files),
// byte-exact, and never taken from parts that are not the ones named.
#include "GeneratedSource.h"
#include "RemoteBackends.h"
#include "SyncTestSupport.h"

#include "crypto/Random.h"
#include "sync/ObjectTransfer.h"
#include "sync/PartsManifest.h"
#include "vault/VaultKeys.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

#include <catch2/catch.hpp>

using namespace pt;
using namespace pt::core;
using namespace pt::core::sync;
using namespace pt::test;

namespace {

// A vault's attachment store without the rest of the vault: what ObjectTransfer reads and fills.
struct Store {
    QTemporaryDir dir;
    AttachmentStore attachments;

    explicit Store(const VaultKeys& keys) : attachments(dir.filePath(QStringLiteral("objects")), keys)
    {
        REQUIRE(dir.isValid());
        REQUIRE_OK(attachments.open());
    }
};

struct Sent {
    StoredAttachment stored;
    qint64 fileSize = 0;
};

Sent storeGenerated(Store& store, qint64 size, quint64 seed)
{
    GeneratedSource source(size, seed);
    auto stored = store.attachments.put(source);
    REQUIRE_OK(stored);
    CHECK(stored->sha256 == GeneratedSource::sha256Of(size, seed));
    return {*stored, QFileInfo(store.attachments.pathOf(stored->object)).size()};
}

Result<qint64> push(Remote& remote, const RemoteLayout& layout, Store& store, const QString& object)
{
    QFile file(store.attachments.pathOf(object));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return pushObject(remote, layout, object, file, file.size());
}

// The parts the file is cut into at `partSize`, as pushObject names them.
QStringList partNames(const QString& path, qint64 partSize)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QStringList names;
    while (!file.atEnd())
        names << QString::fromLatin1(QCryptographicHash::hash(file.read(partSize), QCryptographicHash::Sha256).toHex());
    return names;
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

int count(const FaultProxy& proxy, const QByteArray& method, const QString& pathPart, int status = -1)
{
    int n = 0;
    for (const ProxiedRequest& r : proxy.requests())
        n += r.method == method && r.path.contains(pathPart) && (status < 0 || r.status == status) ? 1 : 0;
    return n;
}

constexpr qint64 MiB = 1024 * 1024;

} // namespace

template <class Server>
class Transfer {
protected:
    std::unique_ptr<WebDavRemote> remoteWith(WebDavOptions options)
    {
        return webDavOn(server, throughProxy(server, proxy), {}, options);
    }
    // The served folder as a FolderRemote sees it.
    std::unique_ptr<FolderRemote> asFolder() { return std::make_unique<FolderRemote>(server.dataDir()); }
    QString stored(const QString& path) const { return server.dataDir() + QLatin1Char('/') + path; }

    Server server;
    FaultProxy proxy{QStringLiteral("127.0.0.1"), server.port()};
    VaultKeys keys{QUuid::createUuid().toString(QUuid::WithoutBraces), crypto::randomSecret(32)};
    RemoteLayout layout{QUuid::createUuid().toString(QUuid::WithoutBraces)};
    Store a{keys};
    Store b{keys};
};

#define PT_DAV_SERVERS ApacheDav, RcloneDav

TEMPLATE_TEST_CASE_METHOD(Transfer, "ObjectTransfer: an attachment up to the part size goes up whole",
                          "[sync][parts]", PT_DAV_SERVERS)
{
    WebDavOptions options;
    options.partBytes = 4 * MiB;
    auto remote = this->remoteWith(options);
    const Sent sent = storeGenerated(this->a, 3 * MiB, 1);
    auto pushed = push(*remote, this->layout, this->a, sent.stored.object);
    REQUIRE_OK(pushed);
    CHECK(*pushed == sent.fileSize);
    CHECK(QFileInfo(this->stored(this->layout.object(sent.stored.object))).size() == sent.fileSize);
    CHECK_FALSE(QFileInfo::exists(this->stored(this->layout.objectParts(sent.stored.object))));

    this->proxy.resetCounts();
    auto pulled = pullObject(*remote, this->layout, sent.stored.object, this->b.attachments, sent.fileSize);
    REQUIRE_OK(pulled);
    CHECK(*pulled == sent.fileSize);
    CHECK(this->proxy.requestCount() == 1);
    CHECK_OK(this->b.attachments.check(sent.stored.object, sent.stored.size, sent.stored.sha256));
}

TEMPLATE_TEST_CASE_METHOD(Transfer,
                          "ObjectTransfer: an attachment above the part size goes up in parts and comes back whole",
                          "[sync][parts]", PT_DAV_SERVERS)
{
    WebDavOptions options;
    options.partBytes = 1 * MiB;
    auto remote = this->remoteWith(options);
    const Sent sent = storeGenerated(this->a, 3 * MiB + MiB / 2, 2);
    const QString object = sent.stored.object;
    auto pushed = push(*remote, this->layout, this->a, object);
    REQUIRE_OK(pushed);

    // Parts named by their hashes, the manifest beside where the whole file would be, and
    // nothing under the whole name.
    const QStringList parts = partNames(this->a.attachments.pathOf(object), MiB);
    REQUIRE(parts.size() == 4);
    QStringList sorted = parts;
    sorted.sort();
    CHECK(filesIn(this->stored(this->layout.partsDir(object))) == sorted);
    CHECK_FALSE(QFileInfo::exists(this->stored(this->layout.object(object))));
    QFile manifestFile(this->stored(this->layout.objectParts(object)));
    REQUIRE(manifestFile.open(QIODevice::ReadOnly));
    auto manifest = PartsManifest::parse(manifestFile.readAll(), object, sent.fileSize);
    REQUIRE_OK(manifest);
    CHECK(manifest->size == sent.fileSize);
    CHECK(manifest->parts.size() == 4);
    CHECK(*pushed > sent.fileSize); // the parts and the manifest
    CHECK(count(this->proxy, "PUT", QStringLiteral("/parts/"), 201) == 4);

    SECTION("read back over WebDAV")
    {
        this->proxy.resetCounts();
        auto pulled = pullObject(*remote, this->layout, object, this->b.attachments, sent.fileSize);
        REQUIRE_OK(pulled);
        CHECK(*pulled == sent.fileSize);
        CHECK(this->proxy.requestCount() == 2 + 4); // the whole name, the manifest, the parts
        CHECK_OK(this->b.attachments.check(object, sent.stored.size, sent.stored.sha256));
    }
    SECTION("read back as a folder")
    {
        auto folder = this->asFolder();
        REQUIRE_OK(pullObject(*folder, this->layout, object, this->b.attachments, sent.fileSize));
        CHECK_OK(this->b.attachments.check(object, sent.stored.size, sent.stored.sha256));
    }
    SECTION("pushed again: the manifest there says it is all there")
    {
        this->proxy.resetCounts();
        auto again = push(*remote, this->layout, this->a, object);
        REQUIRE_OK(again);
        CHECK(*again == 0);
        CHECK(this->proxy.requestCount() == 1);
    }
}

TEMPLATE_TEST_CASE_METHOD(Transfer, "ObjectTransfer: a 413 to the whole upload sends it in parts that pass",
                          "[sync][parts][faults]", PT_DAV_SERVERS)
{
    FaultRule tooLarge;
    tooLarge.fault = Fault::Status;
    tooLarge.method = "PUT";
    tooLarge.status = 413;
    tooLarge.minBodyBytes = MiB + 1;
    tooLarge.times = -1;
    this->proxy.inject(tooLarge);
    auto remote = this->remoteWith({}); // the default part size, 64 MiB
    const Sent sent = storeGenerated(this->a, 3 * MiB, 3);
    const QString object = sent.stored.object;
    REQUIRE_OK(push(*remote, this->layout, this->a, object));

    // The whole file refused, then parts of half its size refused, then parts of a quarter.
    CHECK(count(this->proxy, "PUT", this->layout.object(object), 413) >= 1);
    CHECK(count(this->proxy, "PUT", QStringLiteral("/parts/"), 413) == 1);
    const QStringList stored = filesIn(this->stored(this->layout.partsDir(object)));
    REQUIRE(stored.size() >= 4);
    for (const QString& name : stored)
        CHECK(QFileInfo(this->stored(this->layout.part(object, name))).size() <= MiB);
    CHECK_FALSE(QFileInfo::exists(this->stored(this->layout.object(object))));

    auto pulled = pullObject(*remote, this->layout, object, this->b.attachments, sent.fileSize);
    REQUIRE_OK(pulled);
    CHECK_OK(this->b.attachments.check(object, sent.stored.size, sent.stored.sha256));
}

TEMPLATE_TEST_CASE_METHOD(Transfer, "ObjectTransfer: a 413 even to the smallest part is refused for good",
                          "[sync][parts][faults]", PT_DAV_SERVERS)
{
    FaultRule tooLarge;
    tooLarge.fault = Fault::Status;
    tooLarge.method = "PUT";
    tooLarge.status = 413;
    tooLarge.minBodyBytes = 100 * 1024;
    tooLarge.times = -1;
    this->proxy.inject(tooLarge);
    auto remote = this->remoteWith({});
    const Sent sent = storeGenerated(this->a, 2 * MiB, 4);
    auto refused = push(*remote, this->layout, this->a, sent.stored.object);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().tooLarge);
    CHECK_FALSE(refused.error().transient);
    CHECK(refused.error().message.contains(QStringLiteral("too large")));
    CHECK(refused.error().message.contains(QStringLiteral("256 KiB")));
    CHECK_FALSE(QFileInfo::exists(this->stored(this->layout.objectParts(sent.stored.object))));
    CHECK_FALSE(QFileInfo::exists(this->stored(this->layout.object(sent.stored.object))));
}

TEMPLATE_TEST_CASE_METHOD(Transfer,
                          "ObjectTransfer: a part upload cut half way resumes and no reader takes a part for the whole",
                          "[sync][parts][faults]", PT_DAV_SERVERS)
{
    WebDavOptions options;
    options.partBytes = 1 * MiB;
    auto remote = this->remoteWith(options);
    const Sent sent = storeGenerated(this->a, 4 * MiB + MiB / 2, 5);
    const QString object = sent.stored.object;
    const QStringList parts = partNames(this->a.attachments.pathOf(object), MiB);
    REQUIRE(parts.size() == 5);

    FaultRule cut;
    cut.fault = Fault::TruncateRequest;
    cut.method = "PUT";
    cut.pathContains = parts[2];
    cut.bytes = 256 * 1024;
    cut.times = -1;
    this->proxy.inject(cut);
    auto broken = push(*remote, this->layout, this->a, object);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().transient);

    // No manifest and no whole file: a reader finds nothing to take, and takes nothing.
    CHECK_FALSE(QFileInfo::exists(this->stored(this->layout.objectParts(object))));
    CHECK_FALSE(QFileInfo::exists(this->stored(this->layout.object(object))));
    auto early = pullObject(*remote, this->layout, object, this->b.attachments, sent.fileSize);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().transient);
    CHECK_FALSE(this->b.attachments.exists(object));
    CHECK(filesIn(this->b.dir.filePath(QStringLiteral("objects/tmp"))).isEmpty());

    // The next try sends only what is missing: the first two parts are there.
    this->proxy.clearFaults();
    this->proxy.resetCounts();
    REQUIRE_OK(retryWhileTransient([&] { return push(*remote, this->layout, this->a, object); }));
    CHECK(count(this->proxy, "PUT", parts[0]) == 0);
    CHECK(count(this->proxy, "PUT", parts[1]) == 0);
    CHECK(count(this->proxy, "PUT", parts[2], 201) + count(this->proxy, "PUT", parts[2], 204) == 1);
    // The part list last, once (after a 404 or 409 for objects/aa/, which nothing made yet).
    CHECK(count(this->proxy, "PUT", this->layout.objectParts(object), 201) +
              count(this->proxy, "PUT", this->layout.objectParts(object), 204) ==
          1);
    CHECK(this->proxy.requests().last().path.endsWith(this->layout.objectParts(object)));

    auto pulled = pullObject(*remote, this->layout, object, this->b.attachments, sent.fileSize);
    REQUIRE_OK(pulled);
    CHECK_OK(this->b.attachments.check(object, sent.stored.size, sent.stored.sha256));
}

TEMPLATE_TEST_CASE_METHOD(Transfer, "ObjectTransfer: parts that are not the ones named are never kept",
                          "[sync][parts]", PT_DAV_SERVERS)
{
    WebDavOptions options;
    options.partBytes = 1 * MiB;
    auto remote = this->remoteWith(options);
    const Sent sent = storeGenerated(this->a, 2 * MiB + 1000, 6);
    const QString object = sent.stored.object;
    REQUIRE_OK(push(*remote, this->layout, this->a, object));
    const QStringList parts = partNames(this->a.attachments.pathOf(object), MiB);
    REQUIRE(parts.size() == 3);
    const auto nothingKept = [&] {
        CHECK_FALSE(this->b.attachments.exists(object));
        CHECK(filesIn(this->b.dir.filePath(QStringLiteral("objects/tmp"))).isEmpty());
    };

    SECTION("a part's bytes replaced")
    {
        this->server.plant(this->layout.part(object, parts[1]), randomPayload(MiB));
        auto pulled = pullObject(*remote, this->layout, object, this->b.attachments, sent.fileSize);
        REQUIRE_FALSE(pulled.ok());
        CHECK(pulled.error().code == ErrorCode::Damaged);
        CHECK(pulled.error().message.contains(parts[1]));
        nothingKept();
    }
    SECTION("another attachment's parts and manifest put in its place")
    {
        // Each part hashes to its name, but together they are not this attachment.
        const Sent other = storeGenerated(this->a, 2 * MiB + 1000, 7);
        REQUIRE_OK(push(*remote, this->layout, this->a, other.stored.object));
        for (const QString& name : partNames(this->a.attachments.pathOf(other.stored.object), MiB))
            this->server.plant(this->layout.part(object, name),
                               *this->server.stored(this->layout.part(other.stored.object, name)));
        QByteArray json = *this->server.stored(this->layout.objectParts(other.stored.object));
        json.replace(other.stored.object.toLatin1(), object.toLatin1());
        this->server.plant(this->layout.objectParts(object), json);
        auto pulled = pullObject(*remote, this->layout, object, this->b.attachments, sent.fileSize);
        REQUIRE_FALSE(pulled.ok());
        CHECK(pulled.error().code == ErrorCode::Damaged);
        nothingKept();
    }
    SECTION("a stump under the whole name: the parts beside it are read")
    {
        // What a cut whole upload leaves on a server that writes in place.
        QFile file(this->a.attachments.pathOf(object));
        REQUIRE(file.open(QIODevice::ReadOnly));
        this->server.plant(this->layout.object(object), file.read(100 * 1024));
        REQUIRE_OK(pullObject(*remote, this->layout, object, this->b.attachments, sent.fileSize));
        CHECK_OK(this->b.attachments.check(object, sent.stored.size, sent.stored.sha256));
    }
}

TEMPLATE_TEST_CASE_METHOD(Transfer, "ObjectTransfer: attachments go up two at a time into shared new folders",
                          "[sync][parts]", PT_DAV_SERVERS)
{
    // Six files under one shard, large enough that each makes its folder first: the clones make
    // folders one at a time (rclone answers 423 to two MKCOLs of one folder at once).
    QTemporaryDir files;
    REQUIRE(files.isValid());
    QList<ObjectFile> list;
    QList<QByteArray> contents;
    for (int i = 0; i < 6; ++i) {
        contents << randomPayload(MiB + 1000 * i);
        const QString path = files.filePath(QStringLiteral("f%1").arg(i));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(contents.last()) == contents.last().size());
        list.append({QStringLiteral("ab") + QString(61, QLatin1Char('0')) + QString::number(i), path});
    }
    auto remote = this->remoteWith({});
    auto pushed = pushObjects(*remote, this->layout, list, 2);
    REQUIRE_OK(pushed);
    CHECK(pushed->objects == 6);
    for (int i = 0; i < 6; ++i)
        CHECK(this->server.stored(this->layout.object(list[i].object)) == contents[i]);
    // Made once: a 409 (objects/ is missing too), objects/, then objects/ab/. Under load rclone
    // now and then answers a PUT into the new folder as if it were missing, and the folder is
    // made a second time (harmless; not yet understood, see issue 10's note): at most twice,
    // where clones that did not share what they made would make it up to six times.
    CHECK(count(this->proxy, "MKCOL", QStringLiteral("/objects/ab/")) >= 2);
    CHECK(count(this->proxy, "MKCOL", QStringLiteral("/objects/ab/")) <= 3);
    CHECK(count(this->proxy, "MKCOL", QStringLiteral("/objects/ab/"), 201) >= 1);
    CHECK(count(this->proxy, "MKCOL", QStringLiteral("/objects/ab/"), 201) <= 2);
    CHECK(count(this->proxy, "MKCOL", QStringLiteral("/objects/"), 423) == 0);
    // The clone's requests count too. Qt sends a request again by itself when its connection was
    // cut before any answer (rclone resets one now and then under load): the proxy sees that try
    // unanswered, and the remote counts the request once.
    int unanswered = 0;
    for (const ProxiedRequest& r : this->proxy.requests())
        unanswered += r.status == 0 ? 1 : 0;
    CHECK(remote->requestCount() <= this->proxy.requestCount());
    CHECK(remote->requestCount() >= this->proxy.requestCount() - unanswered);

    SECTION("the first error stops the push and is the one returned")
    {
        FaultRule forbidden;
        forbidden.fault = Fault::Status;
        forbidden.method = "PUT";
        forbidden.status = 403;
        forbidden.pathContains = QStringLiteral("/objects/cd/");
        forbidden.times = -1;
        this->proxy.inject(forbidden);
        QList<ObjectFile> more = list;
        more[3].object = QStringLiteral("cd") + more[3].object.mid(2);
        for (int i = 0; i < 6; ++i)
            if (i != 3)
                more[i].object = QStringLiteral("ef") + more[i].object.mid(2);
        auto refused = pushObjects(*remote, this->layout, more, 2);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.contains(QStringLiteral("403")));
        CHECK_FALSE(this->server.stored(this->layout.object(more[3].object)));
    }
}
