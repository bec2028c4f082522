// papertrail-bench-sync: measures sync against real remotes on this machine and prints one
// Markdown table (metric | measured | goal | ratio/notes). Progress goes to stderr.
//
//   papertrail-bench-sync [--remotes folder,rclone,apache] [--entries 100,1000,10000]
//                         [--attachments 10] [--attachment-mib 10] [--runs 3] [--large-mib 1024]
//
// For each remote (a folder, `rclone serve webdav` and Apache mod_dav on 127.0.0.1, started as
// the sync tests start them: tests/sync/DavServers.h):
//  1. the first sync of an N-entry vault, pushed by its device and pulled by a newly linked one
//     (requests, bytes, time), then a sync with nothing new (requests, time; median of --runs);
//  2. --attachments files of --attachment-mib random bytes, pushed by Paper Trail's first sync
//     of a vault holding them and by `rclone copy` of the same files to the same server, in turns
//     (--runs each); then pulled by a new device and by `rclone copy` back; the time ratio and the
//     peak resident memory of this process during Paper Trail's push and pull;
//  3. one attachment of --large-mib (made as it is read, never whole in memory), pushed and
//     pulled, with the peak resident memory.
//
// The N-entry vaults are written by child processes (this program with --populate), so that the
// memory of this one is not inflated by the setup. Everything lives in a private folder (HOME,
// TMPDIR and the XDG folders point into it, as in the tests), removed at the end. The random
// files `rclone copy` sends are bench data, not anyone's plaintext.
#include "BenchSupport.h"
#include "BenchVault.h"
#include "DavServers.h"
#include "GeneratedSource.h"
#include "support/PrivateTestRoot.h"
#include "support/ProcessMemory.h"

#include "crypto/Init.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "sync/FolderRemote.h"
#include "sync/Link.h"
#include "sync/Synchronizer.h"
#include "sync/WebDavRemote.h"
#include "vault/KdfPolicy.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

using namespace pt;
using namespace pt::bench;
using namespace pt::core;
using namespace pt::core::sync;

namespace {

QString g_root; // the private folder everything lives in

crypto::SecureBytes secretOf(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return crypto::SecureBytes::copyOf(
        {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
}

QString mib(double bytes, int decimals = 1) { return num(bytes / (1024.0 * 1024.0), decimals) + QStringLiteral(" MiB"); }

// Runs a command to its end; its wall time in ms.
double runTimed(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const auto t0 = SteadyClock::now();
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        die(QStringLiteral("%1 %2 failed: %3").arg(program, arguments.join(QLatin1Char(' ')),
                                                  QString::fromLocal8Bit(process.readAll())));
    return msSince(t0);
}

// One kind of remote: a folder, or a WebDAV server; every sub-folder is a fresh remote.
class Target {
public:
    explicit Target(const QString& kind) : m_kind(kind)
    {
        if (kind == QLatin1String("rclone"))
            m_server = std::make_unique<test::RcloneDav>();
        else if (kind == QLatin1String("apache"))
            m_server = std::make_unique<test::ApacheDav>();
        else if (kind == QLatin1String("folder")) {
            m_folder = g_root + QStringLiteral("/folder-remote");
            QDir().mkpath(m_folder);
        } else
            die(QStringLiteral("unknown remote %1 (folder, rclone, apache)").arg(kind));
        if (m_server) {
            QProcess obscure;
            obscure.start(QStringLiteral("rclone"), {QStringLiteral("obscure"), m_server->password()});
            if (!obscure.waitForFinished(30'000) || obscure.exitCode() != 0)
                die(QStringLiteral("rclone obscure failed"));
            m_obscured = QString::fromLatin1(obscure.readAllStandardOutput().trimmed());
        }
    }

    [[nodiscard]] QString name() const { return m_server ? m_server->name() : QStringLiteral("folder"); }
    [[nodiscard]] QString kind() const { return m_kind; }

    [[nodiscard]] std::unique_ptr<Remote> remoteAt(const QString& sub) const
    {
        if (!m_server) {
            QDir().mkpath(m_folder + QLatin1Char('/') + sub);
            return std::make_unique<FolderRemote>(m_folder + QLatin1Char('/') + sub);
        }
        return std::make_unique<WebDavRemote>(m_server->rootUrl().resolved(QUrl(sub + QLatin1Char('/'))),
                                              m_server->user(), secretOf(m_server->password()));
    }

    // `rclone copy` arguments for a folder of this remote.
    [[nodiscard]] QStringList rcloneRemote(const QString& sub) const
    {
        if (!m_server)
            return {m_folder + QLatin1Char('/') + sub};
        return {QStringLiteral(":webdav:") + sub, QStringLiteral("--webdav-url"),
                m_server->rootUrl().toString(), QStringLiteral("--webdav-user"), m_server->user(),
                QStringLiteral("--webdav-pass"), m_obscured};
    }

    // rclone copy FROM -> TO, where either may be this remote's (`remoteFrom`/`remoteTo`).
    [[nodiscard]] double rcloneUp(const QString& localDir, const QString& sub) const
    {
        QStringList args{QStringLiteral("copy"), localDir};
        const QStringList remote = rcloneRemote(sub);
        args << remote.first() << remote.mid(1);
        return runTimed(QStringLiteral("rclone"), args);
    }
    [[nodiscard]] double rcloneDown(const QString& sub, const QString& localDir) const
    {
        const QStringList remote = rcloneRemote(sub);
        QStringList args{QStringLiteral("copy"), remote.first(), localDir};
        args << remote.mid(1);
        return runTimed(QStringLiteral("rclone"), args);
    }

private:
    QString m_kind;
    std::unique_ptr<test::DavServer> m_server;
    QString m_folder;
    QString m_obscured;
};

// A device: its vault folder, its config folder (seen heads, sync cache) and the open vault.
struct Device {
    QString dir;
    QString config;
    std::unique_ptr<Vault> vault;

    void use() const { qputenv("XDG_CONFIG_HOME", config.toLocal8Bit()); }

    // A sync with its own cache file per remote folder, so each fresh remote starts afresh.
    SyncReport sync(Remote& remote, const QString& cacheName, double* ms = nullptr) const
    {
        use();
        const auto t0 = SteadyClock::now();
        auto report = syncNow(*vault, remote, SyncCache(config + QStringLiteral("/cache-") + cacheName + ".json"),
                              QStringLiteral("bench"));
        if (ms)
            *ms = msSince(t0);
        return take(std::move(report), "sync");
    }
};

// One sync with the resident memory it took: VmHWM reset before it, read after it.
struct Measured {
    SyncReport report;
    double ms = 0;
    qint64 growthKiB = 0; // the peak during the sync over VmRSS before it
    qint64 peakKiB = 0;   // the whole process's peak during the sync
};

Measured measuredSync(const Device& device, Remote& remote, const QString& cacheName)
{
    Measured m;
    const qint64 before = procStatusKiB("VmRSS");
    test::resetPeakRss();
    m.report = device.sync(remote, cacheName, &m.ms);
    m.peakKiB = procStatusKiB("VmHWM");
    m.growthKiB = m.peakKiB - before;
    return m;
}

int g_devices = 0;

Device newDeviceSlot()
{
    const int n = ++g_devices;
    Device d{g_root + QStringLiteral("/devices/%1/vault").arg(n), g_root + QStringLiteral("/devices/%1/config").arg(n),
             {}};
    QDir().mkpath(d.config);
    return d;
}

Device openPopulated(const QString& dir, const QString& config, const QString& recovery)
{
    Device d{dir, config, {}};
    d.use();
    d.vault = take(Vault::open(dir), "Vault::open");
    check(d.vault->unlockWithRecoveryKey(recovery), "unlockWithRecoveryKey");
    return d;
}

// A new device linked through `remote` (not timed: the person types the secret), unlocked with
// the recovery key so no Argon2id runs.
Device link(Remote& remote, const QString& recovery)
{
    Device d = newDeviceSlot();
    d.use();
    const QStringList ids = take(vaultsOn(remote), "vaultsOn");
    if (ids.size() != 1)
        die(QStringLiteral("expected one vault on the remote, found %1").arg(ids.size()));
    const QByteArray header = take(vaultHeaderOn(remote, ids.first()), "vaultHeaderOn");
    d.vault = take(Vault::link(d.dir, header, {CurrentSecret::Kind::RecoveryKey, secretOf(recovery)}), "Vault::link");
    return d;
}

struct Populated {
    int entries = 0;
    QString dir, config, recovery;
    BenchVault written;
};

Populated populate(int entries)
{
    Populated p;
    p.entries = entries;
    p.dir = g_root + QStringLiteral("/populated/%1/vault").arg(entries);
    p.config = g_root + QStringLiteral("/populated/%1/config").arg(entries);
    QDir().mkpath(p.config);
    progress(QStringLiteral("writing %1 entries (child process)").arg(entries));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), p.config);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--populate"), p.dir, QStringLiteral("--entries"), QString::number(entries)});
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        die(QStringLiteral("writing the vault failed"));
    p.written = parseBenchVault(child.readAllStandardOutput());
    p.recovery = p.written.recoveryKey;
    return p;
}

QString requestsText(int n) { return QStringLiteral("%1 request%2").arg(n).arg(n == 1 ? "" : "s"); }

void entriesRows(const Target& target, const QList<Populated>& vaults, int runs, QList<Row>& rows)
{
    for (const Populated& p : vaults) {
        progress(QStringLiteral("%1: %2 entries").arg(target.name()).arg(p.entries));
        const QString sub = QStringLiteral("entries-%1").arg(p.entries);
        Device a = openPopulated(p.dir, p.config, p.recovery);
        auto remote = target.remoteAt(sub);

        double pushMs = 0;
        const SyncReport push = a.sync(*remote, target.kind() + sub, &pushMs);
        if (push.recordsPushed < p.entries)
            die(QStringLiteral("pushed %1 records of %2 entries").arg(push.recordsPushed).arg(p.entries));
        rows << Row{QStringLiteral("First sync, push, %1 entries, %2").arg(p.entries).arg(target.name()),
                    QStringLiteral("%1 ms").arg(num(pushMs, 0)), QStringLiteral("—"),
                    QStringLiteral("%1, %2 up; %3 records in %4 packs")
                        .arg(requestsText(push.requests), mib(double(push.bytesPushed), 2))
                        .arg(push.recordsPushed)
                        .arg(push.packsPushed)};

        auto linkRemote = target.remoteAt(sub);
        Device b = link(*linkRemote, p.recovery);
        double pullMs = 0;
        const SyncReport pull = b.sync(*linkRemote, target.kind() + sub, &pullMs);
        if (pull.recordsPulled != push.recordsPushed || b.vault->journal().count() != p.entries)
            die(QStringLiteral("the new device pulled %1 records, %2 entries").arg(pull.recordsPulled)
                    .arg(b.vault->journal().count()));
        rows << Row{QStringLiteral("First sync, pull by a new device, %1 entries, %2").arg(p.entries).arg(target.name()),
                    QStringLiteral("%1 ms").arg(num(pullMs, 0)), QStringLiteral("—"),
                    QStringLiteral("%1, %2 down; %3 records in %4 packs, checked and committed, journal reloaded")
                        .arg(requestsText(pull.requests), mib(double(pull.bytesPulled), 2))
                        .arg(pull.recordsPulled)
                        .arg(pull.packsPulled)};

        (void)a.sync(*remote, target.kind() + sub); // sees its own new head once; from then on nothing is new
        std::vector<double> times;
        int requests = 0;
        for (int r = 0; r < std::max(runs, 5); ++r) {
            double ms = 0;
            const SyncReport noop = a.sync(*remote, target.kind() + sub, &ms);
            if (noop.recordsPulled != 0 || noop.recordsPushed != 0)
                die(QStringLiteral("a sync with nothing new moved records"));
            requests = std::max(requests, noop.requests);
            times.push_back(ms);
        }
        rows << Row{QStringLiteral("No-op sync, %1 entries, %2").arg(p.entries).arg(target.name()),
                    QStringLiteral("%1, %2 ms").arg(requestsText(requests), num(median(times), 1)),
                    QStringLiteral("1 request"),
                    QStringLiteral("%1; median of %2 (min %3, max %4 ms)")
                        .arg(requests == 1 ? QStringLiteral("met") : QStringLiteral("**missed**"))
                        .arg(times.size())
                        .arg(num(*std::min_element(times.begin(), times.end()), 1),
                             num(*std::max_element(times.begin(), times.end()), 1))};
    }
}

struct Plain {
    QString dir;
    qint64 bytes = 0;
};

// The random files both tools send, and a vault holding them as attachments of one entry each.
Plain writePlainFiles(int count, int fileMiB)
{
    Plain plain{g_root + QStringLiteral("/plain"), 0};
    QDir().mkpath(plain.dir);
    QByteArray bytes(qsizetype(fileMiB) * 1024 * 1024, Qt::Uninitialized);
    for (int i = 0; i < count; ++i) {
        randombytes_buf(bytes.data(), std::size_t(bytes.size()));
        QFile f(plain.dir + QStringLiteral("/file-%1.bin").arg(i, 2, 10, QLatin1Char('0')));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            die(QStringLiteral("could not write %1").arg(f.fileName()));
        plain.bytes += bytes.size();
    }
    return plain;
}

Populated attachmentVault(const Plain& plain)
{
    Populated p;
    p.dir = g_root + QStringLiteral("/attachments/vault");
    p.config = g_root + QStringLiteral("/attachments/config");
    QDir().mkpath(p.config);
    qputenv("XDG_CONFIG_HOME", p.config.toLocal8Bit());
    auto vault = take(Vault::create(p.dir, crypto::view("bench passphrase"), kdf::floor(), &p.recovery), "Vault::create");
    const QStringList files = QDir(plain.dir).entryList(QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile source(plain.dir + QLatin1Char('/') + name);
        if (!source.open(QIODevice::ReadOnly))
            die(QStringLiteral("could not read %1").arg(source.fileName()));
        EntryDraft draft;
        draft.title = QStringLiteral("Evidence ") + name;
        draft.body = QStringLiteral("The file as it was sent.");
        draft.attachments = {{&source, name, QStringLiteral("application/octet-stream")}};
        (void)take(vault->journal().add(draft), "Journal::add");
        ++p.entries;
    }
    return p;
}

void attachmentRows(const Target& target, const Plain& plain, const Populated& vault, int runs, QList<Row>& rows)
{
    const int count = vault.entries;
    progress(QStringLiteral("%1: %2 of attachments, Paper Trail and rclone copy in turns").arg(target.name(),
                                                                                                mib(double(plain.bytes), 0)));
    Device a = openPopulated(vault.dir, vault.config, vault.recovery);
    std::vector<double> ptUp, rcUp, ptDown, rcDown, rcStart;
    qint64 peakUpKiB = 0, peakDownKiB = 0, highestKiB = 0;
    int upRequests = 0, downRequests = 0;
    qint64 upBytes = 0, downBytes = 0;
    for (int r = 0; r < runs; ++r) {
        const QString ptSub = QStringLiteral("attachments-pt-%1").arg(r);
        const QString rcSub = QStringLiteral("attachments-rclone-%1").arg(r);
        const auto ptPush = [&] {
            auto remote = target.remoteAt(ptSub);
            const Measured m = measuredSync(a, *remote, target.kind() + ptSub);
            peakUpKiB = std::max(peakUpKiB, m.growthKiB);
            highestKiB = std::max(highestKiB, m.peakKiB);
            if (m.report.attachmentsPushed != count)
                die(QStringLiteral("pushed %1 attachments of %2").arg(m.report.attachmentsPushed).arg(count));
            upRequests = m.report.requests;
            upBytes = m.report.bytesPushed;
            ptUp.push_back(m.ms);
        };
        const auto rclonePush = [&] {
            rcUp.push_back(target.rcloneUp(plain.dir, rcSub));
            // What rclone takes to start, look and end with nothing to send: part of its time.
            rcStart.push_back(target.rcloneUp(plain.dir, rcSub));
        };
        if (r % 2 == 0) {
            ptPush();
            rclonePush();
        } else {
            rclonePush();
            ptPush();
        }

        auto remote = target.remoteAt(ptSub);
        Device b = link(*remote, vault.recovery);
        const auto ptPull = [&] {
            const Measured m = measuredSync(b, *remote, ptSub);
            peakDownKiB = std::max(peakDownKiB, m.growthKiB);
            highestKiB = std::max(highestKiB, m.peakKiB);
            if (m.report.attachmentsPulled != count)
                die(QStringLiteral("pulled %1 attachments of %2").arg(m.report.attachmentsPulled).arg(count));
            downRequests = m.report.requests;
            downBytes = m.report.bytesPulled;
            ptDown.push_back(m.ms);
        };
        const QString back = g_root + QStringLiteral("/rclone-back-%1-%2").arg(target.name().left(6)).arg(r);
        const auto rclonePull = [&] { rcDown.push_back(target.rcloneDown(rcSub, back)); };
        if (r % 2 == 0) {
            ptPull();
            rclonePull();
        } else {
            rclonePull();
            ptPull();
        }
        QDir(back).removeRecursively();
        b.vault.reset();
        QDir(b.dir).removeRecursively();
    }
    const double up = median(ptUp), rcu = median(rcUp), down = median(ptDown), rcd = median(rcDown);
    const auto range = [](const std::vector<double>& v) {
        return QStringLiteral("%1-%2").arg(num(*std::min_element(v.begin(), v.end()), 0),
                                            num(*std::max_element(v.begin(), v.end()), 0));
    };
    const QString what = QStringLiteral("%1 x %2").arg(count).arg(mib(double(plain.bytes) / count, 0));
    rows << Row{QStringLiteral("Attachments pushed (%1), %2").arg(what, target.name()),
                QStringLiteral("%1 ms (%2/s)").arg(num(up, 0), mib(double(plain.bytes) / (up / 1000.0), 0)),
                QStringLiteral("≤ 1.2x rclone copy"),
                QStringLiteral("%1: **%2x** `rclone copy` of the same files to the same server (%3 ms, its "
                               "defaults: 4 transfers at once; %4 ms of it is rclone starting, listing and ending, "
                               "timed as a second copy with nothing left to send). Paper Trail's first sync of a "
                               "vault holding them: %5, %6 up. Medians of %7 in turns (Paper Trail %8 ms, rclone %9 ms)")
                    .arg(up <= 1.2 * rcu ? QStringLiteral("met") : QStringLiteral("**missed**"), num(up / rcu, 2),
                         num(rcu, 0), num(median(rcStart), 0), requestsText(upRequests), mib(double(upBytes), 1))
                    .arg(runs)
                    .arg(range(ptUp), range(rcUp))};
    rows << Row{QStringLiteral("Attachments pulled by a new device (%1), %2").arg(what, target.name()),
                QStringLiteral("%1 ms (%2/s)").arg(num(down, 0), mib(double(plain.bytes) / (down / 1000.0), 0)),
                QStringLiteral("—"),
                QStringLiteral("**%1x** `rclone copy` back from the same server (%2 ms). Each file's hash checked, "
                               "fsynced and renamed into the vault, then the entries committed and the journal "
                               "reloaded; %3, %4 down. Medians of %5 in turns (Paper Trail %6 ms, rclone %7 ms)")
                    .arg(num(down / rcd, 2), num(rcd, 0), requestsText(downRequests), mib(double(downBytes), 1))
                    .arg(runs)
                    .arg(range(ptDown), range(rcDown))};
    rows << Row{QStringLiteral("Peak resident memory growth, attachments pushed / pulled, %1").arg(target.name()),
                QStringLiteral("%1 / %2").arg(mib(double(peakUpKiB) * 1024.0), mib(double(peakDownKiB) * 1024.0)),
                QStringLiteral("bounded"),
                QStringLiteral("VmHWM during the sync (reset before it) minus VmRSS before it; highest of %1 runs. "
                               "The whole process peaked at %2 (it holds the 10,000-entry vaults' leftovers)")
                    .arg(runs)
                    .arg(mib(double(highestKiB) * 1024.0))};
}

void largeRows(const Target& target, int largeMiB, QList<Row>& rows)
{
    progress(QStringLiteral("%1: one attachment of %2 MiB").arg(target.name()).arg(largeMiB));
    const qint64 size = qint64(largeMiB) * 1024 * 1024;
    Device a = newDeviceSlot();
    a.use();
    QString recovery;
    a.vault = take(Vault::create(a.dir, crypto::view("bench passphrase"), kdf::floor(), &recovery), "Vault::create");
    {
        test::GeneratedSource source(size, 20240601);
        EntryDraft draft;
        draft.title = QStringLiteral("The whole recording");
        draft.attachments = {{&source, QStringLiteral("recording.bin"), QStringLiteral("application/octet-stream")}};
        (void)take(a.vault->journal().add(draft), "Journal::add");
    }
    const QString sub = QStringLiteral("large");
    auto remote = target.remoteAt(sub);
    const Measured pushed = measuredSync(a, *remote, sub);
    a.vault.reset();
    auto linkRemote = target.remoteAt(sub);
    Device b = link(*linkRemote, recovery);
    const Measured pulled = measuredSync(b, *linkRemote, sub);
    const SyncReport& up = pushed.report;
    const SyncReport& down = pulled.report;
    const double upMs = pushed.ms, downMs = pulled.ms;
    const qint64 peakUp = pushed.growthKiB, peakDown = pulled.growthKiB;
    const qint64 highest = std::max(pushed.peakKiB, pulled.peakKiB);
    if (up.attachmentsPushed != 1 || down.attachmentsPulled != 1)
        die(QStringLiteral("the large attachment did not go through"));
    rows << Row{QStringLiteral("One %1 MiB attachment pushed / pulled, %2").arg(largeMiB).arg(target.name()),
                QStringLiteral("%1 / %2 ms").arg(num(upMs, 0), num(downMs, 0)), QStringLiteral("bounded memory"),
                QStringLiteral("peak resident memory growth %1 up, %2 down (VmHWM reset before each sync; the "
                               "whole process at most %3); %4 and %5 up, %6 and %7 down%8")
                    .arg(mib(double(peakUp) * 1024.0), mib(double(peakDown) * 1024.0), mib(double(highest) * 1024.0),
                         requestsText(up.requests), mib(double(up.bytesPushed), 0), requestsText(down.requests),
                         mib(double(down.bytesPulled), 0),
                         remote->partBytes() > 0 && size > remote->partBytes()
                             ? QStringLiteral(", in parts of %1").arg(mib(double(remote->partBytes()), 0))
                             : QString())};
    b.vault.reset();
    QDir(a.dir).removeRecursively();
    QDir(b.dir).removeRecursively();
}

int run(QCoreApplication& app)
{
    QCoreApplication::setApplicationName(QStringLiteral("papertrail-bench-sync"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures Paper Trail's sync against real remotes."));
    parser.addHelpOption();
    const QCommandLineOption remotesOpt(QStringLiteral("remotes"), QStringLiteral("Remotes (folder,rclone,apache)."),
                                        QStringLiteral("LIST"), QStringLiteral("folder,rclone,apache"));
    const QCommandLineOption entriesOpt(QStringLiteral("entries"), QStringLiteral("Vault sizes (100,1000,10000)."),
                                        QStringLiteral("LIST"), QStringLiteral("100,1000,10000"));
    const QCommandLineOption countOpt(QStringLiteral("attachments"), QStringLiteral("Attachment files (10)."),
                                      QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption mibOpt(QStringLiteral("attachment-mib"), QStringLiteral("MiB per file (10)."),
                                    QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs of each timing (3)."),
                                     QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption largeOpt(QStringLiteral("large-mib"),
                                      QStringLiteral("One attachment of this size; 0 skips it (1024)."),
                                      QStringLiteral("N"), QStringLiteral("1024"));
    QCommandLineOption populateOpt(QStringLiteral("populate"), QStringLiteral("Internal: write a vault."),
                                   QStringLiteral("DIR"));
    populateOpt.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({remotesOpt, entriesOpt, countOpt, mibOpt, runsOpt, largeOpt, populateOpt});
    parser.process(app);

    const auto positive = [&](const QCommandLineOption& option, int minimum) {
        bool ok = false;
        const int v = parser.value(option).toInt(&ok);
        if (!ok || v < minimum)
            die(QStringLiteral("--%1 needs a number of at least %2").arg(option.names().first()).arg(minimum));
        return v;
    };
    QList<int> sizes;
    for (const QString& s : parser.value(entriesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        sizes << s.toInt(&ok);
        if (!ok || sizes.last() < 1)
            die(QStringLiteral("--entries takes positive numbers, comma-separated"));
    }
    const int count = positive(countOpt, 0);
    const int fileMiB = positive(mibOpt, 1);
    const int runs = positive(runsOpt, 1);
    const int largeMiB = positive(largeOpt, 0);
    if (!crypto::init())
        die(QStringLiteral("crypto self test failed"));
    if (parser.isSet(populateOpt)) {
        printBenchVault(populateVault(parser.value(populateOpt), sizes.value(0, 100)));
        return 0;
    }

    const QString loadAtStart = loadAverage();
    QList<Populated> vaults;
    for (int n : sizes)
        vaults << populate(n);
    const Plain plain = count > 0 ? writePlainFiles(count, fileMiB) : Plain{};
    const Populated attachmentSource = count > 0 ? attachmentVault(plain) : Populated{};

    QList<Row> entryRows, fileRows, largeRowList;
    for (const QString& kind : parser.value(remotesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const Target target(kind);
        entriesRows(target, vaults, runs, entryRows);
        if (count > 0)
            attachmentRows(target, plain, attachmentSource, runs, fileRows);
        if (largeMiB > 0)
            largeRows(target, largeMiB, largeRowList);
    }

    QProcess version;
    version.start(QStringLiteral("rclone"), {QStringLiteral("version")});
    version.waitForFinished(30'000);
    std::printf("# Paper Trail sync benchmark\n\n");
    std::printf("- CPU: %s, %d logical CPUs; load average at start: %s, at the end: %s\n", qPrintable(cpuModel()),
                QThread::idealThreadCount(), qPrintable(loadAtStart), qPrintable(loadAverage()));
    std::printf("- Qt %s, libsodium %s, %s\n", qVersion(), sodium_version_string(),
                qPrintable(QString::fromLatin1(version.readAllStandardOutput().split('\n').value(0))));
    std::printf("- vaults, remotes and servers' folders in %s (%s); servers on 127.0.0.1 over http\n",
                qPrintable(g_root), qPrintable(fsType(g_root)));
    for (const Populated& p : vaults)
        std::printf("- %d entries (%d edited): written in %s s\n", p.entries, p.written.edited,
                    qPrintable(num(p.written.seconds, 1)));
    std::printf("\n");
    printTable(entryRows + fileRows + largeRowList);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    // As in the sync tests: a private HOME, TMPDIR and XDG folders, so rclone reads no one's
    // configuration and nothing lands in the real home; Apache, run as nobody under root, must
    // pass through it to its own folder.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--populate") == 0) { // a child: its parent's folders are private already
            QCoreApplication app(argc, argv);
            try {
                return run(app);
            } catch (const Fatal& fatal) {
                std::fprintf(stderr, "papertrail-bench-sync --populate: %s\n", qPrintable(fatal.message));
                return 1;
            }
        }
    const std::string root = test::makePrivateTestRoot("bench-sync");
    g_root = QString::fromStdString(root) + QStringLiteral("/bench");
    QDir().mkpath(g_root);
    QFile::setPermissions(QString::fromStdString(root),
                          QFile::permissions(QString::fromStdString(root)) | QFile::ExeOther);
    qputenv("RCLONE_CONFIG", (QString::fromStdString(root) + QStringLiteral("/home/rclone.conf")).toLocal8Bit());
    int result = 1;
    {
        QCoreApplication app(argc, argv);
        try {
            result = run(app);
        } catch (const Fatal& fatal) {
            std::fprintf(stderr, "papertrail-bench-sync: %s\n", qPrintable(fatal.message));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "papertrail-bench-sync: %s\n", e.what());
        }
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
