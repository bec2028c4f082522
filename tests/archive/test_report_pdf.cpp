// report.pdf from hand-built exhibits (no vault): poppler's pdftotext finds every exhibit number,
// title and hash (each hash in one piece), pdfinfo sees PDF 1.4 (PDF/A-1b) on US Letter, pdftoppm
// renders every page; hostile entry text stays text, with no link or remote reference; images come
// from the ImageSource one at a time. Set PT_REPORT_SAMPLE_DIR to keep the sample's PDF and its
// pages as PNG (pdftoppm -r 60) there, to look at them.
#include "TestSupport.h"

#include "archive/ReportPdf.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace pt::core;
using namespace pt::core::archive;

namespace {

QString sha(const QByteArray& seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
}

QDateTime at(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const QString Berlin = QStringLiteral("Europe/Berlin");
const QString NewYork = QStringLiteral("America/New_York");
const QString Phone = QStringLiteral("5f0c3a1e-9a7b-4c2d-8e11-0a9b8c7d6e5f");
const QString Laptop = QStringLiteral("c2b8e7d4-1f3a-4b6c-9d0e-7a8b9c0d1e2f");

struct Output {
    int exitCode = -1;
    QByteArray out;
};

// Runs a poppler tool on the PDF given on its standard input ("-"): the report is never a file.
Output run(const QString& program, QStringList args, const QByteArray& input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput()};
}

QString pdfText(const QByteArray& pdf, int firstPage = 0, int lastPage = 0)
{
    QStringList args{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (firstPage > 0)
        args << QStringLiteral("-f") << QString::number(firstPage) << QStringLiteral("-l") << QString::number(lastPage);
    args << QStringLiteral("-") << QStringLiteral("-");
    const Output o = run(QStringLiteral("pdftotext"), args, pdf);
    REQUIRE(o.exitCode == 0);
    return QString::fromUtf8(o.out);
}

QString pdfInfo(const QByteArray& pdf)
{
    const Output o = run(QStringLiteral("pdfinfo"), {QStringLiteral("-")}, pdf);
    REQUIRE(o.exitCode == 0);
    return QString::fromUtf8(o.out);
}

int pageCount(const QString& info)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    REQUIRE(m.hasMatch());
    return m.captured(1).toInt();
}

// A hash found in one piece, or as the two halves the report splits it into when it must.
bool holdsHash(const QString& text, const QString& hash)
{
    if (text.contains(hash))
        return true;
    const QString joined = QString(text).remove(QRegularExpression(QStringLiteral("\\s+")));
    return joined.contains(hash.left(32)) && joined.contains(hash.mid(32)) && text.contains(hash.left(32));
}

// A phone screenshot of a chat, 1170 x 2532 like an iPhone's.
QImage phoneScreenshot(const QString& who, const QStringList& lines)
{
    QImage image(1170, 2532, QImage::Format_ARGB32);
    image.fill(QColor(0xf2, 0xf2, 0xf7));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRect(0, 0, 1170, 300), QColor(0xf9, 0xf9, 0xf9));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(44);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(QRect(0, 40, 1170, 80), Qt::AlignCenter, QStringLiteral("9:41"));
    font.setPixelSize(52);
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRect(0, 170, 1170, 90), Qt::AlignCenter, who);
    font.setBold(false);
    font.setPixelSize(46);
    p.setFont(font);
    int y = 380;
    bool mine = false;
    for (const QString& line : lines) {
        const QRect textRect = p.boundingRect(QRect(0, 0, 760, 2000), Qt::TextWordWrap, line);
        const QRect bubble(mine ? 1170 - 60 - textRect.width() - 60 : 60, y, textRect.width() + 60,
                           textRect.height() + 50);
        p.setBrush(mine ? QColor(0x0a, 0x84, 0xff) : QColor(0xe5, 0xe5, 0xea));
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(bubble, 40, 40);
        p.setPen(mine ? Qt::white : Qt::black);
        p.drawText(bubble.adjusted(30, 25, -30, -25), Qt::TextWordWrap, line);
        y += bubble.height() + 40;
        mine = !mine;
    }
    return image;
}

ExhibitRevision revision(const QString& entryId, int number, const QString& kind, const QString& title,
                         const QString& body, const QDateTime& occurred, const QDateTime& recorded, const QString& zone,
                         const QString& device, qint64 seq, const QStringList& tags = {},
                         const QJsonObject& fields = {})
{
    EntryRevision r;
    r.entryId = entryId;
    r.revision = number;
    r.kind = kind;
    r.title = title;
    r.body = body;
    r.occurredAt = occurred;
    r.recordedAt = recorded;
    r.timeZone = zone;
    r.tags = tags;
    r.fields = fields;
    const QString object = sha(entryId.toUtf8() + QByteArray::number(number) + device.toUtf8());
    return {r, RevisionInfo{number, object, device, seq, recorded}, {}};
}

// Sets each revision's `changed` and `previous` the way ExhibitSelection does, and the entry.
Exhibit exhibitOf(const QString& number, QList<ExhibitRevision> revisions)
{
    for (qsizetype i = 1; i < revisions.size(); ++i) {
        revisions[i].changed = changedFields(revisions.at(i - 1).revision, revisions.at(i).revision);
        revisions[i].revision.previous = revisions.at(i - 1).logged.object;
    }
    Exhibit x;
    x.number = number;
    x.revisions = revisions;
    x.entry.latest = revisions.last().revision;
    x.entry.object = revisions.last().logged.object;
    for (const ExhibitRevision& r : revisions)
        x.entry.revisions.append(r.logged);
    if (revisions.size() > 1)
        x.entry.editedAt = revisions.last().revision.recordedAt;
    return x;
}

ExhibitFile fileOf(const QString& number, const QString& name, const QString& mime, const QByteArray& seed, qint64 size)
{
    ExhibitFile f;
    f.name = name;
    f.mime = mime;
    f.path = QStringLiteral("attachments/%1/%2").arg(number, name);
    f.size = size;
    f.sha256 = sha(seed);
    f.object = sha(seed + "object");
    return f;
}

struct Sample {
    ReportFacts facts;
    QList<Exhibit> exhibits;
    QHash<QString, QImage> images; // by file path
};

// Six exhibits: one edited three times, two phone screenshots (one of them redacted), a meeting,
// one deleted, one in conflict; two devices, one with a clock that jumped back.
Sample realisticSample()
{
    Sample s;
    ReportFacts& f = s.facts;
    f.owner = QStringLiteral("Jordan Avery");
    f.vaultId = QStringLiteral("9d3c2b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d");
    f.exportedAt = at("2026-12-07T18:30:05+01:00");
    f.timeZone = Berlin;
    f.from = QDate(2026, 11, 1);
    f.to = QDate(2026, 11, 30);
    f.sumsSha256 = sha("SHA256SUMS");
    f.signingKeyId = QStringLiteral("8E1C0F3A5B7D9E21");
    f.signingPublicKey = QStringLiteral("RWQhnn1bOg8cjuh1HKbX7TQmm+AZzNZxqPyBEr1d3sO8V0Kw+4eJ/7Yz");
    f.deletedLeftOut = 3;
    f.filteredOut = 12;
    f.historyIncluded = true;
    f.redactedFiles = 1;

    DeviceSummary phone;
    phone.id = Phone;
    phone.name = QStringLiteral("Pixel 8");
    phone.publicKeyHex = sha("phone key");
    phone.records = 41;
    phone.firstRecord = at("2026-10-02T08:00:00Z");
    phone.lastRecord = at("2026-12-07T17:29:00Z");
    DeviceSummary laptop;
    laptop.id = Laptop;
    laptop.name = QStringLiteral("Work laptop");
    laptop.publicKeyHex = sha("laptop key");
    laptop.records = 17;
    laptop.firstRecord = at("2026-10-05T12:00:00Z");
    laptop.lastRecord = at("2026-12-01T09:00:00Z");
    laptop.clockJumps = {at("2026-11-14T07:58:12Z")};
    f.devices = {phone, laptop};

    // PT-0001: a note edited three times.
    const QString e1 = QStringLiteral("11111111-1111-4111-8111-111111111111");
    const QString body1 = QStringLiteral(
        "In our 1:1 Dana said the goal for Q4 is now 40 tickets a week, not the 25 written in the plan. I asked "
        "for it in writing. She said \"we'll see\".");
    QList<ExhibitRevision> r1{
        revision(e1, 1, QStringLiteral("note"), QStringLiteral("Goal changed in 1:1"), body1,
                 at("2026-11-03T10:00:00+01:00"), at("2026-11-03T10:42:10+01:00"), Berlin, Phone, 3,
                 {QStringLiteral("pip")}),
    };
    r1.append(r1.last());
    r1.last().revision.revision = 2;
    r1.last().revision.title = QStringLiteral("Goal changed from 25 to 40 tickets in 1:1");
    r1.last().revision.recordedAt = at("2026-11-03T18:05:00+01:00");
    r1.last().logged = {2, sha("e1r2"), Phone, 5, r1.last().revision.recordedAt};
    r1.append(r1.last());
    r1.last().revision.revision = 3;
    r1.last().revision.body =
        body1 + QStringLiteral("\n\nLater that day she emailed the team the new number (see PT-0003).");
    r1.last().revision.recordedAt = at("2026-11-04T09:10:00+01:00");
    r1.last().logged = {3, sha("e1r3"), Laptop, 7, r1.last().revision.recordedAt};
    r1.append(r1.last());
    r1.last().revision.revision = 4;
    r1.last().revision.occurredAt = at("2026-11-03T09:30:00+01:00");
    r1.last().revision.tags = {QStringLiteral("pip"), QStringLiteral("goals")};
    r1.last().revision.recordedAt = at("2026-11-05T20:00:00+01:00");
    r1.last().logged = {4, sha("e1r4"), Phone, 9, r1.last().revision.recordedAt};
    s.exhibits.append(exhibitOf(QStringLiteral("PT-0001"), r1));

    // PT-0002: a screenshot of a chat.
    const QString e2 = QStringLiteral("22222222-2222-4222-8222-222222222222");
    Exhibit x2 = exhibitOf(QStringLiteral("PT-0002"),
                           {revision(e2, 1, QStringLiteral("screenshot"), QStringLiteral("Slack message from Dana"),
                                     QStringLiteral("Sent at 21:14, after hours."), at("2026-11-06T21:14:00+01:00"),
                                     at("2026-11-06T21:20:31+01:00"), Berlin, Phone, 12,
                                     {QStringLiteral("pip"), QStringLiteral("after-hours")})});
    x2.files = {
        fileOf(x2.number, QStringLiteral("slack-2026-11-06.png"), QStringLiteral("image/png"), "shot1", 1843221)};
    s.images.insert(x2.files.first().path,
                    phoneScreenshot(QStringLiteral("Dana (manager)"),
                                    {QStringLiteral("I need the Q4 numbers by 8am tomorrow."),
                                     QStringLiteral("It's 9pm, I can send them first thing."),
                                     QStringLiteral("If you can't commit to the new 40 ticket goal we need to talk "
                                                    "about whether this role is right for you."),
                                     QStringLiteral("The plan says 25. Can you put the change in writing?")}));
    s.exhibits.append(x2);

    // PT-0003: a meeting with its sections.
    const QString e3 = QStringLiteral("33333333-3333-4333-8333-333333333333");
    const QJsonObject meeting{
        {QStringLiteral("attendees"),
         QJsonArray{QStringLiteral("Dana Reyes"), QStringLiteral("Jordan Avery"), QStringLiteral("HR: Sam Patel")}},
        {QStringLiteral("agreements"), QStringLiteral("Weekly check-ins on Tuesdays\nTraining budget approved")},
        {QStringLiteral("disagreements"), QStringLiteral("Whether the ticket goal is 25 or 40")},
        {QStringLiteral("action_items"),
         QStringLiteral("Dana sends the written goal by Friday\nJordan shares the ticket report")},
        {QStringLiteral("location"), QStringLiteral("Room 4B")},
    };
    s.exhibits.append(
        exhibitOf(QStringLiteral("PT-0003"),
                  {revision(e3, 1, QStringLiteral("meeting"), QStringLiteral("PIP mid-point review"),
                            QStringLiteral("Dana opened by saying progress was \"not enough\". Sam asked "
                                           "which goal applied; Dana said 40. I pointed to the signed plan, "
                                           "which says 25."),
                            at("2026-11-12T14:00:00+01:00"), at("2026-11-12T15:02:00+01:00"), Berlin, Laptop, 9,
                            {QStringLiteral("pip"), QStringLiteral("hr")}, meeting)}));

    // PT-0004: deleted, included because the export includes deleted entries.
    const QString e4 = QStringLiteral("44444444-4444-4444-8444-444444444444");
    Exhibit x4 =
        exhibitOf(QStringLiteral("PT-0004"),
                  {revision(e4, 1, QStringLiteral("note"), QStringLiteral("Draft: email to HR"),
                            QStringLiteral("Not sent. Kept for my own notes."), at("2026-11-14T08:00:00+01:00"),
                            at("2026-11-14T08:00:00+01:00"), Berlin, Laptop, 11)});
    x4.entry.deleted = true;
    x4.deletions = {DeletionInfo{Laptop, 12, at("2026-11-15T10:00:00+01:00"), 1, x4.entry.object}};
    x4.entry.deletions = x4.deletions;
    s.exhibits.append(x4);

    // PT-0005: changed on both devices before either saw the other's change.
    const QString e5 = QStringLiteral("55555555-5555-4555-8555-555555555555");
    QList<ExhibitRevision> r5{
        revision(e5, 1, QStringLiteral("shout-out"), QStringLiteral("Thanks from the support lead"),
                 QStringLiteral("Priya thanked me in #support for fixing the billing outage."),
                 at("2026-11-18T16:00:00+01:00"), at("2026-11-18T16:05:00+01:00"), Berlin, Phone, 20)};
    ExhibitRevision phoneSide = r5.first();
    phoneSide.revision.revision = 2;
    phoneSide.revision.title = QStringLiteral("Thanks from Priya (support lead)");
    phoneSide.revision.recordedAt = at("2026-11-19T08:00:00+01:00");
    phoneSide.logged = {2, sha("e5 phone"), Phone, 22, phoneSide.revision.recordedAt};
    ExhibitRevision laptopSide = r5.first();
    laptopSide.revision.revision = 2;
    laptopSide.revision.timeZone = NewYork;
    laptopSide.revision.body += QStringLiteral(" Screenshot of the thread is in PT-0006.");
    laptopSide.revision.recordedAt = at("2026-11-19T03:30:00-05:00");
    laptopSide.logged = {2, sha("e5 laptop"), Laptop, 14, laptopSide.revision.recordedAt};
    r5 << laptopSide << phoneSide;
    Exhibit x5 = exhibitOf(QStringLiteral("PT-0005"), r5);
    x5.revisions[2].revision.previous = x5.revisions[0].logged.object;
    x5.revisions[2].changed = changedFields(x5.revisions[0].revision, x5.revisions[2].revision);
    x5.entry.conflict = {phoneSide.logged, laptopSide.logged};
    s.exhibits.append(x5);

    // PT-0006: a screenshot redacted for this copy, and a PDF.
    const QString e6 = QStringLiteral("66666666-6666-4666-8666-666666666666");
    Exhibit x6 =
        exhibitOf(QStringLiteral("PT-0006"),
                  {revision(e6, 1, QStringLiteral("screenshot"), QStringLiteral("Support thread with thanks"), {},
                            at("2026-11-18T16:02:00+01:00"), at("2026-11-20T12:00:00+01:00"), Berlin, Phone, 25)});
    ExhibitFile redacted =
        fileOf(x6.number, QStringLiteral("support-thread.png"), QStringLiteral("image/png"), "shot2 redacted", 912004);
    redacted.redacted = true;
    redacted.originalSha256 = sha("shot2 original");
    x6.files = {redacted, fileOf(x6.number, QStringLiteral("signed-pip.pdf"), QStringLiteral("application/pdf"),
                                 "pip pdf", 88213)};
    QImage thread = phoneScreenshot(QStringLiteral("#support"),
                                    {QStringLiteral("Huge thanks to Jordan for the billing fix last night!"),
                                     QStringLiteral("Happy to help."),
                                     QStringLiteral("\u2588\u2588\u2588\u2588\u2588\u2588 (redacted)")});
    s.images.insert(redacted.path, thread);
    s.exhibits.append(x6);

    // Every file in the archive.
    for (const Exhibit& x : std::as_const(s.exhibits)) {
        f.files.append({QStringLiteral("entries/%1.txt").arg(x.number), 1200 + x.number.right(1).toInt(),
                        sha(x.number.toUtf8() + "txt")});
        for (const ExhibitFile& file : x.files)
            f.files.append({file.path, file.size, file.sha256});
    }
    for (const char* name :
         {"entries.json", "index.csv", "loadfile.dat", "chain.jsonl", "docs/CHAIN.md", "VERIFY.txt", "papertrail.pub"})
        f.files.append({QString::fromLatin1(name), 4096, sha(name)});
    return s;
}

QByteArray render(const Sample& s, const ImageSource& images)
{
    QByteArray pdf;
    QBuffer out(&pdf);
    REQUIRE(out.open(QIODevice::WriteOnly));
    const Status written = writeReport(out, s.facts, s.exhibits, images);
    INFO((written.ok() ? QString() : written.error().message).toStdString());
    REQUIRE(written.ok());
    return pdf;
}

ImageSource imagesOf(const Sample& s, QHash<QString, int>* calls = nullptr)
{
    return [&s, calls](const ExhibitFile& f) -> std::optional<QImage> {
        if (calls)
            ++(*calls)[f.path];
        if (!s.images.contains(f.path))
            return std::nullopt;
        return s.images.value(f.path);
    };
}

} // namespace

TEST_CASE("report: a realistic export reads as text, on Letter, as PDF/A-1b, and renders", "[archive][report]")
{
    const Sample s = realisticSample();
    QHash<QString, int> calls;
    const QByteArray pdf = render(s, imagesOf(s, &calls));
    REQUIRE(pdf.startsWith("%PDF-1.4"));

    const QString info = pdfInfo(pdf);
    CHECK(info.contains(QRegularExpression(QStringLiteral("PDF version:\\s+1\\.4"))));
    CHECK(info.contains(QStringLiteral("612 x 792 pts (letter)")));
    CHECK(info.contains(QRegularExpression(QStringLiteral("Title:\\s+Paper Trail records of Jordan Avery\n"))));
    CHECK(info.contains(QRegularExpression(QStringLiteral("Creator:\\s+Paper Trail\n"))));
    const int pages = pageCount(info);
    CHECK(pages >= 8);
    CHECK(pages <= 30);
    // PDF/A-1b's identification and output intent, which Qt writes for the version.
    CHECK(pdf.contains("pdfaid:part"));
    CHECK(pdf.contains("GTS_PDFA1"));

    const QString text = pdfText(pdf);
    for (const Exhibit& x : s.exhibits) {
        CHECK(text.contains(x.number));
        CHECK(text.contains(x.entry.latest.title));
        for (const ExhibitFile& f : x.files) {
            INFO(f.path.toStdString());
            CHECK(holdsHash(text, f.sha256));
            CHECK(text.contains(f.sha256)); // whole: nothing in the report is narrow enough to split it
            if (f.redacted)
                CHECK(text.contains(f.originalSha256));
        }
    }
    for (const ArchiveFileHash& f : s.facts.files)
        CHECK(text.contains(f.sha256));
    for (const DeviceSummary& d : s.facts.devices) {
        CHECK(text.contains(d.id));
        CHECK(text.contains(d.publicKeyHex));
    }
    CHECK(text.contains(QStringLiteral("About these records")));
    CHECK(text.contains(QStringLiteral("Hash appendix")));
    CHECK(text.contains(QStringLiteral("902(14)")));
    CHECK(text.contains(QStringLiteral("Edited 3 times; history below")));
    CHECK(text.contains(QStringLiteral("TWO VERSIONS")));
    CHECK(text.contains(QStringLiteral("DELETED")));
    CHECK(text.contains(QStringLiteral("3 deleted entries not included")));
    CHECK(text.contains(QStringLiteral("12 entries outside the chosen dates")));
    CHECK(text.contains(QStringLiteral("jumped back once")));
    CHECK(text.contains(QStringLiteral("Not agreed")));
    CHECK(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));

    // The title page alone: who, when, what, and the hash of SHA256SUMS in one piece.
    const QString title = pdfText(pdf, 1, 1);
    CHECK(title.contains(QStringLiteral("Records of Jordan Avery")));
    CHECK(title.contains(QStringLiteral("2026-11-01 to 2026-11-30")));
    CHECK(title.contains(QStringLiteral("2026-12-07 18:30:05 (UTC+01:00, Europe/Berlin)")));
    CHECK(title.contains(s.facts.vaultId));
    CHECK(title.contains(s.facts.sumsSha256));
    CHECK(title.contains(s.facts.signingKeyId));
    CHECK(title.contains(s.facts.signingPublicKey));
    CHECK(title.contains(QStringLiteral("VERIFY.txt")));
    CHECK(title.contains(QStringLiteral("Page 1 of %1").arg(pages)));
    CHECK(title.contains(QStringLiteral("Title page")));
    CHECK(pdfText(pdf, 2, 2).contains(QStringLiteral("Contents")));
    // Every timeline page names the exhibits on it.
    CHECK(text.contains(QRegularExpression(QStringLiteral("Exhibits? PT-000\\d( \u2013 PT-000\\d)?"))));

    // Both screenshots embedded (one JPEG each), each image asked for at most twice.
    CHECK(pdf.count("/Subtype /Image") == 2);
    for (auto it = calls.cbegin(); it != calls.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK(it.value() <= 2);
    }
    CHECK(calls.size() == 2); // the PDF file is not asked for

    // Every page renders.
    QTemporaryDir scratch;
    const QString keep = qEnvironmentVariable("PT_REPORT_SAMPLE_DIR");
    const QString dir = keep.isEmpty() ? scratch.path() : keep;
    QDir().mkpath(dir);
    if (!keep.isEmpty()) {
        QFile file(dir + QStringLiteral("/report.pdf"));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(pdf);
    }
    const Output rendered = run(QStringLiteral("pdftoppm"),
                                {QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-png"),
                                 QStringLiteral("-"), dir + QStringLiteral("/page")},
                                pdf);
    CHECK(rendered.exitCode == 0);
    CHECK(QDir(dir).entryList({QStringLiteral("page-*.png")}, QDir::Files).size() == pages);
}

TEST_CASE("report: hostile entry text is laid out as plain text, whole, quickly", "[archive][report]")
{
    Sample s = realisticSample();
    s.exhibits = {s.exhibits.first()};
    s.exhibits.first().revisions = {s.exhibits.first().revisions.last()};
    EntryRevision& latest = s.exhibits.first().entry.latest;
    QString hostile = QStringLiteral(
        "<html><body><img src=http://tracker.example/pixel.png><a href=\"https://evil.example/\">click</a>"
        "<script>alert(1)</script>");
    hostile += QString(1, QChar(0)) + QStringLiteral("\x01\x1b[31m\x7f") + QChar(0x202e) + QStringLiteral("gnp.exe ");
    hostile += QStringLiteral("\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 ");
    hostile += QChar(0xd800); // a lone surrogate
    QString digits;
    for (int i = 0; digits.size() < 100000; ++i)
        digits += QString::number(i % 10);
    hostile += digits + QStringLiteral(" ENDOFHOSTILE");
    latest.body = hostile;
    latest.title = QStringLiteral("<b>Bold?</b> ") + QString(3000, QLatin1Char('W'));
    latest.tags = {QStringLiteral("<i>tag</i>")};
    latest.fields = QJsonObject{{QStringLiteral("<img src=x>"), QString(5000, QLatin1Char('k'))}};
    s.exhibits.first().revisions.first().revision = latest;
    s.facts.owner = QStringLiteral("<h1>Owner</h1>\n\t\x02");

    QElapsedTimer timer;
    timer.start();
    const QByteArray pdf = render(s, {});
    CHECK(timer.elapsed() < 15000);
    if (const QString keep = qEnvironmentVariable("PT_REPORT_SAMPLE_DIR"); !keep.isEmpty()) {
        QDir().mkpath(keep);
        QFile file(keep + QStringLiteral("/hostile.pdf"));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(pdf);
    }

    // No link, action or reference to anything outside the file; no image (the text is text).
    for (const char* forbidden : {"/URI", "/Annot /Subtype /Link", "/Launch", "/GoToR", "/JavaScript",
                                  "/Subtype /Image", "tracker.example", "evil.example"})
        CHECK_FALSE(pdf.contains(forbidden));

    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("<img src=http://tracker.example/pixel.png>")));
    CHECK(text.contains(QStringLiteral("<script>alert(1)</script>")));
    CHECK(text.contains(QStringLiteral("<b>Bold?</b>")));
    CHECK(text.contains(QStringLiteral("ENDOFHOSTILE")));
    // Control and direction characters shown by their code points, so nothing after them is reordered.
    CHECK(QString(text)
              .remove(QLatin1Char('\n'))
              .contains(QStringLiteral("[U+0000][U+0001][U+001B][31m[U+007F][U+202E]gnp.exe")));
    // All 100,000 digits are there, wrapped anywhere across pages.
    CHECK(text.count(QRegularExpression(QStringLiteral("[0-9]"))) >= 100000);
    const int pages = pageCount(pdfInfo(pdf));
    CHECK(pages > 20);
    CHECK(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    QTemporaryDir scratch;
    const Output rendered = run(QStringLiteral("pdftoppm"),
                                {QStringLiteral("-r"), QStringLiteral("20"), QStringLiteral("-f"), QStringLiteral("1"),
                                 QStringLiteral("-l"), QStringLiteral("4"), QStringLiteral("-png"), QStringLiteral("-"),
                                 scratch.filePath(QStringLiteral("page"))},
                                pdf);
    CHECK(rendered.exitCode == 0);
    CHECK(QDir(scratch.path()).entryList({QStringLiteral("page-*.png")}, QDir::Files).size() == 4);

    // Nothing but line breaks and control characters: hundreds of pages, each one drawn.
    Exhibit& blank = s.exhibits.first();
    blank.entry.latest.title.clear();
    blank.entry.latest.fields = {};
    blank.entry.latest.body = QString(20000, QLatin1Char('\n')) + QString(20000, QChar(0x07)) + QStringLiteral("\r\n\rLAST");
    blank.revisions.first().revision = blank.entry.latest;
    timer.restart();
    const QByteArray blanks = render(s, {});
    CHECK(timer.elapsed() < 15000);
    const int blankPages = pageCount(pdfInfo(blanks));
    CHECK(blankPages > 300);
    const QString end = pdfText(blanks, blankPages - 3, blankPages);
    CHECK(end.contains(QStringLiteral("[U+0007][U+0007]")));
    CHECK(end.contains(QStringLiteral("LAST")));
}

TEST_CASE("report: an image that cannot be read is named, not drawn, and nothing breaks", "[archive][report]")
{
    const Sample s = realisticSample();
    int calls = 0;
    // Readable when measured, not when drawn: the space kept for it says so instead.
    const ImageSource flaky = [&](const ExhibitFile& f) -> std::optional<QImage> {
        ++calls;
        if (calls > 1 || !s.images.contains(f.path))
            return std::nullopt;
        return s.images.value(f.path);
    };
    const QByteArray pdf = render(s, flaky);
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("could not be read")));
    CHECK(pdf.count("/Subtype /Image") == 0);

    // An empty export is a valid document too.
    Sample empty = s;
    empty.exhibits.clear();
    empty.facts.devices.clear();
    empty.facts.files.clear();
    empty.facts.owner.clear();
    const QByteArray none = render(empty, {});
    const QString emptyText = pdfText(none);
    CHECK(emptyText.contains(QStringLiteral("No entry is in this export")));
    CHECK(emptyText.contains(QStringLiteral("Whose records: not stated")));
    CHECK(pageCount(pdfInfo(none)) == 5);
}

TEST_CASE("report: a destination that is not open is an error, not a crash", "[archive][report]")
{
    const Sample s = realisticSample();
    QBuffer closed;
    const Status written = writeReport(closed, s.facts, s.exhibits, {});
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::Usage);
}
