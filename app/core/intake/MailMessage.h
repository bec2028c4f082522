#pragma once
// An email as Paper Trail shows and files it: who, when, what it says and what came with it,
// decoded to Unicode from whatever the sender's program wrote. The original bytes stay the
// evidence; this is what is read from them (parseMail), with `notes` saying what was left out
// or repaired on the way, in sentences a person can read.
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace pt::core::intake {

struct MailAttachment {
    // As the sender named it (RFC 2231 and RFC 2047 decoded), without any folder part; a name
    // made from the part's number and type ("part-3.png") when it has none.
    QString fileName;
    QString mimeType;          // "image/png", lower case
    qint64 decodedSize = -1;   // -1 when not decoded (MailDetail::Summary)
    QString sha256;            // hex, of the decoded bytes; empty when not decoded
    QString contentId;         // without < >; what an HTML body's cid: links point at
    bool isInline = false;     // shown in the body (an inline image) rather than attached
    int partIndex = -1;        // for attachmentBytes
};

// A DKIM-Signature header as written: who signed (d=) with which key (s=). Not verified:
// that needs the signer's DNS, and the original bytes are kept so it can be checked later.
struct DkimSignature {
    QString domain;
    QString selector;
};

struct MailMessage {
    QString from;          // "Name <address>", as written (several addresses joined by ", ")
    QStringList to;
    QStringList cc;
    QDateTime date;        // the Date header with its offset; see dateGuessed
    // No readable Date header: `date` is when the first mail server received it (its
    // Received header), or invalid when there is none either, for the caller to guess.
    bool dateGuessed = false;
    QString subject;
    QString messageId;     // without < >, empty when absent
    QString inReplyTo;     // without < >
    QStringList references; // without < >, oldest first
    QString text;          // the body as plain text
    bool textFromHtml = false; // the text was made from HTML (no plain version was sent)
    QList<MailAttachment> attachments;
    QList<DkimSignature> dkimSignatures;
    QStringList notes;     // what was skipped or repaired, one sentence each
};

} // namespace pt::core::intake
