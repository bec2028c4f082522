// Whole syncs between two devices of one vault through real WebDAV servers (Apache mod_dav and
// rclone serve webdav on 127.0.0.1): link, pull, push both ways, one journal on both, verify on
// each, and the request budgets counted by the remote and by the server's own access log.
#include "RemoteBackends.h"
#include "SyncDevices.h"

#include "sync/Link.h"
#include "sync/Synchronizer.h"
#include "sync/WebDavRemote.h"
#include "vault/Vault.h"

#include <QDir>
#include <QTemporaryDir>

#include <memory>

using namespace pt;
using namespace pt::core;
using namespace pt::core::sync;
using namespace pt::test;

namespace {

std::unique_ptr<WebDavRemote> remoteOn(const DavServer& server)
{
    return webDavOn(server, server.rootUrl());
}

void syncsTwoDevices(const DavServer& server)
{
    INFO(server.name().toStdString());
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    auto remote = remoteOn(server);

    SyncDevice a = createDevice(tmp, QStringLiteral("a"));
    for (int i = 0; i < 1000; ++i)
        addNote(*a.vault, QStringLiteral("Entry %1").arg(i, 4, 10, QLatin1Char('0')));
    auto first = a.sync(*remote);
    REQUIRE_OK(first);
    CHECK(first->recordsPushed == 1000);
    CHECK(first->requests <= 50);

    auto linkRemote = remoteOn(server);
    SyncDevice b = linkDevice(tmp, QStringLiteral("b"), *linkRemote);
    auto pulled = b.sync(*linkRemote);
    REQUIRE_OK(pulled);
    CHECK(pulled->recordsPulled == 1000);
    CHECK(pulled->requests <= 50);

    // Both write offline, then sync in turn.
    addNote(*a.vault, QStringLiteral("Written on the laptop"));
    addNote(*b.vault, QStringLiteral("Written on the phone"));
    REQUIRE_OK(b.sync(*linkRemote));
    REQUIRE_OK(a.sync(*remote));
    REQUIRE_OK(b.sync(*linkRemote));
    CHECK(titles(*a.vault) == titles(*b.vault));
    CHECK(a.vault->journal().count() == 1002);
    a.use();
    CHECK(a.vault->verify().ok());
    b.use();
    CHECK(b.vault->verify().ok());

    // Nothing new: one request, whatever the vault's size.
    REQUIRE_OK(a.sync(*remote));
    auto noop = a.sync(*remote);
    REQUIRE_OK(noop);
    CHECK(noop->requests == 1);

    // One new entry: the listing, the head with the entry in its tail, and its read-back; the
    // listing and the head to pull.
    addNote(*a.vault, QStringLiteral("One more"));
    auto push = a.sync(*remote);
    REQUIRE_OK(push);
    CHECK(push->requests == 3);
    auto pull = b.sync(*linkRemote);
    REQUIRE_OK(pull);
    CHECK(pull->requests == 2);
    CHECK(pull->recordsPulled == 1);
}

} // namespace

TEST_CASE("sync over Apache mod_dav: two devices, one journal, within the request budgets", "[sync][webdav][apache]")
{
    ApacheDav server;
    syncsTwoDevices(server);
}

TEST_CASE("sync over rclone serve webdav: two devices, one journal, within the request budgets", "[sync][webdav][rclone]")
{
    RcloneDav server;
    syncsTwoDevices(server);
}
