#include "MailParser.h"

#include "Charset.h"
#include "GMimeSupport.h"
#include "HtmlText.h"
#include "MailGuard.h"
#include "Notes.h"
#include "crypto/Bytes.h"
#include "crypto/Sha256.h"

#include <QMimeDatabase>

#include <functional>
#include <memory>
#include <vector>

namespace pt::core::intake {

namespace {

using gmime::Ref;

QString utf8(const char* text)
{
    return text ? QString::fromUtf8(text) : QString();
}

// A header's text for a note: printable, one line, short.
QString quoted(const char* item)
{
    QString text = utf8(item).simplified();
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

struct ParseContext {
    Notes* notes = nullptr;
    bool trimmed = false; // the guard cut the message: GMime will find it truncated, already said
};

// GMime's own findings, as notes where they change what is shown.
void onParserWarning(gint64, GMimeParserWarning code, const gchar* item, gpointer data)
{
    auto* context = static_cast<ParseContext*>(data);
    Notes& notes = *context->notes;
    switch (code) {
    case GMIME_CRIT_INVALID_HEADER_NAME:
        notes.add(QStringLiteral("A line that is not a header (%1) was ignored.").arg(quoted(item)));
        break;
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
        notes.add(QStringLiteral("The %1 header is not valid UTF-8; it was read as Windows-1252 (Western European).")
                      .arg(utf8(item).left(60)));
        break;
    case GMIME_WARN_INVALID_CONTENT_TYPE:
        notes.add(QStringLiteral("A part's type (%1) could not be read; it was kept as an attachment.").arg(quoted(item)));
        break;
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
        notes.add(QStringLiteral("The %1 header has badly encoded words; they were read as well as possible.")
                      .arg(utf8(item).left(60)));
        break;
    case GMIME_WARN_INVALID_ADDRESS_LIST:
        notes.add(QStringLiteral("An address list (%1) is malformed; the addresses were read as well as possible.")
                      .arg(quoted(item)));
        break;
    case GMIME_WARN_TRUNCATED_MESSAGE:
        if (!context->trimmed)
            notes.add(QStringLiteral("The email is cut short: it ends inside a part."));
        break;
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        notes.add(QStringLiteral("A multipart has no boundary; its content was read as one part."));
        break;
    case GMIME_CRIT_NESTING_OVERFLOW:
        notes.add(QStringLiteral("Parts are nested deeper than GMime reads; the deepest were read as plain content."));
        break;
    case GMIME_CRIT_CONFLICTING_HEADER:
        notes.add(QStringLiteral("The email has more than one %1 header with different values.").arg(utf8(item).left(60)));
        break;
    case GMIME_WARN_DUPLICATED_HEADER:
    case GMIME_WARN_DUPLICATED_PARAMETER:
    case GMIME_CRIT_CONFLICTING_PARAMETER:
    case GMIME_WARN_INVALID_PARAMETER:
    case GMIME_WARN_MALFORMED_MULTIPART:
    case GMIME_WARN_MALFORMED_MESSAGE:
    case GMIME_WARN_PART_WITHOUT_CONTENT:
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        break;
    }
}

// The parsed message and what it points into (GMime keeps parts as windows on the input),
// released in order.
class OpenMail final {
public:
    OpenMail() = default;
    OpenMail(const OpenMail&) = delete;
    OpenMail& operator=(const OpenMail&) = delete;
    ~OpenMail()
    {
        m_message.reset();
        m_parser.reset();
        m_stream.reset();
        if (m_array)
            g_byte_array_free(m_array, FALSE); // the bytes are not GLib's: only the wrapper goes
        if (m_options)
            g_mime_parser_options_free(m_options);
    }

    static Result<std::unique_ptr<OpenMail>> open(QByteArrayView bytes, const MailLimits& limits, Notes& notes)
    {
        if (bytes.size() > limits.maxMessageBytes)
            return failed(QStringLiteral("This email is %1; Paper Trail reads emails up to %2. Save its attachments "
                                         "from your mail program and add them as files instead.")
                              .arg(sizeText(bytes.size()), sizeText(limits.maxMessageBytes)));
        if (bytes.trimmed().isEmpty())
            return damaged(QStringLiteral("This file is empty, so it is not an email. Choose the .eml or .mbox file "
                                          "your mail program saved."));
        gmime::ensureInitialized();
        auto mail = std::make_unique<OpenMail>();
        GuardedMail guarded = guardMail(bytes, limits, notes);
        if (guarded.trimmed) {
            mail->m_trimmed = std::move(guarded.bytes);
            bytes = mail->m_trimmed;
            if (bytes.isEmpty())
                return damaged(QStringLiteral("Nothing of this email could be read within the limits."));
        }
        mail->m_context.notes = &notes;
        mail->m_context.trimmed = guarded.trimmed;
        mail->m_options = g_mime_parser_options_new();
        // Unencoded 8-bit headers: UTF-8 (RFC 6532), else what Western senders' programs write.
        const char* fallback[] = {"utf-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(mail->m_options, fallback);
        g_mime_parser_options_set_warning_callback(mail->m_options, onParserWarning, &mail->m_context);
        // The stream reads the caller's bytes where they are (no copy of a 64 MiB message): a
        // GByteArray wrapper that neither the stream nor we let GLib free.
        mail->m_array = g_byte_array_new_take(reinterpret_cast<guint8*>(const_cast<char*>(bytes.data())),
                                              static_cast<gsize>(bytes.size()));
        mail->m_stream.reset(g_mime_stream_mem_new_with_byte_array(mail->m_array));
        g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(mail->m_stream.get()), FALSE);
        mail->m_parser.reset(g_mime_parser_new_with_stream(mail->m_stream.get()));
        g_mime_parser_set_format(mail->m_parser.get(), GMIME_FORMAT_MESSAGE);
        mail->m_message.reset(g_mime_parser_construct_message(mail->m_parser.get(), mail->m_options));
        if (!mail->m_message || !looksLikeEmail(mail->message()))
            return damaged(QStringLiteral("This is not an email: it does not begin with the headers an email has "
                                          "(From, Date, Subject...). Choose the .eml file your mail program saved, "
                                          "or import an mbox file as an mbox."));
        return mail;
    }

    [[nodiscard]] GMimeMessage* message() const { return m_message.get(); }
    [[nodiscard]] GMimeParserOptions* options() const { return m_options; }

private:
    static bool looksLikeEmail(GMimeMessage* message)
    {
        static const char* const usual[] = {"From", "To", "Cc", "Date", "Subject", "Message-ID", "Received",
                                            "MIME-Version", "Content-Type", "Sender", "Reply-To", "Return-Path"};
        GMimeObject* object = GMIME_OBJECT(message);
        for (const char* name : usual)
            if (g_mime_object_get_header(object, name))
                return true;
        return false;
    }

    QByteArray m_trimmed;
    ParseContext m_context;
    GMimeParserOptions* m_options = nullptr;
    GByteArray* m_array = nullptr;
    Ref<GMimeStream> m_stream;
    Ref<GMimeParser> m_parser;
    Ref<GMimeMessage> m_message;
};

// The decoded bytes of a leaf part, in pieces, through GMime's decoding filter; `sink` returns
// false to stop.
void decodeContent(GMimePart* part, const std::function<bool(const char*, qsizetype)>& sink)
{
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    GMimeStream* stream = content ? g_mime_data_wrapper_get_stream(content) : nullptr;
    if (!stream || g_mime_stream_reset(stream) == -1)
        return;
    const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
    Ref<GMimeFilter> filter;
    if (encoding == GMIME_CONTENT_ENCODING_BASE64 || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
        encoding == GMIME_CONTENT_ENCODING_UUENCODE)
        filter.reset(g_mime_filter_basic_new(encoding, FALSE));
    std::vector<char> buffer(64 * 1024);
    char* out = nullptr;
    size_t outLength = 0;
    size_t outPrespace = 0;
    for (;;) {
        const ssize_t n = g_mime_stream_read(stream, buffer.data(), buffer.size());
        if (n <= 0)
            break;
        if (!filter) {
            if (!sink(buffer.data(), n))
                return;
            continue;
        }
        g_mime_filter_filter(filter.get(), buffer.data(), size_t(n), 0, &out, &outLength, &outPrespace);
        if (outLength > 0 && !sink(out, qsizetype(outLength)))
            return;
    }
    if (filter) {
        g_mime_filter_complete(filter.get(), buffer.data(), 0, 0, &out, &outLength, &outPrespace);
        if (outLength > 0)
            sink(out, qsizetype(outLength));
    }
}

// An attached message as GMime writes it back (unchanged headers and parts are written as they
// were read).
QByteArray messageBytes(GMimeMessagePart* part)
{
    GMimeMessage* inner = g_mime_message_part_get_message(part);
    if (!inner)
        return {};
    Ref<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, stream.get());
    GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return array ? QByteArray(reinterpret_cast<const char*>(array->data), qsizetype(array->len)) : QByteArray();
}

QString mimeTypeOf(GMimeObject* object)
{
    GMimeContentType* type = g_mime_object_get_content_type(object);
    if (!type)
        return QStringLiteral("application/octet-stream");
    const gmime::GString text(g_mime_content_type_get_mime_type(type));
    return utf8(text.get()).toLower();
}

QString subtypeOf(GMimeObject* object)
{
    GMimeContentType* type = g_mime_object_get_content_type(object);
    return type ? utf8(g_mime_content_type_get_media_subtype(type)).toLower() : QString();
}

// A name to show and save under: no folders (a hostile "../../x"), no control characters.
QString cleanFileName(const QString& name)
{
    QString n = name.mid(std::max(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\'))) + 1);
    n.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    n = n.trimmed();
    if (n == QLatin1String(".") || n == QLatin1String(".."))
        return {};
    return n.left(255);
}

enum class Role {
    Body,        // its text parts are the message's text
    Alternative, // another version of the text that was not chosen
    Resource,    // a part a multipart/related body refers to (an inline image)
};

class PartWalker final {
public:
    PartWalker(const MailLimits& limits, MailDetail detail, Notes& notes, int target = -1)
        : m_limits(limits), m_detail(detail), m_notes(notes), m_target(target)
    {
    }

    void walk(GMimeObject* top)
    {
        if (top)
            visit(top, 0, Role::Body);
        if (m_skipped > 0)
            m_notes.add(QStringLiteral("This email has more than %1 parts: %2 parts after them were skipped.")
                            .arg(countText(m_limits.maxParts), countText(m_skipped)));
        if (m_deep > 0)
            m_notes.add(QStringLiteral("%1 parts nested more than %2 levels deep were skipped.")
                            .arg(countText(m_deep), countText(m_limits.maxDepth)));
    }

    QList<MailAttachment> attachments;
    QStringList texts;
    bool fromHtml = false;
    GMimeObject* found = nullptr; // the part numbered `target`, when it is an attachment

private:
    // Parts under `object`, itself included, without recursion (GMime nests up to 1,024 deep).
    static qint64 countParts(GMimeObject* object)
    {
        qint64 count = 0;
        std::vector<GMimeObject*> stack{object};
        while (!stack.empty()) {
            GMimeObject* o = stack.back();
            stack.pop_back();
            ++count;
            if (GMIME_IS_MULTIPART(o)) {
                const int n = g_mime_multipart_get_count(GMIME_MULTIPART(o));
                for (int i = 0; i < n; ++i)
                    stack.push_back(g_mime_multipart_get_part(GMIME_MULTIPART(o), i));
            }
        }
        return count;
    }

    void visit(GMimeObject* object, int depth, Role role)
    {
        if (m_next >= m_limits.maxParts) {
            m_skipped += countParts(object);
            return;
        }
        if (depth > m_limits.maxDepth) {
            m_deep += countParts(object);
            return;
        }
        const int index = m_next++;
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart* multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            const QString subtype = subtypeOf(object);
            int chosen = -1; // the child that keeps the role
            if (subtype == QLatin1String("alternative") && role == Role::Body)
                chosen = chooseAlternative(multipart);
            else if (subtype == QLatin1String("related"))
                chosen = relatedRoot(multipart);
            for (int i = 0; i < count; ++i) {
                Role childRole = role;
                if (chosen >= 0 && i != chosen)
                    childRole = subtype == QLatin1String("related") ? Role::Resource : Role::Alternative;
                visit(g_mime_multipart_get_part(multipart, i), depth + 1, childRole);
            }
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            attachment(object, index, role);
            return;
        }
        if (!GMIME_IS_PART(object))
            return;
        if (isBodyText(object, role)) {
            if (role == Role::Body)
                appendText(GMIME_PART(object));
            return; // Alternative: the same text in another form
        }
        attachment(object, index, role);
    }

    static bool isBodyText(GMimeObject* object, Role role)
    {
        if (role == Role::Resource || !GMIME_IS_PART(object))
            return false;
        const QString type = mimeTypeOf(object);
        if (type != QLatin1String("text/plain") && type != QLatin1String("text/html"))
            return false;
        const char* disposition = g_mime_object_get_disposition(object);
        if (disposition && g_ascii_strcasecmp(disposition, "attachment") == 0)
            return false;
        return g_mime_part_get_filename(GMIME_PART(object)) == nullptr;
    }

    // RFC 2046: the alternatives go from plainest to richest. Plain text is what was written
    // for a text reader, so it wins, unless it is empty and a richer version is there.
    int chooseAlternative(GMimeMultipart* multipart) const
    {
        int plain = -1;
        int html = -1;
        int nested = -1;
        const int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i) {
            GMimeObject* child = g_mime_multipart_get_part(multipart, i);
            if (GMIME_IS_MULTIPART(child)) {
                if (nested < 0)
                    nested = i;
            } else if (isBodyText(child, Role::Body)) {
                const QString type = mimeTypeOf(child);
                if (type == QLatin1String("text/plain") && plain < 0)
                    plain = i;
                else if (type == QLatin1String("text/html") && html < 0)
                    html = i;
            }
        }
        const int richer = html >= 0 ? html : nested;
        if (plain >= 0 && richer >= 0 && m_detail != MailDetail::Summary &&
            isBlank(GMIME_PART(g_mime_multipart_get_part(multipart, plain))))
            return richer;
        if (plain >= 0)
            return plain;
        if (richer >= 0)
            return richer;
        return count > 0 ? 0 : -1;
    }

    bool isBlank(GMimePart* part) const
    {
        bool blank = true;
        qint64 seen = 0;
        decodeContent(part, [&](const char* data, qsizetype size) {
            for (qsizetype i = 0; i < size && blank; ++i)
                blank = data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n';
            seen += size;
            return blank && seen < m_limits.maxTextPartBytes;
        });
        return blank;
    }

    // RFC 2387: the part named by the start parameter, else the first.
    static int relatedRoot(GMimeMultipart* multipart)
    {
        const char* start = g_mime_object_get_content_type_parameter(GMIME_OBJECT(multipart), "start");
        if (start) {
            const gmime::GString id(g_mime_utils_decode_message_id(start));
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; id && i < count; ++i) {
                const char* cid = g_mime_object_get_content_id(g_mime_multipart_get_part(multipart, i));
                if (cid && g_strcmp0(cid, id.get()) == 0)
                    return i;
            }
        }
        return 0;
    }

    void appendText(GMimePart* part)
    {
        if (m_detail == MailDetail::Summary)
            return;
        GMimeObject* object = GMIME_OBJECT(part);
        const bool html = mimeTypeOf(object) == QLatin1String("text/html");
        QByteArray raw;
        bool cut = false;
        decodeContent(part, [&](const char* data, qsizetype size) {
            const qsizetype room = qsizetype(m_limits.maxTextPartBytes) - raw.size();
            raw.append(data, std::min(room, size));
            cut = size > room;
            return !cut;
        });
        if (cut)
            m_notes.add(QStringLiteral("A text part is longer than %1; only its beginning was read.")
                            .arg(sizeText(m_limits.maxTextPartBytes)));
        const QByteArray charset(g_mime_object_get_content_type_parameter(object, "charset"));
        QString text = decodeText(raw, charset, m_notes, html ? QStringLiteral("The HTML text") : QStringLiteral("The text"));
        if (html) {
            HtmlTextLimits htmlLimits;
            htmlLimits.maxInputBytes = m_limits.maxTextPartBytes * 2; // UTF-8 may be longer than the charset
            htmlLimits.maxChars = m_limits.maxTextChars;
            HtmlText converted = htmlToText(text.toUtf8(), htmlLimits);
            for (const QString& note : converted.notes)
                m_notes.add(note);
            text = std::move(converted.text);
            fromHtml = true;
        }
        // One kind of line end for the person and for search (CRLF on the wire, bare CR from old Macs).
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
        if (!text.trimmed().isEmpty())
            texts.append(text);
    }

    void attachment(GMimeObject* object, int index, Role role)
    {
        MailAttachment a;
        a.partIndex = index;
        a.mimeType = mimeTypeOf(object);
        GMimeMessage* inner = GMIME_IS_MESSAGE_PART(object) ? g_mime_message_part_get_message(GMIME_MESSAGE_PART(object))
                                                            : nullptr;
        QString name;
        if (GMIME_IS_PART(object)) {
            name = utf8(g_mime_part_get_filename(GMIME_PART(object)));
        } else {
            name = utf8(g_mime_object_get_content_disposition_parameter(object, "filename"));
            if (name.isEmpty())
                name = utf8(g_mime_object_get_content_type_parameter(object, "name"));
            if (name.isEmpty() && inner)
                name = utf8(g_mime_message_get_subject(inner)).simplified().left(80);
            if (!name.isEmpty() && !name.endsWith(QLatin1String(".eml"), Qt::CaseInsensitive))
                name += QStringLiteral(".eml");
        }
        a.fileName = cleanFileName(name);
        if (a.fileName.isEmpty()) {
            QString suffix = QMimeDatabase().mimeTypeForName(a.mimeType).preferredSuffix();
            if (GMIME_IS_MESSAGE_PART(object))
                suffix = QStringLiteral("eml");
            a.fileName = QStringLiteral("part-%1").arg(index) + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
        }
        a.contentId = utf8(g_mime_object_get_content_id(object));
        const char* disposition = g_mime_object_get_disposition(object);
        if (disposition)
            a.isInline = g_ascii_strcasecmp(disposition, "inline") == 0;
        else
            a.isInline = !a.contentId.isEmpty() || role == Role::Resource;

        if (index == m_target)
            found = object;
        if (m_detail == MailDetail::Full) {
            crypto::Sha256 sha;
            qint64 size = 0;
            const auto add = [&](const char* data, qsizetype n) {
                sha.update({reinterpret_cast<const std::uint8_t*>(data), std::size_t(n)});
                size += n;
                return true;
            };
            if (GMIME_IS_PART(object)) {
                decodeContent(GMIME_PART(object), add);
            } else {
                const QByteArray bytes = messageBytes(GMIME_MESSAGE_PART(object));
                add(bytes.constData(), bytes.size());
            }
            a.decodedSize = size;
            a.sha256 = QString::fromStdString(crypto::toHex(sha.finish()));
        }
        attachments.append(std::move(a));
    }

    const MailLimits& m_limits;
    MailDetail m_detail;
    Notes& m_notes;
    int m_target;
    int m_next = 0;
    qint64 m_skipped = 0;
    qint64 m_deep = 0;
};

QStringList addresses(GMimeMessage* message, GMimeAddressType type)
{
    QStringList list;
    InternetAddressList* addresses = g_mime_message_get_addresses(message, type);
    const int count = addresses ? internet_address_list_length(addresses) : 0;
    for (int i = 0; i < count; ++i) {
        const gmime::GString text(internet_address_to_string(internet_address_list_get_address(addresses, i), nullptr, FALSE));
        const QString address = utf8(text.get()).trimmed();
        if (!address.isEmpty())
            list.append(address);
    }
    return list;
}

QStringList messageIds(GMimeParserOptions* options, const char* header)
{
    QStringList ids;
    if (!header)
        return ids;
    GMimeReferences* refs = g_mime_references_parse(options, header);
    const int count = refs ? g_mime_references_length(refs) : 0;
    for (int i = 0; i < count; ++i)
        ids.append(utf8(g_mime_references_get_message_id(refs, i)));
    if (refs)
        g_mime_references_free(refs);
    return ids;
}

QDateTime toQDateTime(GDateTime* date)
{
    const qint64 seconds = g_date_time_to_unix(date);
    const int offset = int(g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::OffsetFromUTC, offset);
}

// The first (most recent) Received header's date: when the last server took the message in.
QDateTime receivedDate(GMimeObject* message)
{
    GMimeHeaderList* headers = g_mime_object_get_header_list(message);
    const int count = g_mime_header_list_get_count(headers);
    for (int i = 0; i < count; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), "Received") != 0)
            continue;
        const QByteArray value(g_mime_header_get_raw_value(header));
        const qsizetype semicolon = value.lastIndexOf(';');
        if (semicolon < 0)
            return {};
        GDateTime* date = g_mime_utils_header_decode_date(value.mid(semicolon + 1).simplified().constData());
        if (!date)
            return {};
        const QDateTime result = toQDateTime(date);
        g_date_time_unref(date);
        return result;
    }
    return {};
}

// RFC 6376 section 3.2: "tag=value" pairs separated by ';', whitespace around and inside a
// value not part of it (d= and s= hold a domain and a selector).
QList<DkimSignature> dkimSignatures(GMimeObject* message)
{
    QList<DkimSignature> signatures;
    GMimeHeaderList* headers = g_mime_object_get_header_list(message);
    const int count = g_mime_header_list_get_count(headers);
    for (int i = 0; i < count; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), "DKIM-Signature") != 0)
            continue;
        DkimSignature signature;
        const QString value = utf8(g_mime_header_get_raw_value(header));
        for (const QString& tag : value.split(QLatin1Char(';'))) {
            const qsizetype equals = tag.indexOf(QLatin1Char('='));
            if (equals < 0)
                continue;
            const QString name = tag.left(equals).trimmed();
            QString tagValue = tag.mid(equals + 1);
            tagValue.removeIf([](QChar c) { return c.isSpace(); });
            if (name == QLatin1String("d"))
                signature.domain = tagValue.left(255);
            else if (name == QLatin1String("s"))
                signature.selector = tagValue.left(255);
        }
        signatures.append(signature);
    }
    return signatures;
}

QString joinText(const QStringList& texts, qsizetype maxChars, Notes& notes)
{
    QString text;
    for (const QString& piece : texts) {
        if (!text.isEmpty())
            text += QStringLiteral("\n\n");
        text += piece.trimmed();
    }
    if (text.size() > maxChars) {
        notes.add(QStringLiteral("The text is %1 characters long; only the first %2 are shown and searched.")
                      .arg(countText(text.size()), countText(maxChars)));
        text.truncate(maxChars);
    }
    return text;
}

} // namespace

Result<MailMessage> parseMail(QByteArrayView bytes, const MailLimits& limits, MailDetail detail)
{
    Notes notes;
    auto opened = OpenMail::open(bytes, limits, notes);
    if (!opened)
        return opened.error();
    GMimeMessage* message = opened.value()->message();
    GMimeObject* object = GMIME_OBJECT(message);

    MailMessage mail;
    const QStringList from = addresses(message, GMIME_ADDRESS_TYPE_FROM);
    mail.from = from.join(QStringLiteral(", "));
    mail.to = addresses(message, GMIME_ADDRESS_TYPE_TO);
    mail.cc = addresses(message, GMIME_ADDRESS_TYPE_CC);
    mail.subject = utf8(g_mime_message_get_subject(message));
    mail.messageId = utf8(g_mime_message_get_message_id(message));
    const QStringList inReplyTo = messageIds(opened.value()->options(), g_mime_object_get_header(object, "In-Reply-To"));
    if (!inReplyTo.isEmpty())
        mail.inReplyTo = inReplyTo.first();
    mail.references = messageIds(opened.value()->options(), g_mime_object_get_header(object, "References"));

    if (GDateTime* date = g_mime_message_get_date(message)) {
        mail.date = toQDateTime(date);
    } else {
        mail.dateGuessed = true;
        mail.date = receivedDate(object);
        const char* header = g_mime_object_get_header(object, "Date");
        const QString why = header ? QStringLiteral("Its Date header (%1) could not be read").arg(quoted(header))
                                   : QStringLiteral("The email has no Date header");
        notes.add(mail.date.isValid()
                      ? why + QStringLiteral("; its date is when a mail server received it, marked as a guess.")
                      : why + QStringLiteral(" nor a mail server's date; the date must be guessed."));
    }
    mail.dkimSignatures = dkimSignatures(object);

    PartWalker walker(limits, detail, notes);
    walker.walk(g_mime_message_get_mime_part(message));
    mail.attachments = std::move(walker.attachments);
    mail.textFromHtml = walker.fromHtml;
    mail.text = joinText(walker.texts, limits.maxTextChars, notes);
    mail.notes = notes.take();
    return mail;
}

Result<QByteArray> attachmentBytes(QByteArrayView message, int partIndex, const MailLimits& limits)
{
    Notes notes;
    auto opened = OpenMail::open(message, limits, notes);
    if (!opened)
        return opened.error();
    PartWalker walker(limits, MailDetail::Summary, notes, partIndex);
    walker.walk(g_mime_message_get_mime_part(opened.value()->message()));
    if (!walker.found)
        return notFound(QStringLiteral("This email has no attachment numbered %1. Open the email again and choose "
                                       "one of the attachments it lists.")
                            .arg(partIndex));
    if (GMIME_IS_MESSAGE_PART(walker.found))
        return messageBytes(GMIME_MESSAGE_PART(walker.found));
    QByteArray bytes;
    decodeContent(GMIME_PART(walker.found), [&](const char* data, qsizetype size) {
        bytes.append(data, size);
        return true;
    });
    return bytes;
}

} // namespace pt::core::intake
