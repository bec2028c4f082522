// Emails as a hostile sender could write them: parseMail (GMime behind it, and the pass that
// bounds what GMime is given) on any bytes, every attachment it lists read back with
// attachmentBytes, and the same bytes read as an HTML body by htmlToText (issue 12).
//
// Properties: no crash, hang or huge allocation; an answer is a message or an error with a
// message (not an email, too large); a message stays within its limits (parts, text length,
// notes), and GMime never makes more parts than the pass before it counted; each listed
// attachment has its own part number, and attachmentBytes gives back bytes of the listed size
// and SHA-256; a summary lists the same parts under the same numbers.
//
// Seeds in corpus/mail_message: messages of tests/data/intake/email (multipart/alternative,
// HTML only, an inline image, attachments, RFC 2231 names, Shift-JIS, DKIM, bare LF, malformed
// headers).
#include "FuzzSupport.h"
#include "crypto/Sha256.h"
#include "intake/HtmlText.h"
#include "intake/MailParser.h"

#include <QSet>

using namespace pt;
using namespace pt::core::intake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const QByteArray bytes = fuzz::qbytes(data, size);
    MailLimits limits;
    limits.maxParts = 200; // small, so the limits themselves are reached
    limits.maxDepth = 8;
    limits.maxHeaders = 500;
    limits.maxTextChars = 20000;

    const auto mail = parseMail(bytes, limits);
    if (!mail.ok()) {
        PT_FUZZ_CHECK(!mail.error().message.isEmpty());
        PT_FUZZ_CHECK(mail.error().code == core::ErrorCode::Damaged || mail.error().code == core::ErrorCode::Failed);
    } else {
        PT_FUZZ_CHECK(mail->attachments.size() < limits.maxParts);
        PT_FUZZ_CHECK(mail->text.size() <= limits.maxTextChars);
        PT_FUZZ_CHECK(mail->notes.size() <= 51);
        PT_FUZZ_CHECK(!mail->dateGuessed || !mail->notes.isEmpty());
        // The pass before GMime counts at least the parts GMime makes and cuts the message at
        // the limit, so the walk over GMime's parts never finds more than the limit.
        for (const QString& note : mail->notes)
            PT_FUZZ_CHECK(!note.contains(QLatin1String("parts after them were skipped")));
        QSet<int> indices;
        for (const MailAttachment& a : mail->attachments) {
            PT_FUZZ_CHECK(a.partIndex > 0 || (a.partIndex == 0 && mail->attachments.size() == 1));
            PT_FUZZ_CHECK(!indices.contains(a.partIndex));
            indices.insert(a.partIndex);
            PT_FUZZ_CHECK(!a.fileName.isEmpty() && a.fileName.size() <= 255 && !a.fileName.contains(QLatin1Char('/')));
            const auto back = attachmentBytes(bytes, a.partIndex, limits);
            PT_FUZZ_CHECK(back.ok());
            PT_FUZZ_CHECK(back->size() == a.decodedSize);
            const auto digest = crypto::Sha256::hash(fuzz::view(back.value()));
            PT_FUZZ_CHECK(QString::fromStdString(crypto::toHex(digest)) == a.sha256);
        }
        const auto summary = parseMail(bytes, limits, MailDetail::Summary);
        PT_FUZZ_CHECK(summary.ok());
        PT_FUZZ_CHECK(summary->attachments.size() == mail->attachments.size());
        for (qsizetype i = 0; i < summary->attachments.size(); ++i)
            PT_FUZZ_CHECK(summary->attachments[i].partIndex == mail->attachments[i].partIndex);
        PT_FUZZ_CHECK(summary->subject == mail->subject && summary->from == mail->from);
    }

    HtmlTextLimits htmlLimits;
    htmlLimits.maxChars = 20000;
    const HtmlText html = htmlToText(bytes, htmlLimits);
    PT_FUZZ_CHECK(html.text.size() <= htmlLimits.maxChars + 64); // a last word or link may pass it
    return 0;
}
