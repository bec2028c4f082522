#include "ReportPdf.h"

#include "ByteSize.h"
#include "ExhibitText.h"
#include "MeetingRecap.h"
#include "ReportPipSection.h"
#include "vault/RevisionDiff.h"

#include <QFontMetricsF>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

namespace pt::core::archive {

namespace {

// US Letter, in points: the size US courts file. A4 would clip a Letter printer's margins less
// kindly than the other way round.
constexpr qreal PageWidth = 612;
constexpr qreal PageHeight = 792;
constexpr qreal Margin = 54;
constexpr qreal ContentWidth = PageWidth - 2 * Margin;
constexpr qreal BodyTop = Margin;
constexpr qreal BodyBottom = PageHeight - 66;
constexpr qreal FooterRuleY = PageHeight - 52;
constexpr qreal FooterBaseline = PageHeight - 38;
// Device units per inch: fine enough that no font metric rounds visibly.
constexpr int Resolution = 600;
// An image is embedded with at most this many pixels per inch of the size it is drawn at.
constexpr qreal EmbedDpi = 200;
// An image's pixels are taken as a screen's, so a small one is shown at its size, not blown up.
constexpr qreal ScreenDpi = 96;
// The contents look at no more of a title than this.
constexpr qsizetype ContentsTitleChars = 300;

constexpr QRgb Ink = 0xff1a1a1a;
constexpr QRgb Muted = 0xff595959;
constexpr QRgb Alert = 0xffa31b1b;
constexpr QRgb BandFill = 0xffeceef1;
constexpr QRgb RuleColor = 0xffb0b4ba;

constexpr QChar EnDash(0x2013);
constexpr QChar Arrow(0x2192);

QFont sans(qreal points, QFont::Weight weight = QFont::Normal)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"), QStringLiteral("Arial"),
                      QStringLiteral("Helvetica")});
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    font.setWeight(weight);
    // No ligatures: "fi" stays two letters, so a word searched for or copied from the report is
    // the word. Scripts that need shaping (Arabic, Indic) are still shaped.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

// Hashes, ids and keys: no shaping and no kerning, so no two digits ever become one glyph and a
// copied hash is the hash.
QFont mono(qreal points)
{
    QFont font;
    font.setFamilies(
        {QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"), QStringLiteral("Courier New")});
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    font.setPointSizeF(points);
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setKerning(false);
    return font;
}

struct Fonts {
    QFont body = sans(10);
    QFont bold = sans(10, QFont::Bold);
    QFont label = sans(9.5, QFont::Bold);
    QFont small = sans(8.5);
    QFont smallBold = sans(8.5, QFont::Bold);
    QFont title = sans(24, QFont::Bold);
    QFont heading = sans(17, QFont::Bold);
    QFont subheading = sans(11.5, QFont::Bold);
    QFont exhibitNumber = sans(16, QFont::Bold);
    QFont exhibitTitle = sans(13, QFont::Bold);
    QFont code = mono(8.5);
    QFont codeContents = mono(9);
    QFont footer = sans(8);
};

enum class Section { Title, Contents, Timeline, Pip, About, Appendix };

struct PageNote {
    Section section = Section::Title;
    int firstExhibit = -1;
    int lastExhibit = -1;
};

// What the first pass learns and the second draws from.
struct Plan {
    QList<PageNote> pages;
    QList<int> exhibitPage; // 1-based, by exhibit
    int pipPage = 0; // 0: no plan in the export
    int aboutPage = 0;
    int appendixPage = 0;
    QHash<QString, QSizeF> imageBoxes; // in points, by imageKey(); absent: not shown
};

// Untrusted text as something safe to lay out as it reads: control characters and the explicit
// direction controls (which would reorder what follows them, so the page and a copy of it would
// read differently) are shown by their code point, "[U+001B]"; line and paragraph separators
// become line breaks; lone surrogates and noncharacters U+FFFD.
QString printable(const QString& text)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\t') {
            out += c;
        } else if (u == u'\r') {
            if (i + 1 >= n || text.at(i + 1) != u'\n')
                out += QLatin1Char('\n');
        } else if (u == 0x2028 || u == 0x2029 || u == 0x85) {
            out += QLatin1Char('\n');
        } else if (u < 0x20 || (u >= 0x7f && u < 0xa0) || (u >= 0x202a && u <= 0x202e) ||
                   (u >= 0x2066 && u <= 0x2069)) {
            out += QStringLiteral("[U+%1]").arg(QString::number(u, 16).toUpper().rightJustified(4, QLatin1Char('0')));
        } else if (QChar::isHighSurrogate(u) && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (QChar::isSurrogate(u) || u == 0xfffe || u == 0xffff) {
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out += c;
        }
    }
    return out;
}

// For places that hold one line: every break a space.
QString oneLine(const QString& text)
{
    QString out = printable(text);
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    out.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return out;
}

QString kindName(const QString& kind)
{
    if (kind.isEmpty())
        return QStringLiteral("Entry");
    return kind.front().toUpper() + kind.mid(1);
}

QString counted(qint64 n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(QLocale(QLocale::English).toString(n), QLatin1String(n == 1 ? one : many));
}

QString sizeText(qint64 bytes)
{
    const QString exact = counted(bytes, "byte", "bytes");
    const ByteSize size = byteSize(bytes);
    const QString number = QStringLiteral("%1.%2").arg(size.tenths / 10).arg(size.tenths % 10);
    switch (size.unit) {
    case ByteSize::Unit::Bytes:
        return exact;
    case ByteSize::Unit::KiB:
        return QStringLiteral("%1 (%2 KiB)").arg(exact, number);
    case ByteSize::Unit::MiB:
        return QStringLiteral("%1 (%2 MiB)").arg(exact, number);
    case ByteSize::Unit::GiB:
        return QStringLiteral("%1 (%2 GiB)").arg(exact, number);
    }
    return exact;
}

QString dayOf(const QDateTime& time, const QString& zone)
{
    if (!time.isValid())
        return QStringLiteral("(unknown)");
    const QTimeZone tz(zone.toUtf8());
    return (tz.isValid() ? time.toTimeZone(tz) : time).date().toString(Qt::ISODate);
}

// The report's names for the JSON names of ExhibitRevision::changed and RevisionDiff's keys.
QString fieldName(const QString& field)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("kind"), QStringLiteral("Kind")},
        {QStringLiteral("title"), QStringLiteral("Title")},
        {QStringLiteral("occurred_at"), QStringLiteral("Occurred")},
        {QStringLiteral("body"), QStringLiteral("Text")},
        {QStringLiteral("tags"), QStringLiteral("Tags")},
        {QStringLiteral("fields"), QStringLiteral("Details")},
        {QStringLiteral("attachments"), QStringLiteral("Files")},
        {QStringLiteral("fields.attendees"), QStringLiteral("Present")},
        {QStringLiteral("fields.agreements"), QStringLiteral("Agreed")},
        {QStringLiteral("fields.disagreements"), QStringLiteral("Not agreed")},
        {QStringLiteral("fields.action_items"), QStringLiteral("Next steps")},
        {QStringLiteral("fields.attachments"), QStringLiteral("Files in the email")},
        {QStringLiteral("fields.dkim"), QStringLiteral("DKIM signatures (present, not verified)")},
        {QStringLiteral("fields.message_id"), QStringLiteral("Message-ID")},
        {QStringLiteral("fields.in_reply_to"), QStringLiteral("In-Reply-To")},
        {QStringLiteral("fields.date_guessed"), QStringLiteral("No readable Date (time is a guess)")},
        {QStringLiteral("fields.recognized_text"), QStringLiteral("Text read from the picture")},
        {QStringLiteral("fields.location"), QStringLiteral("Location (EXIF GPS)")},
        {QStringLiteral("fields.time_source"), QStringLiteral("Occurred time from")},
        {QStringLiteral("fields.import_notes"), QStringLiteral("Import notes")},
    };
    return names.value(field, fieldKeyAsText(field));
}

// A kind's own fields that read as sections of their own (a heading, then their text), in order.
constexpr std::array<const char*, 3> MeetingSections{meeting::Agreements, meeting::Disagreements, meeting::ActionItems};

bool isSectionField(const QString& kind, const QString& key, const QString& value)
{
    if (kind == QLatin1String("meeting"))
        for (const char* section : MeetingSections)
            if (key == QLatin1String(section))
                return true;
    return value.contains(QLatin1Char('\n')) || value.size() > 200;
}

// One step of an exhibit's history, in the order it was recorded.
struct Step {
    QDateTime time;
    qsizetype revision = -1; // into Exhibit::revisions
    qsizetype deletion = -1; // into Exhibit::deletions
};

QList<Step> stepsOf(const Exhibit& exhibit)
{
    // By time; a revision without one stays after the one before it, a deletion without one goes last.
    QList<std::pair<qint64, Step>> keyed;
    qint64 last = std::numeric_limits<qint64>::min();
    for (qsizetype i = 0; i < exhibit.revisions.size(); ++i) {
        const ExhibitRevision& r = exhibit.revisions.at(i);
        const QDateTime time = r.logged.recordedAt.isValid() ? r.logged.recordedAt : r.revision.recordedAt;
        last = time.isValid() ? time.toMSecsSinceEpoch() : last;
        keyed.append({last, Step{time, i, -1}});
    }
    for (qsizetype i = 0; i < exhibit.deletions.size(); ++i) {
        const QDateTime time = exhibit.deletions.at(i).time;
        keyed.append(
            {time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max(), Step{time, -1, i}});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<Step> steps;
    for (const auto& [key, step] : std::as_const(keyed))
        steps.append(step);
    return steps;
}

// Lays the report out; with a painter, also draws it.
class Report {
public:
    Report(QPdfWriter& writer, const ReportFacts& facts, const QList<Exhibit>& exhibits, const PipExport& pip,
           const ImageSource& images, QPainter* painter, const Plan* plan)
        : m_writer(writer), m_facts(facts), m_exhibits(exhibits), m_pip(pip), m_images(images), m_painter(painter),
          m_plan(plan), m_unit(qreal(writer.resolution()) / 72)
    {
        m_learned.exhibitPage.fill(0, exhibits.size());
        for (qsizetype i = 0; i < facts.devices.size(); ++i)
            m_deviceNumber.insert(facts.devices.at(i).id, int(i) + 1);
    }

    Plan run()
    {
        titlePage();
        contents();
        timeline();
        if (!m_pip.isEmpty()) {
            startSection(Section::Pip);
            m_learned.pipPage = m_page;
            Canvas canvas(*this);
            drawPipSection(canvas, m_pip);
        }
        about();
        appendix();
        return std::move(m_learned);
    }

private:
    // --- Pages -----------------------------------------------------------------------------

    [[nodiscard]] qreal d(qreal points) const { return points * m_unit; }
    [[nodiscard]] qreal left(qreal indent = 0) const { return d(Margin + indent); }
    [[nodiscard]] bool atTop() const { return m_y <= d(BodyTop) + 0.5; }

    void startSection(Section section)
    {
        m_section = section;
        m_exhibit = -1;
        newPage();
    }

    void newPage()
    {
        if (m_page > 0 && m_painter)
            m_writer.newPage();
        ++m_page;
        m_learned.pages.append({m_section, -1, -1});
        m_y = d(BodyTop);
        if (m_painter)
            drawFooter();
        if (m_exhibit >= 0) { // a page that only goes on with an exhibit says which
            markExhibit(m_exhibit);
            paragraph(QStringLiteral("Exhibit %1, continued").arg(m_exhibits.at(m_exhibit).number), m_fonts.smallBold,
                      0, Muted, 4);
        }
    }

    // Starts a new page unless `height` (device units) fits on this one. Something taller than a
    // page goes at the top of one and runs over the footer: only what cannot be split is asked
    // for whole, and no such thing is taller than a page.
    bool need(qreal height)
    {
        if (m_y + height <= d(BodyBottom) || atTop())
            return false;
        newPage();
        return true;
    }

    void space(qreal points)
    {
        if (!atTop())
            m_y += d(points);
    }

    void markExhibit(int index)
    {
        PageNote& note = m_learned.pages.last();
        if (note.firstExhibit < 0)
            note.firstExhibit = index;
        note.lastExhibit = index;
    }

    void drawFooter()
    {
        const int total = m_plan ? int(m_plan->pages.size()) : 0;
        const PageNote note = m_plan ? m_plan->pages.value(m_page - 1) : PageNote{};
        QString label;
        switch (note.section) {
        case Section::Title:
            label = QStringLiteral("Title page");
            break;
        case Section::Contents:
            label = QStringLiteral("Contents");
            break;
        case Section::Timeline:
            if (note.firstExhibit < 0)
                label = QStringLiteral("Timeline");
            else if (note.firstExhibit == note.lastExhibit)
                label = QStringLiteral("Exhibit %1").arg(m_exhibits.at(note.firstExhibit).number);
            else
                label =
                    QStringLiteral("Exhibits %1 %2 %3")
                        .arg(m_exhibits.at(note.firstExhibit).number, EnDash, m_exhibits.at(note.lastExhibit).number);
            break;
        case Section::Pip:
            label = QStringLiteral("Performance improvement plan");
            break;
        case Section::About:
            label = QStringLiteral("About these records");
            break;
        case Section::Appendix:
            label = QStringLiteral("Hash appendix");
            break;
        }
        const QString page = QStringLiteral("Page %1 of %2").arg(m_page).arg(std::max(total, m_page));
        m_painter->save();
        m_painter->setPen(QPen(QColor(RuleColor), d(0.5)));
        m_painter->drawLine(QPointF(left(), d(FooterRuleY)), QPointF(left(ContentWidth), d(FooterRuleY)));
        m_painter->setFont(m_fonts.footer);
        m_painter->setPen(QColor(Muted));
        const QFontMetricsF metrics(m_fonts.footer, &m_writer);
        m_painter->drawText(QPointF(left(), d(FooterBaseline)), label);
        m_painter->drawText(QPointF(left(ContentWidth) - metrics.horizontalAdvance(page), d(FooterBaseline)), page);
        m_painter->restore();
    }

    // --- Text ------------------------------------------------------------------------------

    // One paragraph (no line breaks) laid out in `width` device units; wraps at spaces, or
    // anywhere in a word longer than the line.
    std::unique_ptr<QTextLayout> layOut(const QString& paragraph, const QFont& font, qreal width,
                                        const QList<QTextLayout::FormatRange>& formats = {}, bool wrap = true) const
    {
        auto layout = std::make_unique<QTextLayout>(paragraph, font, &m_writer);
        QTextOption option;
        option.setWrapMode(wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
        const bool rtl = paragraph.isRightToLeft();
        option.setTextDirection(rtl ? Qt::RightToLeft : Qt::LeftToRight);
        option.setAlignment(rtl ? Qt::AlignRight : Qt::AlignLeft);
        option.setTabStopDistance(d(36));
        layout->setTextOption(option);
        layout->setFormats(formats);
        layout->setCacheEnabled(true);
        layout->beginLayout();
        for (;;) {
            QTextLine line = layout->createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(width);
            line.setPosition(QPointF(0, 0));
        }
        layout->endLayout();
        return layout;
    }

    [[nodiscard]] qreal lineAdvance(const QTextLine& line) const { return line.height() + d(1.5); }

    // Draws a laid-out paragraph line by line at `x`, each line on the page it fits on.
    // `first` is called with the first line's top and the line, before it is drawn.
    void drawLines(const QTextLayout& layout, qreal x, QRgb color,
                   const std::function<void(qreal, const QTextLine&)>& first = {})
    {
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            const qreal advance = lineAdvance(line);
            need(advance);
            if (i == 0 && first)
                first(m_y, line);
            if (m_painter) {
                m_painter->setPen(QColor(color));
                line.draw(m_painter, QPointF(x, m_y));
            }
            m_y += advance;
        }
    }

    // Text that may hold line breaks, each line a paragraph.
    void paragraph(const QString& text, const QFont& font, qreal indent = 0, QRgb color = Ink, qreal after = 3)
    {
        printableParagraph(printable(text), font, indent, color, after);
    }

    // The same for text already printable(); `formats` index into it.
    void printableParagraph(const QString& safe, const QFont& font, qreal indent, QRgb color, qreal after,
                            const QList<QTextLayout::FormatRange>& formats = {})
    {
        const qreal width = d(ContentWidth - indent);
        qsizetype start = 0;
        for (;;) {
            qsizetype end = safe.indexOf(QLatin1Char('\n'), start);
            if (end < 0)
                end = safe.size();
            QList<QTextLayout::FormatRange> mine;
            for (const QTextLayout::FormatRange& f : formats) {
                const qsizetype from = std::max<qsizetype>(f.start, start);
                const qsizetype to = std::min<qsizetype>(f.start + f.length, end);
                if (from < to)
                    mine.append({int(from - start), int(to - from), f.format});
            }
            const auto layout = layOut(safe.mid(start, end - start), font, width, mine);
            drawLines(*layout, left(indent), color);
            if (end >= safe.size())
                break;
            start = end + 1;
        }
        m_y += d(after);
    }

    // "Label: value" as one paragraph, the label bold.
    void labelled(const QString& label, const QString& value, const QFont& font, qreal indent = 0, qreal after = 2)
    {
        const QString prefix = oneLine(label) + QStringLiteral(": ");
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        printableParagraph(prefix + printable(value), font, indent, Ink, after, {{0, int(prefix.size()), bold}});
    }

    // A label in a column of `labelWidth` points and the value beside it, wrapped in the rest.
    void field(const QString& label, const QString& value, qreal labelWidth, const QFont& valueFont, qreal indent = 0,
               QRgb color = Ink)
    {
        const QString safe = printable(value);
        const qreal width = d(ContentWidth - indent - labelWidth);
        const auto labelLayout = layOut(oneLine(label), m_fonts.label, d(labelWidth), {}, false);
        bool first = true;
        for (const QString& part : safe.split(QLatin1Char('\n'))) {
            const auto layout = layOut(part, valueFont, width);
            drawLines(*layout, left(indent + labelWidth), color, [&](qreal top, const QTextLine& line) {
                if (!first || !m_painter)
                    return;
                const QTextLine labelLine = labelLayout->lineAt(0);
                m_painter->setPen(QColor(Ink));
                labelLine.draw(m_painter, QPointF(left(indent), top + line.ascent() - labelLine.ascent()));
            });
            first = false;
        }
        m_y += d(2);
    }

    // A hash, id or key: monospaced, never wrapped except at fixed points (halves, then
    // quarters...) when it does not fit, so each piece is the value's characters in order.
    void code(const QString& label, const QString& value, qreal labelWidth, qreal indent = 0,
              const QFont* labelFont = nullptr, QRgb labelColor = Ink)
    {
        const QString safe = oneLine(value.isEmpty() ? QStringLiteral("(none)") : value);
        const qreal width = d(ContentWidth - indent - labelWidth);
        const QFontMetricsF metrics(m_fonts.code, &m_writer);
        qsizetype parts = 1;
        while (parts < safe.size() && metrics.horizontalAdvance(safe.left((safe.size() + parts - 1) / parts)) > width)
            parts *= 2;
        const qsizetype piece = (safe.size() + parts - 1) / parts;
        const auto labelLayout =
            layOut(oneLine(label), labelFont ? *labelFont : m_fonts.label, d(labelWidth), {}, false);
        for (qsizetype at = 0, i = 0; at < safe.size(); at += piece, ++i) {
            const auto layout = layOut(safe.mid(at, piece), m_fonts.code, width, {}, true);
            drawLines(*layout, left(indent + labelWidth), Ink, [&](qreal top, const QTextLine& line) {
                if (i != 0 || !m_painter)
                    return;
                const QTextLine labelLine = labelLayout->lineAt(0);
                m_painter->setPen(QColor(labelColor));
                labelLine.draw(m_painter, QPointF(left(indent), top + line.ascent() - labelLine.ascent()));
            });
        }
        m_y += d(2);
    }

    void heading(const QString& text)
    {
        need(d(90));
        paragraph(text, m_fonts.heading, 0, Ink, 8);
    }

    void subheading(const QString& text, qreal indent = 0)
    {
        space(6);
        need(d(60)); // with a few lines of what it heads
        paragraph(text, m_fonts.subheading, indent, Ink, 3);
    }

    void note(const QString& text, qreal indent = 0, QRgb color = Muted)
    {
        paragraph(text, m_fonts.small, indent, color, 3);
    }

    // One line of untrusted text in `box`: elided, laid out as plain text, centred vertically.
    void textLine(const QString& text, const QFont& font, const QRectF& box, QRgb color, bool centred)
    {
        if (!m_painter || box.width() <= 0)
            return;
        const QFontMetricsF metrics(font, &m_writer);
        const QString shown = metrics.elidedText(oneLine(text.left(ContentsTitleChars)), Qt::ElideRight, box.width());
        if (shown.isEmpty())
            return;
        const auto layout = layOut(shown, font, box.width() + d(2), {}, false);
        if (layout->lineCount() == 0)
            return;
        const QTextLine line = layout->lineAt(0);
        const qreal x = centred ? box.left() + (box.width() - line.naturalTextWidth()) / 2 : box.left();
        m_painter->setPen(QColor(color));
        line.draw(m_painter, QPointF(x, box.top() + (box.height() - line.height()) / 2));
    }

    // What the PIP section (ReportPipSection.cpp) draws with.
    class Canvas final : public ReportCanvas {
    public:
        explicit Canvas(Report& report) : m_r(report) {}
        [[nodiscard]] qreal d(qreal points) const override { return m_r.d(points); }
        [[nodiscard]] qreal left(qreal indentPoints) const override { return m_r.left(indentPoints); }
        [[nodiscard]] qreal contentWidthPoints() const override { return ContentWidth; }
        [[nodiscard]] qreal y() const override { return m_r.m_y; }
        void moveDown(qreal height) override { m_r.m_y += height; }
        bool need(qreal height) override { return m_r.need(height); }
        [[nodiscard]] QPainter* painter() override { return m_r.m_painter; }
        [[nodiscard]] QPaintDevice& device() override { return m_r.m_writer; }
        [[nodiscard]] QFont sansFont(qreal points, bool bold) const override
        {
            return sans(points, bold ? QFont::Bold : QFont::Normal);
        }
        [[nodiscard]] QFont monoFont(qreal points) const override { return mono(points); }
        void heading(const QString& text) override { m_r.heading(text); }
        void subheading(const QString& text) override { m_r.subheading(text); }
        void paragraph(const QString& text, Style style, qreal indentPoints, Tone tone, qreal afterPoints) override
        {
            const Fonts& f = m_r.m_fonts;
            const QFont* font = &f.body;
            switch (style) {
            case Style::Body:
                break;
            case Style::Bold:
                font = &f.bold;
                break;
            case Style::Small:
                font = &f.small;
                break;
            case Style::SmallBold:
                font = &f.smallBold;
                break;
            }
            const QRgb color = tone == Tone::Muted ? Muted : tone == Tone::Alert ? Alert : Ink;
            m_r.paragraph(text, *font, indentPoints, color, afterPoints);
        }
        void field(const QString& label, const QString& value, qreal labelPoints, qreal indentPoints) override
        {
            m_r.field(label, value, labelPoints, m_r.m_fonts.body, indentPoints);
        }
        void textLine(const QString& text, const QFont& font, const QRectF& box, QRgb color, bool centred) override
        {
            m_r.textLine(text, font, box, color, centred);
        }

    private:
        Report& m_r;
    };

    // --- Title page and contents -------------------------------------------------------------

    [[nodiscard]] QString rangeText() const
    {
        const QDate from = m_facts.from, to = m_facts.to;
        if (from.isValid() && to.isValid())
            return QStringLiteral("%1 to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
        if (from.isValid())
            return QStringLiteral("from %1 on").arg(from.toString(Qt::ISODate));
        if (to.isValid())
            return QStringLiteral("up to %1").arg(to.toString(Qt::ISODate));
        return QStringLiteral("all dates");
    }

    void titlePage()
    {
        startSection(Section::Title);
        m_y += d(48);
        paragraph(QStringLiteral("Paper Trail"), m_fonts.subheading, 0, Muted, 2);
        paragraph(QStringLiteral("Journal records"), m_fonts.title, 0, Ink, 6);
        paragraph(m_facts.owner.trimmed().isEmpty() ? QStringLiteral("Whose records: not stated")
                                                    : QStringLiteral("Records of ") + m_facts.owner,
                  m_fonts.heading, 0, Ink, 24);

        constexpr qreal Column = 150;
        field(QStringLiteral("Dates covered"), rangeText(), Column, m_fonts.body);
        field(QStringLiteral("Exported"), timeWithZone(m_facts.exportedAt, m_facts.timeZone), Column, m_fonts.body);
        QString entries = counted(m_exhibits.size(), "entry", "entries");
        if (!m_exhibits.isEmpty())
            entries += QStringLiteral(", exhibits %1 to %2").arg(m_exhibits.first().number, m_exhibits.last().number);
        field(QStringLiteral("Entries"), entries, Column, m_fonts.body);
        code(QStringLiteral("Vault id"), m_facts.vaultId, Column);
        code(QStringLiteral("SHA-256 of SHA256SUMS"), m_facts.sumsSha256, Column);
        code(QStringLiteral("Signing key id"), m_facts.signingKeyId, Column);
        code(QStringLiteral("Signing public key"), m_facts.signingPublicKey, Column);
        note(QStringLiteral("A minisign (Ed25519) key, the same as papertrail.pub in the archive; it signs "
                            "SHA256SUMS, this report and CERTIFICATION.txt."),
             Column);
        m_y += d(20);
        paragraph(
            QStringLiteral(
                "This document is the readable report of an archive exported from Paper Trail, an encrypted "
                "journal. Each entry is an exhibit, numbered from PT-0001 in the order things happened; the same "
                "number names its files everywhere in the archive. For each exhibit it shows when it happened and "
                "when it was recorded, its full text, every edit and deletion, and the SHA-256 hash of every file, "
                "and it ends with how these records are kept and a list of every file in the archive with its hash. "
                "VERIFY.txt in the archive says, step by step and with standard tools, how to check that nothing "
                "in it has changed since it was exported and signed."),
            m_fonts.body, 0, Ink, 4);
    }

    [[nodiscard]] static QString titleOf(const Exhibit& exhibit)
    {
        const QString title = headline(exhibit.entry.latest);
        return title.trimmed().isEmpty() ? QStringLiteral("(no title)") : title;
    }

    void contentsRow(const QString& number, const QString& day, const QString& title, int page)
    {
        const QFontMetricsF metrics(m_fonts.body, &m_writer);
        const qreal advance = metrics.height() + d(4);
        need(advance);
        if (m_painter) {
            constexpr qreal DayAt = 62, TitleAt = 136, PageColumn = 36;
            const qreal baseline = m_y + metrics.ascent();
            m_painter->setPen(QColor(Ink));
            m_painter->setFont(m_fonts.codeContents);
            m_painter->drawText(QPointF(left(), baseline), number);
            m_painter->setFont(m_fonts.body);
            m_painter->drawText(QPointF(left(DayAt), baseline), day);
            const qreal titleAt = number.isEmpty() ? 0 : TitleAt;
            const QString cut = oneLine(title.left(ContentsTitleChars));
            const QString shown = metrics.elidedText(cut, Qt::ElideRight, d(ContentWidth - titleAt - PageColumn - 8));
            // Laid out as plain text: no markup in a title is ever read as markup.
            const auto layout = layOut(shown, m_fonts.body, d(ContentWidth - titleAt - PageColumn), {}, false);
            layout->lineAt(0).draw(m_painter, QPointF(left(titleAt), m_y));
            const QString pageText = page > 0 ? QString::number(page) : QString();
            m_painter->drawText(QPointF(left(ContentWidth) - metrics.horizontalAdvance(pageText), baseline), pageText);
        }
        m_y += advance;
    }

    void contents()
    {
        startSection(Section::Contents);
        heading(QStringLiteral("Contents"));
        const QFontMetricsF metrics(m_fonts.smallBold, &m_writer);
        need(metrics.height() + d(6));
        if (m_painter) {
            m_painter->setFont(m_fonts.smallBold);
            m_painter->setPen(QColor(Muted));
            const qreal baseline = m_y + metrics.ascent();
            m_painter->drawText(QPointF(left(), baseline), QStringLiteral("Exhibit"));
            m_painter->drawText(QPointF(left(62), baseline), QStringLiteral("Occurred"));
            m_painter->drawText(QPointF(left(136), baseline), QStringLiteral("Title"));
            const QString page = QStringLiteral("Page");
            m_painter->drawText(QPointF(left(ContentWidth) - metrics.horizontalAdvance(page), baseline), page);
        }
        m_y += metrics.height() + d(6);
        for (qsizetype i = 0; i < m_exhibits.size(); ++i) {
            const Exhibit& e = m_exhibits.at(i);
            QString title = titleOf(e);
            if (e.entry.deleted)
                title = QStringLiteral("(deleted) ") + title;
            contentsRow(e.number, dayOf(e.entry.latest.occurredAt, e.entry.latest.timeZone), title,
                        m_plan ? m_plan->exhibitPage.value(i) : 0);
        }
        m_y += d(8);
        if (!m_pip.isEmpty())
            contentsRow({}, {}, QStringLiteral("Performance improvement plan"), m_plan ? m_plan->pipPage : 0);
        contentsRow({}, {}, QStringLiteral("About these records"), m_plan ? m_plan->aboutPage : 0);
        contentsRow({}, {}, QStringLiteral("Hash appendix"), m_plan ? m_plan->appendixPage : 0);
    }

    // --- Timeline ----------------------------------------------------------------------------

    [[nodiscard]] QString deviceText(const QString& id) const
    {
        const int number = m_deviceNumber.value(id);
        if (number == 0)
            return QStringLiteral("device %1").arg(oneLine(id));
        const QString name = oneLine(m_facts.devices.at(number - 1).name).trimmed();
        return name.isEmpty() ? QStringLiteral("device %1").arg(number)
                              : QStringLiteral("device %1 (%2)").arg(number).arg(name);
    }

    void timeline()
    {
        startSection(Section::Timeline);
        heading(QStringLiteral("Timeline"));
        note(QStringLiteral(
            "Every exported entry, oldest first. \u201cOccurred\u201d is when it happened, as the person set it; "
            "\u201cRecorded\u201d is the device's clock when it was written, which cannot be edited. "
            "Times are shown in the time zone the device was in, with their offset from UTC."));
        if (m_exhibits.isEmpty())
            paragraph(QStringLiteral("No entry is in this export."), m_fonts.body);
        for (qsizetype i = 0; i < m_exhibits.size(); ++i)
            exhibit(int(i));
        m_exhibit = -1;
    }

    void band(const QString& number, const QString& kind)
    {
        const QFontMetricsF big(m_fonts.exhibitNumber, &m_writer);
        const QFontMetricsF small(m_fonts.bold, &m_writer);
        const qreal height = big.height() + d(10);
        need(height);
        if (m_painter) {
            m_painter->fillRect(QRectF(left(), m_y, d(ContentWidth), height), QColor(BandFill));
            m_painter->fillRect(QRectF(left(), m_y, d(4), height), QColor(Ink));
            const qreal baseline = m_y + d(5) + big.ascent();
            m_painter->setPen(QColor(Ink));
            m_painter->setFont(m_fonts.exhibitNumber);
            m_painter->drawText(QPointF(left(12), baseline), QStringLiteral("Exhibit ") + number);
            m_painter->setFont(m_fonts.bold);
            const QString shown = small.elidedText(oneLine(kind.left(200)), Qt::ElideRight, d(200));
            const auto layout = layOut(shown, m_fonts.bold, d(210), {}, false);
            const QTextLine line = layout->lineAt(0);
            line.draw(m_painter, QPointF(left(ContentWidth - 10) - line.naturalTextWidth(), baseline - line.ascent()));
        }
        m_y += height + d(6);
    }

    void exhibit(int index)
    {
        const Exhibit& x = m_exhibits.at(index);
        const Entry& entry = x.entry;
        const EntryRevision& latest = entry.latest;
        m_exhibit = -1; // the one before ends here
        space(18);
        need(d(130)); // the number, the title and the times together
        m_exhibit = index;
        markExhibit(index);
        m_learned.exhibitPage[index] = m_page;

        band(x.number, kindName(latest.kind));
        paragraph(titleOf(x), m_fonts.exhibitTitle, 0, Ink, 4);

        // What a reader must not miss, before anything else.
        if (entry.purged)
            paragraph(QStringLiteral("PURGED: its content was removed from the vault; the signed records of it and the "
                                     "hashes of what was removed remain."),
                      m_fonts.bold, 0, Alert);
        else if (entry.deleted)
            paragraph(QStringLiteral("DELETED%1. Nothing was erased: the deletion is a record of its own, and this "
                                     "export includes deleted entries.")
                          .arg(x.deletions.isEmpty()
                                   ? QString()
                                   : QStringLiteral(" on ") + timeWithZone(x.deletions.last().time, latest.timeZone)),
                      m_fonts.bold, 0, Alert);
        if (entry.inConflict())
            paragraph(
                QStringLiteral("%1 VERSIONS: %2. All are kept; see \u201cVersions\u201d below.")
                    .arg(entry.conflict.size() == 2 ? QStringLiteral("TWO") : QString::number(entry.conflict.size()),
                         conflictCause(entry)),
                m_fonts.bold, 0, Alert);
        if (const QString edits = editedText(x); !edits.isEmpty())
            paragraph(edits, m_fonts.bold, 0, Ink);
        space(3);

        constexpr qreal Column = 78;
        field(QStringLiteral("Occurred"), timeWithZone(latest.occurredAt, latest.timeZone), Column, m_fonts.body);
        note(QStringLiteral("when it happened, as the person set it"), Column);
        const ExhibitRevision* first = x.revisions.isEmpty() ? nullptr : &x.revisions.first();
        const bool haveFirst = first && first->revision.revision == 1;
        const QDateTime recorded = haveFirst                    ? first->revision.recordedAt
                                   : !entry.revisions.isEmpty() ? entry.revisions.first().recordedAt
                                                                : latest.recordedAt;
        const QString recordedZone = haveFirst ? first->revision.timeZone : latest.timeZone;
        field(QStringLiteral("Recorded"), timeWithZone(recorded, recordedZone), Column, m_fonts.body);
        note(QStringLiteral("the device's clock when it was first written; it cannot be edited"), Column);
        if (latest.revision > 1) {
            field(QStringLiteral("Last revision"),
                  QStringLiteral("%1, revision %2")
                      .arg(timeWithZone(latest.recordedAt, latest.timeZone))
                      .arg(latest.revision),
                  Column, m_fonts.body);
            note(QStringLiteral("the device's clock when the version shown here was written"), Column);
        }
        if (!latest.tags.isEmpty())
            field(QStringLiteral("Tags"), latest.tags.join(QStringLiteral(", ")), Column, m_fonts.body);
        code(QStringLiteral("Entry id"), latest.entryId, Column);

        // Short details beside the others; long ones, and a meeting's sections, after the text.
        const QFontMetricsF labelMetrics(m_fonts.label, &m_writer);
        QList<std::pair<QString, QString>> sections;
        for (auto it = latest.fields.begin(); it != latest.fields.end(); ++it) {
            const QString value = fieldValueText(it.value());
            if (value.isEmpty())
                continue;
            const QString name = fieldName(QStringLiteral("fields.") + it.key());
            if (isSectionField(latest.kind, it.key(), value))
                sections.append({it.key(), value});
            else if (name.size() <= 24 && labelMetrics.horizontalAdvance(oneLine(name)) < d(Column - 6))
                field(name, value, Column, m_fonts.body);
            else
                labelled(name, value, m_fonts.body, 0);
        }
        if (latest.kind == QLatin1String("meeting")) // in the order the meeting editor has them
            std::stable_sort(sections.begin(), sections.end(), [](const auto& a, const auto& b) {
                const auto rank = [](const QString& key) {
                    for (std::size_t i = 0; i < MeetingSections.size(); ++i)
                        if (key == QLatin1String(MeetingSections[i]))
                            return int(i);
                    return int(MeetingSections.size());
                };
                return rank(a.first) < rank(b.first);
            });

        if (!latest.body.isEmpty()) {
            space(6);
            paragraph(latest.body, m_fonts.body, 0, Ink, 4);
        }
        for (const auto& [key, value] : sections) {
            subheading(fieldName(QStringLiteral("fields.") + key));
            paragraph(value, m_fonts.body, 0, Ink, 4);
        }

        files(x);
        history(x);
    }

    [[nodiscard]] QString editedText(const Exhibit& x) const
    {
        int edits = 0;
        for (qsizetype i = 1; i < x.revisions.size(); ++i)
            if (!x.revisions.at(i).changed.isEmpty())
                ++edits;
        if (x.revisions.size() > 1 && edits > 0)
            return QStringLiteral("Edited %1; history below.")
                .arg(edits == 1 ? QStringLiteral("once") : QStringLiteral("%1 times").arg(edits));
        if (x.entry.edited())
            return QStringLiteral("Edited; this export leaves out earlier revisions (revision %1 is shown).")
                .arg(x.entry.latest.revision);
        return {};
    }

    // --- Files and images ----------------------------------------------------------------------

    void files(const Exhibit& x)
    {
        if (x.files.isEmpty())
            return;
        subheading(x.files.size() == 1 ? QStringLiteral("File") : QStringLiteral("Files (%1)").arg(x.files.size()));
        constexpr qreal Column = 100;
        for (const ExhibitFile& f : x.files) {
            space(4);
            need(d(60));
            paragraph(f.name.isEmpty() ? QStringLiteral("(no name)") : f.name, m_fonts.bold, 0, Ink, 1);
            field(QStringLiteral("Size"),
                  sizeText(f.size) + (f.mime.isEmpty() ? QString() : QStringLiteral(", ") + f.mime), Column,
                  m_fonts.body);
            field(QStringLiteral("In the archive"), f.path, Column, m_fonts.body);
            code(QStringLiteral("SHA-256"), f.sha256, Column);
            if (f.redacted) {
                paragraph(
                    QStringLiteral("Redacted copy, made for this export; the original is not in the archive and is "
                                   "unchanged in the journal."),
                    m_fonts.body, Column, Alert, 1);
                code(QStringLiteral("Original SHA-256"), f.originalSha256, Column);
            }
            if (f.mime.startsWith(QLatin1String("image/")))
                image(x, f);
        }
    }

    [[nodiscard]] static QString imageKey(const Exhibit& x, const ExhibitFile& f) { return x.number + u'/' + f.path; }

    // In points: the width of the text at most, a screen's size at most, and no taller than a page.
    [[nodiscard]] static QSizeF imageBox(const QSize& pixels)
    {
        QSizeF box(pixels.width() * 72.0 / ScreenDpi, pixels.height() * 72.0 / ScreenDpi);
        const qreal maxHeight = BodyBottom - BodyTop - 64; // room for a continuation line and the caption
        if (box.width() > ContentWidth)
            box *= ContentWidth / box.width();
        if (box.height() > maxHeight)
            box *= maxHeight / box.height();
        return QSizeF(std::max<qreal>(box.width(), 1), std::max<qreal>(box.height(), 1));
    }

    // No more pixels than the page can show, and opaque: PDF/A-1b allows no transparency.
    static QImage embeddable(const QImage& image, const QSizeF& box)
    {
        const QSize most(std::max(1, qRound(box.width() / 72 * EmbedDpi)),
                         std::max(1, qRound(box.height() / 72 * EmbedDpi)));
        QImage scaled = image.width() > most.width() || image.height() > most.height()
                            ? image.scaled(most, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                            : image;
        QImage opaque(scaled.size(), QImage::Format_RGB32);
        opaque.fill(Qt::white);
        QPainter p(&opaque);
        p.drawImage(0, 0, scaled);
        p.end();
        return opaque;
    }

    void image(const Exhibit& x, const ExhibitFile& f)
    {
        const QString key = imageKey(x, f);
        QSizeF box;
        if (!m_plan) {
            if (m_images) {
                const std::optional<QImage> pixels = m_images(f);
                if (pixels && !pixels->isNull())
                    box = imageBox(pixels->size());
            }
            if (!box.isEmpty())
                m_learned.imageBoxes.insert(key, box);
        } else {
            box = m_plan->imageBoxes.value(key);
        }
        if (box.isEmpty()) {
            note(QStringLiteral("This image is not shown here: it could not be read as an image. The file is in the "
                                "archive at the path above."),
                 100);
            return;
        }
        const qreal height = d(box.height());
        need(height + d(36)); // with its caption
        QString name = oneLine(f.name);
        if (name.size() > 80)
            name = name.left(79) + QChar(0x2026);
        note(QStringLiteral("Image of %1, exhibit %2%3:")
                 .arg(name, x.number, f.redacted ? QStringLiteral(", redacted copy") : QString()));
        if (m_painter) {
            const QRectF target(left((ContentWidth - box.width()) / 2), m_y, d(box.width()), height);
            std::optional<QImage> pixels = m_images ? m_images(f) : std::nullopt;
            if (pixels && !pixels->isNull()) {
                m_painter->drawImage(target, embeddable(*pixels, box));
            } else {
                m_painter->setPen(QColor(Muted));
                m_painter->setFont(m_fonts.small);
                m_painter->drawText(target, Qt::AlignCenter | Qt::TextWordWrap,
                                    QStringLiteral("This image could not be read; the file is in the archive."));
            }
            pixels.reset();
            m_painter->setPen(QPen(QColor(RuleColor), d(0.5)));
            m_painter->setBrush(Qt::NoBrush);
            m_painter->drawRect(target);
        }
        m_y += height + d(6);
    }

    // --- History -------------------------------------------------------------------------------

    // The revision `x.revisions[i]` follows: the one its `previous` names, which after a conflict
    // is not always the one listed before it; else the one listed before it.
    [[nodiscard]] static const ExhibitRevision* followed(const Exhibit& x, qsizetype i)
    {
        const QString& previous = x.revisions.at(i).revision.previous;
        if (!previous.isEmpty())
            for (const ExhibitRevision& r : x.revisions)
                if (r.logged.object == previous)
                    return &r;
        return i > 0 ? &x.revisions.at(i - 1) : nullptr;
    }

    void changeLines(const EntryRevision& was, const EntryRevision& now, const QList<FieldChange>& changes,
                     qreal indent)
    {
        for (const FieldChange& change : changes) {
            const QString name = fieldName(change.field);
            if (change.field == QLatin1String("occurred_at")) {
                labelled(name,
                         QStringLiteral("%1 %2 %3")
                             .arg(timeWithZone(was.occurredAt, was.timeZone), Arrow,
                                  timeWithZone(now.occurredAt, now.timeZone)),
                         m_fonts.body, indent);
                continue;
            }
            switch (change.shape) {
            case FieldChange::Shape::Value: {
                const auto shown = [&](const QString& v) {
                    if (v.isEmpty())
                        return QStringLiteral("(none)");
                    return change.field == QLatin1String("kind") ? kindName(v)
                                                                 : QStringLiteral("\u201c%1\u201d").arg(v);
                };
                labelled(name, QStringLiteral("%1 %2 %3").arg(shown(change.before), Arrow, shown(change.after)),
                         m_fonts.body, indent);
                break;
            }
            case FieldChange::Shape::List:
                labelled(name, listChangeText(change), m_fonts.body, indent);
                break;
            case FieldChange::Shape::Text: {
                // Long text in full as this revision has it: the earlier versions are in full above.
                const bool body = change.field == QLatin1String("body");
                const QString text = body ? now.body : change.after;
                if (text.isEmpty()) {
                    labelled(name, QStringLiteral("emptied"), m_fonts.body, indent);
                    break;
                }
                need(d(40));
                paragraph(QStringLiteral("%1, in full as of revision %2:").arg(name).arg(now.revision), m_fonts.bold,
                          indent, Ink, 1);
                paragraph(text, m_fonts.body, indent + 10, Ink, 4);
                break;
            }
            }
        }
    }

    // What the first revision said of everything a later one changed at length, in full.
    void firstRevisionText(const Exhibit& x, qreal indent)
    {
        const EntryRevision& first = x.revisions.first().revision;
        labelled(QStringLiteral("Title"), first.title.isEmpty() ? QStringLiteral("(none)") : first.title, m_fonts.body,
                 indent);
        labelled(QStringLiteral("Occurred"), timeWithZone(first.occurredAt, first.timeZone), m_fonts.body, indent);
        QStringList shown;
        for (qsizetype i = 1; i < x.revisions.size(); ++i)
            if (const ExhibitRevision* before = followed(x, i))
                for (const FieldChange& c : revisionChanges(before->revision, x.revisions.at(i).revision))
                    if (c.shape == FieldChange::Shape::Text && !shown.contains(c.field))
                        shown << c.field;
        for (const QString& key : std::as_const(shown)) {
            const QString text = key == QLatin1String("body")
                                     ? first.body
                                     : fieldValueText(first.fields.value(key.mid(int(qstrlen("fields.")))));
            if (text.isEmpty())
                continue;
            need(d(40));
            paragraph(QStringLiteral("%1, in full as first written:").arg(fieldName(key)), m_fonts.bold, indent, Ink,
                      1);
            paragraph(text, m_fonts.body, indent + 10, Ink, 4);
        }
    }

    [[nodiscard]] static QString conflictCause(const Entry& entry)
    {
        return entry.conflict.size() == 2
                   ? QStringLiteral("it was changed on two devices before either saw the other's change")
                   : QStringLiteral("it was changed on several devices before each saw the others' changes");
    }

    void versions(const Entry& entry)
    {
        subheading(QStringLiteral("Versions"));
        const bool two = entry.conflict.size() == 2;
        paragraph(QStringLiteral("%1, so it has %2 versions, %3. %4; the one shown above is the first listed. %5")
                      .arg(QStringLiteral("I") + conflictCause(entry).mid(1))
                      .arg(entry.conflict.size())
                      .arg(two ? QStringLiteral("neither based on the other") : QStringLiteral("none based on another"),
                           two ? QStringLiteral("Both are kept") : QStringLiteral("All are kept"),
                           m_facts.historyIncluded ? QStringLiteral("Each is in the history below.")
                                                   : QStringLiteral("This export leaves out the others' content.")),
                  m_fonts.body, 0, Ink, 2);
        for (const RevisionInfo& side : entry.conflict)
            paragraph(QStringLiteral("\u2022 Revision %1 on %2, recorded %3, log record %4")
                          .arg(side.revision)
                          .arg(deviceText(side.device), timeWithZone(side.recordedAt, entry.latest.timeZone))
                          .arg(side.seq),
                      m_fonts.body, 8, Ink, 1);
        m_y += d(4);
    }

    void history(const Exhibit& x)
    {
        const Entry& entry = x.entry;
        const bool several = x.revisions.size() > 1;
        const bool partial = !several && entry.latest.revision > 1;
        if (entry.inConflict())
            versions(entry);
        if (!several && !partial && x.deletions.isEmpty())
            return;
        subheading(QStringLiteral("History"));
        constexpr qreal Indent = 14;

        if (partial) {
            QStringList names;
            if (!x.revisions.isEmpty())
                for (const QString& c : x.revisions.last().changed)
                    names << fieldName(c).toLower();
            note(QStringLiteral("This export leaves out earlier revisions. Revision %1, shown above, changed: %2.")
                     .arg(entry.latest.revision)
                     .arg(names.isEmpty() ? QStringLiteral("nothing in its content")
                                          : names.join(QStringLiteral(", "))));
        }

        bool afterDeletion = false;
        const ExhibitRevision* shownBefore = nullptr;
        for (const Step& step : stepsOf(x)) {
            space(4);
            if (step.deletion >= 0) {
                const DeletionInfo& del = x.deletions.at(step.deletion);
                need(d(40));
                paragraph(QStringLiteral("Deleted"), m_fonts.bold, 0, Alert, 1);
                paragraph(QStringLiteral("%1, on %2, log record %3%4. A deletion is a record of its own (a tombstone): "
                                         "nothing was erased.")
                              .arg(timeWithZone(del.time, entry.latest.timeZone), deviceText(del.device))
                              .arg(del.seq)
                              .arg(del.revision > 0 ? QStringLiteral("; it deleted revision %1").arg(del.revision)
                                                    : QString()),
                          m_fonts.body, Indent, Ink, 2);
                afterDeletion = true;
                continue;
            }
            const qsizetype i = step.revision;
            const ExhibitRevision& r = x.revisions.at(i);
            const EntryRevision& v = r.revision;
            QStringList tags;
            if (i == 0 && v.revision == 1)
                tags << QStringLiteral("first version");
            const bool side = std::any_of(entry.conflict.cbegin(), entry.conflict.cend(), [&](const RevisionInfo& s) {
                return !s.object.isEmpty() && s.object == r.logged.object;
            });
            if (side)
                tags << (r.logged.object == entry.conflict.first().object
                             ? QStringLiteral("one of the versions, shown above")
                             : QStringLiteral("one of the versions"));
            else if (i + 1 == x.revisions.size())
                tags << QStringLiteral("latest");
            const QString heading =
                QStringLiteral("Revision %1%2")
                    .arg(v.revision)
                    .arg(tags.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(tags.join(QStringLiteral("; "))));
            need(d(40));
            paragraph(heading, m_fonts.bold, 0, Ink, 1);
            note(QStringLiteral("Recorded %1 on %2, log record %3")
                     .arg(timeWithZone(v.recordedAt, v.timeZone), deviceText(r.logged.device))
                     .arg(r.logged.seq),
                 Indent);
            const ExhibitRevision* before = i > 0 ? followed(x, i) : nullptr;
            const QList<FieldChange> changes = before ? revisionChanges(before->revision, v) : QList<FieldChange>();
            QStringList names;
            for (const FieldChange& c : changes)
                if (const QString name = fieldName(c.field).toLower(); !names.contains(name))
                    names << name;
            if (i == 0) {
                if (several)
                    firstRevisionText(x, Indent);
            } else if (names.isEmpty()) {
                note(afterDeletion ? QStringLiteral("No change to the content: this revision restored the entry after "
                                                    "the deletion above.")
                                   : QStringLiteral("No change to the content."),
                     Indent, Ink);
            } else {
                if (before != shownBefore)
                    note(QStringLiteral("Based on revision %1 as recorded on %2, not on the one listed just above.")
                             .arg(before->revision.revision)
                             .arg(deviceText(before->logged.device)),
                         Indent, Ink);
                labelled(QStringLiteral("Changed"), names.join(QStringLiteral(", ")), m_fonts.body, Indent);
                changeLines(before->revision, v, changes, Indent);
            }
            afterDeletion = false;
            shownBefore = &r;
        }
    }

    // --- About these records -------------------------------------------------------------------

    void about()
    {
        startSection(Section::About);
        m_learned.aboutPage = m_page;
        heading(QStringLiteral("About these records"));

        subheading(QStringLiteral("Occurred and recorded times"));
        paragraph(
            QStringLiteral(
                "Each entry has two kinds of time. \u201cOccurred\u201d is when the person says it happened: they "
                "set it, and may change it later, and any change is kept as a new revision. \u201cRecorded\u201d is "
                "the time on the device's clock when a revision was written: the app sets it, and nobody can edit "
                "it. Times are shown in the time zone the device was in when it wrote the revision, with their "
                "offset from UTC."),
            m_fonts.body);

        subheading(QStringLiteral("Edits and deletions"));
        paragraph(
            QStringLiteral(
                "Nothing in the journal is changed in place. An edit adds a new revision and the earlier revisions "
                "stay as they were: revisions are immutable. Deleting an entry adds a record that marks it deleted "
                "(a tombstone); nothing is erased, and the entry can be restored. Purging an entry removes its "
                "content from the device, but the signed records of it remain, with the SHA-256 hashes of what was "
                "removed."),
            m_fonts.body);

        subheading(QStringLiteral("The signed chain"));
        paragraph(
            QStringLiteral(
                "Every change is a record in an append-only log kept by the device that made it. Each device signs "
                "each of its records with its own Ed25519 key, and each record names the SHA-256 hash of the one "
                "before it, so no record can be changed, removed or put in another order without breaking the "
                "chain. chain.jsonl in the archive holds every device's whole log, each record with its "
                "signature, and each device's public key; a record of an exported entry names its exhibit. "
                "docs/CHAIN.md in the archive explains how to check it with standard tools, without any key "
                "to the journal."),
            m_fonts.body);

        subheading(QStringLiteral("Devices and clocks"));
        if (m_facts.devices.isEmpty())
            paragraph(QStringLiteral("No device is listed."), m_fonts.body);
        else
            paragraph(QStringLiteral("%1 wrote these records.")
                          .arg(m_facts.devices.size() == 1 ? QStringLiteral("One device")
                                                           : QStringLiteral("%1 devices").arg(m_facts.devices.size())),
                      m_fonts.body);
        for (qsizetype i = 0; i < m_facts.devices.size(); ++i)
            device(int(i));

        subheading(QStringLiteral("What this export leaves out"));
        const auto item = [&](const QString& text) { paragraph(QStringLiteral("\u2022 ") + text, m_fonts.body, 8); };
        item(m_facts.deletedLeftOut > 0 ? QStringLiteral("%1 not included.")
                                              .arg(counted(m_facts.deletedLeftOut, "deleted entry", "deleted entries"))
                                        : QStringLiteral("No deleted entry was left out."));
        item(
            m_facts.filteredOut > 0
                ? QStringLiteral("%1 outside the chosen dates or filters (kinds, tags or picked entries) not included.")
                      .arg(counted(m_facts.filteredOut, "entry", "entries"))
                : QStringLiteral("No entry was left out by the chosen dates or filters."));
        item(m_facts.historyIncluded
                 ? QStringLiteral("History included: every revision of every exported entry.")
                 : QStringLiteral("History not included: only the latest revision of each entry (edited entries are "
                                  "marked). The signed records of every revision are still in chain.jsonl."));
        if (m_facts.redactedFiles > 0)
            item(QStringLiteral("%1 redacted for this copy; their originals' SHA-256 are in the appendix.")
                     .arg(counted(m_facts.redactedFiles, "file", "files")));
        else
            item(QStringLiteral("No file was redacted."));
        if (m_facts.redactedEntries > 0)
            item(QStringLiteral("Text blacked out for this copy in %1.")
                     .arg(counted(m_facts.redactedEntries, "entry", "entries")));
    }

    void device(int index)
    {
        const DeviceSummary& dev = m_facts.devices.at(index);
        const QString name = oneLine(dev.name).trimmed();
        subheading(QStringLiteral("Device %1%2%3")
                       .arg(index + 1)
                       .arg(name.isEmpty() ? QString() : QStringLiteral(": ") + name)
                       .arg(dev.revoked ? QStringLiteral(" (revoked)") : QString()),
                   8);
        constexpr qreal Column = 100, Indent = 8;
        code(QStringLiteral("Device id"), dev.id, Column, Indent);
        code(QStringLiteral("Public key"), dev.publicKeyHex, Column, Indent);
        field(QStringLiteral("Records"),
              QStringLiteral("%1 in chain.jsonl, the first %2, the last %3")
                  .arg(QLocale(QLocale::English).toString(dev.records), timeWithZone(dev.firstRecord, m_facts.timeZone),
                       timeWithZone(dev.lastRecord, m_facts.timeZone)),
              Column, m_fonts.body, Indent);
        if (dev.revoked)
            paragraph(QStringLiteral("Revoked: another device reported it lost or stolen; its records after that point "
                                     "are refused."),
                      m_fonts.body, Indent + Column, Alert);
        if (dev.clockJumps.isEmpty()) {
            field(QStringLiteral("Clock"), QStringLiteral("never read earlier than its previous record"), Column,
                  m_fonts.body, Indent);
            return;
        }
        field(
            QStringLiteral("Clock"),
            QStringLiteral("jumped back %1: its clock read earlier than its previous record. The log keeps its times "
                           "in order (such a record carries its previous record's time) and keeps what the clock read:")
                .arg(dev.clockJumps.size() == 1 ? QStringLiteral("once")
                                                : QStringLiteral("%1 times").arg(dev.clockJumps.size())),
            Column, m_fonts.body, Indent, Alert);
        for (const QDateTime& jump : dev.clockJumps)
            paragraph(QStringLiteral("\u2022 the clock read %1").arg(timeWithZone(jump, m_facts.timeZone)),
                      m_fonts.body, Indent + Column + 8, Alert, 1);
        m_y += d(2);
    }

    // --- Hash appendix -------------------------------------------------------------------------

    void appendix()
    {
        startSection(Section::Appendix);
        m_learned.appendixPage = m_page;
        heading(QStringLiteral("Hash appendix"));
        paragraph(
            QStringLiteral(
                "Every file in the archive with its size and SHA-256 hash, as SHA256SUMS lists them. SHA256SUMS is "
                "signed (SHA256SUMS.minisig, checked with papertrail.pub); its own SHA-256 is on the title page."),
            m_fonts.body, 0, Ink, 8);
        constexpr qreal Column = 150, Indent = 12;
        for (const ArchiveFileHash& f : m_facts.files) {
            need(d(36));
            paragraph(f.path, m_fonts.body, 0, Ink, 0);
            code(sizeText(f.size), f.sha256, Column, Indent, &m_fonts.small, Muted);
            m_y += d(2);
        }
        if (m_facts.files.isEmpty())
            paragraph(QStringLiteral("(No file is listed.)"), m_fonts.body);

        QList<std::pair<const Exhibit*, const ExhibitFile*>> redacted;
        for (const Exhibit& x : m_exhibits)
            for (const ExhibitFile& f : x.files)
                if (f.redacted)
                    redacted.append({&x, &f});
        if (!redacted.isEmpty()) {
            subheading(QStringLiteral("Originals of redacted files"));
            paragraph(QStringLiteral("These originals are not in the archive; they are unchanged in the journal, and "
                                     "their hashes let them be matched later."),
                      m_fonts.body, 0, Ink, 6);
            for (const auto& [x, f] : redacted) {
                need(d(36));
                paragraph(QStringLiteral("%1: %2").arg(x->number, f->path), m_fonts.body, 0, Ink, 0);
                code(QStringLiteral("original"), f->originalSha256, Column, Indent, &m_fonts.small, Muted);
            }
        }

        subheading(QStringLiteral("Certifying this copy"));
        paragraph(
            QStringLiteral(
                "These hash values let the copy be certified as an exact copy by its hash values, as US Federal "
                "Rule of Evidence 902(14) allows for data copied from an electronic device, storage medium or "
                "file: anyone can compute each file's SHA-256 again and compare. CERTIFICATION.txt in the archive "
                "is a draft of such a declaration for counsel to adapt; it is not legal advice."),
            m_fonts.body);
        paragraph(QStringLiteral(
                      "report.pdf (this document) and CERTIFICATION.txt quote the hash of SHA256SUMS, so SHA256SUMS "
                      "cannot list them; each is signed by its own signature file instead (report.pdf.minisig and "
                      "CERTIFICATION.txt.minisig), checked with the same key, papertrail.pub."),
                  m_fonts.body);
    }

    QPdfWriter& m_writer;
    const ReportFacts& m_facts;
    const QList<Exhibit>& m_exhibits;
    const PipExport& m_pip;
    const ImageSource& m_images;
    QPainter* m_painter;
    const Plan* m_plan;
    const qreal m_unit; // device units per point
    const Fonts m_fonts;
    QHash<QString, int> m_deviceNumber; // 1-based, in ReportFacts::devices' order
    Plan m_learned;
    Section m_section = Section::Title;
    int m_page = 0;     // 1-based; 0 before the first
    qreal m_y = 0;      // device units from the top of the page
    int m_exhibit = -1; // the exhibit being laid out, named in the footer of each page it reaches
};

} // namespace

Status writeReport(QIODevice& out, const ReportFacts& facts, const QList<Exhibit>& exhibits, const ImageSource& images)
{
    if (!out.isOpen() || !out.isWritable())
        return usage(QStringLiteral("The report has nowhere to go: its destination is not open for writing."));

    QPdfWriter writer(&out);
    writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
    writer.setResolution(Resolution);
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point));
    const QString owner = oneLine(facts.owner.left(200)).trimmed();
    writer.setTitle(owner.isEmpty() ? QStringLiteral("Paper Trail records")
                                    : QStringLiteral("Paper Trail records of ") + owner);
    writer.setCreator(QStringLiteral("Paper Trail"));

    // First pass: where everything goes, without drawing. The writer is only a paint device for
    // font metrics here; nothing is written until the painter begins.
    const PipExport pip = pipOfExport(exhibits);
    const Plan plan = Report(writer, facts, exhibits, pip, images, nullptr, nullptr).run();

    QPainter painter;
    if (!painter.begin(&writer))
        return failed(
            QStringLiteral("The report could not be started. Check that the disk has room, then export again."));
    const Plan drawn = Report(writer, facts, exhibits, pip, images, &painter, &plan).run();
    if (!painter.end())
        return failed(
            QStringLiteral("The report could not be finished. Check that the disk has room, then export again."));
    if (drawn.pages.size() != plan.pages.size())
        qWarning("report.pdf: %lld pages drawn, %lld measured", qlonglong(drawn.pages.size()),
                 qlonglong(plan.pages.size()));
    return Ok{};
}

} // namespace pt::core::archive
