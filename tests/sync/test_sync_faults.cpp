// Whole syncs of two devices through the fault proxy in front of Apache mod_dav and rclone serve
// webdav: every fault kind the proxy has, put on each kind of file a sync reads or writes, and a
// seeded random mix over many rounds of both devices writing. Whatever happens, a sync either
// succeeds or fails with an error that says to try again, nothing written is lost, and once the
// network behaves both devices hold one journal that verifies. PT_SYNC_FAULT_SEED replays a mix.
#include "RemoteBackends.h"
#include "SyncDevices.h"

#include "sync/SignedHead.h"
#include "sync/Synchronizer.h"
#include "sync/WebDavRemote.h"
#include "vault/Vault.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace pt;
using namespace pt::core;
using namespace pt::core::sync;
using namespace pt::test;

namespace {

// Two devices of one vault, each with its own remote through the proxy.
template <class Server>
struct Pair {
    QTemporaryDir tmp;
    Server server;
    FaultProxy proxy{QStringLiteral("127.0.0.1"), server.port()};
    std::unique_ptr<WebDavRemote> remoteA = webDavOn(server, throughProxy(server, proxy));
    std::unique_ptr<WebDavRemote> remoteB = webDavOn(server, throughProxy(server, proxy));
    SyncDevice a = createDevice(tmp, QStringLiteral("a"));
    SyncDevice b;

    Pair()
    {
        addNote(*a.vault, QStringLiteral("First note"));
        REQUIRE_OK(a.sync(*remoteA));
        b = linkDevice(tmp, QStringLiteral("b"), *remoteB);
        REQUIRE_OK(b.sync(*remoteB));
    }

    // A sync under faults: it went through, or it says to try again; never anything else.
    static bool survived(const Result<SyncReport>& result)
    {
        INFO((result.ok() ? std::string() : result.error().message.toStdString()));
        CHECK((result.ok() || result.error().transient));
        return result.ok();
    }

    // Without faults: both devices end with one journal, every note there, and verify.
    void converges(const QStringList& written)
    {
        proxy.clearFaults();
        for (int round = 0; round < 2; ++round) {
            REQUIRE_OK(a.sync(*remoteA));
            REQUIRE_OK(b.sync(*remoteB));
        }
        CHECK(titles(*a.vault) == titles(*b.vault));
        for (const QString& title : written)
            CHECK(titles(*a.vault).contains(title));
        a.use();
        CHECK(a.vault->verify().ok());
        b.use();
        CHECK(b.vault->verify().ok());
    }
};

struct Kind {
    const char* name;
    Fault fault;
    int status;
    QByteArray retryAfter;
    QByteArray method = {}; // empty: any
};

const QList<Kind> Kinds{
    {"dropped connection", Fault::DropConnection, 0, {}},
    {"500", Fault::Status, 500, {}},
    {"503 Retry-After 1", Fault::Status, 503, "1"},
    {"412 to a PUT", Fault::Status, 412, {}, "PUT"}, // only a write has a precondition
    {"423 Locked", Fault::Status, 423, {}},
    {"429 Retry-After 1", Fault::Status, 429, "1"},
    {"truncated answer", Fault::TruncateResponse, 0, {}},
    {"upload cut half way", Fault::TruncateRequest, 0, {}},
    {"slow answer", Fault::Delay, 0, {}},
    {"lost reply", Fault::DropReply, 0, {}},
    {"no Content-Length", Fault::HideLength, 0, {}},
};

// The files a sync reads or writes, as the proxy sees their paths.
const QStringList Targets{QStringLiteral("heads"), QStringLiteral("packs"), QStringLiteral("devices"),
                          QStringLiteral("vault.json")};

// A 412 answers If-None-Match, which only the writes of content-addressed files (packs,
// registrations) carry; a head or vault.json is replaced without a precondition to fail.
bool applies(const Kind& kind, const QString& target)
{
    return kind.status != 412 || target == QLatin1String("packs") || target == QLatin1String("devices");
}

FaultRule ruleFor(const Kind& kind, const QString& target, int times)
{
    FaultRule r;
    r.fault = kind.fault;
    r.status = kind.status;
    r.retryAfter = kind.retryAfter;
    r.method = kind.method;
    r.pathContains = target;
    r.bytes = 40;
    r.delayMs = 300;
    // A 412 answers If-None-Match; the PUT that follows it has no precondition to fail.
    r.times = kind.status == 412 ? 1 : times;
    return r;
}

template <class Server>
void everyFaultOnEveryFile()
{
    Pair<Server> pair;
    QStringList written;
    int n = 0;
    const QString longBody(int(SignedHead::TailMaxBytes), QLatin1Char('w'));
    for (const Kind& kind : Kinds) {
        for (const QString& target : Targets) {
            if (!applies(kind, target))
                continue;
            INFO(kind.name << " on " << target.toStdString());
            const QString mine = QStringLiteral("A %1").arg(++n);
            const QString theirs = QStringLiteral("B %1").arg(n);
            // A small note rides in the head; a long one goes up in a pack of its own.
            const QString body = target == QLatin1String("packs") ? longBody : QStringLiteral("Short.");
            addNote(*pair.a.vault, mine, body);
            addNote(*pair.b.vault, theirs, body);
            written << mine << theirs;
            // One fault: the sync's own retries carry it through.
            pair.proxy.inject(ruleFor(kind, target, 1));
            const bool first = Pair<Server>::survived(pair.a.sync(*pair.remoteA));
            pair.proxy.inject(ruleFor(kind, target, 1));
            const bool second = Pair<Server>::survived(pair.b.sync(*pair.remoteB));
            if (kind.fault != Fault::TruncateRequest && kind.fault != Fault::DropReply) {
                CHECK(first);
                CHECK(second);
            }
            pair.proxy.clearFaults();
        }
    }
    pair.converges(written);
}

template <class Server>
void randomMix()
{
    const QByteArray given = qgetenv("PT_SYNC_FAULT_SEED");
    const quint32 seed = given.isEmpty() ? QRandomGenerator::global()->generate() : given.toUInt();
    INFO("PT_SYNC_FAULT_SEED=" << seed);
    QRandomGenerator random(seed);
    Pair<Server> pair;
    QStringList written;
    const QString longBody(int(SignedHead::TailMaxBytes), QLatin1Char('w'));
    for (int round = 0; round < 12; ++round) {
        SyncDevice& device = random.bounded(2) == 0 ? pair.a : pair.b;
        WebDavRemote& remote = &device == &pair.a ? *pair.remoteA : *pair.remoteB;
        const int notes = random.bounded(1, 4);
        for (int i = 0; i < notes; ++i) {
            written << QStringLiteral("Round %1 note %2 on %3").arg(round).arg(i).arg(&device == &pair.a ? 'A' : 'B');
            if (random.bounded(4) == 0)
                addNote(*device.vault, written.last(), longBody); // goes up in a pack
            else
                addNote(*device.vault, written.last());
        }
        const int faults = random.bounded(0, 4);
        for (int i = 0; i < faults; ++i) {
            const Kind& kind = Kinds.at(random.bounded(int(Kinds.size())));
            const QString& target = Targets.at(random.bounded(int(Targets.size())));
            if (applies(kind, target))
                pair.proxy.inject(ruleFor(kind, target, random.bounded(1, 5)));
        }
        (void)Pair<Server>::survived(device.sync(remote));
        pair.proxy.clearFaults();
    }
    pair.converges(written);
}

// A proxy that takes at most 1 MiB a request (nginx's default client_max_body_size) in front of
// the server: a first sync of a journal larger than that still goes up, in packs that pass.
template <class Server>
void packsUnderABodyLimit()
{
    constexpr qint64 Limit = 1024 * 1024;
    Pair<Server> pair;
    QStringList written;
    for (int i = 0; i < 40; ++i) {
        written << QStringLiteral("Long note %1").arg(i);
        addNote(*pair.a.vault, written.last(), QString(100 * 1024, QLatin1Char('a' + i % 26)));
    }
    FaultRule tooLarge;
    tooLarge.fault = Fault::Status;
    tooLarge.status = 413;
    tooLarge.method = "PUT";
    tooLarge.minBodyBytes = Limit + 1;
    tooLarge.times = -1;
    pair.proxy.inject(tooLarge);
    pair.proxy.resetCounts();
    auto pushed = pair.a.sync(*pair.remoteA);
    INFO((pushed ? QString() : pushed.error().message).toStdString());
    REQUIRE(pushed.ok());
    CHECK(pushed->recordsPushed == 40);
    CHECK(pushed->packsPushed >= 4); // 4 MiB of notes in packs of at most 1 MiB
    int refused = 0;
    for (const ProxiedRequest& r : pair.proxy.requests())
        refused += r.status == 413 ? 1 : 0;
    CHECK(refused >= 1);
    CHECK(refused <= 3); // 8 MiB, 4, 2, then 1 passes: learned once, not for every pack

    // The next large push starts at the size that passed.
    for (int i = 0; i < 12; ++i) {
        written << QStringLiteral("Later note %1").arg(i);
        addNote(*pair.a.vault, written.last(), QString(100 * 1024, QLatin1Char('z')));
    }
    pair.proxy.resetCounts();
    REQUIRE_OK(pair.a.sync(*pair.remoteA));
    refused = 0;
    for (const ProxiedRequest& r : pair.proxy.requests())
        refused += r.status == 413 ? 1 : 0;
    CHECK(refused == 0);

    auto pulled = pair.b.sync(*pair.remoteB);
    REQUIRE_OK(pulled);
    CHECK(pulled->recordsPulled == 52);
    pair.converges(written);
}

} // namespace

TEST_CASE("sync faults: a proxy's body limit (413) cuts the packs smaller over Apache", "[sync][faults][apache]")
{
    packsUnderABodyLimit<ApacheDav>();
}

TEST_CASE("sync faults: a proxy's body limit (413) cuts the packs smaller over rclone", "[sync][faults][rclone]")
{
    packsUnderABodyLimit<RcloneDav>();
}

TEST_CASE("sync faults: every fault on every file a sync touches over Apache", "[sync][faults][apache]")
{
    everyFaultOnEveryFile<ApacheDav>();
}

TEST_CASE("sync faults: every fault on every file a sync touches over rclone", "[sync][faults][rclone]")
{
    everyFaultOnEveryFile<RcloneDav>();
}

TEST_CASE("sync faults: a seeded random mix of faults over Apache", "[sync][faults][apache]")
{
    randomMix<ApacheDav>();
}

TEST_CASE("sync faults: a seeded random mix of faults over rclone", "[sync][faults][rclone]")
{
    randomMix<RcloneDav>();
}
