#pragma once
// Reads an email (RFC 5322 with MIME) with GMime 3: encoded words (RFC 2047), parameters
// (RFC 2231), UTF-8 headers (RFC 6532), quoted-printable and base64, any character set iconv
// knows, bare LF line ends. Hostile input is bounded by MailLimits: a message past them is read
// in part, and MailMessage::notes says what was skipped. Safe to call from several threads at
// once; nothing is fetched and nothing is written.
#include "MailLimits.h"
#include "MailMessage.h"
#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace pt::core::intake {

enum class MailDetail {
    Full,    // everything, attachments decoded to know their size and hash
    Text,    // the text but no attachment decoded (sizes -1, no hashes): to search bodies
    Summary, // headers and the list of attachments only: for a pick list of many messages
};

// An error when the bytes are not an email at all or exceed maxMessageBytes.
[[nodiscard]] Result<MailMessage> parseMail(QByteArrayView bytes, const MailLimits& limits = {},
                                            MailDetail detail = MailDetail::Full);

// The decoded bytes of the attachment that parseMail listed with `partIndex`, read again from
// the original message (the app keeps only the .eml). Same limits as parseMail.
[[nodiscard]] Result<QByteArray> attachmentBytes(QByteArrayView message, int partIndex,
                                                 const MailLimits& limits = {});

} // namespace pt::core::intake
