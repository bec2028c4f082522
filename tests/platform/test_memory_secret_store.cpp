#include "TestSupport.h"
#include "platform/MemorySecretStore.h"
#include "platform/SecretMessages.h"

#include <catch2/catch.hpp>

#include <memory>

using namespace std::chrono_literals;
using pt::crypto::Bytes;
using pt::platform::MemorySecretStore;
using pt::platform::SecretResult;
using Status = pt::platform::SecretResult::Status;

namespace {

Bytes binarySecret()
{
    Bytes b;
    for (int i = 0; i < 256; ++i)
        b.push_back(static_cast<std::uint8_t>(255 - i)); // high bytes first, zero last
    b.insert(b.begin() + 10, {0, 0, 0});
    return b;
}

} // namespace

TEST_CASE("MemorySecretStore writes, reads back and removes", "[platform][memory]")
{
    MemorySecretStore store;
    const Bytes secret = binarySecret();

    SecretResult w = store.writeBlocking(QStringLiteral("vault-1"), secret);
    CHECK(w.status == Status::Ok);
    CHECK(w.message.isEmpty());
    CHECK(store.contains(QStringLiteral("vault-1")));

    SecretResult r = store.readBlocking(QStringLiteral("vault-1"));
    REQUIRE(r.status == Status::Ok);
    CHECK(pt::test::bytesOf(r.secret) == secret);

    const Bytes other{0x00, 0xff, 0x80, 0x01};
    REQUIRE(store.writeBlocking(QStringLiteral("vault-1"), other).ok());
    r = store.readBlocking(QStringLiteral("vault-1"));
    REQUIRE(r.ok());
    CHECK(pt::test::bytesOf(r.secret) == other);

    SecretResult d = store.removeBlocking(QStringLiteral("vault-1"));
    CHECK(d.status == Status::Ok);
    CHECK_FALSE(store.contains(QStringLiteral("vault-1")));

    r = store.readBlocking(QStringLiteral("vault-1"));
    CHECK(r.status == Status::NotFound);
    CHECK(r.secret.empty());
    CHECK_FALSE(r.message.isEmpty());

    // Removing what is not there is not an error.
    CHECK(store.removeBlocking(QStringLiteral("vault-1")).status == Status::Ok);
}

TEST_CASE("MemorySecretStore reports NotFound for a key never written", "[platform][memory]")
{
    MemorySecretStore store;
    SecretResult r = store.readBlocking(QStringLiteral("nothing-here"));
    CHECK(r.status == Status::NotFound);
    CHECK(r.secret.empty());
    CHECK(r.message.contains(QStringLiteral("passphrase")));
}

TEST_CASE("MemorySecretStore keeps different keys apart", "[platform][memory]")
{
    MemorySecretStore store;
    const Bytes a{1, 2, 3};
    const Bytes b{0, 0, 0, 0, 0xfe};
    REQUIRE(store.writeBlocking(QStringLiteral("a"), a).ok());
    REQUIRE(store.writeBlocking(QStringLiteral("b"), b).ok());
    CHECK(store.size() == 2);
    CHECK(pt::test::bytesOf(store.readBlocking(QStringLiteral("a")).secret) == a);
    CHECK(pt::test::bytesOf(store.readBlocking(QStringLiteral("b")).secret) == b);
    REQUIRE(store.removeBlocking(QStringLiteral("a")).ok());
    CHECK(store.readBlocking(QStringLiteral("a")).status == Status::NotFound);
    CHECK(pt::test::bytesOf(store.readBlocking(QStringLiteral("b")).secret) == b);
}

TEST_CASE("MemorySecretStore simulates a missing secret service", "[platform][memory]")
{
    MemorySecretStore store;
    REQUIRE(store.writeBlocking(QStringLiteral("k"), Bytes{9, 9}).ok());

    store.setAvailable(false);
    CHECK_FALSE(store.available());
    for (const SecretResult& r : {store.writeBlocking(QStringLiteral("k"), Bytes{1}),
                                  store.readBlocking(QStringLiteral("k")),
                                  store.removeBlocking(QStringLiteral("k"))}) {
        CHECK(r.status == Status::Unavailable);
        CHECK(r.secret.empty());
        CHECK(r.message.contains(QStringLiteral("No keychain service")));
    }

    // Nothing changed while it was "down".
    store.setAvailable(true);
    SecretResult r = store.readBlocking(QStringLiteral("k"));
    REQUIRE(r.ok());
    CHECK(pt::test::bytesOf(r.secret) == Bytes{9, 9});
}

TEST_CASE("MemorySecretStore answers asynchronously and exactly once", "[platform][memory]")
{
    MemorySecretStore store;
    pt::test::Recorder w, r, d;

    store.write(QStringLiteral("k"), Bytes{7}, w.callback());
    store.read(QStringLiteral("k"), r.callback());
    store.remove(QStringLiteral("k"), d.callback());
    CHECK(w.calls == 0); // nothing delivered before the event loop runs
    CHECK(r.calls == 0);
    CHECK(d.calls == 0);

    REQUIRE(pt::test::spinUntil([&] { return d.calls > 0; }, 2s));
    pt::test::spinFor(50ms);
    CHECK(w.calls == 1);
    CHECK(r.calls == 1);
    CHECK(d.calls == 1);
    REQUIRE(r.last);
    REQUIRE(r.last->ok());
    CHECK(pt::test::bytesOf(r.last->secret) == Bytes{7});
}

TEST_CASE("MemorySecretStore copies the secret at call time", "[platform][memory]")
{
    MemorySecretStore store;
    Bytes secret{1, 2, 3, 4};
    pt::test::Recorder w;
    store.write(QStringLiteral("k"), secret, w.callback());
    secret.assign(4, 0); // the caller scrubs its buffer straight away
    REQUIRE(pt::test::spinUntil([&] { return w.calls == 1; }, 2s));
    CHECK(pt::test::bytesOf(store.readBlocking(QStringLiteral("k")).secret) == Bytes{1, 2, 3, 4});
}

TEST_CASE("MemorySecretStore drops pending callbacks when destroyed", "[platform][memory]")
{
    pt::test::Recorder r;
    {
        auto store = std::make_unique<MemorySecretStore>();
        store->read(QStringLiteral("k"), r.callback());
    }
    pt::test::spinFor(50ms);
    CHECK(r.calls == 0);
}

TEST_CASE("Keychain messages leave out D-Bus error names and object paths", "[platform][memory]")
{
    using pt::platform::detail::makeResult;
    using pt::platform::detail::Operation;
    using Status = pt::platform::SecretResult::Status;
    const auto dbus = makeResult(Operation::Read, Status::Failed,
                                 QStringLiteral("org.freedesktop.Secret.Error.NoSuchObject: /org/freedesktop/secrets/collection/login"));
    CHECK_FALSE(dbus.message.contains(QStringLiteral("org.freedesktop")));
    CHECK_FALSE(dbus.message.contains(QStringLiteral("/org/")));
    CHECK(dbus.message.contains(QStringLiteral("passphrase")));
    const auto plain = makeResult(Operation::Read, Status::Failed, QStringLiteral("out of secure memory"));
    CHECK(plain.message.contains(QStringLiteral("out of secure memory")));
}
