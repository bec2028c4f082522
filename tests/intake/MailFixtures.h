#pragma once
// Emails for the intake tests: the written corpus in tests/data/intake/email, messages whose
// bytes must be 8-bit (built here, so the corpus stays ASCII), the hostile shapes (built in
// memory, never committed) and generated mbox files.
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace pt::test {

// tests/data/intake/email/<name>; REQUIREs that it exists.
QByteArray corpusMail(const char* name);
QStringList corpusMailNames();

// A message with these headers (CRLF) and body, nothing added.
QByteArray mailWith(const QByteArray& headers, const QByteArray& body);

// Hostile shapes.
QByteArray manyPartsMail(int parts);
QByteArray longHeaderMail(const QByteArray& name, qsizetype valueBytes);
QByteArray nestedMail(int depth);
QByteArray manyHeadersMail(int headers);

// An mbox of generated messages, written to `path`, with what each message is.
struct MboxEntry {
    QByteArray bytes; // exactly as in the file, the "From " line excluded
    qint64 offset = 0;
    QString sender;
    QDateTime date;
    QString subject;
    QString messageId;
    QString bodyWord; // a word only this message's body has, when not empty
    int attachments = 0;
};
QList<MboxEntry> writeGeneratedMbox(const QString& path, int count);

} // namespace pt::test
