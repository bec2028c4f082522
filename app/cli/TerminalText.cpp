#include "TerminalText.h"

#include <QList>

namespace pt::cli {

namespace {

bool isBidiControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

QString escaped(const QString& text, bool keepLineBreaks)
{
    QString out;
    out.reserve(text.size());
    const QList<uint> codePoints = text.toUcs4();
    for (const uint point : codePoints) {
        const char32_t c = point;
        const bool lineBreak = c == U'\n' || c == U'\t';
        if (c < 0x20 || c == 0x7F) {
            if (lineBreak && keepLineBreaks)
                out += QChar(c);
            else
                out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        } else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || isBidiControl(c)) {
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        } else {
            out += QString::fromUcs4(&c, 1);
        }
    }
    return out;
}

} // namespace

QString terminalSafe(const QString& text) { return escaped(text, true); }
QString terminalLine(const QString& text) { return escaped(text, false); }

} // namespace pt::cli
