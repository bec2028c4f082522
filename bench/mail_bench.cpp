// papertrail-bench-mail: bringing in a mail export on this machine, printed as one Markdown table
// (metric | measured | goal | ratio/notes). Progress goes to stderr.
//
//   papertrail-bench-mail [--messages 10000] [--runs 3]
//
// An mbox of --messages generated messages like a work mailbox's (plain text, HTML with a plain
// alternative, HTML only, a fifth with a PDF or PNG attachment of 20-200 KiB, quoted-printable
// and base64, a few charsets) is written to a temporary folder. Then, in turns (--runs each):
//   - the raw library: GMime's own mbox parser (GMIME_FORMAT_MBOX) constructing every message
//     and dropping it, which is what any GMime program pays to read the file once;
//   - Paper Trail's pick list: scanMbox, one streaming pass that parses each message for the
//     list (sender, date, subject, attachments, SHA-256 of its exact bytes);
// and once, the import of every message into a new vault (EmailImporter over MboxReader: parse
// with the attachments decoded and hashed, seal and sign one entry and its .eml each, saved in
// batches of EmailImporter::BatchMessages). Figures:
// messages per second, ratios to the raw parse, and the peak memory growth of each (VmHWM reset
// before, over VmRSS before; goal: under 150 MB whatever the mbox's size).
#include "BenchSupport.h"
#include "BenchVault.h"
#include "support/ProcessMemory.h"

#include "intake/EmailImporter.h"
#include "intake/MailSummary.h"
#include "intake/MboxReader.h"
#include "crypto/Init.h"
#include "vault/Vault.h"

#pragma push_macro("signals")
#undef signals
#include <gmime/gmime.h>
#pragma pop_macro("signals")

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace pt;
using namespace pt::bench;
using namespace pt::core;
using namespace pt::core::intake;

namespace {

const char* const Senders[] = {"Dana Reyes <dana.reyes@example.com>", "Sam Lee <sam.lee@example.org>",
                               "HR Team <hr@example.com>", "Workday <noreply@workday.example.com>",
                               "=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <jm@example.de>"};
const char* const Words[] = {"ticket", "backlog", "goal", "review", "deadline", "meeting", "report", "customer",
                             "escalation", "weekly", "plan", "progress", "support", "rotation", "feedback"};

QByteArray paragraph(QRandomGenerator& rng, int words)
{
    QByteArray out;
    for (int i = 0; i < words; ++i) {
        out += Words[rng.bounded(int(std::size(Words)))];
        out += (i % 12 == 11) ? ".\r\n" : " ";
    }
    return out + "\r\n";
}

QByteArray base64Lines(const QByteArray& data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

QByteArray message(QRandomGenerator& rng, int n)
{
    const QDateTime date = QDateTime(QDate(2025, 1, 6), QTime(8, 0), Qt::UTC).addSecs(qint64(n) * 1800);
    QByteArray headers = "From: " + QByteArray(Senders[n % std::size(Senders)]) + "\r\n" +
                         "To: Alex Doe <alex.doe@example.com>\r\n" +
                         "Subject: Re: " + Words[n % std::size(Words)] + " " + QByteArray::number(n) + "\r\n" +
                         "Date: " + date.toString(Qt::RFC2822Date).toLatin1() + "\r\n" +
                         "Message-ID: <bench-" + QByteArray::number(n) + "@example.com>\r\n" + "MIME-Version: 1.0\r\n";
    const QByteArray text = paragraph(rng, 80 + rng.bounded(400));
    const QByteArray html = "<html><body><p>" + text + "</p><p><a href=\"https://example.com/t/" + QByteArray::number(n) +
                            "\">ticket</a></p></body></html>\r\n";
    switch (n % 5) {
    case 0:
        return headers + "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + text;
    case 1:
        return headers + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n"
                         "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
               text + "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "--alt--\r\n";
    case 2:
        return headers + "Content-Type: text/html; charset=iso-8859-1\r\n\r\n" + html;
    case 3: {
        QByteArray attachment(20 * 1024 + rng.bounded(180 * 1024), Qt::Uninitialized);
        rng.fillRange(reinterpret_cast<quint32*>(attachment.data()), attachment.size() / 4);
        return headers + "Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n--mix\r\n"
                         "Content-Type: text/plain; charset=us-ascii\r\n\r\n" +
               text + "--mix\r\nContent-Type: application/pdf; name=\"plan.pdf\"\r\n"
                      "Content-Disposition: attachment; filename=\"plan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
               base64Lines(attachment) + "--mix--\r\n";
    }
    default:
        return headers + "Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
               base64Lines(text);
    }
}

// Every message is preceded by a "From " line, and a body line that begins "From " is quoted.
qint64 writeMbox(const QString& path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        die(QStringLiteral("cannot write %1").arg(path));
    QRandomGenerator rng(42);
    for (int n = 0; n < count; ++n) {
        file.write("From bench@example.com Mon Jan  6 08:00:00 2025\r\n");
        file.write(message(rng, n));
        file.write("\r\n");
    }
    return file.size();
}

// GMime alone: its mbox parser constructing each message.
int rawGmimeParse(const QString& path)
{
    FILE* fp = std::fopen(path.toLocal8Bit().constData(), "rb");
    if (!fp)
        die(QStringLiteral("cannot read %1").arg(path));
    GMimeStream* stream = g_mime_stream_file_new(fp); // owns fp
    GMimeParser* parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
    int count = 0;
    while (!g_mime_parser_eos(parser)) {
        GMimeMessage* m = g_mime_parser_construct_message(parser, nullptr);
        if (!m)
            break;
        ++count;
        g_object_unref(m);
    }
    g_object_unref(parser);
    g_object_unref(stream);
    return count;
}

struct Measure {
    double ms = 0;
    qint64 peakGrowthKiB = 0;
};

template <typename F>
Measure measure(F&& run)
{
    test::resetPeakRss();
    const qint64 before = test::procStatusKiB("VmRSS");
    const auto start = SteadyClock::now();
    run();
    Measure m;
    m.ms = msSince(start);
    m.peakGrowthKiB = test::procStatusKiB("VmHWM") - before;
    return m;
}

int run(int argc, char** argv)
{
    QCommandLineParser parser;
    const QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("Messages (10000)."), QStringLiteral("N"),
                                         QStringLiteral("10000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs (3)."), QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({messagesOpt, runsOpt});
    parser.addHelpOption();
    parser.process(QCoreApplication::arguments());
    const int count = parser.value(messagesOpt).toInt();
    const int runs = parser.value(runsOpt).toInt();
    if (count < 1 || runs < 1)
        die(QStringLiteral("--messages and --runs need positive numbers"));
    (void)argc;
    (void)argv;
    if (!crypto::init())
        die(QStringLiteral("crypto self test failed"));

    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/pt-bench-mail-XXXXXX"));
    const QString mbox = dir.filePath(QStringLiteral("takeout.mbox"));
    progress(QStringLiteral("writing %1 messages").arg(count));
    const qint64 size = writeMbox(mbox, count);

    g_mime_init();
    std::vector<double> raw, scan;
    qint64 scanPeak = 0;
    for (int r = 0; r < runs; ++r) {
        progress(QStringLiteral("run %1 of %2: GMime's mbox parser").arg(r + 1).arg(runs));
        int parsed = 0;
        raw.push_back(measure([&] { parsed = rawGmimeParse(mbox); }).ms);
        if (parsed != count)
            die(QStringLiteral("GMime read %1 of %2 messages").arg(parsed).arg(count));
        progress(QStringLiteral("run %1 of %2: scanMbox").arg(r + 1).arg(runs));
        qsizetype listed = 0;
        const Measure m = measure([&] {
            QFile file(mbox);
            if (!file.open(QIODevice::ReadOnly))
                die(QStringLiteral("cannot read the mbox"));
            listed = take(scanMbox(file), "scanMbox").messages.size();
        });
        if (listed != count)
            die(QStringLiteral("the scan listed %1 of %2 messages").arg(listed).arg(count));
        scan.push_back(m.ms);
        scanPeak = std::max(scanPeak, m.peakGrowthKiB);
    }

    progress(QStringLiteral("importing every message into a new vault"));
    const QString vaultDir = dir.filePath(QStringLiteral("vault"));
    const BenchVault empty = populateVault(vaultDir, 0);
    auto vault = take(Vault::open(vaultDir), "Vault::open");
    check(vault->unlockWithRecoveryKey(empty.recoveryKey), "unlock");
    int imported = 0;
    const Measure import = measure([&] {
        EmailImporter importer(vault->journal());
        QFile file(mbox);
        if (!file.open(QIODevice::ReadOnly))
            die(QStringLiteral("cannot read the mbox"));
        MboxReader reader(file);
        while (auto m = reader.next())
            if (take(importer.import(m->bytes, {}), "import").imported)
                ++imported;
        check(importer.save(), "saving the import");
    });
    if (imported != count)
        die(QStringLiteral("imported %1 of %2 messages").arg(imported).arg(count));

    const double rawMs = median(raw), scanMs = median(scan);
    const auto perSecond = [&](double ms) { return num(count / (ms / 1000.0), 0); };
    std::printf("- CPU: %s; load average: %s\n", qPrintable(cpuModel()), qPrintable(loadAverage()));
    std::printf("- Qt %s, GMime %u.%u.%u; files in %s (%s)\n", qVersion(), gmime_major_version, gmime_minor_version,
                gmime_micro_version, qPrintable(dir.path()), qPrintable(fsType(dir.path())));
    std::printf("- an mbox of %d messages, %s MiB (a fifth with a 20-200 KiB attachment)\n\n", count,
                qPrintable(num(double(size) / (1 << 20), 1)));
    printTable({
        {QStringLiteral("pick list of %1 messages (scanMbox)").arg(count), QStringLiteral("%1 s, %2 messages/s").arg(num(scanMs / 1000, 2), perSecond(scanMs)), QStringLiteral("-"),
         QStringLiteral("**%1x** GMime's own mbox parser constructing every message (%2 s, %3 messages/s; medians of %4)")
             .arg(num(scanMs / rawMs, 2), num(rawMs / 1000, 2), perSecond(rawMs)).arg(runs)},
        {QStringLiteral("peak memory growth of the pick list"), QStringLiteral("%1 MiB").arg(num(scanPeak / 1024.0, 1)), QStringLiteral("under 150 MB"),
         QStringLiteral("VmHWM over VmRSS before; the list itself is part of it")},
        {QStringLiteral("import of %1 messages into a vault").arg(count), QStringLiteral("%1 s, %2 messages/s").arg(num(import.ms / 1000, 2), perSecond(import.ms)), QStringLiteral("-"),
         QStringLiteral("**%1x** the raw parse: each message parsed with its attachments hashed, then sealed, signed and "
                        "committed with its .eml")
             .arg(num(import.ms / rawMs, 2))},
        {QStringLiteral("peak memory growth of the import"), QStringLiteral("%1 MiB").arg(num(import.peakGrowthKiB / 1024.0, 1)), QStringLiteral("under 150 MB"),
         QStringLiteral("the unlocked vault's journal grows with the entries; one message in memory at a time")},
    });
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    try {
        return run(argc, argv);
    } catch (const Fatal& f) {
        std::fprintf(stderr, "papertrail-bench-mail: %s\n", qPrintable(f.message));
        return 1;
    }
}
