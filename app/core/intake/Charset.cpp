#include "Charset.h"

#include "GMimeSupport.h"

#include <cerrno>
#include <string>

namespace pt::core::intake {

namespace {

bool hasHighBytes(QByteArrayView bytes)
{
    for (const char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    return false;
}

bool hasC1Bytes(QByteArrayView bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 && u <= 0x9f)
            return true;
    }
    return false;
}

bool isUtf8(QByteArrayView bytes)
{
    return g_utf8_validate_len(bytes.data(), static_cast<gsize>(bytes.size()), nullptr);
}

// Charsets whose first 128 codes are ASCII, so 7-bit text needs no conversion. ISO-2022-JP,
// UTF-7 and HZ are 7-bit too but are not ASCII: they go through iconv.
bool asciiCompatible(const QByteArray& charset)
{
    return charset.isEmpty() || charset == "us-ascii" || charset == "ascii" || charset == "utf-8" ||
           charset == "utf8" || charset.startsWith("iso-8859-") || charset.startsWith("windows-") ||
           charset.startsWith("cp125");
}

struct Converted {
    QString text;
    qint64 invalid = 0; // bytes that did not convert
    bool opened = false;
};

// Through GMime's iconv cache (which knows the MIME names' aliases); an invalid byte becomes
// U+FFFD and the conversion goes on after it.
Converted convert(QByteArrayView bytes, const char* charset)
{
    Converted result;
    iconv_t cd = g_mime_iconv_open("UTF-8", charset);
    if (cd == reinterpret_cast<iconv_t>(-1))
        return result;
    result.opened = true;
    std::string out;
    out.resize(static_cast<std::size_t>(bytes.size()) * 2 + 16);
    char* in = const_cast<char*>(bytes.data());
    std::size_t inLeft = static_cast<std::size_t>(bytes.size());
    std::size_t used = 0;
    const auto room = [&](std::size_t need) {
        if (out.size() - used < need)
            out.resize(out.size() * 2 + need);
    };
    static constexpr char Replacement[] = "\xef\xbf\xbd";
    while (inLeft > 0) {
        room(16);
        char* outPtr = out.data() + used;
        std::size_t outLeft = out.size() - used;
        const std::size_t r = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        used = static_cast<std::size_t>(outPtr - out.data());
        if (r != static_cast<std::size_t>(-1))
            break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2 + 64); // always more room, so this cannot loop
            continue;
        }
        room(3);
        out.replace(used, 3, Replacement, 3);
        used += 3;
        ++result.invalid;
        if (errno == EINVAL) // cut short at the end
            break;
        ++in; // EILSEQ: skip the byte
        --inLeft;
    }
    // A stateful charset (ISO-2022-JP) may have a shift back to write.
    room(16);
    char* outPtr = out.data() + used;
    std::size_t outLeft = out.size() - used;
    iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
    used = static_cast<std::size_t>(outPtr - out.data());
    g_mime_iconv_close(cd);
    result.text = QString::fromUtf8(out.data(), static_cast<qsizetype>(used));
    return result;
}

QString windows1252(QByteArrayView bytes)
{
    const Converted c = convert(bytes, "windows-1252");
    return c.opened ? c.text : QString::fromLatin1(bytes.data(), bytes.size());
}

} // namespace

QString decodeText(QByteArrayView bytes, const QByteArray& declared, Notes& notes, const QString& what)
{
    gmime::ensureInitialized();
    const QByteArray charset = declared.trimmed().toLower();
    const bool high = hasHighBytes(bytes);
    if (!high && asciiCompatible(charset))
        return QString::fromLatin1(bytes.data(), bytes.size());

    if (charset.isEmpty() || charset == "us-ascii" || charset == "ascii") {
        if (isUtf8(bytes)) {
            notes.add(QStringLiteral("%1 did not say its character set correctly; it was read as UTF-8.").arg(what));
            return QString::fromUtf8(bytes.data(), bytes.size());
        }
        notes.add(QStringLiteral("%1 did not say its character set correctly; it was read as Windows-1252 "
                                 "(Western European).")
                      .arg(what));
        return windows1252(bytes);
    }
    if (charset == "utf-8" || charset == "utf8") {
        if (!isUtf8(bytes))
            notes.add(QStringLiteral("%1 has bytes that are not valid UTF-8; they show as \u00ab\ufffd\u00bb.").arg(what));
        return QString::fromUtf8(bytes.data(), bytes.size());
    }
    // What mail readers and browsers do (the WHATWG Encoding Standard): ISO-8859-1 is read as
    // Windows-1252, which differs only in the control codes 0x80-0x9f that no text uses.
    if ((charset == "iso-8859-1" || charset == "latin1") && hasC1Bytes(bytes)) {
        notes.add(QStringLiteral("%1 is labelled ISO-8859-1 but uses Windows-1252 characters (such as curly "
                                 "quotes); it was read as Windows-1252.")
                      .arg(what));
        return windows1252(bytes);
    }

    // GMime reads "x-unknown" in the locale's charset, which differs from machine to machine.
    const Converted converted =
        charset == "x-unknown" ? Converted{} : convert(bytes, charset.constData());
    if (!converted.opened) {
        const QString name = QString::fromLatin1(declared.trimmed().left(40));
        if (isUtf8(bytes)) {
            notes.add(QStringLiteral("%1 is in a character set Paper Trail does not know (\u201c%2\u201d); it was "
                                     "read as UTF-8.")
                          .arg(what, name));
            return QString::fromUtf8(bytes.data(), bytes.size());
        }
        notes.add(QStringLiteral("%1 is in a character set Paper Trail does not know (\u201c%2\u201d); it was "
                                 "read as Windows-1252 (Western European), so some letters may be wrong.")
                      .arg(what, name));
        return windows1252(bytes);
    }
    if (converted.invalid > 0)
        notes.add(QStringLiteral("%1 has %2 bytes that are not valid %3; they show as \u00ab\ufffd\u00bb.")
                      .arg(what, countText(converted.invalid), QString::fromLatin1(declared.trimmed().left(40))));
    return converted.text;
}

} // namespace pt::core::intake
