// Hostile emails, built here rather than committed: 10,000 and 1,000,000 parts, 10 MB header
// lines (plain, folded, an address list, in a part), multiparts and attached messages nested
// 1,000 deep, 100,000 headers. Each is read in part, with notes saying what was skipped, in a
// few seconds (generously: under ASan too) and, outside ASan, within a fixed memory cap.
#include "MailFixtures.h"
#include "TestSupport.h"

#include "intake/MailParser.h"
#include "support/ProcessMemory.h"

#include <QElapsedTimer>

using namespace pt::core;
using namespace pt::core::intake;
using namespace pt::test;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool Sanitized = true; // ASan's shadow and quarantine make resident memory meaningless
#else
constexpr bool Sanitized = false;
#endif

// Peak resident memory above what the process held before, and the time taken.
struct Cost {
    qint64 ms = 0;
    qint64 peakMiB = 0;
};

template <typename F>
Cost measured(F&& run)
{
    resetPeakRss();
    const qint64 before = procStatusKiB("VmRSS");
    QElapsedTimer timer;
    timer.start();
    run();
    return {timer.elapsed(), (procStatusKiB("VmHWM") - before) / 1024};
}

void checkBounded(const Cost& cost, qint64 maxMiB = 150)
{
    INFO("took " << cost.ms << " ms, peak " << cost.peakMiB << " MiB above the start");
    CHECK(cost.ms < 10000);
    if (!Sanitized)
        CHECK(cost.peakMiB < maxMiB);
}

MailMessage parsedOk(const QByteArray& bytes, const MailLimits& limits = {})
{
    auto result = parseMail(bytes, limits);
    if (!result.ok())
        FAIL(result.error().message.toStdString());
    return result.value();
}

bool notesMention(const MailMessage& mail, const QString& text)
{
    for (const QString& note : mail.notes)
        if (note.contains(text))
            return true;
    return false;
}

} // namespace

TEST_CASE("A 10,000-part message: the first 1,000 parts are read, the rest counted", "[intake][email][hostile]")
{
    const QByteArray bytes = manyPartsMail(10000);
    MailMessage mail;
    checkBounded(measured([&] { mail = parsedOk(bytes); }));
    CHECK(mail.subject == QStringLiteral("many parts"));
    CHECK(mail.attachments.size() == 999); // the multipart itself is part 1 of the 1,000
    // The pass before GMime cut the message: GMime never made more parts than the limit.
    CHECK_FALSE(notesMention(mail, QStringLiteral("parts after them were skipped")));
    CHECK(mail.attachments.back().fileName == QStringLiteral("f998.bin"));
    CHECK(notesMention(mail, QStringLiteral("more than 1,000 parts: the first 1,000 were read and the other 9,001 "
                                            "skipped")));
    const auto last = attachmentBytes(bytes, mail.attachments.back().partIndex);
    REQUIRE(last.ok());
    CHECK(last.value() == QByteArray("x"));
    CHECK(attachmentBytes(bytes, 1000).error().code == ErrorCode::NotFound);

    // With the limit raised, GMime reads them all.
    MailLimits more;
    more.maxParts = 20000;
    more.maxHeaders = 20000;
    const MailMessage all = parsedOk(bytes, more);
    CHECK(all.attachments.size() == 10000);
    CHECK(all.notes.isEmpty());
}

TEST_CASE("A million tiny parts cost no more than a thousand", "[intake][email][hostile]")
{
    QByteArray bytes = "From: a@example.com\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\n"
                       "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
    bytes.reserve(8 * 1000 * 1000);
    for (int i = 0; i < 1000000; ++i)
        bytes += "--b\r\n\r\nx\r\n";
    MailMessage mail;
    checkBounded(measured([&] { mail = parsedOk(bytes); }));
    CHECK(mail.text.startsWith(QStringLiteral("x\n\nx\n\nx"))); // each part without headers is text
    CHECK(mail.text.count(QLatin1Char('x')) == 999);
    CHECK(notesMention(mail, QStringLiteral("the other 999,001 skipped")));
}

TEST_CASE("An empty boundary makes every \"--\" line a part, and is bounded too", "[intake][email][hostile]")
{
    QByteArray bytes = "From: a@example.com\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\n"
                       "Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n";
    for (int i = 0; i < 500000; ++i)
        bytes += "--\r\n\r\ny\r\n";
    MailMessage mail;
    checkBounded(measured([&] { mail = parsedOk(bytes); }));
    CHECK(notesMention(mail, QStringLiteral("more than 1,000 parts: the first 1,000 were read")));
    CHECK_FALSE(notesMention(mail, QStringLiteral("parts after them were skipped")));
}

TEST_CASE("The boundary is found however its parameter is written", "[intake][email][hostile]")
{
    for (const char* parameter : {"boundary=zz", "BOUNDARY=\"zz\"", "Boundary = \"zz\"", "bOuNdArY\t=\tzz ",
                                  "charset=x;\r\n boundary=\"zz\"", "boundary=\"z\\z\""}) {
        INFO(parameter);
        QByteArray bytes = "From: a@example.com\r\nContent-Type: multipart/mixed; " + QByteArray(parameter) + "\r\n\r\n";
        for (int i = 0; i < 2000; ++i)
            bytes += "--zz\r\nContent-Type: text/plain\r\n\r\npart\r\n";
        bytes += "--zz--\r\n";
        const MailMessage mail = parsedOk(bytes);
        CHECK(notesMention(mail, QStringLiteral("more than 1,000 parts: the first 1,000 were read and the other 1,001 skipped")));
        CHECK_FALSE(notesMention(mail, QStringLiteral("parts after them were skipped")));
    }
}

TEST_CASE("A message of nothing but boundary lines is read quickly", "[intake][email][hostile]")
{
    QByteArray bytes = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n";
    while (bytes.size() < 16 * 1024 * 1024)
        bytes += "--b\n";
    MailMessage mail;
    checkBounded(measured([&] { mail = parsedOk(bytes); }));
    CHECK(notesMention(mail, QStringLiteral("more than 1,000 parts")));
}

TEST_CASE("A 10 MB header line keeps its first 64 KiB", "[intake][email][hostile]")
{
    const qsizetype tenMiB = 10 * 1024 * 1024;
    SECTION("Subject")
    {
        const QByteArray bytes = longHeaderMail("Subject", tenMiB);
        MailMessage mail;
        checkBounded(measured([&] { mail = parsedOk(bytes); }));
        CHECK(mail.subject.size() > 60000);
        CHECK(mail.subject.size() <= 64 * 1024);
        CHECK(mail.subject.startsWith(QStringLiteral("xxxx")));
        CHECK(mail.messageId == QStringLiteral("long@example.com"));
        CHECK(mail.text == QStringLiteral("The body after a long header."));
        CHECK(notesMention(mail, QStringLiteral("The Subject header is 10 MiB long; only its first 64 KiB were read.")));
    }
    SECTION("To: a million addresses")
    {
        const QByteArray bytes = longHeaderMail("To", tenMiB);
        MailMessage mail;
        checkBounded(measured([&] { mail = parsedOk(bytes); }));
        REQUIRE(mail.to.size() > 4000);
        CHECK(mail.to.size() <= 64 * 1024 / 15 + 1);
        CHECK(mail.to.first() == QStringLiteral("x@example.com"));
        CHECK(mail.text == QStringLiteral("The body after a long header."));
        CHECK(notesMention(mail, QStringLiteral("The To header is 10 MiB long")));
    }
    SECTION("Folded over 100,000 lines")
    {
        QByteArray bytes = "From: a@example.com\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\nX-Folded: start";
        for (int i = 0; i < 100000; ++i)
            bytes += "\r\n " + QByteArray(100, 'f');
        bytes += "\r\nSubject: after\r\n\r\nbody\r\n";
        MailMessage mail;
        checkBounded(measured([&] { mail = parsedOk(bytes); }));
        CHECK(mail.subject == QStringLiteral("after"));
        CHECK(mail.text == QStringLiteral("body"));
        CHECK(notesMention(mail, QStringLiteral("The X-Folded header is 9.8 MiB long")));
    }
    SECTION("In a part's headers")
    {
        QByteArray bytes = "From: a@example.com\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\n"
                           "Content-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\nContent-Type: text/plain\r\n\r\n"
                           "hello\r\n--q\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; "
                           "filename=\"";
        bytes += QByteArray(tenMiB, 'n') + "\"\r\n\r\nPDF\r\n--q--\r\n";
        MailMessage mail;
        checkBounded(measured([&] { mail = parsedOk(bytes); }));
        CHECK(mail.text == QStringLiteral("hello"));
        REQUIRE(mail.attachments.size() == 1);
        CHECK(mail.attachments[0].fileName.size() <= 255);
        CHECK(mail.attachments[0].decodedSize == 3);
        CHECK(notesMention(mail, QStringLiteral("The Content-Disposition header is 10 MiB long")));
    }
    SECTION("The whole file one header line, without a line end")
    {
        const QByteArray bytes = "Subject: " + QByteArray(tenMiB, 's');
        MailMessage mail;
        checkBounded(measured([&] { mail = parsedOk(bytes); }));
        CHECK(mail.subject.size() > 60000);
        CHECK(mail.text.isEmpty());
    }
}

TEST_CASE("Address headers of one part are 64 KiB together", "[intake][email][hostile]")
{
    QByteArray bytes = "From: a@example.com\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\n";
    for (int i = 0; i < 100; ++i) {
        bytes += "Cc: ";
        for (int j = 0; j < 100; ++j)
            bytes += "c" + QByteArray::number(j) + "@example.com, ";
        bytes += "\r\n";
    }
    bytes += "\r\nbody\r\n";
    const MailMessage mail = parsedOk(bytes);
    CHECK(mail.cc.size() > 3000);
    CHECK(mail.cc.size() < 5000);
    CHECK(notesMention(mail, QStringLiteral("The Cc header was left out: the address headers of one part are longer "
                                            "than 64 KiB together.")));
    CHECK(mail.text == QStringLiteral("body"));
}

TEST_CASE("Multiparts nested 1,000 deep: read to 32 levels, the rest noted", "[intake][email][hostile]")
{
    SECTION("Within the part limit")
    {
        MailLimits limits;
        limits.maxParts = 5000;
        const QByteArray bytes = nestedMail(1000);
        MailMessage mail;
        checkBounded(measured([&] { mail = parsedOk(bytes, limits); }));
        CHECK(mail.subject == QStringLiteral("nested"));
        CHECK(mail.text.isEmpty()); // the only text is 1,000 levels down
        CHECK(notesMention(mail, QStringLiteral("968 parts nested more than 32 levels deep were skipped.")));
    }
    SECTION("With the default limits, and deeper than GMime reads")
    {
        for (const int depth : {1000, 5000}) {
            const QByteArray bytes = nestedMail(depth);
            MailMessage mail;
            checkBounded(measured([&] { mail = parsedOk(bytes); }));
            CHECK(mail.text.isEmpty());
            CHECK(notesMention(mail, QStringLiteral("nested more than 32 levels deep were skipped")));
            CHECK(notesMention(mail, QStringLiteral("more than 1,000 parts")));
        }
    }
    SECTION("Attached messages nested 1,000 deep")
    {
        QByteArray bytes;
        for (int i = 0; i < 1000; ++i)
            bytes += "From: level" + QByteArray::number(i) + "@example.com\r\nSubject: level " + QByteArray::number(i) +
                     "\r\nContent-Type: message/rfc822\r\n\r\n";
        bytes += "From: bottom@example.com\r\n\r\nbottom\r\n";
        MailMessage mail;
        checkBounded(measured([&] { mail = parsedOk(bytes); }));
        CHECK(mail.from == QStringLiteral("level0@example.com"));
        REQUIRE(mail.attachments.size() == 1);
        CHECK(mail.attachments[0].fileName == QStringLiteral("level 1.eml"));
        CHECK(notesMention(mail, QStringLiteral("more than 1,000 parts")));
    }
}

TEST_CASE("100,000 headers: reading stops after 10,000", "[intake][email][hostile]")
{
    const QByteArray bytes = manyHeadersMail(100000);
    MailMessage mail;
    checkBounded(measured([&] { mail = parsedOk(bytes); }));
    CHECK(mail.subject == QStringLiteral("many headers"));
    CHECK(notesMention(mail, QStringLiteral("This email has more than 10,000 headers; it was read up to byte")));
}

TEST_CASE("9,000 repeated Subject and To headers", "[intake][email][hostile]")
{
    for (const char* header : {"Subject: again", "To: a@example.com"}) {
        INFO(header);
        QByteArray bytes = "From: a@example.com\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\n";
        for (int i = 0; i < 9000; ++i) // within the 10,000 headers read
            bytes += QByteArray(header) + QByteArray::number(i) + "\r\n";
        bytes += "\r\nbody\r\n";
        MailMessage mail;
        checkBounded(measured([&] { mail = parsedOk(bytes); }));
        CHECK(mail.text == QStringLiteral("body"));
        CHECK(notesMention(mail, header[0] == 'T' ? QStringLiteral("The To header was left out")
                                                         : QStringLiteral("more than one Subject header")));
    }
}

TEST_CASE("A message in an unknown charset, HTML too, is read as well as possible", "[intake][email][hostile]")
{
    const MailMessage mail = parsedOk(mailWith("From: a@example.com\nDate: Mon, 1 Apr 2024 10:00:00 +0000\n"
                                               "Subject: =?x-unknown?Q?caf=E9?=\n"
                                               "Content-Type: text/html; charset=\"x-unknown\"",
                                               "<p>na\xefve</p>\r\n"));
    CHECK(mail.text == QStringLiteral("naïve"));
    CHECK(mail.textFromHtml);
    CHECK(notesMention(mail, QStringLiteral("The HTML text is in a character set Paper Trail does not know "
                                            "(\u201cx-unknown\u201d); it was read as Windows-1252")));
    CHECK_FALSE(mail.subject.isEmpty());
}
