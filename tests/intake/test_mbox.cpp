// MboxReader, the pick list (scanMbox, scanEmlFiles), MailPickFilter and matchBodies: an mbox
// of 3,000 generated messages read back byte for byte (offsets, lengths, SHA-256 of the exact
// bytes), through a file and through a device that hands out a few bytes at a time; the odd
// and broken shapes of real mbox files; filters and the second pass over the bodies.
#include "MailFixtures.h"
#include "TestSupport.h"

#include "intake/MailPickFilter.h"
#include "intake/MailSummary.h"
#include "intake/MboxReader.h"
#include "support/ProcessMemory.h"

#include <QBuffer>
#include <QElapsedTimer>

#include <algorithm>
#include <cstring>

using namespace pt::core;
using namespace pt::core::intake;
using namespace pt::test;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool Sanitized = true;
#else
constexpr bool Sanitized = false;
#endif

// A pipe-like device that hands out at most `step` bytes per read.
class TrickleDevice final : public QIODevice {
public:
    TrickleDevice(QByteArray data, qint64 step) : m_data(std::move(data)), m_step(step)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_pos >= m_data.size())
            return -1; // the end of a pipe
        const qint64 n = std::min({maxSize, m_step, qint64(m_data.size()) - m_pos});
        std::memcpy(data, m_data.constData() + m_pos, std::size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_step;
    qint64 m_pos = 0;
};

QList<MboxMessage> readAll(QIODevice& device, QStringList* notes = nullptr, qint64 max = MboxReader::DefaultMaxMessageBytes)
{
    MboxReader reader(device, {}, max);
    QList<MboxMessage> messages;
    while (auto m = reader.next())
        messages.append(std::move(*m));
    REQUIRE_FALSE(reader.error().has_value());
    if (notes)
        *notes = reader.notes();
    return messages;
}

QList<MboxMessage> readBytes(const QByteArray& bytes, QStringList* notes = nullptr,
                             qint64 max = MboxReader::DefaultMaxMessageBytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    return readAll(buffer, notes, max);
}

bool mentions(const QStringList& notes, const QString& text)
{
    return std::any_of(notes.begin(), notes.end(), [&](const QString& n) { return n.contains(text); });
}

void checkSameAsWritten(const QList<MboxMessage>& read, const QList<MboxEntry>& written, bool offsets = true)
{
    REQUIRE(read.size() == written.size());
    for (qsizetype i = 0; i < read.size(); ++i) {
        INFO("message " << i);
        CHECK(read[i].index == i);
        CHECK(read[i].bytes == written[i].bytes);
        CHECK(read[i].length == written[i].bytes.size());
        CHECK(read[i].sha256 == sha256Hex(written[i].bytes));
        CHECK(read[i].separator.startsWith("From "));
        CHECK_FALSE(read[i].separator.endsWith('\n'));
        CHECK_FALSE(read[i].tooLarge);
        if (offsets)
            CHECK(read[i].offset == written[i].offset);
    }
}

QList<qint64> indicesWhere(int count, const std::function<bool(int)>& pred)
{
    QList<qint64> out;
    for (int i = 0; i < count; ++i)
        if (pred(i))
            out.append(i);
    return out;
}

QList<qint64> indicesOf(const QList<MailSummary>& summaries)
{
    QList<qint64> out;
    for (const MailSummary& s : summaries)
        out.append(s.index);
    return out;
}

constexpr int Generated = 3000;

} // namespace

TEST_CASE("An mbox of 3,000 messages comes back byte for byte", "[intake][email][mbox]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("takeout.mbox"));
    const QList<MboxEntry> written = writeGeneratedMbox(path, Generated);
    const QByteArray file = readFile(path);

    SECTION("From the file, with progress to the end")
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        QList<std::pair<qint64, qint64>> calls;
        MboxReader reader(f, [&](qint64 done, qint64 total) {
            calls.append({done, total});
            return true;
        });
        QList<MboxMessage> read;
        while (auto m = reader.next())
            read.append(std::move(*m));
        CHECK_FALSE(reader.error().has_value());
        CHECK(reader.notes().isEmpty());
        checkSameAsWritten(read, written);
        REQUIRE(calls.size() >= 2);
        CHECK(calls.back() == std::pair<qint64, qint64>(file.size(), file.size()));
        CHECK(std::is_sorted(calls.begin(), calls.end()));
        CHECK(reader.bytesRead() == file.size());
        CHECK(reader.totalBytes() == file.size());
        // The bytes at each offset are the message's.
        for (const MboxMessage& m : read)
            CHECK(file.mid(m.offset, m.length) == m.bytes);
    }
    SECTION("Through a pipe that hands out 4,093 bytes at a time")
    {
        TrickleDevice pipe(file, 4093);
        checkSameAsWritten(readAll(pipe), written);
    }
    SECTION("Through a pipe that hands out 1 to 7 bytes at a time")
    {
        const qsizetype cut = written[120].offset - 1;
        for (const qint64 step : {1, 2, 3, 5, 7}) {
            TrickleDevice pipe(file.left(cut), step);
            const QList<MboxMessage> read = readAll(pipe);
            checkSameAsWritten(read, written.mid(0, 120));
        }
    }
}

TEST_CASE("Mbox separators: only after an empty line, escaped lines kept", "[intake][email][mbox]")
{
    const QByteArray bytes = "From a@example.com Mon Jan  1 09:00:00 2024\n"
                             "Subject: one\n\nbody\nFrom inside a paragraph\n>From escaped\n\n\n"
                             "From b@example.com Tue Jan  2 09:00:00 2024\n"
                             "Subject: two\n\nlast line without end";
    QStringList notes;
    const QList<MboxMessage> read = readBytes(bytes, &notes);
    REQUIRE(read.size() == 2);
    CHECK(read[0].bytes == QByteArray("Subject: one\n\nbody\nFrom inside a paragraph\n>From escaped\n\n"));
    CHECK(read[0].separator == QByteArray("From a@example.com Mon Jan  1 09:00:00 2024"));
    CHECK(read[0].offset == 44);
    CHECK(read[1].bytes == QByteArray("Subject: two\n\nlast line without end"));
    CHECK(read[1].offset == bytes.indexOf("Subject: two"));
    CHECK(notes.isEmpty());
}

TEST_CASE("Mbox with CRLF line ends", "[intake][email][mbox]")
{
    const QByteArray bytes = "From a@example.com Mon Jan  1 09:00:00 2024\r\nSubject: one\r\n\r\nbody\r\n\r\n"
                             "From b@example.com Mon Jan  1 10:00:00 2024\r\nSubject: two\r\n\r\nbody two\r\n\r\n";
    const QList<MboxMessage> read = readBytes(bytes);
    REQUIRE(read.size() == 2);
    CHECK(read[0].bytes == QByteArray("Subject: one\r\n\r\nbody\r\n"));
    CHECK(read[1].bytes == QByteArray("Subject: two\r\n\r\nbody two\r\n"));
    CHECK(read[1].separator == QByteArray("From b@example.com Mon Jan  1 10:00:00 2024"));
}

TEST_CASE("Damaged mbox files get notes, not a stop", "[intake][email][mbox]")
{
    SECTION("A file that does not begin with a From line")
    {
        QStringList notes;
        const QList<MboxMessage> read = readBytes("\n\nSubject: orphan\n\nbody\n\n"
                                                  "From a@example.com Mon Jan  1 09:00:00 2024\nSubject: x\n\ny\n",
                                                  &notes);
        REQUIRE(read.size() == 2);
        CHECK(read[0].separator.isEmpty());
        CHECK(read[0].offset == 2);
        CHECK(read[0].bytes == QByteArray("Subject: orphan\n\nbody\n"));
        CHECK(read[1].bytes == QByteArray("Subject: x\n\ny\n"));
        CHECK(mentions(notes, QStringLiteral("does not begin with a \"From \" line")));
    }
    SECTION("A broken From line")
    {
        QStringList notes;
        const QList<MboxMessage> read = readBytes("From a@example.com Mon Jan  1 09:00:00 2024\nSubject: 1\n\nok\n\n"
                                                  "From the desk of the manager\nSubject: 2\n\nsplit\n\n"
                                                  "From \x01\x02garbage\nSubject: 3\n\nthree\n",
                                                  &notes);
        REQUIRE(read.size() == 3);
        CHECK(read[1].separator == QByteArray("From the desk of the manager"));
        CHECK(read[2].bytes == QByteArray("Subject: 3\n\nthree\n"));
        CHECK(mentions(notes, QStringLiteral("(\u201cFrom the desk of the manager\u201d) does not have the usual sender "
                                             "and date")));
        CHECK(mentions(notes, QStringLiteral("(\u201cFrom ??garbage\u201d)")));
    }
    SECTION("A From line with nothing after it, and an empty message")
    {
        QStringList notes;
        const QList<MboxMessage> read = readBytes("From a@example.com Mon Jan  1 09:00:00 2024\n\n"
                                                  "From b@example.com Mon Jan  1 09:00:00 2024\nSubject: b\n\nb\n\n"
                                                  "From c@example.com Mon Jan  1 09:00:00 2024",
                                                  &notes);
        REQUIRE(read.size() == 1);
        CHECK(read[0].bytes == QByteArray("Subject: b\n\nb\n"));
        CHECK(read[0].index == 0);
        CHECK(mentions(notes, QStringLiteral("has no message after it; it was skipped")));
        CHECK(mentions(notes, QStringLiteral("The file ends with a \"From \" line")));
    }
    SECTION("A 10 MB From line")
    {
        QStringList notes;
        const QByteArray bytes = "From " + QByteArray(10 * 1024 * 1024, 'z') + "\nSubject: after\n\nbody\n";
        QElapsedTimer timer;
        timer.start();
        const QList<MboxMessage> read = readBytes(bytes, &notes);
        CHECK(timer.elapsed() < 10000);
        REQUIRE(read.size() == 1);
        CHECK(read[0].separator.size() == 1000);
        CHECK(read[0].bytes == QByteArray("Subject: after\n\nbody\n"));
        CHECK(mentions(notes, QStringLiteral("does not have the usual sender and date")));
    }
    SECTION("An empty file, and one of blank lines")
    {
        QStringList notes;
        CHECK(readBytes(QByteArray(), &notes).isEmpty());
        CHECK(notes.isEmpty());
        CHECK(readBytes("\n\n\r\n", &notes).isEmpty());
    }
}

TEST_CASE("A message over the limit is skipped without holding it, and reading goes on", "[intake][email][mbox]")
{
    const QByteArray big = "Subject: big\n\n" + QByteArray(5000, 'b') + "\n";
    const QByteArray bytes = "From a@example.com Mon Jan  1 09:00:00 2024\nSubject: small\n\nsmall\n\n"
                             "From a@example.com Mon Jan  1 09:00:00 2024\n" +
                             big + "\nFrom a@example.com Mon Jan  1 09:00:00 2024\nSubject: after\n\nafter\n";
    QStringList notes;
    const QList<MboxMessage> read = readBytes(bytes, &notes, 2000);
    REQUIRE(read.size() == 3);
    CHECK(read[1].tooLarge);
    CHECK(read[1].bytes.isEmpty());
    CHECK(read[1].length == big.size());
    CHECK(read[1].sha256 == sha256Hex(big));
    CHECK(read[1].index == 1);
    CHECK(read[2].bytes == QByteArray("Subject: after\n\nafter\n"));
    CHECK(read[2].index == 2);
    CHECK(read[1].offset == bytes.indexOf("Subject: big"));
    CHECK(mentions(notes, QStringLiteral("Message 2 (at byte %1) is 4.9 KiB, more than the 2 KiB Paper Trail "
                                         "reads; it was skipped.")
                              .arg(read[1].offset)));
}

TEST_CASE("Reading an mbox can be cancelled", "[intake][email][mbox]")
{
    QBuffer buffer;
    buffer.setData("From a@example.com Mon Jan  1 09:00:00 2024\nSubject: a\n\nb\n");
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    MboxReader reader(buffer, [](qint64, qint64) { return false; });
    CHECK_FALSE(reader.next().has_value());
    CHECK(reader.cancelled());
    REQUIRE(reader.error().has_value());
    CHECK(reader.error()->message.contains(QStringLiteral("cancelled")));
}

TEST_CASE("The pick list of 3,000 messages, its filters and the bodies' words", "[intake][email][mbox]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("takeout.mbox"));
    const QList<MboxEntry> written = writeGeneratedMbox(path, Generated);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));

    resetPeakRss();
    const qint64 before = procStatusKiB("VmRSS");
    qint64 lastDone = 0;
    auto scanned = scanMbox(file, {}, [&](qint64 done, qint64) {
        lastDone = done;
        return true;
    });
    const qint64 peakMiB = (procStatusKiB("VmHWM") - before) / 1024;
    REQUIRE(scanned.ok());
    if (!Sanitized)
        CHECK(peakMiB < 100);
    CHECK(lastDone == file.size());
    const QList<MailSummary>& list = scanned->messages;
    CHECK(scanned->notes.isEmpty());
    REQUIRE(list.size() == Generated);
    for (int i = 0; i < Generated; ++i) {
        INFO("message " << i);
        const MailSummary& s = list[i];
        const MboxEntry& e = written[i];
        CHECK(s.index == i);
        CHECK(s.source.isEmpty());
        CHECK(s.offset == e.offset);
        CHECK(s.length == e.bytes.size());
        CHECK(s.sha256 == sha256Hex(e.bytes));
        CHECK(s.from == e.sender);
        CHECK(s.date == e.date);
        CHECK_FALSE(s.dateGuessed);
        CHECK(s.subject == e.subject);
        CHECK(s.messageId == e.messageId);
        CHECK(s.attachmentCount == e.attachments);
        CHECK(s.problem.isEmpty());
    }

    MailPickFilter byDana;
    byDana.sender = QStringLiteral("DANA.reyes");
    CHECK(indicesOf(pickByHeaders(list, byDana)) == indicesWhere(Generated, [](int i) { return i % 5 == 0; }));
    MailPickFilter bySubject;
    bySubject.subjectWords = {QStringLiteral("goal"), QStringLiteral("REVIEW"), QStringLiteral(" ")};
    CHECK(indicesOf(pickByHeaders(list, bySubject)) == indicesWhere(Generated, [](int i) { return i % 3 == 1; }));
    MailPickFilter byDates;
    byDates.since = written[100].date;
    byDates.until = written[200].date.toUTC(); // another offset, the same moment
    CHECK(indicesOf(pickByHeaders(list, byDates)) == indicesWhere(Generated, [](int i) { return i >= 100 && i <= 200; }));
    MailPickFilter both;
    both.sender = QStringLiteral("Dana");
    both.subjectWords = {QStringLiteral("weekly")};
    CHECK(indicesOf(pickByHeaders(list, both)) == indicesWhere(Generated, [](int i) { return i % 15 == 0; }));
    CHECK_FALSE(both.needsBodies());

    // Body words: a second pass over the candidates only. Every fourth message is HTML only.
    MailPickFilter bySam;
    bySam.sender = QStringLiteral("sam.lee");
    bySam.bodyWords = {QStringLiteral("ESCALATION")};
    CHECK(bySam.needsBodies());
    const QList<MailSummary> candidates = pickByHeaders(list, bySam);
    CHECK(candidates.size() == Generated / 5);
    QElapsedTimer timer;
    timer.start();
    auto matched = matchBodies(candidates, bySam.bodyWords, &file);
    REQUIRE(matched.ok());
    CHECK(matched.value() == indicesWhere(Generated, [](int i) { return i % 10 == 1; }));
    CHECK(matched->contains(21)); // HTML only
    CHECK(timer.elapsed() < 30000);

    auto unique = matchBodies(list, {QStringLiteral("kw-707-end")}, &file);
    REQUIRE(unique.ok());
    CHECK(unique.value() == QList<qint64>{707});
    auto two = matchBodies(list, {QStringLiteral("escalation"), QStringLiteral("message 21.")}, &file);
    REQUIRE(two.ok());
    CHECK(two.value() == QList<qint64>{21});
    auto none = matchBodies(list, {QStringLiteral("nowhere-to-be-found")}, &file);
    REQUIRE(none.ok());
    CHECK(none->isEmpty());

    // The file changed between the passes.
    file.close();
    QByteArray changed = readFile(path);
    const qint64 at = written[5].offset + written[5].bytes.indexOf("Body of");
    changed[at] = 'b';
    writeFile(path, changed);
    REQUIRE(file.open(QIODevice::ReadOnly));
    auto stale = matchBodies(list.mid(0, 10), {QStringLiteral("body")}, &file);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().message.contains(QStringLiteral("The mbox file changed since it was listed")));
}

TEST_CASE("A date filter leaves out messages without a date", "[intake][email][mbox]")
{
    MailSummary undated;
    undated.from = QStringLiteral("a@example.com");
    MailPickFilter filter;
    CHECK(filter.matches(undated));
    filter.until = QDateTime::currentDateTimeUtc();
    CHECK_FALSE(filter.matches(undated));
    CHECK(containsAllWords(QStringLiteral("Weekly Report"), {QStringLiteral("report"), QStringLiteral("")}));
    CHECK_FALSE(containsAllWords(QStringLiteral("Weekly Report"), {QStringLiteral("report"), QStringLiteral("monthly")}));
}

TEST_CASE("An mbox with hostile messages inside: each is listed with what was wrong", "[intake][email][mbox][hostile]")
{
    QByteArray bytes;
    const auto add = [&](const QByteArray& message) {
        bytes += "From x@example.com Mon Jan  1 09:00:00 2024\n" + message + "\n";
    };
    add(manyPartsMail(10000));
    add("just words, no headers\n");
    add(longHeaderMail("Subject", 10 * 1024 * 1024));
    add(corpusMail("thread-1.eml"));
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    MailLimits limits;
    limits.maxMessageBytes = 5 * 1024 * 1024;
    QElapsedTimer timer;
    timer.start();
    auto scanned = scanMbox(buffer, limits);
    CHECK(timer.elapsed() < 10000);
    REQUIRE(scanned.ok());
    const QList<MailSummary>& list = scanned->messages;
    REQUIRE(list.size() == 4);
    CHECK(list[0].attachmentCount == 999);
    CHECK(list[0].problem.isEmpty());
    CHECK(mentions(list[0].notes, QStringLiteral("more than 1,000 parts")));
    CHECK(list[1].problem.contains(QStringLiteral("not an email")));
    CHECK(list[2].problem == QStringLiteral("It is 10 MiB, more than the 5 MiB Paper Trail reads in one email."));
    CHECK(list[2].sha256 == sha256Hex(longHeaderMail("Subject", 10 * 1024 * 1024)));
    CHECK(list[3].subject == QStringLiteral("Status report"));
    CHECK(mentions(scanned->notes, QStringLiteral("more than the 5 MiB Paper Trail reads; it was skipped")));
}

TEST_CASE("The pick list of .eml files", "[intake][email][mbox]")
{
    QStringList paths;
    for (const QString& name : corpusMailNames())
        paths.append(QStringLiteral(PT_TEST_DATA "/email/") + name);
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("gone.eml"));
    paths.append(missing);
    auto scanned = scanEmlFiles(paths);
    REQUIRE(scanned.ok());
    const QList<MailSummary>& list = scanned->messages;
    REQUIRE(list.size() == paths.size());
    qint64 inlineImage = -1;
    for (qsizetype i = 0; i + 1 < list.size(); ++i) {
        INFO(paths[i].toStdString());
        const QByteArray bytes = readFile(paths[i]);
        CHECK(list[i].index == i);
        CHECK(list[i].source == paths[i]);
        CHECK(list[i].offset == 0);
        CHECK(list[i].length == bytes.size());
        CHECK(list[i].sha256 == sha256Hex(bytes));
        CHECK(list[i].problem.isEmpty());
        CHECK_FALSE(list[i].from.isEmpty());
        if (paths[i].endsWith(QLatin1String("attachments.eml")))
            CHECK(list[i].attachmentCount == 3);
        if (paths[i].endsWith(QLatin1String("inline-image.eml")))
            inlineImage = i;
    }
    CHECK(list.back().problem.contains(QStringLiteral("could not be opened")));

    auto matched = matchBodies(list.mid(0, list.size() - 1), {QStringLiteral("ORG CHART")}, nullptr);
    REQUIRE(matched.ok());
    CHECK(matched.value() == QList<qint64>{inlineImage});

    MailLimits small;
    small.maxMessageBytes = 300;
    auto limited = scanEmlFiles(paths.mid(0, 3), small);
    REQUIRE(limited.ok());
    for (const MailSummary& s : limited->messages) {
        CHECK(s.problem.contains(QStringLiteral("more than the 300 bytes")));
        CHECK(s.sha256 == sha256Hex(readFile(s.source)));
    }

    auto cancelled = scanEmlFiles(paths, {}, [](qint64, qint64) { return false; });
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().message.contains(QStringLiteral("cancelled")));
}
