#pragma once
// Devices of one vault syncing through a folder remote, for the core's sync tests: each device
// has its own vault folder and config folder (seen heads, sync cache), as two phones would.
#include "TestSupport.h"

#include "sync/FolderRemote.h"
#include "sync/Link.h"
#include "sync/Synchronizer.h"

#include <QDir>

#include <catch2/catch.hpp>

namespace pt::test {

// One device: its own vault folder and its own config folder (seen heads, sync cache), as two
// phones would have. `use()` points the config folder at it before the device acts.
struct Device {
    QString dir;
    QString config;
    std::unique_ptr<core::Vault> vault;

    void use() const { qputenv("XDG_CONFIG_HOME", config.toLocal8Bit()); }
    core::Result<core::sync::SyncReport> sync(core::sync::Remote& remote)
    {
        use();
        return core::sync::syncNow(*vault, remote, core::sync::SyncCache(config + QStringLiteral("/sync-cache.json")), QStringLiteral("test device"));
    }
};

struct World {
    QTemporaryDir root;
    QString remoteDir = root.path() + QStringLiteral("/remote");
    bool made = QDir().mkpath(remoteDir); // the folder the person picked exists
    core::sync::FolderRemote remote{remoteDir};

    Device make(const QString& name)
    {
        Device d{root.path() + QLatin1Char('/') + name, root.path() + QLatin1Char('/') + name + QStringLiteral("-config"), {}};
        REQUIRE(QDir().mkpath(d.config));
        return d;
    }
    Device create(const QString& name)
    {
        Device d = make(name);
        d.use();
        d.vault = createVault(d.dir);
        return d;
    }
    Device link(const QString& name)
    {
        Device d = make(name);
        d.use();
        auto ids = core::sync::vaultsOn(remote);
        INFO((ids ? QString() : ids.error().message));
        REQUIRE(ids.ok());
        REQUIRE(ids->size() == 1);
        auto header = core::sync::vaultHeaderOn(remote, ids->first());
        REQUIRE(header.ok());
        auto vault = core::Vault::link(d.dir, *header, currentPassphrase());
        INFO((vault ? QString() : vault.error().message));
        REQUIRE(vault.ok());
        d.vault = std::move(*vault);
        return d;
    }
    [[nodiscard]] QString path(const QString& relative) const { return remoteDir + QLatin1Char('/') + relative; }
};

inline QString addNote(core::Vault& vault, const QString& title, const QString& body = {})
{
    core::EntryDraft draft;
    draft.title = title;
    draft.body = body;
    auto entry = vault.journal().add(draft);
    REQUIRE(entry.ok());
    return entry->latest.entryId;
}

inline QStringList titles(const core::Vault& vault)
{
    QStringList list;
    for (const core::Entry& e : vault.journal().entries())
        list << e.latest.title;
    list.sort();
    return list;
}

inline void requireOk(const core::Result<core::sync::SyncReport>& r)
{
    INFO((r ? QString() : r.error().message));
    REQUIRE(r.ok());
}

} // namespace pt::test
