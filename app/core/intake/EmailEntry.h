#pragma once
// How an imported email is kept in the journal: an entry of kind "email" whose title is the
// subject, whose body is the text, placed on the timeline at its Date, with the headers in its
// fields and the original message, byte for byte, as its one attachment (message/rfc822, which
// the lawyer archive files as emails/PT-nnnn.eml). Everything here is in the entry, so it is
// encrypted, signed into the chain, synced, searched and exported like any entry.
#include "MailMessage.h"
#include "vault/EntryRevision.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace pt::core::intake {

inline constexpr auto EmailKind = "email";
inline constexpr auto EmailMime = "message/rfc822";

// Field names of an email entry's `fields` (docs/FORMAT.md, "Email entries").
namespace email {
inline constexpr auto From = "from";                // text: "Name <address>"
inline constexpr auto To = "to";                    // array of text
inline constexpr auto Cc = "cc";                    // array of text
inline constexpr auto Date = "date";                // text: the Date as read, ISO 8601 with offset
inline constexpr auto DateGuessed = "date_guessed"; // true: no readable Date; occurred_at is a guess
inline constexpr auto MessageId = "message_id";     // without < >
inline constexpr auto InReplyTo = "in_reply_to";    // without < >
inline constexpr auto References = "references";    // array, oldest first
inline constexpr auto Attachments = "attachments";  // array of {name, type, size, sha256, inline, part}
inline constexpr auto Dkim = "dkim";                // array of {domain, selector}: present, not verified
inline constexpr auto TextFromHtml = "text_from_html"; // true: the text was made from HTML
inline constexpr auto ImportNotes = "import_notes"; // array of sentences: what was skipped or repaired
} // namespace email

// The original's file name in the entry: the subject made safe, ".eml".
[[nodiscard]] QString emailFileName(const MailMessage& message);

// When it happened: the Date header, or else `fallback` (the file's time), then marked a guess.
[[nodiscard]] QDateTime emailOccurredAt(const MailMessage& message, const QDateTime& fallback, bool* guessed = nullptr);

// The entry's fields for `message`.
[[nodiscard]] QJsonObject emailFields(const MailMessage& message, bool dateGuessed);

// An email entry's Message-ID and its original's SHA-256 (the message/rfc822 attachment's);
// both empty when it is not an email entry.
struct EmailIdentity {
    QString messageId;
    QString sha256;
};
[[nodiscard]] EmailIdentity emailIdentity(const EntryRevision& revision);

} // namespace pt::core::intake
