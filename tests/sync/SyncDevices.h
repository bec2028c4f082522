#pragma once
// Devices of one vault for whole-sync tests: each its own vault folder and config folder (seen
// heads and sync cache are per device), made with the weak test KDF, or linked through a remote
// as "I already have a vault" does.
#include "SyncTestSupport.h"

#include "sync/Link.h"
#include "sync/Synchronizer.h"
#include "vault/Vault.h"

#include <QTemporaryDir>

#include <memory>

namespace pt::test {

inline const QByteArray TestPassphrase = "correct horse battery staple";
inline const crypto::pwhash::Params TestKdf{1, 8u * 1024u * 1024u};

struct SyncDevice {
    QString dir;
    QString config;
    std::unique_ptr<core::Vault> vault;

    void use() const { qputenv("XDG_CONFIG_HOME", config.toLocal8Bit()); }
    core::Result<core::sync::SyncReport> sync(core::sync::Remote& remote) const
    {
        use();
        return core::sync::syncNow(*vault, remote, core::sync::SyncCache(config + QStringLiteral("/cache.json")),
                                   QStringLiteral("test"));
    }
};

// A new vault in `tmp`/`name`.
inline SyncDevice createDevice(const QTemporaryDir& tmp, const QString& name)
{
    SyncDevice d{tmp.filePath(name), tmp.filePath(name + QStringLiteral("-config")), {}};
    d.use();
    auto created = core::Vault::create(d.dir, core::bytesOf(TestPassphrase), TestKdf, nullptr);
    REQUIRE_OK(created);
    d.vault = std::move(*created);
    return d;
}

// Another device of the one vault on `remote`, linked with the passphrase (not synced yet).
inline SyncDevice linkDevice(const QTemporaryDir& tmp, const QString& name, core::sync::Remote& remote)
{
    SyncDevice d{tmp.filePath(name), tmp.filePath(name + QStringLiteral("-config")), {}};
    d.use();
    auto ids = core::sync::vaultsOn(remote);
    REQUIRE_OK(ids);
    REQUIRE(ids->size() == 1);
    auto header = core::sync::vaultHeaderOn(remote, ids->first());
    REQUIRE_OK(header);
    auto linked = core::Vault::link(
        d.dir, *header,
        {core::CurrentSecret::Kind::Passphrase, crypto::SecureBytes::copyOf(core::bytesOf(TestPassphrase))});
    REQUIRE_OK(linked);
    d.vault = std::move(*linked);
    return d;
}

// A note as a person writes one after a meeting; a `body` longer than a head's tail holds
// (SignedHead::TailMaxBytes) makes its sync send a pack.
inline void addNote(core::Vault& vault, const QString& title,
                    const QString& body = QStringLiteral("What was said at the standup, as close to word for word as I can."))
{
    core::EntryDraft draft;
    draft.title = title;
    draft.body = body;
    REQUIRE(vault.journal().add(draft).ok());
}

// The entries' titles, sorted: what two devices compare to hold one journal.
inline QStringList titles(const core::Vault& vault)
{
    QStringList list;
    for (const core::Entry& e : vault.journal().entries())
        list << e.latest.title;
    list.sort();
    return list;
}

} // namespace pt::test
