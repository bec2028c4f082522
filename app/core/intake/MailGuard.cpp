#include "MailGuard.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace pt::core::intake {

namespace {

// Past these the boundary list is not kept and every "--" line counts as a possible boundary.
constexpr std::size_t MaxBoundaries = 10000;
constexpr std::size_t MaxBoundaryBytes = 1024 * 1024;
// Enough of a Content-Type value to read its type and subtype.
constexpr std::size_t MaxContentTypeValue = 4096;

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}
bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}
bool isLwsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
}

// `prefix` in lower case.
bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[i]) != prefix[i])
            return false;
    return true;
}

bool containsNoCase(std::string_view s, std::string_view needle)
{
    for (std::size_t i = 0; i + needle.size() <= s.size(); ++i)
        if (startsWithNoCase(s.substr(i), needle))
            return true;
    return false;
}

std::string_view trimRight(std::string_view s)
{
    while (!s.empty() && isLwsp(s.back()))
        s.remove_suffix(1);
    return s;
}

// `key` (lower case, at most 255 bytes) in `s` from `from` on, in any case: Boyer-Moore-Horspool,
// so most bytes of a 64 MiB message are skipped over rather than looked at.
std::size_t findNoCase(std::string_view s, std::size_t from, std::string_view key)
{
    std::array<std::uint8_t, 256> skip;
    skip.fill(static_cast<std::uint8_t>(key.size()));
    for (std::size_t k = 0; k + 1 < key.size(); ++k) {
        const auto shift = static_cast<std::uint8_t>(key.size() - 1 - k);
        skip[static_cast<unsigned char>(key[k])] = shift;
        skip[static_cast<unsigned char>(key[k] - ('a' <= key[k] && key[k] <= 'z' ? 'a' - 'A' : 0))] = shift;
    }
    for (std::size_t i = from; i + key.size() <= s.size();) {
        const char last = s[i + key.size() - 1];
        if (lower(last) == key.back() && startsWithNoCase(s.substr(i), key))
            return i;
        i += skip[static_cast<unsigned char>(last)];
    }
    return std::string_view::npos;
}

struct Boundaries {
    std::unordered_set<std::string> values;
    bool anyDashLine = false;
};

// Every boundary parameter anywhere in the message: more than GMime will use (which only ever
// means counting more parts than it makes), never fewer. A value whose reading depends on
// details this pass does not repeat (RFC 2231 sections, comments, encoded words, 8-bit bytes,
// folded values) gives up on the list: then every line starting with "--" counts as one.
Boundaries collectBoundaries(std::string_view s)
{
    Boundaries b;
    std::size_t total = 0;
    static constexpr std::string_view Key = "boundary";
    std::size_t i = 0;
    while ((i = findNoCase(s, i, Key)) != std::string_view::npos) {
        std::size_t p = i + Key.size();
        i = p;
        while (p < s.size() && isLwsp(s[p]))
            ++p;
        if (p >= s.size())
            break;
        if (s[p] == '*' || s[p] == '(') {
            b.anyDashLine = true;
            return b;
        }
        if (s[p] != '=')
            continue;
        ++p;
        while (p < s.size() && isLwsp(s[p]))
            ++p;
        if (p >= s.size())
            break;
        std::string value;
        if (s[p] == '"') {
            bool closed = false;
            for (++p; p < s.size(); ++p) {
                char c = s[p];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && p + 1 < s.size())
                    c = s[++p];
                if (c == '\r' || c == '\n')
                    break;
                value += c;
            }
            // Unclosed, or empty ("" makes every "--" line a boundary to GMime).
            if (!closed || trimRight(value).empty()) {
                b.anyDashLine = true;
                return b;
            }
            // GMime allows spaces after a boundary line's text, so a value ending in spaces
            // matches the line without them here: more boundary lines, never fewer.
            value.resize(trimRight(value).size());
        } else {
            if (s[p] == '(') {
                b.anyDashLine = true;
                return b;
            }
            // GMime reads a bare value up to the ';' (broken mailers put spaces in it).
            const std::size_t start = p;
            while (p < s.size() && s[p] != ';' && s[p] != '\r' && s[p] != '\n')
                ++p;
            if (p < s.size() && s[p] != ';') {
                std::size_t q = p;
                if (s[q] == '\r')
                    ++q;
                if (q < s.size() && s[q] == '\n')
                    ++q;
                if (q < s.size() && isBlank(s[q])) { // folded: GMime's value goes on
                    b.anyDashLine = true;
                    return b;
                }
            }
            value = std::string(trimRight(s.substr(start, p - start)));
        }
        if (value.empty())
            continue;
        for (const char c : value) {
            if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') {
                b.anyDashLine = true;
                return b;
            }
        }
        if (value.find("=?") != std::string::npos) {
            b.anyDashLine = true;
            return b;
        }
        total += value.size();
        b.values.insert(std::move(value));
        if (b.values.size() > MaxBoundaries || total > MaxBoundaryBytes) {
            b.anyDashLine = true;
            return b;
        }
    }
    return b;
}

class Guard final {
public:
    Guard(std::string_view bytes, const MailLimits& limits, Notes& notes)
        : m_s(bytes), m_limits(limits), m_notes(notes), m_bounds(collectBoundaries(bytes))
    {
    }

    GuardedMail run()
    {
        startBlock(false);
        std::size_t pos = 0;
        while (pos < m_s.size()) {
            const std::size_t nl = m_s.find('\n', pos);
            const std::size_t end = nl == std::string_view::npos ? m_s.size() : nl + 1;
            line(pos, m_s.substr(pos, end - pos));
            pos = end;
        }
        endHeader();
        noteCut();

        GuardedMail result;
        result.partsCut = m_partsCut;
        if (m_trimmed) {
            if (!m_cut)
                m_out.append(m_s.data() + m_copied, static_cast<qsizetype>(m_s.size() - m_copied));
            result.trimmed = true;
            result.bytes = std::move(m_out);
        }
        return result;
    }

private:
    enum class Dash { None, Open, Close };
    enum class Cut { Parts, Headers, HeaderBytes };

    struct Header {
        bool active = false;
        std::size_t start = 0;
        std::size_t bytes = 0;
        std::size_t allowed = 0;
        std::string name;
        bool address = false;
        bool contentType = false;
        std::string value; // of a Content-Type, unfolded, its beginning
        bool trimmed = false;
    };

    struct Block {
        bool isPart = false; // begins after a boundary line
        std::size_t addressBytes = 0;
        bool hasContentType = false;
        bool message = false;     // a Content-Type that makes GMime read a message inside
        bool unclearType = false; // a Content-Type GMime may read differently
    };

    Dash dashLine(std::string_view text) const
    {
        const std::string_view t = trimRight(text);
        if (t.size() < 2 || t[0] != '-' || t[1] != '-')
            return Dash::None;
        if (m_bounds.anyDashLine)
            return Dash::Open;
        const std::string rest(t.substr(2));
        if (m_bounds.values.contains(rest))
            return Dash::Open;
        if (rest.size() > 2 && rest.ends_with("--") && m_bounds.values.contains(rest.substr(0, rest.size() - 2)))
            return Dash::Close;
        return Dash::None;
    }

    void line(std::size_t at, std::string_view text)
    {
        if (text.size() >= 2 && text[0] == '-' && text[1] == '-') {
            const Dash dash = dashLine(text);
            if (dash != Dash::None) {
                endHeader();
                if (dash == Dash::Open)
                    startEntity(at, true);
                else
                    m_inHeaders = false;
                return;
            }
        }
        if (!m_inHeaders)
            return;
        if (text == "\n" || text == "\r\n") {
            endHeader();
            endBlock(at + text.size());
            return;
        }
        if (isBlank(text[0]) && m_header.active) {
            headerLine(at, text);
            return;
        }
        endHeader();
        startHeader(at, text);
    }

    void startBlock(bool isPart)
    {
        m_inHeaders = true;
        m_block = Block{};
        m_block.isPart = isPart;
    }

    void endBlock(std::size_t bodyStart)
    {
        m_inHeaders = false;
        const bool digestDefault = m_block.isPart && m_digestSeen && (!m_block.hasContentType || m_block.unclearType);
        if (m_block.message || digestDefault)
            startEntity(bodyStart, false); // the attached message's own headers follow
    }

    void startEntity(std::size_t at, bool isPart)
    {
        ++m_entities;
        if (!m_cut && m_entities > m_limits.maxParts) {
            // The line end before a boundary line belongs to the boundary, not to the part before.
            std::size_t end = at;
            if (isPart && end > m_copied && m_s[end - 1] == '\n') {
                --end;
                if (end > m_copied && m_s[end - 1] == '\r')
                    --end;
            }
            cutAt(end, Cut::Parts);
            m_cutAt = at;
        }
        if (m_cut)
            ++m_partsCut;
        startBlock(isPart);
    }

    static std::string headerName(std::string_view text)
    {
        const std::size_t colon = text.find(':');
        std::string_view name = colon == std::string_view::npos ? std::string_view{} : text.substr(0, colon);
        name = trimRight(name);
        if (name.empty() || name.size() > 60)
            return {};
        for (const char c : name)
            if (!isTokenChar(c))
                return {};
        return std::string(name);
    }

    static bool isAddressHeader(const std::string& name)
    {
        static const char* const names[] = {"from", "to", "cc", "bcc", "reply-to", "sender", "resent-from",
                                            "resent-to", "resent-cc", "resent-bcc", "resent-sender"};
        for (const char* n : names)
            if (name.size() == std::char_traits<char>::length(n) && startsWithNoCase(name, n))
                return true;
        return false;
    }

    void startHeader(std::size_t at, std::string_view text)
    {
        m_header = Header{};
        m_header.active = true;
        m_header.start = at;
        m_header.name = headerName(text);
        m_header.address = isAddressHeader(m_header.name);
        m_header.contentType = m_header.name.size() == 12 && startsWithNoCase(m_header.name, "content-type");
        m_header.allowed = static_cast<std::size_t>(m_limits.maxHeaderBytes);
        if (m_header.address) {
            const auto budget = static_cast<std::size_t>(m_limits.maxHeaderBytes);
            m_header.allowed = m_block.addressBytes >= budget ? 0 : budget - m_block.addressBytes;
        }
        if (!m_cut && ++m_headers > m_limits.maxHeaders)
            cutAt(at, Cut::Headers);
        headerLine(at, text);
    }

    void headerLine(std::size_t at, std::string_view text)
    {
        if (m_header.contentType && m_header.value.size() < MaxContentTypeValue) {
            std::string_view v = text;
            if (m_header.value.empty() && at == m_header.start)
                v = v.substr(std::min(v.size(), v.find(':') + 1));
            while (!v.empty() && (v.back() == '\n' || v.back() == '\r'))
                v.remove_suffix(1);
            m_header.value.append(v.substr(0, MaxContentTypeValue - m_header.value.size()));
        }
        if (m_cut)
            return;
        const std::size_t keptBefore = std::min(m_header.bytes, m_header.allowed);
        m_header.bytes += text.size();
        const std::size_t kept = std::min(m_header.bytes, m_header.allowed) - keptBefore;
        if (m_allHeaderBytes + kept > static_cast<std::size_t>(m_limits.maxAllHeaderBytes)) {
            cutAt(at, Cut::HeaderBytes);
            return;
        }
        m_allHeaderBytes += kept;
        if (m_header.trimmed) {
            drop(at, at + text.size(), {});
            return;
        }
        if (m_header.bytes > m_header.allowed) {
            const std::size_t keepEnd = m_header.start + m_header.allowed;
            if (keepEnd <= at)
                drop(at, at + text.size(), {});
            else
                drop(keepEnd, at + text.size(), "\n");
            m_header.trimmed = true;
        }
    }

    void endHeader()
    {
        if (!m_header.active)
            return;
        m_header.active = false;
        if (m_header.address)
            m_block.addressBytes += std::min(m_header.bytes, m_header.allowed);
        if (m_header.contentType)
            readContentType(m_header.value);
        if (m_header.trimmed) {
            const QString name = m_header.name.empty() ? QStringLiteral("A")
                                                        : QStringLiteral("The ") + QString::fromLatin1(m_header.name);
            if (m_header.allowed == 0)
                m_notes.add(QStringLiteral("%1 header was left out: the address headers of one part are longer "
                                           "than %2 together.")
                                .arg(name, sizeText(m_limits.maxHeaderBytes)));
            else
                m_notes.add(QStringLiteral("%1 header is %2 long; only its first %3 were read.")
                                .arg(name, sizeText(qint64(m_header.bytes)), sizeText(qint64(m_header.allowed))));
        }
    }

    // As GMime's content type parser does: type "/" subtype, comments allowed around them.
    void readContentType(std::string_view v)
    {
        m_block.hasContentType = true;
        if (containsNoCase(v, "digest"))
            m_digestSeen = true;
        std::size_t p = 0;
        const auto skip = [&] {
            while (p < v.size() && isLwsp(v[p]))
                ++p;
        };
        const auto token = [&] {
            const std::size_t start = p;
            while (p < v.size() && isTokenChar(v[p]))
                ++p;
            std::string t(v.substr(start, p - start));
            for (char& c : t)
                c = lower(c);
            return t;
        };
        skip();
        const std::string type = token();
        skip();
        bool clear = !type.empty() && p < v.size() && v[p] == '/';
        std::string subtype;
        if (clear) {
            ++p;
            skip();
            subtype = token();
            clear = !subtype.empty() && v.find('(') == std::string_view::npos;
        }
        if (!clear) {
            m_block.unclearType = true;
            if (containsNoCase(v, "message"))
                m_block.message = true;
            return;
        }
        if (type == "message" &&
            (subtype == "rfc822" || subtype == "rfc2822" || subtype == "global" || subtype == "news"))
            m_block.message = true;
    }

    void drop(std::size_t from, std::size_t to, std::string_view insert)
    {
        from = std::max(from, m_copied); // edits come in order; never copy backwards
        to = std::max(to, from);
        if (!m_trimmed) {
            m_trimmed = true;
            m_out.reserve(static_cast<qsizetype>(m_s.size()));
        }
        m_out.append(m_s.data() + m_copied, static_cast<qsizetype>(from - m_copied));
        m_out.append(insert.data(), static_cast<qsizetype>(insert.size()));
        m_copied = to;
    }

    void cutAt(std::size_t at, Cut why)
    {
        drop(at, m_s.size(), {});
        m_cut = true;
        m_cutWhy = why;
        m_cutAt = at;
    }

    void noteCut()
    {
        if (!m_cut)
            return;
        const QString rest = m_partsCut == 0   ? QString()
                             : m_partsCut == 1 ? QStringLiteral(" (1 part)")
                                               : QStringLiteral(" (%1 parts)").arg(countText(m_partsCut));
        const QString where = QStringLiteral("it was read up to byte %1 of %2, and the rest%3 was left out.")
                                  .arg(countText(qint64(m_cutAt)), countText(qint64(m_s.size())), rest);
        switch (m_cutWhy) {
        case Cut::Parts:
            m_notes.add(QStringLiteral("This email has more than %1 parts: the first %1 were read and the other "
                                       "%2 skipped.")
                            .arg(countText(m_limits.maxParts), countText(m_partsCut)));
            break;
        case Cut::Headers:
            m_notes.add(QStringLiteral("This email has more than %1 headers; ").arg(countText(m_limits.maxHeaders)) +
                        where);
            break;
        case Cut::HeaderBytes:
            m_notes.add(QStringLiteral("The headers of this email are longer than %1 together; ")
                            .arg(sizeText(m_limits.maxAllHeaderBytes)) +
                        where);
            break;
        }
    }

    std::string_view m_s;
    const MailLimits& m_limits;
    Notes& m_notes;
    Boundaries m_bounds;

    bool m_inHeaders = true;
    Header m_header;
    Block m_block;
    bool m_digestSeen = false;
    qint64 m_entities = 1; // the message itself
    qint64 m_headers = 0;
    std::size_t m_allHeaderBytes = 0;

    bool m_cut = false;
    Cut m_cutWhy = Cut::Parts;
    std::size_t m_cutAt = 0;
    qint64 m_partsCut = 0;
    bool m_trimmed = false;
    QByteArray m_out;
    std::size_t m_copied = 0;
};

} // namespace

GuardedMail guardMail(QByteArrayView bytes, const MailLimits& limits, Notes& notes)
{
    return Guard(std::string_view(bytes.data(), static_cast<std::size_t>(bytes.size())), limits, notes).run();
}

} // namespace pt::core::intake
