// papertrail-bench-archive: measures the lawyer archive's export on this machine and prints one
// Markdown table (metric | measured | goal | ratio/notes). Progress goes to stderr.
//
//   papertrail-bench-archive [--entries 10000] [--attachments 16] [--attachment-mib 64] [--runs 3]
//
// A vault of --entries realistic entries (BenchVault: a tenth edited) plus --attachments files of
// --attachment-mib random bytes (1 GiB by default), each attached to an entry of its own. Then,
// in turns (--runs each): `papertrail-cli export`'s core (writeArchive: every file into a zip
// streamed into age, report.pdf, the signed sums) and what a person would do by hand with the
// same files already in the clear on disk: `zip -0` of them followed by `age -r` of the zip. The
// ratio is Paper Trail's time over the tools' (goal: at most 0.8x, as it does both in one pass).
// The peak resident memory of this process during the export is its VmHWM (reset before it) over
// its VmRSS before it (goal: under 64 MiB).
#include "BenchSupport.h"
#include "BenchVault.h"
#include "support/PrivateTestRoot.h"
#include "support/ProcessMemory.h"

#include "archive/ArchiveWriter.h"
#include "crypto/Init.h"
#include "crypto/age/X25519.h"
#include "vault/KdfPolicy.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <sodium.h>

#include <cstdio>

using namespace pt;
using namespace pt::bench;
using namespace pt::core;

namespace {

QString g_root;

QString mib(double bytes) { return num(bytes / (1024.0 * 1024.0), 1) + QStringLiteral(" MiB"); }

// Runs a command to its end (up to an hour); dies when it fails.
double timedCommand(const QString& program, const QStringList& arguments, const QString& dir = {})
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const auto start = SteadyClock::now();
    p.start(program, arguments);
    if (!p.waitForFinished(3'600'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(QStringLiteral("%1 failed").arg(program));
    return msSince(start);
}

int run(QGuiApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the lawyer archive's export."));
    parser.addHelpOption();
    const QCommandLineOption entriesOpt(QStringLiteral("entries"), QStringLiteral("Entries (10000)."), QStringLiteral("N"),
                                        QStringLiteral("10000"));
    const QCommandLineOption countOpt(QStringLiteral("attachments"), QStringLiteral("Attachment files (16)."),
                                      QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption mibOpt(QStringLiteral("attachment-mib"), QStringLiteral("MiB per file (64)."),
                                    QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs of each (3)."), QStringLiteral("N"),
                                     QStringLiteral("3"));
    parser.addOptions({entriesOpt, countOpt, mibOpt, runsOpt});
    parser.process(app);
    const int entries = parser.value(entriesOpt).toInt();
    const int count = parser.value(countOpt).toInt();
    const int fileMiB = parser.value(mibOpt).toInt();
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    if (entries < 1 || count < 0 || fileMiB < 1)
        die(QStringLiteral("--entries and --attachment-mib need positive numbers"));
    if (!crypto::init())
        die(QStringLiteral("crypto self test failed"));
    for (const char* tool : {"zip", "age"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            die(QStringLiteral("%1 is not installed (apt-get install zip age)").arg(QLatin1String(tool)));

    progress(QStringLiteral("writing %1 entries").arg(entries));
    const QString vaultDir = g_root + QStringLiteral("/vault");
    const BenchVault written = populateVault(vaultDir, entries);

    progress(QStringLiteral("writing %1 x %2 MiB of attachments").arg(count).arg(fileMiB));
    const QString plainDir = g_root + QStringLiteral("/plain");
    QDir().mkpath(plainDir);
    auto vault = take(Vault::open(vaultDir), "Vault::open");
    check(vault->unlockWithRecoveryKey(written.recoveryKey), "unlock");
    QByteArray bytes(qsizetype(fileMiB) * 1024 * 1024, Qt::Uninitialized);
    qint64 attached = 0;
    for (int i = 0; i < count; ++i) {
        randombytes_buf(bytes.data(), std::size_t(bytes.size()));
        const QString path = plainDir + QStringLiteral("/evidence-%1.bin").arg(i, 2, 10, QLatin1Char('0'));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            die(QStringLiteral("could not write %1").arg(path));
        f.close();
        if (!f.open(QIODevice::ReadOnly))
            die(QStringLiteral("could not read %1").arg(path));
        EntryDraft draft;
        draft.title = QStringLiteral("Evidence %1").arg(i);
        draft.attachments = {{&f, QFileInfo(path).fileName(), QStringLiteral("application/octet-stream")}};
        (void)take(vault->journal().add(draft), "Journal::add");
        attached += bytes.size();
    }
    bytes.clear();
    bytes.squeeze();

    const auto identity = crypto::age::X25519Identity::generate();
    const QString recipient = QString::fromStdString(identity.recipient().toString());
    std::vector<double> ours, tools;
    qint64 growthKiB = 0, archiveBytes = 0;
    for (int r = 0; r < runs; ++r) {
        progress(QStringLiteral("run %1 of %2: Paper Trail export").arg(r + 1).arg(runs));
        const QString out = g_root + QStringLiteral("/case-%1.zip.age").arg(r);
        archive::ArchiveRequest request;
        request.to.ageRecipients = {recipient};
        request.outputPath = out;
        const qint64 before = procStatusKiB("VmRSS");
        test::resetPeakRss();
        const auto start = SteadyClock::now();
        const auto result = take(archive::writeArchive(*vault, request), "writeArchive");
        ours.push_back(msSince(start));
        growthKiB = std::max(growthKiB, procStatusKiB("VmHWM") - before);
        archiveBytes = result.size;
        QFile::remove(out);

        progress(QStringLiteral("run %1 of %2: zip -0 then age -r").arg(r + 1).arg(runs));
        const QString zipPath = g_root + QStringLiteral("/tools.zip");
        double ms = timedCommand(QStringLiteral("zip"), {QStringLiteral("-0"), QStringLiteral("-q"), QStringLiteral("-r"), zipPath,
                                                        QStringLiteral(".")},
                                 plainDir);
        ms += timedCommand(QStringLiteral("age"), {QStringLiteral("-r"), recipient, QStringLiteral("-o"),
                                                   zipPath + QStringLiteral(".age"), zipPath});
        tools.push_back(ms);
        QFile::remove(zipPath);
        QFile::remove(zipPath + QStringLiteral(".age"));
    }

    const double oursMs = median(ours), toolsMs = median(tools);
    std::printf("# Paper Trail lawyer archive benchmark\n\n");
    std::printf("- CPU: %s, %d logical CPUs; load average: %s\n", qPrintable(cpuModel()), QThread::idealThreadCount(),
                qPrintable(loadAverage()));
    std::printf("- Qt %s, libsodium %s; files in %s (%s)\n", qVersion(), sodium_version_string(), qPrintable(g_root),
                qPrintable(fsType(g_root)));
    std::printf("- %d entries (%d edited) and %d attachments of %d MiB (%s); the archive: %s\n\n", entries, written.edited,
                count, fileMiB, qPrintable(mib(double(attached))), qPrintable(mib(double(archiveBytes))));
    printTable({
        {QStringLiteral("export, %1 entries + %2 of attachments").arg(entries).arg(mib(double(attached))),
         QStringLiteral("%1 s").arg(num(oursMs / 1000.0, 2)), QStringLiteral("at most 0.8x zip -0 + age -r"),
         QStringLiteral("**%1x** `zip -0` then `age -r` of the same files (%2 s; medians of %3)")
             .arg(num(oursMs / toolsMs, 2), num(toolsMs / 1000.0, 2))
             .arg(runs)},
        {QStringLiteral("export throughput"), QStringLiteral("%1 MiB/s").arg(num(double(attached) / 1048576.0 / (oursMs / 1000.0), 0)),
         QStringLiteral("-"), QStringLiteral("attachments read from the vault (decrypted, hashed), zipped, age-encrypted, written")},
        {QStringLiteral("peak memory growth during the export"), mib(double(growthKiB) * 1024.0),
         QStringLiteral("under 64 MiB"), QStringLiteral("VmHWM (reset before) minus VmRSS before; highest of %1 runs").arg(runs)},
    });
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string root = test::makePrivateTestRoot("bench-archive");
    g_root = QString::fromStdString(root) + QStringLiteral("/bench");
    QDir().mkpath(g_root);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // the report draws text with Qt's fonts
    int result = 1;
    {
        QGuiApplication app(argc, argv);
        try {
            result = run(app);
        } catch (const Fatal& fatal) {
            std::fprintf(stderr, "papertrail-bench-archive: %s\n", qPrintable(fatal.message));
        }
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
