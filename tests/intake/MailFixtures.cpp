#include "MailFixtures.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

namespace pt::test {

QByteArray corpusMail(const char* name)
{
    QFile file(QStringLiteral(PT_TEST_DATA "/email/") + QString::fromLatin1(name));
    INFO(name);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QStringList corpusMailNames()
{
    return QDir(QStringLiteral(PT_TEST_DATA "/email")).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
}

QByteArray mailWith(const QByteArray& headers, const QByteArray& body)
{
    QByteArray mail = headers;
    mail.replace("\r\n", "\n").replace("\n", "\r\n");
    if (!mail.endsWith("\r\n"))
        mail += "\r\n";
    return mail + "\r\n" + body;
}

QByteArray manyPartsMail(int parts)
{
    QByteArray mail = "From: a@example.com\r\nSubject: many parts\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\n"
                      "Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n";
    for (int i = 0; i < parts; ++i)
        mail += "--p\r\nContent-Type: application/octet-stream; name=\"f" + QByteArray::number(i) +
                ".bin\"\r\n\r\nx\r\n";
    return mail + "--p--\r\n";
}

QByteArray longHeaderMail(const QByteArray& name, qsizetype valueBytes)
{
    QByteArray mail = "From: a@example.com\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\nMessage-ID: <long@example.com>\r\n";
    if (name.compare("Subject", Qt::CaseInsensitive) != 0)
        mail += "Subject: long header\r\n";
    mail += name + ": ";
    if (name.compare("To", Qt::CaseInsensitive) == 0 || name.compare("Cc", Qt::CaseInsensitive) == 0) {
        QByteArray list;
        list.reserve(valueBytes + 16);
        while (list.size() < valueBytes)
            list += "x@example.com, ";
        mail += list.left(valueBytes);
    } else {
        mail += QByteArray(valueBytes, 'x');
    }
    return mail + "\r\nX-After: after the long header\r\n\r\nThe body after a long header.\r\n";
}

QByteArray nestedMail(int depth)
{
    QByteArray mail = "From: a@example.com\r\nSubject: nested\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\n";
    for (int i = 0; i < depth; ++i)
        mail += "Content-Type: multipart/mixed; boundary=\"n" + QByteArray::number(i) + "\"\r\n\r\n--n" +
                QByteArray::number(i) + "\r\n";
    mail += "Content-Type: text/plain\r\n\r\nThe innermost text.\r\n";
    for (int i = depth - 1; i >= 0; --i)
        mail += "--n" + QByteArray::number(i) + "--\r\n";
    return mail;
}

QByteArray manyHeadersMail(int headers)
{
    QByteArray mail = "From: a@example.com\r\nSubject: many headers\r\nDate: Mon, 1 Apr 2024 10:00:00 +0000\r\n";
    for (int i = 0; i < headers; ++i)
        mail += "X-H: y\r\n";
    return mail + "\r\nbody\r\n";
}

QList<MboxEntry> writeGeneratedMbox(const QString& path, int count)
{
    static const char* const senders[] = {"Dana Reyes <dana.reyes@example.com>", "Sam Lee <sam.lee@example.org>",
                                          "HR Team <hr@example.com>", "Portal <noreply@portal.example.com>",
                                          "Morgan Lee <morgan.lee@example.org>"};
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    QList<MboxEntry> entries;
    qint64 offset = 0;
    const QDateTime start(QDate(2024, 1, 1), QTime(9, 0), Qt::OffsetFromUTC, -5 * 3600);
    for (int i = 0; i < count; ++i) {
        MboxEntry e;
        const bool crlf = i % 5 == 4;
        e.sender = QString::fromLatin1(senders[i % 5]);
        e.date = start.addSecs(qint64(i) * 7 * 3600);
        e.subject = i % 3 == 0   ? QStringLiteral("Weekly report %1").arg(i)
                    : i % 3 == 1 ? QStringLiteral("Goal review %1").arg(i)
                                 : QStringLiteral("Re: Status %1").arg(i);
        e.messageId = QStringLiteral("gen-%1@example.com").arg(i);
        if (i % 100 == 7)
            e.bodyWord = QStringLiteral("kw-%1-end").arg(i);
        QByteArray body = "Body of message " + QByteArray::number(i) + ".\n";
        if (i % 10 == 1)
            body += "escalation noted\n";
        if (!e.bodyWord.isEmpty())
            body += "Unique " + e.bodyWord.toLatin1() + " word.\n";
        body += ">From the archive, an escaped line.\nFrom here on a line that is not a separator.\n";
        if (i % 7 == 0)
            body += "\n"; // a message that ends with an empty line of its own

        QByteArray m = "From: " + e.sender.toLatin1() + "\n";
        m += "To: Sam Lee <sam.lee@example.org>\n";
        m += "Subject: " + e.subject.toLatin1() + "\n";
        m += "Date: " + e.date.toString(Qt::RFC2822Date).toLatin1() + "\n";
        m += "Message-ID: <" + e.messageId.toLatin1() + ">\n";
        m += "MIME-Version: 1.0\n";
        if (i % 20 == 3) {
            e.attachments = 1;
            m += "Content-Type: multipart/mixed; boundary=\"g" + QByteArray::number(i) + "\"\n\n";
            m += "--g" + QByteArray::number(i) + "\nContent-Type: text/plain\n\n" + body;
            m += "--g" + QByteArray::number(i) +
                 "\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"r.pdf\"\n"
                 "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n";
            m += "--g" + QByteArray::number(i) + "--\n";
        } else if (i % 4 == 1) {
            QByteArray html = body;
            html.replace("\n", "<br>\n");
            m += "Content-Type: text/html; charset=utf-8\n\n<html><body><p>" + html + "</p></body></html>\n";
        } else {
            m += "Content-Type: text/plain; charset=utf-8\n\n" + body;
        }
        if (crlf)
            m.replace("\n", "\r\n");
        e.bytes = m;

        const QByteArray separator = "From " + e.sender.section(QLatin1Char('<'), 1).chopped(1).toLatin1() + " " +
                                     e.date.toUTC().toString(QStringLiteral("ddd MMM d hh:mm:ss yyyy")).toLatin1() +
                                     (crlf ? "\r\n" : "\n");
        file.write(separator);
        offset += separator.size();
        e.offset = offset;
        file.write(m);
        offset += m.size();
        const QByteArray blank = crlf ? "\r\n" : "\n"; // the empty line before the next "From "
        file.write(blank);
        offset += blank.size();
        entries.append(std::move(e));
    }
    file.close();
    return entries;
}

} // namespace pt::test
