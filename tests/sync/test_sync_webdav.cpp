// Whole syncs between two devices of one vault through real WebDAV servers (Apache mod_dav and
// rclone serve webdav on 127.0.0.1): link, pull, push both ways, one journal on both, verify on
// each, and the request budgets counted by the remote and by the server's own access log.
#include "DavServers.h"
#include "SyncTestSupport.h"

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

const QByteArray Passphrase = "correct horse battery staple";
const crypto::pwhash::Params FastKdf{1, 8u * 1024u * 1024u};

struct Device {
    QString dir;
    QString config;
    std::unique_ptr<Vault> vault;

    Result<SyncReport> sync(Remote& remote) const
    {
        qputenv("XDG_CONFIG_HOME", config.toLocal8Bit());
        return syncNow(*vault, remote, SyncCache(config + QStringLiteral("/cache.json")), QStringLiteral("test"));
    }
};

std::unique_ptr<WebDavRemote> remoteOn(const DavServer& server)
{
    const QByteArray password = server.password().toUtf8();
    return std::make_unique<WebDavRemote>(server.rootUrl(), server.user(),
                                          crypto::SecureBytes::copyOf({reinterpret_cast<const std::uint8_t*>(password.constData()),
                                                                       std::size_t(password.size())}));
}

void addNote(Vault& vault, const QString& title)
{
    EntryDraft draft;
    draft.title = title;
    draft.body = QStringLiteral("What was said at the standup, as close to word for word as I can.");
    REQUIRE(vault.journal().add(draft).ok());
}

QStringList titles(const Vault& vault)
{
    QStringList list;
    for (const Entry& e : vault.journal().entries())
        list << e.latest.title;
    list.sort();
    return list;
}

void syncsTwoDevices(const DavServer& server)
{
    INFO(server.name().toStdString());
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    auto remote = remoteOn(server);

    Device a{tmp.filePath(QStringLiteral("a")), tmp.filePath(QStringLiteral("a-config")), {}};
    qputenv("XDG_CONFIG_HOME", a.config.toLocal8Bit());
    auto created = Vault::create(a.dir, bytesOf(Passphrase), FastKdf, nullptr);
    REQUIRE_OK(created);
    a.vault = std::move(*created);
    for (int i = 0; i < 1000; ++i)
        addNote(*a.vault, QStringLiteral("Entry %1").arg(i, 4, 10, QLatin1Char('0')));
    auto first = a.sync(*remote);
    REQUIRE_OK(first);
    CHECK(first->recordsPushed == 1000);
    CHECK(first->requests <= 50);

    Device b{tmp.filePath(QStringLiteral("b")), tmp.filePath(QStringLiteral("b-config")), {}};
    qputenv("XDG_CONFIG_HOME", b.config.toLocal8Bit());
    auto linkRemote = remoteOn(server);
    auto ids = vaultsOn(*linkRemote);
    REQUIRE_OK(ids);
    REQUIRE(ids->size() == 1);
    auto header = vaultHeaderOn(*linkRemote, ids->first());
    REQUIRE_OK(header);
    auto linked = Vault::link(b.dir, *header, {CurrentSecret::Kind::Passphrase, crypto::SecureBytes::copyOf(bytesOf(Passphrase))});
    REQUIRE_OK(linked);
    b.vault = std::move(*linked);
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
    qputenv("XDG_CONFIG_HOME", a.config.toLocal8Bit());
    CHECK(a.vault->verify().ok());
    qputenv("XDG_CONFIG_HOME", b.config.toLocal8Bit());
    CHECK(b.vault->verify().ok());

    // Nothing new: one request, whatever the vault's size.
    REQUIRE_OK(a.sync(*remote));
    auto noop = a.sync(*remote);
    REQUIRE_OK(noop);
    CHECK(noop->requests == 1);

    // One new entry: the listing, the pack, the head and its read-back; three to pull.
    addNote(*a.vault, QStringLiteral("One more"));
    auto push = a.sync(*remote);
    REQUIRE_OK(push);
    CHECK(push->requests <= 4);
    auto pull = b.sync(*linkRemote);
    REQUIRE_OK(pull);
    CHECK(pull->requests <= 3);
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
