// What every Remote promises (Remote.h), checked against each backend of RemoteBackends.h: Apache
// mod_dav and rclone serve webdav, directly and through the fault proxy (here passing everything
// on), and FolderRemote. The faults themselves and what only WebDAV has (TLS, http:// refusal,
// auth) are in test_webdav.cpp.
#include "RemoteBackends.h"
#include "SyncTestSupport.h"

#include <QBuffer>

#include <type_traits>

#include <catch2/catch.hpp>

using namespace pt::test;
using pt::core::ErrorCode;
using pt::core::sync::Remote;
using pt::core::sync::RemoteFile;

namespace {

std::optional<RemoteFile> find(const QList<RemoteFile>& files, const QString& name)
{
    for (const RemoteFile& f : files)
        if (f.name == name)
            return f;
    return std::nullopt;
}

} // namespace

template <class Backend>
class Conformance {
protected:
    Backend backend;
    std::unique_ptr<Remote> remote = backend.makeRemote();
};

TEMPLATE_TEST_CASE_METHOD(Conformance, "Remote: a folder that does not exist lists as empty",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    for (const QString& dir : {QStringLiteral("heads"), QStringLiteral("objects/ab/cd")}) {
        auto listed = this->remote->list(dir);
        REQUIRE_OK(listed);
        CHECK(listed->isEmpty());
    }
}

TEMPLATE_TEST_CASE_METHOD(Conformance,
                          "Remote: putImmutable makes the folders and a second put of the name succeeds",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    const QByteArray bytes = randomPayload(4096);
    const QString path = QStringLiteral("objects/ab/ab01cd");
    auto first = putBytes(*this->remote, path, bytes);
    REQUIRE_OK(first);
    CHECK(this->backend.stored(path) == bytes);

    auto again = putBytes(*this->remote, path, bytes);
    REQUIRE_OK(again);
    CHECK(this->backend.stored(path) == bytes);

    auto listed = this->remote->list(QStringLiteral("objects/ab"));
    REQUIRE_OK(listed);
    REQUIRE(sortedNames(*listed) == QStringList{QStringLiteral("ab01cd")});
    CHECK(listed->first().size == bytes.size());
}

TEMPLATE_TEST_CASE_METHOD(Conformance, "Remote: get returns the bytes and getTo streams them",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    // Larger than the chunks bodies are read in, so it arrives in pieces.
    const QByteArray bytes = randomPayload(700 * 1024 + 17);
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/p1"), bytes));
    auto got = this->remote->get(QStringLiteral("packs/p1"), bytes.size());
    REQUIRE_OK(got);
    CHECK(*got == bytes);

    QByteArray streamed;
    QBuffer sink(&streamed);
    sink.open(QIODevice::WriteOnly);
    REQUIRE_OK(this->remote->getTo(QStringLiteral("packs/p1"), sink, bytes.size() + 1));
    CHECK(streamed == bytes);

    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/empty"), QByteArray()));
    auto empty = this->remote->get(QStringLiteral("packs/empty"), 10);
    REQUIRE_OK(empty);
    CHECK(empty->isEmpty());
}

TEMPLATE_TEST_CASE_METHOD(Conformance, "Remote: a file that does not exist is NotFound",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    auto missing = this->remote->get(QStringLiteral("heads/nobody"), 100);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK_FALSE(missing.error().transient);
}

TEMPLATE_TEST_CASE_METHOD(Conformance, "Remote: a file larger than the cap is refused as damaged",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    const QByteArray bytes = randomPayload(100 * 1024);
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("packs/big"), bytes));

    auto refused = this->remote->get(QStringLiteral("packs/big"), bytes.size() - 1);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Damaged);
    CHECK_FALSE(refused.error().transient);
    CHECK(refused.error().message.contains(QStringLiteral("packs/big")));

    QByteArray streamed;
    QBuffer sink(&streamed);
    sink.open(QIODevice::WriteOnly);
    auto streamRefused = this->remote->getTo(QStringLiteral("packs/big"), sink, 1000);
    REQUIRE_FALSE(streamRefused.ok());
    CHECK(streamRefused.error().code == ErrorCode::Damaged);
    CHECK(streamed.size() <= 1000);

    auto exact = this->remote->get(QStringLiteral("packs/big"), bytes.size());
    REQUIRE_OK(exact);
    CHECK(*exact == bytes);
}

TEMPLATE_TEST_CASE_METHOD(Conformance, "Remote: putMutable replaces the file", "[sync][remote]",
                          PT_REMOTE_BACKENDS)
{
    const QString head = QStringLiteral("heads/device-1");
    REQUIRE_OK(this->remote->putMutable(head, QByteArrayLiteral("seq 1")));
    CHECK(*this->remote->get(head, 100) == QByteArrayLiteral("seq 1"));

    auto before = this->remote->list(QStringLiteral("heads"));
    REQUIRE_OK(before);
    REQUIRE(before->size() == 1);

    REQUIRE_OK(this->remote->putMutable(head, QByteArrayLiteral("seq 2"))); // the same size
    CHECK(*this->remote->get(head, 100) == QByteArrayLiteral("seq 2"));
    REQUIRE_OK(this->remote->putMutable(head, QByteArrayLiteral("seq 10, longer")));
    CHECK(*this->remote->get(head, 100) == QByteArrayLiteral("seq 10, longer"));
    CHECK(this->backend.stored(head) == QByteArrayLiteral("seq 10, longer"));

    auto after = this->remote->list(QStringLiteral("heads"));
    REQUIRE_OK(after);
    REQUIRE(after->size() == 1);
    CHECK(after->first().size == 14);
    CHECK(after->first().changeToken() != before->first().changeToken());
}

TEMPLATE_TEST_CASE_METHOD(Conformance, "Remote: replace swaps a whole file in and leaves nothing beside it",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    const QString manifest = QStringLiteral("vault/vault.json");
    REQUIRE_OK(this->remote->replace(manifest, QByteArrayLiteral("{\"version\": 1}")));
    REQUIRE_OK(this->remote->replace(manifest, QByteArrayLiteral("{\"version\": 2, \"longer\": true}")));
    CHECK(*this->remote->get(manifest, 100) == QByteArrayLiteral("{\"version\": 2, \"longer\": true}"));
    auto listed = this->remote->list(QStringLiteral("vault"));
    REQUIRE_OK(listed);
    REQUIRE(listed->size() == 1); // no temporary name left behind
    CHECK(listed->first().name == QStringLiteral("vault.json"));
}

TEMPLATE_TEST_CASE_METHOD(Conformance, "Remote: remove is idempotent", "[sync][remote]",
                          PT_REMOTE_BACKENDS)
{
    REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/old"), QByteArrayLiteral("x")));
    REQUIRE_OK(this->remote->remove(QStringLiteral("heads/old")));
    CHECK(this->remote->get(QStringLiteral("heads/old"), 10).error().code == ErrorCode::NotFound);
    CHECK(this->remote->list(QStringLiteral("heads"))->isEmpty());
    CHECK_FALSE(this->backend.stored(QStringLiteral("heads/old")));

    CHECK(this->remote->remove(QStringLiteral("heads/old")).ok());
    CHECK(this->remote->remove(QStringLiteral("never/there")).ok());
}

TEMPLATE_TEST_CASE_METHOD(Conformance,
                          "Remote: a listing gives the files with sizes and ETags and no folders",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("d/zero"), QByteArray()));
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("d/one"), QByteArrayLiteral("1")));
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("d/kilo"), randomPayload(1000)));
    REQUIRE_OK(putBytes(*this->remote, QStringLiteral("d/sub/inner"), QByteArrayLiteral("in")));

    auto listed = this->remote->list(QStringLiteral("d"));
    REQUIRE_OK(listed);
    REQUIRE(sortedNames(*listed) == QStringList{"kilo", "one", "zero"});
    CHECK(find(*listed, QStringLiteral("zero"))->size == 0);
    CHECK(find(*listed, QStringLiteral("one"))->size == 1);
    CHECK(find(*listed, QStringLiteral("kilo"))->size == 1000);
    for (const RemoteFile& f : *listed) {
        CHECK(f.modified.isValid());
        if (TestType::listsEtags)
            CHECK_FALSE(f.etag.isEmpty());
    }
    CHECK(sortedNames(*this->remote->list(QStringLiteral("d/sub"))) == QStringList{"inner"});
}

TEMPLATE_TEST_CASE_METHOD(Conformance,
                          "Remote: names outside the safe alphabet that the storage lists are left out",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    for (const QString& name :
         {QStringLiteral("bad name"), QStringLiteral("a:b"), QStringLiteral("back\\slash"),
          QStringLiteral("caf\u00e9.bin"), QStringLiteral("%2e%2e"), QStringLiteral("a&b<c>"),
          QStringLiteral("q?x"), QStringLiteral("ok-1.x"), QStringLiteral(".hidden")})
        this->backend.plant(QStringLiteral("h/") + name, QByteArrayLiteral("planted"));
    this->backend.plant(QStringLiteral("h/sub/inner"), QByteArrayLiteral("planted"));

    auto listed = this->remote->list(QStringLiteral("h"));
    REQUIRE_OK(listed);
    CHECK(sortedNames(*listed) == QStringList{".hidden", "ok-1.x"});
}

TEMPLATE_TEST_CASE_METHOD(Conformance, "Remote: unsafe paths are refused and nothing is written",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    CHECK(this->remote->list(QStringLiteral("../x")).error().code == ErrorCode::Usage);
    CHECK(this->remote->list(QStringLiteral("/")).error().code == ErrorCode::Usage);
    CHECK(this->remote->get(QStringLiteral("/etc/passwd"), 10).error().code == ErrorCode::Usage);
    CHECK(this->remote->get(QStringLiteral("a/../../b"), 10).error().code == ErrorCode::Usage);
    CHECK(this->remote->putMutable(QStringLiteral("a//b"), "x").error().code == ErrorCode::Usage);
    CHECK(putBytes(*this->remote, QStringLiteral("a b"), "x").error().code == ErrorCode::Usage);
    CHECK(this->remote->remove(QStringLiteral("a/./b")).error().code == ErrorCode::Usage);
    CHECK_FALSE(this->backend.stored(QStringLiteral("a b")));
}

TEMPLATE_TEST_CASE_METHOD(Conformance,
                          "Remote: a list a get a put into an existing folder and a remove are one request each",
                          "[sync][remote]", PT_REMOTE_BACKENDS)
{
    REQUIRE_OK(this->remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("1")));
    const auto counted = [this](auto&& operation) {
        const int before = this->remote->requestCount();
        REQUIRE(operation());
        return this->remote->requestCount() - before;
    };
    CHECK(counted([&] { return this->remote->list(QStringLiteral("heads")).ok(); }) == 1);
    CHECK(counted([&] { return this->remote->get(QStringLiteral("heads/a"), 10).ok(); }) == 1);
    CHECK(counted([&] { return putBytes(*this->remote, QStringLiteral("heads/b"), "2").ok(); }) == 1);
    // A head is overwritten in place: its length prefix tells a cut one (docs/FORMAT.md).
    CHECK(counted([&] {
              return this->remote->putMutable(QStringLiteral("heads/a"), QByteArrayLiteral("3")).ok();
          }) == 1);
    // A replacement is written beside its name and moved into place over WebDAV (docs/WEBDAV.md).
    CHECK(counted([&] { return this->remote->replace(QStringLiteral("heads/a"), QByteArrayLiteral("4")).ok(); })
          == (std::is_same_v<TestType, Folder> ? 1 : 2));
    CHECK(this->remote->get(QStringLiteral("heads/a"), 10).value() == QByteArrayLiteral("4"));
    CHECK(counted([&] { return this->remote->remove(QStringLiteral("heads/b")).ok(); }) == 1);
}
