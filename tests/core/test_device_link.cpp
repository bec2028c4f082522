// Linking a device (sync/DeviceLink): the journal comes in beside the target and the vault
// appears there only once it is whole; a wrong passphrase, a sync that fails half way and a
// target that holds something leave nothing behind that a later start would take for a vault.
#include "TestSupport.h"

#include "sync/DeviceLink.h"
#include "sync/FolderRemote.h"
#include "sync/Link.h"
#include "sync/SyncCache.h"
#include "vault/SeenHeads.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace pt;
using namespace pt::core;
using namespace pt::core::sync;
using namespace pt::test;

namespace {

// The other device's vault, with an entry, synced to a folder remote; then the config folder is
// this device's own.
struct LinkWorld {
    QTemporaryDir root;
    QString remoteDir = root.path() + QStringLiteral("/remote");
    bool made = QDir().mkpath(remoteDir);
    FolderRemote remote{remoteDir};
    QString target = root.path() + QStringLiteral("/data/papertrail/vault");
    QString vaultId;
    QByteArray header;

    LinkWorld()
    {
        qputenv("XDG_CONFIG_HOME", (root.path() + QStringLiteral("/other-config")).toLocal8Bit());
        auto other = createVault(root.path() + QStringLiteral("/other"));
        EntryDraft draft;
        draft.title = QStringLiteral("Written on the other device");
        REQUIRE(other->journal().add(draft).ok());
        auto synced = syncNow(*other, remote, SyncCache::forVault(other->header().vaultId), QStringLiteral("other"));
        INFO((synced ? QString() : synced.error().message));
        REQUIRE(synced.ok());
        vaultId = other->header().vaultId;
        auto found = vaultHeaderOn(remote, vaultId);
        REQUIRE(found.ok());
        header = *found;
        qputenv("XDG_CONFIG_HOME", (root.path() + QStringLiteral("/this-config")).toLocal8Bit());
    }

    // What is in the target's parent folder besides the target (hidden link folders included).
    [[nodiscard]] QStringList besideTarget() const
    {
        return QDir(QFileInfo(target).absolutePath()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }
    [[nodiscard]] QString seenHeadsPath() const { return SeenHeads::forVault(vaultId).path(); }
    [[nodiscard]] QString syncCachePath() const { return SyncCache::forVault(vaultId).path(); }
};

// A remote that works until `failAfter` requests, then answers like a server that went away.
class FailingRemote final : public Remote {
public:
    FailingRemote(Remote& inner, int failAfter) : m_inner(inner), m_left(failAfter) {}
    QString describe() const override { return m_inner.describe(); }
    Result<QList<RemoteFile>> list(const QString& dir) override
    {
        if (!spend())
            return gone();
        return m_inner.list(dir);
    }
    Result<QByteArray> get(const QString& path, qint64 maxBytes) override
    {
        if (!spend())
            return gone();
        return m_inner.get(path, maxBytes);
    }
    Status getTo(const QString& path, QIODevice& sink, qint64 maxBytes) override
    {
        if (!spend())
            return gone();
        return m_inner.getTo(path, sink, maxBytes);
    }
    Status putImmutable(const QString& path, QIODevice& source, qint64 size) override
    {
        if (!spend())
            return gone();
        return m_inner.putImmutable(path, source, size);
    }
    Status putMutable(const QString& path, const QByteArray& bytes) override
    {
        if (!spend())
            return gone();
        return m_inner.putMutable(path, bytes);
    }
    Status replace(const QString& path, const QByteArray& bytes) override
    {
        if (!spend())
            return gone();
        return m_inner.replace(path, bytes);
    }
    Status remove(const QString& path) override
    {
        if (!spend())
            return gone();
        return m_inner.remove(path);
    }
    int requestCount() const override { return m_inner.requestCount(); }

private:
    bool spend() { return m_left-- > 0; }
    // Unreachable, as a server that went away is: the sync ends at once instead of pausing
    // 10 s for retries (RetryingRemote, tested on its own) on every one of the cases.
    static Error gone()
    {
        Error e{ErrorCode::Failed, QStringLiteral("The server went away."), true};
        e.unreachable = true;
        return e;
    }
    Remote& m_inner;
    int m_left;
};

} // namespace

TEST_CASE("DeviceLink: the journal comes in beside the target and the vault appears there only on commit", "[sync][link]")
{
    LinkWorld w;
    auto begun = DeviceLink::begin(w.target);
    REQUIRE(begun.ok());
    DeviceLink& link = **begun;
    CHECK(QFileInfo(link.stagingDir()).fileName().startsWith(QStringLiteral(".vault.link-")));

    std::optional<crypto::SecureBytes> key;
    auto pulled = link.pull(w.header, currentPassphrase(), w.remote, QStringLiteral("this"), [&](Vault& vault) -> Status {
        CHECK(vault.journal().count() == 1); // opened with the whole journal in
        auto derived = vault.derivePassphraseKey(bytes(Passphrase));
        REQUIRE(derived.ok());
        key = std::move(derived.value());
        return Ok{};
    });
    INFO((pulled ? QString() : pulled.error().message));
    REQUIRE(pulled.ok());
    CHECK(pulled->recordsPulled == 1);
    CHECK(link.vaultId() == w.vaultId);
    CHECK_FALSE(QFileInfo::exists(w.target)); // not yet a vault: a start now would offer to create or link
    CHECK(Vault::exists(link.stagingDir()));

    REQUIRE(link.commit(RemoteSettings{w.remoteDir, {}, {}}).ok());
    CHECK(Vault::exists(w.target));
    CHECK(w.besideTarget() == QStringList{QStringLiteral("vault")});
    CHECK(QFileInfo(w.target).permissions() ==
          (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser));
    auto settings = RemoteSettings::load(w.vaultId);
    REQUIRE(settings.ok());
    CHECK(settings->location == w.remoteDir);

    // Opened where it now is, with the key derived before the move.
    auto vault = Vault::open(w.target);
    REQUIRE(vault.ok());
    REQUIRE(key.has_value());
    REQUIRE((*vault)->unlockWithPassphraseKey(*key).ok());
    REQUIRE((*vault)->journal().count() == 1);
    CHECK((*vault)->journal().entries().first().latest.title == QStringLiteral("Written on the other device"));
    CHECK((*vault)->verify().ok());
}

TEST_CASE("DeviceLink: a wrong passphrase leaves no folder and no config behind", "[sync][link]")
{
    LinkWorld w;
    {
        auto begun = DeviceLink::begin(w.target);
        REQUIRE(begun.ok());
        auto pulled = (*begun)->pull(w.header, currentPassphrase("not the passphrase"), w.remote, QStringLiteral("this"));
        REQUIRE_FALSE(pulled.ok());
        CHECK(pulled.error().code == ErrorCode::WrongKey);
        CHECK(w.besideTarget().isEmpty());
        CHECK_FALSE((*begun)->commit(RemoteSettings{w.remoteDir, {}, {}}).ok());
    }
    CHECK(w.besideTarget().isEmpty());
    CHECK_FALSE(QFileInfo::exists(w.seenHeadsPath()));
    CHECK_FALSE(QFileInfo::exists(RemoteSettings::path(w.vaultId)));
}

TEST_CASE("DeviceLink: a sync that fails half way leaves no vault and no seen heads behind", "[sync][link]")
{
    LinkWorld w;
    // Each number of requests the first sync gets through before the server goes: the key was
    // right, the vault was made, and still nothing of it stays.
    for (int failAfter = 0; failAfter < 5; ++failAfter) {
        CAPTURE(failAfter);
        FailingRemote failing(w.remote, failAfter);
        {
            auto begun = DeviceLink::begin(w.target);
            REQUIRE(begun.ok());
            auto pulled = (*begun)->pull(w.header, currentPassphrase(), failing, QStringLiteral("this"));
            REQUIRE_FALSE(pulled.ok());
            CHECK(pulled.error().transient);
            CHECK(w.besideTarget().isEmpty());
        }
        CHECK_FALSE(QFileInfo::exists(w.target));
        CHECK(w.besideTarget().isEmpty());
        // Seen heads left behind would make the next link's empty start look like records removed.
        CHECK_FALSE(QFileInfo::exists(w.seenHeadsPath()));
        CHECK_FALSE(QFileInfo::exists(w.syncCachePath()));
    }

    // And the next try links as if the failed ones never happened.
    auto begun = DeviceLink::begin(w.target);
    REQUIRE(begun.ok());
    auto pulled = (*begun)->pull(w.header, currentPassphrase(), w.remote, QStringLiteral("this"));
    REQUIRE(pulled.ok());
    CHECK(pulled->recordsPulled == 1);
    REQUIRE((*begun)->commit(RemoteSettings{w.remoteDir, {}, {}}).ok());
    auto vault = Vault::open(w.target);
    REQUIRE(vault.ok());
    REQUIRE((*vault)->unlockWithPassphrase(bytes(Passphrase)).ok());
    CHECK((*vault)->journal().count() == 1);
    CHECK((*vault)->rollbackFindings().isEmpty());
}

TEST_CASE("DeviceLink: a target that holds something is refused and a cut link's folder is cleared", "[sync][link]")
{
    LinkWorld w;
    REQUIRE(QDir().mkpath(w.target));
    {
        QFile stray(w.target + QStringLiteral("/notes.txt"));
        REQUIRE(stray.open(QIODevice::WriteOnly));
        stray.write("mine");
    }
    auto refused = DeviceLink::begin(w.target);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("is not empty")));
    REQUIRE(QFile::remove(w.target + QStringLiteral("/notes.txt")));

    // What a link killed half way leaves: a hidden folder with a journal in it, no vault.json at the target.
    const QString cut = QFileInfo(w.target).absolutePath() + QStringLiteral("/.vault.link-AbC123");
    REQUIRE(QDir().mkpath(cut + QStringLiteral("/objects")));
    auto begun = DeviceLink::begin(w.target); // an empty target folder is fine
    REQUIRE(begun.ok());
    CHECK_FALSE(QFileInfo::exists(cut));
    auto pulled = (*begun)->pull(w.header, currentPassphrase(), w.remote, QStringLiteral("this"));
    REQUIRE(pulled.ok());
    REQUIRE((*begun)->commit(RemoteSettings{w.remoteDir, {}, {}}).ok());
    CHECK(Vault::exists(w.target));
    CHECK(w.besideTarget() == QStringList{QStringLiteral("vault")});

    auto again = DeviceLink::begin(w.target);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.contains(QStringLiteral("is already a vault")));
}
