// parseMail and attachmentBytes on the written corpus (tests/data/intake/email) and on 8-bit
// messages built here: who, when and what each message says, decoded from every charset and
// encoding the issue names, its attachments with their sizes and hashes and their bytes read
// back, DKIM signatures, threads, and what is noted when something was repaired.
#include "MailFixtures.h"
#include "TestSupport.h"

#include "intake/MailParser.h"

#include <QTimeZone>

#include <atomic>
#include <thread>
#include <vector>

using namespace pt::core;
using namespace pt::core::intake;
using pt::test::corpusMail;
using pt::test::mailWith;

namespace {

MailMessage parsed(const QByteArray& bytes, MailDetail detail = MailDetail::Full, const MailLimits& limits = {})
{
    auto result = parseMail(bytes, limits, detail);
    if (!result.ok())
        FAIL(result.error().message.toStdString());
    return result.value();
}

MailMessage corpus(const char* name)
{
    INFO(name);
    return parsed(corpusMail(name));
}

bool notesMention(const MailMessage& mail, const char* text)
{
    for (const QString& note : mail.notes)
        if (note.contains(QString::fromUtf8(text), Qt::CaseInsensitive))
            return true;
    return false;
}

QDateTime at(int y, int mo, int d, int h, int mi, int s, int offsetSeconds)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::OffsetFromUTC, offsetSeconds);
}

const QString PdfSha = QStringLiteral("5720db78aad4d195de658c315587241b1f2de193e51a0de5c5f994cf31eff5bc");
const QString PngSha = QStringLiteral("3fd6e6be528c182d768563a63b65ac5a70d022149a01eeeaaa30396d75f426e0");

} // namespace

TEST_CASE("multipart/alternative: the headers and the plain text, not the HTML", "[intake][email]")
{
    const MailMessage mail = corpus("alternative.eml");
    CHECK(mail.from == QStringLiteral("Dana Reyés <dana.reyes@example.com>"));
    CHECK(mail.to == QStringList{QStringLiteral("Sam Lee <sam.lee@example.org>"), QStringLiteral("hr-team@example.org")});
    CHECK(mail.cc == QStringList{QStringLiteral("\"Lee, Morgan\" <morgan.lee@example.org>")});
    CHECK(mail.subject == QStringLiteral("Weekly check-in: goals for Q2"));
    CHECK(mail.messageId == QStringLiteral("check-in-0312@example.com"));
    CHECK(mail.date == at(2024, 3, 12, 9, 14, 55, -5 * 3600));
    CHECK(mail.date.offsetFromUtc() == -5 * 3600);
    CHECK_FALSE(mail.dateGuessed);
    CHECK(mail.text == QStringLiteral("Hi Sam,\n\nGoal 2: Meets expectations - 4/5.\nPlease send the status report by "
                                      "Friday.\n\nDana"));
    CHECK_FALSE(mail.textFromHtml);
    CHECK(mail.attachments.isEmpty());
    CHECK(mail.dkimSignatures.isEmpty());
    CHECK(mail.inReplyTo.isEmpty());
    CHECK(mail.references.isEmpty());
    CHECK(mail.notes.isEmpty());
}

TEST_CASE("An HTML-only message becomes readable text with its links", "[intake][email]")
{
    const MailMessage mail = corpus("html-only.eml");
    CHECK(mail.textFromHtml);
    CHECK(mail.from == QStringLiteral("Performance Portal <noreply@portal.example.com>"));
    CHECK(mail.date == at(2024, 3, 13, 18, 2, 11, 3600));
    const QString& t = mail.text;
    CHECK(t.startsWith(QStringLiteral("Review ready\n\nHello Sam, your review is ready.\n\n")));
    CHECK(t.contains(QStringLiteral("Rating: 3 < 4 & \"needs work\" \u2014 see below.")));
    CHECK(t.contains(QStringLiteral("- Goal 1: Exceeds\n- Goal 2: Meets details (https://portal.example.com/goals/2)")));
    CHECK(t.contains(QStringLiteral("1. First step\n2. Second step")));
    CHECK(t.contains(QStringLiteral("the review (https://portal.example.com/review?id=77&tab=1)")));
    CHECK(t.contains(QStringLiteral("visit portal.example.com.")));
    CHECK(t.contains(QStringLiteral("Mail hr@example.com or click here.")));
    CHECK(t.contains(QStringLiteral("Goal\tRating\nCommunication\t2/5")));
    CHECK(t.contains(QStringLiteral("> Previous note:\n> Improve reporting.")));
    CHECK(t.endsWith(QStringLiteral("Line one\nLine two")));
    for (const char* hidden : {"Portal title", "script text", "color: red", "Hidden preheader", "javascript", "tracker"})
        CHECK_FALSE(t.contains(QString::fromLatin1(hidden)));
}

TEST_CASE("An inline image (cid) is listed as inline, and its bytes come back", "[intake][email]")
{
    const QByteArray bytes = corpusMail("inline-image.eml");
    const MailMessage mail = parsed(bytes);
    CHECK(mail.text == QStringLiteral("See the org chart below."));
    CHECK_FALSE(mail.textFromHtml);
    REQUIRE(mail.attachments.size() == 1);
    const MailAttachment& image = mail.attachments[0];
    CHECK(image.mimeType == QStringLiteral("image/png"));
    CHECK(image.contentId == QStringLiteral("logo.png@example.com"));
    CHECK(image.isInline);
    CHECK(image.decodedSize == 73);
    CHECK(image.sha256 == PngSha);
    CHECK(image.fileName == QStringLiteral("part-%1.png").arg(image.partIndex));
    const auto back = attachmentBytes(bytes, image.partIndex);
    REQUIRE(back.ok());
    CHECK(back->startsWith("\x89PNG\r\n\x1a\n"));
    CHECK(pt::test::sha256Hex(back.value()) == PngSha);
}

TEST_CASE("Attachments: names, types, sizes and hashes, and their bytes on demand", "[intake][email]")
{
    const QByteArray bytes = corpusMail("attachments.eml");
    const MailMessage mail = parsed(bytes);
    CHECK(mail.text == QStringLiteral("Attached: the plan and a screenshot."));
    REQUIRE(mail.attachments.size() == 3);
    const MailAttachment& pdf = mail.attachments[0];
    CHECK(pdf.fileName == QStringLiteral("plan.pdf"));
    CHECK(pdf.mimeType == QStringLiteral("application/pdf"));
    CHECK(pdf.decodedSize == 218);
    CHECK(pdf.sha256 == PdfSha);
    CHECK_FALSE(pdf.isInline);
    CHECK(pdf.contentId.isEmpty());
    CHECK(mail.attachments[1].fileName == QStringLiteral("grade.png"));
    CHECK(mail.attachments[1].sha256 == PngSha);
    // A name with folders keeps only its last part.
    CHECK(mail.attachments[2].fileName == QStringLiteral("passwd"));
    CHECK(mail.attachments[2].decodedSize == 10);

    QSet<int> indices;
    for (const MailAttachment& a : mail.attachments) {
        indices.insert(a.partIndex);
        const auto back = attachmentBytes(bytes, a.partIndex);
        REQUIRE(back.ok());
        CHECK(back->size() == a.decodedSize);
        CHECK(pt::test::sha256Hex(back.value()) == a.sha256);
    }
    CHECK(indices.size() == 3);
    CHECK(attachmentBytes(bytes, mail.attachments[2].partIndex).value() == QByteArray("not really"));

    // The multipart itself, the text and a number past the end are not attachments.
    for (const int index : {0, 1, 99, -1}) {
        const auto none = attachmentBytes(bytes, index);
        REQUIRE_FALSE(none.ok());
        CHECK(none.error().code == ErrorCode::NotFound);
        CHECK(none.error().message.contains(QStringLiteral("no attachment numbered")));
    }
}

TEST_CASE("RFC 2047 encoded words in UTF-8 (B and Q) and ISO-8859-1", "[intake][email]")
{
    CHECK(corpus("subject-utf8-b.eml").subject == QStringLiteral("Réunion de suivi — ✅ fait"));
    CHECK(corpus("subject-utf8-q.eml").subject == QStringLiteral("Café “meeting” notes"));
    const MailMessage latin1 = corpus("subject-latin1.eml");
    CHECK(latin1.subject == QStringLiteral("Übersicht für März"));
    CHECK(latin1.from == QStringLiteral("Jürgen Müller <jm@example.de>"));
    CHECK(latin1.date.offsetFromUtc() == 3600);
}

TEST_CASE("RFC 2231 file names, encoded and in sections", "[intake][email]")
{
    const MailMessage mail = corpus("rfc2231-filename.eml");
    CHECK(mail.text == QStringLiteral("Two files."));
    REQUIRE(mail.attachments.size() == 2);
    CHECK(mail.attachments[0].fileName == QStringLiteral("€ rates été.pdf"));
    CHECK(mail.attachments[0].sha256 == PdfSha);
    CHECK(mail.attachments[1].fileName == QStringLiteral("Résumé of a very long name.txt"));
    CHECK(mail.attachments[1].mimeType == QStringLiteral("text/plain"));
}

TEST_CASE("Quoted-printable, ISO-8859-1, Windows-1252 and Shift-JIS bodies", "[intake][email]")
{
    CHECK(corpus("quoted-printable.eml").text ==
          QStringLiteral("The café meeting is a long line that goes on and on and on and is soft wrapped here.\n"
                         "Equals sign: = and a tab\tend."));
    const MailMessage latin1 = corpus("latin1.eml");
    CHECK(latin1.text == QStringLiteral("Café crème brûlée, £1 ½ price."));
    CHECK(latin1.notes.isEmpty());
    const MailMessage cp1252 = corpus("windows-1252.eml");
    CHECK(cp1252.text == QStringLiteral("“Smart quotes” – and €100 and it’s done…"));
    CHECK(cp1252.notes.isEmpty());
    const MailMessage sjis = corpus("shift-jis.eml");
    CHECK(sjis.text == QStringLiteral("日本語のテキストです。会議は金曜日です。"));
    CHECK(sjis.subject == QStringLiteral("会議の件"));
    CHECK(sjis.from == QStringLiteral("山田 <yamada@example.jp>"));
    CHECK(sjis.date.offsetFromUtc() == 9 * 3600);
}

TEST_CASE("8-bit bodies and headers as senders' programs write them", "[intake][email]")
{
    SECTION("ISO-8859-1 sent as 8bit")
    {
        const MailMessage mail = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                                 "Content-Type: text/plain; charset=ISO-8859-1\n"
                                                 "Content-Transfer-Encoding: 8bit",
                                                 "Caf\xe9 \xa3" "5\r\n"));
        CHECK(mail.text == QStringLiteral("Café £5"));
        CHECK(mail.notes.isEmpty());
    }
    SECTION("Windows-1252 curly quotes labelled ISO-8859-1 are read as Windows-1252, with a note")
    {
        const MailMessage mail = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                                 "Content-Type: text/plain; charset=iso-8859-1",
                                                 "\x93" "Meets expectations\x94 \x96 it\x92s done\r\n"));
        CHECK(mail.text == QStringLiteral("“Meets expectations” – it’s done"));
        CHECK(notesMention(mail, "Windows-1252"));
    }
    SECTION("Windows-1252 sent as 8bit")
    {
        const MailMessage mail = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                                 "Content-Type: text/plain; charset=windows-1252",
                                                 "\x93quoted\x94 \x80\r\n"));
        CHECK(mail.text == QStringLiteral("“quoted” €"));
        CHECK(mail.notes.isEmpty());
    }
    SECTION("Shift-JIS sent as 8bit")
    {
        const MailMessage mail = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                                 "Content-Type: text/plain; charset=shift_jis",
                                                 "\x93\xfa\x96\x7b\x8c\xea\r\n"));
        CHECK(mail.text == QStringLiteral("日本語"));
    }
    SECTION("UTF-8 headers (RFC 6532) need no encoding and get no note")
    {
        const MailMessage mail = parsed(mailWith("From: Zoë Çelik <zoe@example.com>\nTo: Jürgen <j@example.de>\n"
                                                 "Subject: Überprüfung ✓ done\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                                 "Content-Type: text/plain; charset=utf-8",
                                                 "Grüße\r\n"));
        CHECK(mail.from == QStringLiteral("Zoë Çelik <zoe@example.com>"));
        CHECK(mail.to == QStringList{QStringLiteral("Jürgen <j@example.de>")});
        CHECK(mail.subject == QStringLiteral("Überprüfung ✓ done"));
        CHECK(mail.text == QStringLiteral("Grüße"));
        CHECK(mail.notes.isEmpty());
    }
    SECTION("An 8-bit Latin-1 header that is not UTF-8 is read as Windows-1252, with a note")
    {
        const MailMessage mail = parsed(mailWith("From: a@example.com\nSubject: R\xe9union \x93" "demain\x94\n"
                                                 "Date: Mon, 1 Apr 2024 10:00:00 +0000",
                                                 "x\r\n"));
        CHECK(mail.subject == QStringLiteral("Réunion “demain”"));
        CHECK(notesMention(mail, "Subject header is not valid UTF-8"));
    }
    SECTION("8-bit text with no charset: UTF-8 when it is valid UTF-8, else Windows-1252")
    {
        const MailMessage utf8 = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000",
                                                 "d\xc3\xa9j\xc3\xa0 vu\r\n"));
        CHECK(utf8.text == QStringLiteral("déjà vu"));
        CHECK(notesMention(utf8, "read as UTF-8"));
        const MailMessage latin = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000",
                                                  "d\xe9j\xe0 vu\r\n"));
        CHECK(latin.text == QStringLiteral("déjà vu"));
        CHECK(notesMention(latin, "read as Windows-1252"));
    }
    SECTION("Bytes that are not valid UTF-8 in a UTF-8 text become U+FFFD, with a note")
    {
        const MailMessage mail = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                                 "Content-Type: text/plain; charset=utf-8",
                                                 "ok \xff\xfe end\r\n"));
        CHECK(mail.text.startsWith(QStringLiteral("ok \ufffd")));
        CHECK(mail.text.endsWith(QStringLiteral(" end")));
        CHECK(notesMention(mail, "not valid UTF-8"));
    }
    SECTION("A charset nobody knows")
    {
        const MailMessage utf8 = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                                 "Content-Type: text/plain; charset=x-klingon-9",
                                                 "caf\xc3\xa9\r\n"));
        CHECK(utf8.text == QStringLiteral("café"));
        CHECK(notesMention(utf8, "does not know (\u201cx-klingon-9\u201d); it was read as UTF-8"));
        const MailMessage latin = parsed(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                                  "Content-Type: text/plain; charset=x-klingon-9",
                                                  "caf\xe9\r\n"));
        CHECK(latin.text == QStringLiteral("café"));
        CHECK(notesMention(latin, "read as Windows-1252"));
    }
}

TEST_CASE("A reply thread: In-Reply-To and References", "[intake][email]")
{
    const MailMessage first = corpus("thread-1.eml");
    const MailMessage second = corpus("thread-2.eml");
    const MailMessage third = corpus("thread-3.eml");
    CHECK(first.messageId == QStringLiteral("thread-1@example.com"));
    CHECK(first.inReplyTo.isEmpty());
    CHECK(first.references.isEmpty());
    CHECK(second.inReplyTo == first.messageId);
    CHECK(second.references == QStringList{first.messageId});
    CHECK(third.inReplyTo == second.messageId);
    CHECK(third.references == QStringList{first.messageId, second.messageId});
    CHECK(third.subject == QStringLiteral("Re: Status report"));
    CHECK(first.date < second.date);
    CHECK(second.date < third.date);
}

TEST_CASE("DKIM-Signature headers: each signer's domain and selector", "[intake][email]")
{
    const MailMessage mail = corpus("dkim.eml");
    REQUIRE(mail.dkimSignatures.size() == 2);
    CHECK(mail.dkimSignatures[0].domain == QStringLiteral("example.com"));
    CHECK(mail.dkimSignatures[0].selector == QStringLiteral("selector2024"));
    CHECK(mail.dkimSignatures[1].domain == QStringLiteral("esp.example.net"));
    CHECK(mail.dkimSignatures[1].selector == QStringLiteral("mail1"));
    CHECK(mail.text == QStringLiteral("Signed twice."));
}

TEST_CASE("A missing or unreadable Date: a server's date, or none, marked as a guess", "[intake][email]")
{
    const MailMessage received = corpus("no-date.eml");
    CHECK(received.dateGuessed);
    CHECK(received.date == at(2024, 3, 20, 7, 30, 0, 2 * 3600));
    CHECK(notesMention(received, "no Date header"));
    CHECK(notesMention(received, "marked as a guess"));

    const MailMessage none = parsed(mailWith("From: a@example.com\nSubject: undated", "x\r\n"));
    CHECK(none.dateGuessed);
    CHECK_FALSE(none.date.isValid());
    CHECK(notesMention(none, "must be guessed"));

    const MailMessage garbage = parsed(mailWith("From: a@example.com\nDate: the day after payday", "x\r\n"));
    CHECK(garbage.dateGuessed);
    CHECK_FALSE(garbage.date.isValid());
    CHECK(notesMention(garbage, "Date header (\u201cthe day after payday\u201d) could not be read"));
}

TEST_CASE("Bare LF line ends read as CRLF ones do", "[intake][email]")
{
    const QByteArray lf = corpusMail("bare-lf.eml");
    REQUIRE_FALSE(lf.contains('\r'));
    QByteArray crlf = lf;
    crlf.replace("\n", "\r\n");
    for (const QByteArray& bytes : {lf, crlf}) {
        const MailMessage mail = parsed(bytes);
        CHECK(mail.subject == QStringLiteral("Bare LF"));
        CHECK(mail.text == QStringLiteral("Line one.\nLine two."));
        REQUIRE(mail.attachments.size() == 1);
        CHECK(mail.attachments[0].fileName == QStringLiteral("notes.txt"));
        CHECK(attachmentBytes(bytes, mail.attachments[0].partIndex).value() == QByteArray("attached notes"));
    }
}

TEST_CASE("Malformed headers: what can be read is, the rest is noted", "[intake][email]")
{
    const MailMessage mail = corpus("malformed-headers.eml");
    CHECK(mail.from == QStringLiteral("Dana Reyes <dana.reyes@example.com>"));
    CHECK(mail.to.contains(QStringLiteral("Sam Lee <sam.lee@example.org>")));
    CHECK(mail.subject.contains(QStringLiteral("unterminated")));
    CHECK(mail.messageId == QStringLiteral("malformed@example.com"));
    CHECK(mail.date == at(2024, 3, 21, 8, 0, 0, 0));
    CHECK(mail.text == QStringLiteral("The body survives."));
    CHECK(notesMention(mail, "This line has no colon"));
}

TEST_CASE("An attached message is listed as a .eml and comes back as one", "[intake][email]")
{
    const QByteArray inner = mailWith("From: boss@example.com\nSubject: The original warning\n"
                                      "Date: Mon, 1 Apr 2024 09:00:00 +0000\nMessage-ID: <inner@example.com>",
                                      "You were late twice.\r\n");
    const QByteArray outer = mailWith("From: a@example.com\nSubject: Fwd\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                      "Content-Type: multipart/mixed; boundary=fw",
                                      "--fw\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n--fw\r\n"
                                      "Content-Type: message/rfc822\r\n\r\n" +
                                          inner + "--fw--\r\n");
    const MailMessage mail = parsed(outer);
    CHECK(mail.text == QStringLiteral("See below."));
    REQUIRE(mail.attachments.size() == 1);
    const MailAttachment& forwarded = mail.attachments[0];
    CHECK(forwarded.mimeType == QStringLiteral("message/rfc822"));
    CHECK(forwarded.fileName == QStringLiteral("The original warning.eml"));
    const auto back = attachmentBytes(outer, forwarded.partIndex);
    REQUIRE(back.ok());
    CHECK(pt::test::sha256Hex(back.value()) == forwarded.sha256);
    const MailMessage again = parsed(back.value());
    CHECK(again.subject == QStringLiteral("The original warning"));
    CHECK(again.messageId == QStringLiteral("inner@example.com"));
    CHECK(again.text == QStringLiteral("You were late twice."));
}

TEST_CASE("Detail levels: a summary decodes nothing, text mode no attachment", "[intake][email]")
{
    const QByteArray bytes = corpusMail("attachments.eml");
    const MailMessage summary = parsed(bytes, MailDetail::Summary);
    CHECK(summary.subject == QStringLiteral("PIP documents"));
    CHECK(summary.text.isEmpty());
    REQUIRE(summary.attachments.size() == 3);
    CHECK(summary.attachments[0].fileName == QStringLiteral("plan.pdf"));
    CHECK(summary.attachments[0].decodedSize == -1);
    CHECK(summary.attachments[0].sha256.isEmpty());
    const MailMessage text = parsed(bytes, MailDetail::Text);
    CHECK(text.text == QStringLiteral("Attached: the plan and a screenshot."));
    CHECK(text.attachments.size() == 3);
    CHECK(text.attachments[0].decodedSize == -1);
}

TEST_CASE("Alternatives: an empty plain part gives way to the HTML", "[intake][email]")
{
    const QByteArray bytes = mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                      "Content-Type: multipart/alternative; boundary=a",
                                      "--a\r\nContent-Type: text/plain\r\n\r\n \r\n--a\r\nContent-Type: text/html\r\n\r\n"
                                      "<p>Only the <b>HTML</b> has words.</p>\r\n--a--\r\n");
    const MailMessage mail = parsed(bytes);
    CHECK(mail.text == QStringLiteral("Only the HTML has words."));
    CHECK(mail.textFromHtml);
}

TEST_CASE("Every corpus message parses, and part numbers are the same every time", "[intake][email]")
{
    const QStringList names = pt::test::corpusMailNames();
    CHECK(names.size() >= 19);
    for (const QString& name : names) {
        INFO(name.toStdString());
        const QByteArray bytes = corpusMail(name.toLatin1().constData());
        const MailMessage a = parsed(bytes);
        const MailMessage b = parsed(bytes, MailDetail::Summary);
        CHECK_FALSE(a.from.isEmpty());
        REQUIRE(a.attachments.size() == b.attachments.size());
        for (qsizetype i = 0; i < a.attachments.size(); ++i) {
            CHECK(a.attachments[i].partIndex == b.attachments[i].partIndex);
            CHECK(a.attachments[i].fileName == b.attachments[i].fileName);
        }
    }
}

TEST_CASE("Not an email, empty, or too large: an error that says what to do", "[intake][email]")
{
    const auto text = parseMail("just some words\nwithout any header\n");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().code == ErrorCode::Damaged);
    CHECK(text.error().message.contains(QStringLiteral("not an email")));

    const auto unusual = parseMail("Note: remember the meeting\n\nbody\n");
    REQUIRE_FALSE(unusual.ok());
    CHECK(unusual.error().code == ErrorCode::Damaged);

    const auto empty = parseMail(QByteArray("\r\n \r\n"));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.contains(QStringLiteral("empty")));

    MailLimits small;
    small.maxMessageBytes = 100;
    const auto large = parseMail(corpusMail("alternative.eml"), small);
    REQUIRE_FALSE(large.ok());
    CHECK(large.error().code == ErrorCode::Failed);
    CHECK(large.error().message.contains(QStringLiteral("Paper Trail reads emails up to 100 bytes")));
    CHECK_FALSE(attachmentBytes(corpusMail("attachments.eml"), 2, small).ok());
}

TEST_CASE("The text shown is cut at the limit, with a note", "[intake][email]")
{
    MailLimits limits;
    limits.maxTextChars = 20;
    const MailMessage mail = parsed(corpusMail("alternative.eml"), MailDetail::Full, limits);
    CHECK(mail.text == QStringLiteral("Hi Sam,\n\nGoal 2: Mee"));
    CHECK(notesMention(mail, "only the first 20 are shown"));
}

TEST_CASE("parseMail from four threads at once gives the same answers", "[intake][email]")
{
    QList<QByteArray> mails;
    QStringList expected;
    const auto describe = [](const MailMessage& m) {
        QString d = m.from + m.subject + m.text + m.date.toString(Qt::ISODate) + m.notes.join(QLatin1Char('|'));
        for (const MailAttachment& a : m.attachments)
            d += a.fileName + a.sha256;
        return d;
    };
    for (const QString& name : pt::test::corpusMailNames()) {
        mails.append(corpusMail(name.toLatin1().constData()));
        expected.append(describe(parsed(mails.back())));
    }
    std::atomic<int> differences{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 10; ++round) {
                for (qsizetype i = 0; i < mails.size(); ++i) {
                    const qsizetype k = (i + t * 5) % mails.size();
                    const auto mail = parseMail(mails[k]);
                    if (!mail.ok() || describe(mail.value()) != expected[k])
                        ++differences;
                }
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    CHECK(differences == 0);
}
