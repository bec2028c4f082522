#include "HtmlText.h"

#include "Notes.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <vector>

namespace pt::core::intake {

namespace {

void ensureLibxml()
{
    // xmlInitParser must run once before threads use the parser (libxml2's own advice).
    static const bool initialized = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialized;
}

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

QString attribute(const xmlNode* node, const char* name)
{
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return text;
}

bool hasAttribute(const xmlNode* node, const char* name)
{
    return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r') ||
           c == QLatin1Char('\f') || c == QChar(0x00a0) || c == QChar(0x200b) || c == QChar(0xfeff);
}

// Plain text built a character at a time: breaks and spaces wait until something visible
// follows, so blocks never leave runs of blank lines or trailing spaces.
class TextOut final {
public:
    explicit TextOut(const HtmlTextLimits& limits) : m_limits(limits) {}

    [[nodiscard]] bool full() const { return m_out.size() >= m_limits.maxChars; }
    [[nodiscard]] qsizetype size() const { return m_out.size(); }
    [[nodiscard]] QString mid(qsizetype from) const { return m_out.mid(from); }

    void text(QStringView t)
    {
        for (const QChar c : t) {
            if (isSpace(c))
                m_space = true;
            else
                put(c);
        }
    }

    void preText(QStringView t)
    {
        for (const QChar c : t) {
            if (c == QLatin1Char('\n'))
                lineBreak(true);
            else if (c != QLatin1Char('\r'))
                put(c == QChar(0x00a0) ? QChar(QLatin1Char(' ')) : c);
        }
    }

    // Text that must stay as it is (a link's address), after a space.
    void word(const QString& w)
    {
        m_space = true;
        for (const QChar c : w)
            put(c);
    }

    // At least `lines` line ends before the next text (2: a blank line).
    void breakBefore(int lines) { m_breaks = std::max(m_breaks, lines); }
    // <br>: one more line end, up to a blank line.
    // In <pre>, up to two blank lines in a row are kept.
    void lineBreak(bool literal = false) { m_breaks = std::min(m_breaks + 1, literal ? 3 : 2); }
    void cell() { m_tab = true; }
    void bullet(QString b) { m_bullet = std::move(b); }

    int quoteLevel = 0;
    int indent = 0;

    QString finish()
    {
        while (!m_out.isEmpty() && isSpace(m_out.back()))
            m_out.chop(1);
        return std::move(m_out);
    }

private:
    QString prefix(int level) const
    {
        QString p(std::min(level, m_limits.maxIndentLevels), QLatin1Char('>'));
        if (!p.isEmpty())
            p += QLatin1Char(' ');
        return p;
    }

    void put(QChar c)
    {
        if (full())
            return;
        if (m_out.isEmpty() && !m_started) {
            m_breaks = 0;
            m_started = true;
            m_lineStart = true;
        }
        if (m_breaks > 0) {
            // A blank line between a quote and what is around it belongs to neither.
            const QString blank = prefix(std::min(quoteLevel, m_lastQuoteLevel)).trimmed();
            m_out += QLatin1Char('\n');
            for (int i = 1; i < m_breaks; ++i)
                m_out += blank + QLatin1Char('\n');
            m_breaks = 0;
            m_lineStart = true;
        }
        if (m_lineStart) {
            m_out += prefix(quoteLevel);
            m_lastQuoteLevel = quoteLevel;
            m_out += QString(std::min(indent, m_limits.maxIndentLevels) * 2, QLatin1Char(' '));
            m_out += m_bullet;
            m_bullet.clear();
            m_lineStart = false;
        } else if (m_tab) {
            m_out += QLatin1Char('\t');
        } else if (m_space) {
            m_out += QLatin1Char(' ');
        }
        m_space = false;
        m_tab = false;
        m_out += c;
    }

    const HtmlTextLimits& m_limits;
    QString m_out;
    bool m_started = false;
    bool m_lineStart = true;
    int m_breaks = 0;
    int m_lastQuoteLevel = 0;
    bool m_space = false;
    bool m_tab = false;
    QString m_bullet;
};

enum class Kind { Inline, Skip, Paragraph, Block, Break, Cell, Row, List, Item, Link, Image, Pre, Quote };

Kind kindOf(const QByteArray& tag)
{
    static const char* const skip[] = {"script", "style", "head", "title", "template", "svg", "math",
                                       "iframe", "object", "embed", "audio", "video", "canvas", "noembed"};
    static const char* const paragraph[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "table",
                                            "hr", "figure", "address", "fieldset"};
    static const char* const block[] = {"div", "section", "article", "header", "footer", "nav", "aside",
                                        "main", "dt", "dd", "caption", "center", "details", "summary",
                                        "figcaption", "form", "legend", "option", "body", "html", "thead",
                                        "tbody", "tfoot"};
    for (const char* t : skip)
        if (tag == t)
            return Kind::Skip;
    for (const char* t : paragraph)
        if (tag == t)
            return Kind::Paragraph;
    for (const char* t : block)
        if (tag == t)
            return Kind::Block;
    if (tag == "br")
        return Kind::Break;
    if (tag == "td" || tag == "th")
        return Kind::Cell;
    if (tag == "tr")
        return Kind::Row;
    if (tag == "ul" || tag == "ol" || tag == "menu")
        return Kind::List;
    if (tag == "li")
        return Kind::Item;
    if (tag == "a")
        return Kind::Link;
    if (tag == "img")
        return Kind::Image;
    if (tag == "pre" || tag == "textarea" || tag == "listing" || tag == "xmp" || tag == "plaintext")
        return Kind::Pre;
    if (tag == "blockquote")
        return Kind::Quote;
    return Kind::Inline;
}

// What mail readers hide: the `hidden` attribute and an inline display:none (the "preheader"
// of newsletters, tracking text).
bool hidden(const xmlNode* node)
{
    if (hasAttribute(node, "hidden"))
        return true;
    QString style = attribute(node, "style").toLower();
    style.remove(QLatin1Char(' '));
    return style.contains(QLatin1String("display:none"));
}

QString comparable(QString url)
{
    url = url.trimmed().toLower();
    for (const char* scheme : {"mailto:", "https://", "http://", "ftp://"}) {
        if (url.startsWith(QLatin1String(scheme))) {
            url.remove(0, qsizetype(qstrlen(scheme)));
            break;
        }
    }
    if (url.startsWith(QLatin1String("www.")))
        url.remove(0, 4);
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

bool keptLink(const QString& href)
{
    const QString h = href.trimmed().toLower();
    return h.startsWith(QLatin1String("https://")) || h.startsWith(QLatin1String("http://")) ||
           h.startsWith(QLatin1String("mailto:")) || h.startsWith(QLatin1String("ftp://"));
}

constexpr qsizetype MaxLinkLength = 2048;

class Walker final {
public:
    explicit Walker(TextOut& out) : m_out(out) {}

    void run(xmlNode* first)
    {
        xmlNode* node = first;
        while (node && !m_out.full()) {
            if (enter(node) && node->children) {
                node = node->children;
                continue;
            }
            leave(node);
            while (node && !node->next) {
                node = node->parent;
                if (!node || node->type == XML_HTML_DOCUMENT_NODE || node->type == XML_DOCUMENT_NODE)
                    node = nullptr;
                else
                    leave(node);
            }
            if (node)
                node = node->next;
        }
    }

private:
    struct Frame {
        Kind kind = Kind::Inline;
        bool entered = false; // its children are walked
        qsizetype linkStart = 0;
        QString href;
    };

    bool enter(xmlNode* node)
    {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            const QString t = QString::fromUtf8(reinterpret_cast<const char*>(node->content));
            if (m_pre > 0)
                m_out.preText(t);
            else
                m_out.text(t);
            return false;
        }
        if (node->type != XML_ELEMENT_NODE)
            return false;
        const QByteArray tag = QByteArray(reinterpret_cast<const char*>(node->name)).toLower();
        Frame frame;
        frame.kind = kindOf(tag);
        frame.entered = frame.kind != Kind::Skip && !hidden(node);
        if (frame.entered)
            open(node, frame);
        m_frames.push_back(std::move(frame));
        return m_frames.back().entered;
    }

    void open(xmlNode* node, Frame& frame)
    {
        switch (frame.kind) {
        case Kind::Paragraph:
            m_out.breakBefore(2);
            break;
        case Kind::Block:
            m_out.breakBefore(1);
            break;
        case Kind::Row:
            m_out.breakBefore(1);
            m_cells.push_back(0);
            break;
        case Kind::Break:
            m_out.lineBreak();
            break;
        case Kind::Cell:
            if (!m_cells.empty() && m_cells.back()++ > 0)
                m_out.cell();
            break;
        case Kind::List:
            m_out.breakBefore(m_lists.empty() ? 2 : 1);
            m_lists.push_back(tagIsOrdered(node) ? 1 : 0);
            m_out.indent = int(m_lists.size()) - 1;
            break;
        case Kind::Item:
            m_out.breakBefore(1);
            if (!m_lists.empty() && m_lists.back() > 0)
                m_out.bullet(QStringLiteral("%1. ").arg(m_lists.back()++));
            else
                m_out.bullet(QStringLiteral("- "));
            break;
        case Kind::Link:
            frame.linkStart = m_out.size();
            frame.href = attribute(node, "href").trimmed();
            break;
        case Kind::Image: {
            const QString alt = attribute(node, "alt").simplified();
            if (!alt.isEmpty())
                m_out.text(QLatin1Char('[') + alt + QLatin1Char(']'));
            break;
        }
        case Kind::Pre:
            m_out.breakBefore(2);
            ++m_pre;
            break;
        case Kind::Quote:
            m_out.breakBefore(2);
            ++m_out.quoteLevel;
            break;
        case Kind::Inline:
        case Kind::Skip:
            break;
        }
    }

    static bool tagIsOrdered(const xmlNode* node)
    {
        return QByteArray(reinterpret_cast<const char*>(node->name)).toLower() == "ol";
    }

    void leave(xmlNode* node)
    {
        if (node->type != XML_ELEMENT_NODE || m_frames.empty())
            return;
        const Frame frame = std::move(m_frames.back());
        m_frames.pop_back();
        if (!frame.entered)
            return;
        switch (frame.kind) {
        case Kind::Paragraph:
            m_out.breakBefore(2);
            break;
        case Kind::Block:
            m_out.breakBefore(1);
            break;
        case Kind::Row:
            m_out.breakBefore(1);
            if (!m_cells.empty())
                m_cells.pop_back();
            break;
        case Kind::List:
            if (!m_lists.empty())
                m_lists.pop_back();
            m_out.indent = std::max(0, int(m_lists.size()) - 1);
            m_out.breakBefore(m_lists.empty() ? 2 : 1);
            break;
        case Kind::Item:
            m_out.breakBefore(1);
            break;
        case Kind::Link: {
            if (frame.href.isEmpty() || !keptLink(frame.href) || frame.href.size() > MaxLinkLength)
                break;
            const QString label = m_out.mid(frame.linkStart).trimmed();
            if (label.isEmpty() || comparable(label) == comparable(frame.href))
                break;
            m_out.word(QLatin1Char('(') + frame.href + QLatin1Char(')'));
            break;
        }
        case Kind::Pre:
            m_pre = std::max(0, m_pre - 1);
            m_out.breakBefore(2);
            break;
        case Kind::Quote:
            m_out.quoteLevel = std::max(0, m_out.quoteLevel - 1);
            m_out.breakBefore(2);
            break;
        case Kind::Inline:
        case Kind::Skip:
        case Kind::Break:
        case Kind::Cell:
        case Kind::Image:
            break;
        }
    }

    TextOut& m_out;
    std::vector<Frame> m_frames;
    std::vector<int> m_cells; // cells seen in each open row
    std::vector<int> m_lists; // 0 for a bulleted list, else the next number
    int m_pre = 0;
};

} // namespace

HtmlText htmlToText(QByteArrayView html, const HtmlTextLimits& limits)
{
    ensureLibxml();
    HtmlText result;
    if (html.size() > limits.maxInputBytes) {
        result.notes.append(QStringLiteral("The HTML text is %1 long; only its first %2 were read.")
                                .arg(sizeText(html.size()), sizeText(limits.maxInputBytes)));
        html = html.first(limits.maxInputBytes);
    }
    if (html.isEmpty())
        return result;
    // XML_PARSE_HUGE lifts libxml2's nesting limit of 256, past which it drops the rest of the
    // page: the input is capped above and the tree is walked without recursion.
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                        HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE;
    const std::unique_ptr<xmlDoc, DocFree> doc(
        htmlReadMemory(html.data(), int(html.size()), nullptr, "UTF-8", options));
    if (!doc)
        return result;
    TextOut out(limits);
    Walker(out).run(doc->children);
    if (out.full())
        result.notes.append(QStringLiteral("The text made from the HTML is longer than %1 characters; the rest was "
                                           "left out.")
                                .arg(countText(limits.maxChars)));
    result.text = out.finish();
    return result;
}

} // namespace pt::core::intake
