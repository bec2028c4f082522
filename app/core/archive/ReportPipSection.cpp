#include "ReportPipSection.h"

#include "ExhibitSelection.h"
#include "pip/GradeGrid.h"
#include "pip/PipKinds.h"
#include "pip/RebuttalDraft.h"
#include "pip/WorkingDays.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QMap>
#include <QPainter>
#include <QSet>

#include <algorithm>
#include <optional>

namespace pt::core::archive {

using namespace pt::core::pip;

PipExport pipOfExport(const QList<Exhibit>& exhibits)
{
    PipExport pip;
    const bool anyPlan = std::any_of(exhibits.cbegin(), exhibits.cend(), [](const Exhibit& x) {
        return !x.entry.deleted && x.entry.latest.kind == QLatin1String(kind::Plan);
    });
    if (!anyPlan)
        return pip;
    // Newest first, as Journal::entries() gives them: PipWorkspace::read reads them backwards.
    QList<Entry> entries;
    entries.reserve(exhibits.size());
    for (auto it = exhibits.crbegin(); it != exhibits.crend(); ++it) {
        entries.append(it->entry);
        pip.exhibitOf.insert(it->entry.latest.entryId, it->number);
        pip.latest.insert(it->entry.latest.entryId, it->entry.latest);
    }
    const PipWorkspace all = PipWorkspace::read(entries);
    for (const Plan& plan : all.plans()) {
        if (pip.plans.size() >= PipExport::MaxPlans)
            ++pip.plansLeftOut;
        else
            pip.plans.append(PipWorkspace::read(entries, plan.id));
    }
    return pip;
}

namespace {

using Style = ReportCanvas::Style;
using Tone = ReportCanvas::Tone;

// Caps: a hostile vault can hold 50 goals, thousands of check-ins and megabytes in a field. The
// timeline has every entry whole; this section is the overview.
constexpr qsizetype MaxFieldChars = 600;
constexpr qsizetype MaxShortChars = 300;
constexpr qsizetype MaxDraftChars = 30000;
constexpr int MaxListed = 60; // extensions, days not held, answers, people told, records named
constexpr int MaxAreas = 30;
constexpr int MaxGridDays = 260;   // a year of working days
constexpr int MaxLegendWords = 12; // grades in the manager's own words with a mark of their own
constexpr int MaxExhibitRuns = 24; // in one list of exhibit numbers

// The grid, in points: a label column and 20 day columns (four working weeks) per band, the same
// width in every band so a column reads down the page; 19 points is room for "PM" or "0042".
constexpr int ColumnsPerBand = 20;
constexpr qreal LabelColumn = 120;
constexpr qreal RowHeight = 13;
constexpr qreal MonthRow = 9, DayRow = 9, WeekdayRow = 8, ExhibitRow = 9;
constexpr qreal HeaderHeight = MonthRow + DayRow + WeekdayRow + ExhibitRow;
constexpr qreal FieldLabel = 130;

constexpr QRgb Ink = 0xff1a1a1a;
constexpr QRgb Muted = 0xff595959;
constexpr QRgb WeekRule = 0xff8a8f96;
constexpr QRgb CellRule = 0xffb0b4ba;
constexpr QRgb Hatch = 0xff5a5a5a;
constexpr QRgb NoGradeFill = 0xffe4e5e7;

// Green met, amber partly, red not met: light fills, dark text of the same hue, so the letters
// read in black and white too.
struct Shade {
    QRgb fill;
    QRgb text;
};
constexpr Shade MetShade{0xffc3e6c5, 0xff1b5e20};
constexpr Shade PartlyShade{0xffffdf9e, 0xff6d4200};
constexpr Shade NotMetShade{0xfff4c0c0, 0xff8e1b1b};
constexpr Shade OffScaleShade{0xffffffff, Ink};

constexpr QChar Ellipsis(0x2026);

Shade shadeOf(const std::optional<double>& score)
{
    if (!score)
        return OffScaleShade;
    if (*score >= 0.6)
        return MetShade;
    if (*score <= 0.3)
        return NotMetShade;
    return PartlyShade;
}

QString cut(const QString& text, qsizetype max)
{
    const QString t = text.trimmed();
    if (t.size() <= max)
        return t;
    return t.left(max) + Ellipsis + QStringLiteral(" [cut here; the exhibit has it whole]");
}

QString quoted(const QString& text, qsizetype max = MaxShortChars)
{
    return QStringLiteral("\u201c%1\u201d").arg(cut(text, max));
}

QString orNone(const QString& text, qsizetype max = MaxShortChars)
{
    return text.trimmed().isEmpty() ? QStringLiteral("(not recorded)") : cut(text, max);
}

QString dayText(const QDate& day)
{
    return day.isValid() ? QLocale::c().toString(day, QStringLiteral("ddd yyyy-MM-dd"))
                         : QStringLiteral("(not set)");
}

QDate mondayOf(const QDate& day)
{
    return day.addDays(1 - day.dayOfWeek());
}

QString counted(qsizetype n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

// "Met", "PM", "NM", "5", "OT": a grade short enough for a cell, each grade its own. Grades are
// given forms with add(), the scale's first and then the legend's; any other one is "*".
constexpr auto OtherWords = "*";

class ShortForms {
public:
    [[nodiscard]] QString of(const QString& grade) const
    {
        return m_forms.value(grade, QLatin1String(OtherWords));
    }

    QString add(const QString& grade)
    {
        if (const auto it = m_forms.constFind(grade); it != m_forms.cend())
            return *it;
        QString initials;
        QString compact;
        for (const QString& word : grade.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            for (const QChar c : word)
                if (c.isLetterOrNumber()) {
                    initials += c.toUpper();
                    break;
                }
        }
        for (const QChar c : grade)
            if (c.isLetterOrNumber())
                compact += c;
        bool number = false;
        grade.trimmed().toInt(&number);
        QStringList candidates;
        if (number)
            candidates << grade.trimmed().left(4);
        candidates << initials.left(3) << compact.left(3);
        QString form;
        for (const QString& c : std::as_const(candidates))
            if (!c.isEmpty() && !m_used.contains(c)) {
                form = c;
                break;
            }
        const QString base =
            candidates.constLast().isEmpty() ? QStringLiteral("?") : candidates.constLast();
        for (int n = 2; form.isEmpty(); ++n)
            if (const QString c = base.left(1) + QString::number(n); !m_used.contains(c))
                form = c;
        m_used.insert(form);
        m_forms.insert(grade, form);
        return form;
    }

private:
    QHash<QString, QString> m_forms;
    QSet<QString> m_used;
};

class Section {
public:
    Section(ReportCanvas& canvas, const PipExport& pip) : m_c(canvas), m_pip(pip) {}

    void run()
    {
        m_c.heading(QStringLiteral("Performance improvement plan"));
        m_c.paragraph(
            QStringLiteral("The plan as the exported entries of Paper Trail's PIP workspace record "
                           "it: the plan and its goals, the extensions, the daily check-ins with "
                           "the manager's grades, the answers to \u201cIf the PIP ended today, "
                           "would I have a job tomorrow?\u201d, how it ended and who was told, "
                           "and the draft of the written response. Each part names the exhibits "
                           "it comes from, where the entry is in full. Only exported entries "
                           "appear here: an entry the export leaves out is not counted or drawn. "
                           "pip-grades.csv in the archive has every grade as a spreadsheet row."),
            Style::Small, 0, Tone::Muted, 6);
        const qsizetype count = m_pip.plans.size();
        if (count > 1 || m_pip.plansLeftOut > 0)
            m_c.paragraph(QStringLiteral("This export holds %1, newest first%2.")
                              .arg(counted(count + m_pip.plansLeftOut, "plan", "plans"))
                              .arg(m_pip.plansLeftOut > 0
                                       ? QStringLiteral("; the first %1 are shown here, the others "
                                                        "are in the timeline")
                                             .arg(count)
                                       : QString()),
                          Style::Body);
        for (qsizetype i = 0; i < count; ++i)
            plan(m_pip.plans.at(i), int(i), int(count));
    }

private:
    [[nodiscard]] qreal d(qreal points) const { return m_c.d(points); }

    // " (PT-0007)", or nothing when the entry is not exported.
    [[nodiscard]] QString ref(const QString& id) const
    {
        const QString number = m_pip.exhibit(id);
        return number.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(number);
    }

    // "PT-0005 to PT-0009, PT-0012": the exported ones of `ids`, runs of numbers as ranges.
    [[nodiscard]] QString exhibits(const QStringList& ids) const
    {
        QList<int> numbers;
        for (const QString& id : ids)
            if (const QString n = m_pip.exhibit(id); n.size() > 3)
                numbers << n.mid(3).toInt();
        std::sort(numbers.begin(), numbers.end());
        numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
        QStringList parts;
        qsizetype i = 0;
        for (; i < numbers.size() && parts.size() < MaxExhibitRuns;) {
            qsizetype j = i;
            while (j + 1 < numbers.size() && numbers.at(j + 1) == numbers.at(j) + 1)
                ++j;
            if (j - i >= 2)
                parts << QStringLiteral("%1 to %2")
                             .arg(exhibitNumber(numbers.at(i)), exhibitNumber(numbers.at(j)));
            else
                for (qsizetype k = i; k <= j; ++k)
                    parts << exhibitNumber(numbers.at(k));
            i = j + 1;
        }
        if (i < numbers.size())
            parts << QStringLiteral("and %1 more").arg(numbers.size() - i);
        return parts.join(QStringLiteral(", "));
    }

    void bullet(const QString& text, qreal indent = 8)
    {
        m_c.paragraph(QStringLiteral("\u2022 ") + text, Style::Body, indent, Tone::Ink, 2);
    }

    void more(qsizetype shown, qsizetype all, const char* what)
    {
        if (all > shown)
            m_c.paragraph(QStringLiteral("\u2026 and %1 more %2, in the timeline.")
                              .arg(all - shown)
                              .arg(QLatin1String(what)),
                          Style::Small, 8, Tone::Muted);
    }

    // --- The plan ------------------------------------------------------------------------------

    void plan(const PipWorkspace& w, int index, int count)
    {
        const Plan& p = w.plan();
        const QString title = p.title.trimmed().isEmpty() ? QStringLiteral("(no title)")
                                                          : cut(p.title, MaxShortChars);
        m_c.subheading(
            count > 1 ? QStringLiteral("Plan %1 of %2: %3").arg(index + 1).arg(count).arg(title)
                      : QStringLiteral("The plan"));
        m_c.field(QStringLiteral("Plan"), title + ref(p.id), FieldLabel);
        m_c.field(QStringLiteral("Start"), dayText(p.start), FieldLabel);
        m_c.field(QStringLiteral("End as set"), dayText(p.end), FieldLabel);
        const int added = p.extendedBy();
        QString extended = dayText(p.effectiveEnd());
        if (p.extensions.isEmpty())
            extended += QStringLiteral(", no extension recorded");
        else
            extended += QStringLiteral(", %1 added by %2")
                            .arg(counted(added, "working day", "working days"),
                                 counted(p.extensions.size(), "extension", "extensions"));
        m_c.field(QStringLiteral("End as extended"), extended, FieldLabel);
        if (p.start.isValid() && p.effectiveEnd().isValid())
            m_c.field(QStringLiteral("Working days"),
                      QStringLiteral("%1, Monday to Friday, from the start to the end as extended")
                          .arg(workingDaysBetween(p.start, p.effectiveEnd())),
                      FieldLabel);
        m_c.field(QStringLiteral("Manager"), orNone(p.manager), FieldLabel);
        m_c.field(QStringLiteral("HR"), orNone(p.hr), FieldLabel);
        m_c.field(QStringLiteral("Union contact"), orNone(p.unionContact), FieldLabel);
        QStringList areas;
        for (qsizetype i = 0; i < p.areas.size() && i < MaxAreas; ++i)
            areas << QStringLiteral("\u2022 ") + cut(p.areas.at(i), MaxShortChars);
        if (p.areas.size() > MaxAreas)
            areas << QStringLiteral("\u2026 and %1 more").arg(p.areas.size() - MaxAreas);
        m_c.field(QStringLiteral("Problem areas"),
                  areas.isEmpty() ? QStringLiteral("(not recorded)") : areas.join(u'\n'),
                  FieldLabel);
        QStringList scale;
        for (const QString& g : p.scale.grades)
            scale << cut(g, 60);
        m_c.field(QStringLiteral("Grades, best first"), scale.join(QStringLiteral(", ")),
                  FieldLabel);
        const qsizetype notHeldCount =
            std::count_if(w.checkIns().cbegin(), w.checkIns().cend(),
                          [](const CheckIn& c) { return !c.didNotHappen.isEmpty(); });
        m_c.field(QStringLiteral("Check-ins exported"),
                  w.checkIns().isEmpty() ? QStringLiteral("none")
                                         : QStringLiteral("%1: %2 held, %3 did not happen")
                                               .arg(w.checkIns().size())
                                               .arg(w.checkIns().size() - notHeldCount)
                                               .arg(notHeldCount),
                  FieldLabel);

        const GradeGrid grid = GradeGrid::of(w);
        goals(w, grid);
        extensions(w);
        gradeGrid(w, grid);
        jobTomorrow(w);
        notHeld(w);
        outcome(w);
        rebuttal(w);
    }

    void goals(const PipWorkspace& w, const GradeGrid& grid)
    {
        m_c.subheading(QStringLiteral("Goals"));
        if (grid.goals.isEmpty()) {
            m_c.paragraph(QStringLiteral("No goal of this plan is in this export."), Style::Body);
            return;
        }
        constexpr qreal Indent = 12, Label = FieldLabel - Indent;
        for (qsizetype g = 0; g < grid.goals.size(); ++g) {
            const Goal& goal = grid.goals.at(g);
            m_c.need(d(60));
            m_c.paragraph(QStringLiteral("Goal %1%2").arg(goal.number).arg(ref(goal.id)),
                          Style::Bold, 0, Tone::Ink, 1);
            m_c.paragraph(goal.text.trimmed().isEmpty() ? QStringLiteral("(no words recorded)")
                                                        : cut(goal.text, MaxFieldChars),
                          Style::Body, Indent, Tone::Ink, 2);
            m_c.field(QStringLiteral("Measured by"), orNone(goal.measuredBy, MaxFieldChars), Label,
                      Indent);
            m_c.field(QStringLiteral("Decided by"), orNone(goal.decidedBy, MaxFieldChars), Label,
                      Indent);
            m_c.field(QStringLiteral("SMART restatement"), orNone(goal.smart, MaxFieldChars), Label,
                      Indent);
            if (!goal.area.trimmed().isEmpty())
                m_c.field(QStringLiteral("Problem area"), cut(goal.area, MaxShortChars), Label,
                          Indent);
            m_c.field(QStringLiteral("Grades given"), gradeSummary(w.plan(), grid, g), Label,
                      Indent);
            m_c.moveDown(d(4));
        }
    }

    // "29 check-ins graded it: Met 20, Partly met 9"
    static QString gradeSummary(const Plan& plan, const GradeGrid& grid, qsizetype goal)
    {
        QHash<QString, int> counts;
        QStringList order;
        for (const GridCell& cell : grid.rows.at(goal)) {
            if (cell.grade.isEmpty())
                continue;
            if (!counts.contains(cell.grade))
                order << cell.grade;
            ++counts[cell.grade];
        }
        if (order.isEmpty())
            return QStringLiteral("none in this export");
        // The scale's grades best first, then the others as they came.
        std::stable_sort(order.begin(), order.end(), [&](const QString& a, const QString& b) {
            const auto rank = [&](const QString& g) {
                const qsizetype i = plan.scale.grades.indexOf(g);
                return i < 0 ? plan.scale.grades.size() : i;
            };
            return rank(a) < rank(b);
        });
        QStringList parts;
        for (qsizetype i = 0; i < order.size() && i < 8; ++i)
            parts
                << QStringLiteral("%1 %2").arg(cut(order.at(i), 60)).arg(counts.value(order.at(i)));
        if (order.size() > 8)
            parts << QStringLiteral("and %1 other grades").arg(order.size() - 8);
        return QStringLiteral("%1: %2").arg(
            counted(grid.gradedCount(goal), "check-in graded it", "check-ins graded it"),
            parts.join(QStringLiteral(", ")));
    }

    void extensions(const PipWorkspace& w)
    {
        const Plan& p = w.plan();
        m_c.subheading(QStringLiteral("Extensions"));
        if (p.extensions.isEmpty()) {
            m_c.paragraph(QStringLiteral("No extension is in this export."), Style::Body);
            return;
        }
        for (qsizetype i = 0; i < p.extensions.size() && i < MaxListed; ++i) {
            const Extension& e = p.extensions.at(i);
            QString text =
                QStringLiteral("Agreed on %1: %2, %3%4")
                    .arg(dayText(e.agreedOn), counted(e.days, "working day", "working days"),
                         cut(extensionReasonText(e.reason), 60), ref(e.id));
            if (!e.note.trimmed().isEmpty())
                text += QStringLiteral(". ") + quoted(e.note);
            bullet(text);
        }
        more(std::min<qsizetype>(p.extensions.size(), MaxListed), p.extensions.size(),
             "extensions");
        m_c.paragraph(QStringLiteral("The end moved from %1 to %2.")
                          .arg(dayText(p.end), dayText(p.effectiveEnd())),
                      Style::Body, 0, Tone::Ink, 3);
    }

    // --- The grade grid --------------------------------------------------------------------------

    struct Grid {
        const GradeGrid* grades = nullptr;
        QList<qsizetype> days; // into grades->days, the ones drawn
        QMap<QDate, const CheckIn*> checkIns;
        ShortForms forms;
        qreal cell = 0; // a day column's width, device units
    };

    void gradeGrid(const PipWorkspace& w, const GradeGrid& grades)
    {
        m_c.subheading(QStringLiteral("Grades by day"));
        if (w.checkIns().isEmpty()) {
            m_c.paragraph(
                QStringLiteral(
                    "No check-in of this plan is in this export, so there is no grade to show."),
                Style::Body);
            return;
        }
        Grid g;
        g.grades = &grades;
        for (const CheckIn& c : w.checkIns())
            g.checkIns.insert(c.date, &c);
        for (qsizetype i = 0; i < grades.days.size(); ++i)
            g.days << i;
        QString capped;
        if (g.days.size() > MaxGridDays) {
            // Days with a check-in first: a plan of years draws what was recorded.
            QList<qsizetype> recorded;
            for (qsizetype i : std::as_const(g.days))
                if (g.checkIns.contains(grades.days.at(i)))
                    recorded << i;
            const Plan& plan = w.plan();
            const qsizetype all = std::max<qsizetype>(
                grades.days.size(), workingDaysBetween(plan.start, plan.effectiveEnd()));
            g.days = recorded;
            if (g.days.size() > MaxGridDays)
                g.days.resize(MaxGridDays);
            capped = QStringLiteral("The plan has %1 working days, more than a grid can show: this "
                                    "one shows %2, the first with a check-in. pip-grades.csv has "
                                    "every grade.")
                         .arg(all)
                         .arg(g.days.size());
        }
        g.cell = (d(m_c.contentWidthPoints()) - d(LabelColumn)) / ColumnsPerBand;
        for (const QString& grade : w.plan().scale.grades)
            (void)g.forms.add(grade);

        m_c.paragraph(QStringLiteral("A row for each goal and a column for each working day of the "
                                     "plan (and any other day with a check-in), four weeks to a "
                                     "band. A cell is the grade that day's check-in gave the goal. "
                                     "Under each day is the exhibit number of its check-in (PT- "
                                     "left out). The last row is the answer to \u201cIf the PIP "
                                     "ended today, would I have a job tomorrow?\u201d."),
                      Style::Small, 0, Tone::Muted, 4);
        if (!capped.isEmpty())
            m_c.paragraph(capped, Style::Small, 0, Tone::Alert, 4);
        legend(w, g);

        // Bands of whole weeks (a week has at most 7 days), up to 20 days each.
        QList<QList<qsizetype>> bands;
        for (qsizetype at = 0; at < g.days.size();) {
            const QDate monday = mondayOf(grades.days.at(g.days.at(at)));
            qsizetype end = at + 1;
            while (end < g.days.size() && mondayOf(grades.days.at(g.days.at(end))) == monday)
                ++end;
            if (bands.isEmpty() || bands.last().size() + (end - at) > ColumnsPerBand)
                bands.append(QList<qsizetype>());
            bands.last() << g.days.mid(at, end - at);
            at = end;
        }
        for (const QList<qsizetype>& band : std::as_const(bands))
            drawBand(g, band);
    }

    struct LegendItem {
        QString mark;
        Shade shade;
        bool hatched = false;
        bool rule = false;
        QString label;
    };

    void legend(const PipWorkspace& w, Grid& g)
    {
        QList<LegendItem> grades;
        for (const QString& grade : w.plan().scale.grades)
            grades.append({g.forms.add(grade), shadeOf(w.plan().scale.score(grade)), false, false,
                           cut(grade, 40)});
        // The manager's own words, off the scale, as they appear in the grid.
        QStringList words;
        int wordsLeftOut = 0;
        for (const qsizetype day : std::as_const(g.days))
            for (const QList<GridCell>& row : g.grades->rows) {
                const GridCell& cell = row.at(day);
                if (cell.grade.isEmpty() || cell.score || words.contains(cell.grade))
                    continue;
                if (words.size() < MaxLegendWords)
                    words << cell.grade;
                else
                    ++wordsLeftOut;
            }
        for (const QString& word : std::as_const(words))
            grades.append({g.forms.add(word), OffScaleShade, false, true, quoted(word, 40)});
        if (wordsLeftOut > 0)
            grades.append({QLatin1String(OtherWords), OffScaleShade, false, true,
                           QStringLiteral("other words")});
        grades.append({{}, {NoGradeFill, Ink}, false, false, QStringLiteral("no grade")});
        grades.append(NotHeldItem);
        legendLine(QStringLiteral("Grades:"), grades);
        if (!words.isEmpty())
            m_c.paragraph(
                QStringLiteral(
                    "White cells are grades in the manager's own words, not on the plan's scale%1.")
                    .arg(wordsLeftOut > 0
                             ? QStringLiteral("; * marks %1 more of them, each in pip-grades.csv")
                                   .arg(wordsLeftOut)
                             : QString()),
                Style::Small, 0, Tone::Muted, 2);
        legendLine(QStringLiteral("Job tomorrow:"),
                   {{QStringLiteral("Y"), MetShade, false, false, QStringLiteral("yes")},
                    {QStringLiteral("N"), NotMetShade, false, false, QStringLiteral("no")},
                    {QStringLiteral("?"), PartlyShade, false, false,
                     QStringLiteral("unsure (the manager would not say)")},
                    {{}, {NoGradeFill, Ink}, false, false, QStringLiteral("not asked")},
                    {{}, NotHeldItem.shade, true, true, QStringLiteral("did not happen")}});
        m_c.moveDown(d(6));
    }

    inline static const LegendItem NotHeldItem{
        {}, {0xffffffff, Ink}, true, true, QStringLiteral("check-in did not happen")};

    void legendLine(const QString& title, const QList<LegendItem>& items)
    {
        const QFont font = m_c.sansFont(7.5);
        const QFont bold = m_c.sansFont(7.5, true);
        const QFont markFont = m_c.sansFont(6.5, true);
        const QFontMetricsF metrics(font, &m_c.device());
        const qreal line = d(13), swatch = d(18), width = d(m_c.contentWidthPoints());
        const qreal titleWidth = d(70);
        m_c.need(line);
        qreal x = titleWidth;
        m_c.textLine(title, bold, QRectF(m_c.left(), m_c.y(), titleWidth, d(10)), Ink);
        for (const LegendItem& item : items) {
            const qreal labelWidth = std::min(metrics.horizontalAdvance(item.label), d(200));
            const qreal advance = swatch + d(3) + labelWidth + d(10);
            if (x + advance > width && x > titleWidth) {
                m_c.moveDown(line);
                m_c.need(line);
                x = titleWidth;
            }
            const QRectF box(m_c.left() + x, m_c.y(), swatch, d(10));
            cell(box, item.shade, item.mark, markFont, item.hatched, item.rule);
            m_c.textLine(item.label, font,
                         QRectF(box.right() + d(3), m_c.y(), labelWidth + d(1), d(10)), Ink);
            x += advance;
        }
        m_c.moveDown(line);
    }

    // One cell: its fill (a little inside its box, so cells stand apart), hatching, a border, text.
    void cell(const QRectF& box, const Shade& shade, const QString& text, const QFont& font,
              bool hatched, bool rule)
    {
        QPainter* p = m_c.painter();
        if (!p)
            return;
        const qreal inset = d(0.6);
        const QRectF inner = box.adjusted(inset, inset, -inset, -inset);
        p->fillRect(inner, QColor(shade.fill));
        if (hatched) {
            p->save();
            p->setClipRect(inner);
            p->setPen(QPen(QColor(Hatch), d(0.6)));
            const qreal step = d(3), from = inner.left() - inner.height();
            const int lines = int((inner.right() - from) / step) + 1;
            for (int i = 0; i < lines; ++i) {
                const qreal x = from + step * i;
                p->drawLine(QPointF(x, inner.bottom()), QPointF(x + inner.height(), inner.top()));
            }
            p->restore();
        }
        if (rule) {
            p->setPen(QPen(QColor(CellRule), d(0.5)));
            p->setBrush(Qt::NoBrush);
            p->drawRect(inner);
        }
        if (!text.isEmpty())
            m_c.textLine(text, font, inner, shade.text, true);
    }

    [[nodiscard]] qreal columnX(const Grid& g, qsizetype column) const
    {
        return m_c.left(LabelColumn) + g.cell * qreal(column);
    }

    // A rule at the left of each column that starts a new week, across `height` from the current
    // line.
    void weekRules(const Grid& g, const QList<qsizetype>& band, qreal top, qreal height)
    {
        QPainter* p = m_c.painter();
        if (!p)
            return;
        p->setPen(QPen(QColor(WeekRule), d(0.8)));
        for (qsizetype c = 1; c < band.size(); ++c) {
            if (mondayOf(g.grades->days.at(band.at(c))) !=
                mondayOf(g.grades->days.at(band.at(c - 1)))) {
                const qreal x = columnX(g, c);
                p->drawLine(QPointF(x, top), QPointF(x, top + height));
            }
        }
    }

    void header(const Grid& g, const QList<qsizetype>& band)
    {
        const QFont month = m_c.sansFont(7, true);
        const QFont dayFont = m_c.sansFont(7.5, true);
        const QFont weekday = m_c.sansFont(6.5);
        const QFont exhibit = m_c.monoFont(6);
        const QFont label = m_c.sansFont(6.5);
        const qreal top = m_c.y();
        const qreal dayTop = top + d(MonthRow), weekdayTop = dayTop + d(DayRow),
                    exhibitTop = weekdayTop + d(WeekdayRow);
        m_c.textLine(QStringLiteral("Day"), label,
                     QRectF(m_c.left(), dayTop, d(LabelColumn - 4), d(DayRow)), Muted);
        m_c.textLine(QStringLiteral("Check-in exhibit, PT-"), label,
                     QRectF(m_c.left(), exhibitTop, d(LabelColumn - 4), d(ExhibitRow)), Muted);
        for (qsizetype c = 0; c < band.size(); ++c) {
            const QDate day = g.grades->days.at(band.at(c));
            const qreal x = columnX(g, c);
            if (c == 0 || day.month() != g.grades->days.at(band.at(c - 1)).month()) {
                qsizetype next = c + 1;
                while (next < band.size() &&
                       g.grades->days.at(band.at(next)).month() == day.month())
                    ++next;
                m_c.textLine(QLocale::c().toString(day, QStringLiteral("MMM yyyy")), month,
                             QRectF(x + d(1), top, g.cell * qreal(next - c) - d(2), d(MonthRow)),
                             Ink);
            }
            m_c.textLine(QString::number(day.day()), dayFont, QRectF(x, dayTop, g.cell, d(DayRow)),
                         Ink, true);
            m_c.textLine(QLocale::c().dayName(day.dayOfWeek(), QLocale::ShortFormat).left(2),
                         weekday, QRectF(x, weekdayTop, g.cell, d(WeekdayRow)), Muted, true);
            const CheckIn* checkIn = g.checkIns.value(day);
            const QString number = checkIn ? m_pip.exhibit(checkIn->id) : QString();
            if (!number.isEmpty())
                m_c.textLine(number.mid(3), exhibit, QRectF(x, exhibitTop, g.cell, d(ExhibitRow)),
                             Muted, true);
        }
        weekRules(g, band, dayTop, d(HeaderHeight - MonthRow));
        m_c.moveDown(d(HeaderHeight));
    }

    void drawBand(const Grid& g, const QList<qsizetype>& band)
    {
        const qreal row = d(RowHeight);
        const qsizetype goals = g.grades->goals.size();
        // The header with the first rows (or all of them, when they fit), and the answers' row.
        m_c.need(d(HeaderHeight) + row * qreal(std::min<qsizetype>(goals, 4) + 1) + d(3));
        header(g, band);
        const QFont labelFont = m_c.sansFont(7.5);
        const QFont markFont = m_c.sansFont(6.5, true);
        for (qsizetype r = 0; r < goals; ++r) {
            if (m_c.need(row))
                header(g, band);
            const Goal& goal = g.grades->goals.at(r);
            const qreal top = m_c.y();
            m_c.textLine(
                QStringLiteral("%1  %2").arg(goal.number).arg(goal.text.left(MaxShortChars)),
                labelFont, QRectF(m_c.left(), top, d(LabelColumn - 4), row), Ink);
            for (qsizetype c = 0; c < band.size(); ++c) {
                const GridCell& cell = g.grades->rows.at(r).at(band.at(c));
                const QRectF box(columnX(g, c), top, g.cell, row);
                if (cell.grade.isEmpty() && cell.notHeld)
                    this->cell(box, NotHeldItem.shade, {}, markFont, true, true);
                else if (cell.grade.isEmpty())
                    this->cell(box, {NoGradeFill, Ink}, {}, markFont, false, false);
                else
                    this->cell(box, shadeOf(cell.score), g.forms.of(cell.grade), markFont,
                               cell.notHeld, !cell.score.has_value());
            }
            weekRules(g, band, top, row);
            m_c.moveDown(row);
        }
        m_c.moveDown(d(3));
        if (m_c.need(row))
            header(g, band);
        const qreal top = m_c.y();
        m_c.textLine(QStringLiteral("Job tomorrow?"), m_c.sansFont(7.5, true),
                     QRectF(m_c.left(), top, d(LabelColumn - 4), row), Ink);
        for (qsizetype c = 0; c < band.size(); ++c) {
            const CheckIn* checkIn = g.checkIns.value(g.grades->days.at(band.at(c)));
            const QRectF box(columnX(g, c), top, g.cell, row);
            if (!checkIn)
                cell(box, {NoGradeFill, Ink}, {}, markFont, false, false);
            else if (!checkIn->didNotHappen.isEmpty())
                cell(box, NotHeldItem.shade, {}, markFont, true, true);
            else if (checkIn->jobTomorrow == QLatin1String(JobYes))
                cell(box, MetShade, QStringLiteral("Y"), markFont, false, false);
            else if (checkIn->jobTomorrow == QLatin1String(JobNo))
                cell(box, NotMetShade, QStringLiteral("N"), markFont, false, false);
            else if (checkIn->jobTomorrow == QLatin1String(JobUnsure))
                cell(box, PartlyShade, QStringLiteral("?"), markFont, false, false);
            else
                cell(box, {NoGradeFill, Ink}, {}, markFont, false, false);
        }
        weekRules(g, band, top, row);
        m_c.moveDown(row + d(12));
    }

    // --- Answers, days not held, outcome ---------------------------------------------------------

    void jobTomorrow(const PipWorkspace& w)
    {
        m_c.subheading(
            QStringLiteral("\u201cIf the PIP ended today, would I have a job tomorrow?\u201d"));
        // Held check-ins in runs of the same answer in the same words.
        struct Run {
            QDate from, to;
            QString answer, words;
            QStringList ids;
        };
        QList<Run> runs;
        for (const CheckIn& c : w.checkIns()) {
            if (!c.didNotHappen.isEmpty())
                continue;
            if (!runs.isEmpty() && runs.last().answer == c.jobTomorrow &&
                runs.last().words == c.jobTomorrowWords) {
                runs.last().to = c.date;
                runs.last().ids << c.id;
            } else {
                runs.append({c.date, c.date, c.jobTomorrow, c.jobTomorrowWords, {c.id}});
            }
        }
        if (runs.isEmpty()) {
            m_c.paragraph(QStringLiteral("No check-in that took place is in this export."),
                          Style::Body);
            return;
        }
        for (qsizetype i = 0; i < runs.size() && i < MaxListed; ++i) {
            const Run& r = runs.at(i);
            const QString when = r.from == r.to
                                     ? dayText(r.from)
                                     : QStringLiteral("%1 to %2, %3")
                                           .arg(dayText(r.from), dayText(r.to),
                                                counted(r.ids.size(), "check-in", "check-ins"));
            QString answer = r.answer.isEmpty()                     ? QStringLiteral("not asked")
                             : r.answer == QLatin1String(JobUnsure) ? QStringLiteral("unsure")
                                                                    : r.answer;
            if (!r.words.trimmed().isEmpty())
                answer += QStringLiteral(", the manager said ") + quoted(r.words);
            bullet(QStringLiteral("%1: %2 (%3)").arg(when, answer, exhibits(r.ids)));
        }
        more(std::min<qsizetype>(runs.size(), MaxListed), runs.size(), "answers");
    }

    void notHeld(const PipWorkspace& w)
    {
        QList<const CheckIn*> days;
        for (const CheckIn& c : w.checkIns())
            if (!c.didNotHappen.isEmpty())
                days << &c;
        m_c.subheading(QStringLiteral("Check-ins that did not happen"));
        if (days.isEmpty()) {
            m_c.paragraph(QStringLiteral("None in this export."), Style::Body);
            return;
        }
        for (qsizetype i = 0; i < days.size() && i < MaxListed; ++i) {
            const CheckIn& c = *days.at(i);
            QString text =
                QStringLiteral("%1: %2 (%3)%4")
                    .arg(dayText(c.date), c.didNotHappen, notHeldText(c.didNotHappen), ref(c.id));
            if (!c.note.trimmed().isEmpty())
                text += QStringLiteral(". ") + quoted(c.note);
            bullet(text);
        }
        more(std::min<qsizetype>(days.size(), MaxListed), days.size(), "days");
    }

    void outcome(const PipWorkspace& w)
    {
        m_c.subheading(QStringLiteral("Outcome"));
        if (const std::optional<Outcome>& o = w.outcome()) {
            m_c.field(QStringLiteral("Result"),
                      QStringLiteral("%1, on %2%3")
                          .arg(o->result.isEmpty() ? QStringLiteral("(not recorded)")
                                                   : cut(o->result, 60),
                               dayText(o->occurredAt.date()), ref(o->id)),
                      FieldLabel);
            if (!o->words.trimmed().isEmpty())
                m_c.field(QStringLiteral("What was said"), cut(o->words, MaxFieldChars),
                          FieldLabel);
        } else {
            m_c.paragraph(QStringLiteral("No outcome is in this export."), Style::Body);
        }
        const QList<Told>& told = w.told();
        if (told.isEmpty()) {
            m_c.paragraph(QStringLiteral("Nobody told of the outcome is in this export."),
                          Style::Body);
            return;
        }
        m_c.paragraph(QStringLiteral("Who was told:"), Style::Bold, 0, Tone::Ink, 1);
        for (qsizetype i = 0; i < told.size() && i < MaxListed; ++i) {
            const Told& t = told.at(i);
            QString text = orNone(t.person, 120);
            if (!t.how.trimmed().isEmpty())
                text += QStringLiteral(", by ") + cut(t.how, 120);
            text += QStringLiteral(", on ") + dayText(t.occurredAt.date());
            if (!t.what.trimmed().isEmpty())
                text += QStringLiteral(": ") + quoted(t.what);
            bullet(text + ref(t.id));
        }
        more(std::min<qsizetype>(told.size(), MaxListed), told.size(), "people told");
    }

    // --- The written response
    // ----------------------------------------------------------------------

    void rebuttal(const PipWorkspace& w)
    {
        m_c.subheading(QStringLiteral("Rebuttal draft"));
        if (w.rebuttal().isEmpty()) {
            m_c.paragraph(
                QStringLiteral("No rebuttal point is in this export, so there is no draft."),
                Style::Body);
            return;
        }
        QStringList points, evidence;
        for (const RebuttalPoint& p : w.rebuttal()) {
            points << p.id;
            for (const QString& id : p.evidence)
                if (!evidence.contains(id) && m_pip.latest.contains(id))
                    evidence << id;
        }
        m_c.paragraph(
            QStringLiteral(
                "The written response as Paper Trail drafts it from the rebuttal points (%1), "
                "word for word; [brackets] mark what the person has not written yet.")
                .arg(exhibits(points)),
            Style::Small, 0, Tone::Muted, 4);
        const RebuttalText draft = composeRebuttal(w, m_pip.latest);
        m_c.field(QStringLiteral("Subject"), cut(draft.subject, MaxShortChars), 60);
        m_c.moveDown(d(4));
        m_c.paragraph(cut(draft.body, MaxDraftChars), Style::Body, 10, Tone::Ink, 4);
        if (evidence.isEmpty())
            return;
        m_c.moveDown(d(4));
        m_c.paragraph(QStringLiteral("Records the draft names:"), Style::Bold, 0, Tone::Ink, 1);
        for (qsizetype i = 0; i < evidence.size() && i < MaxListed; ++i)
            bullet(QStringLiteral("%1: %2").arg(
                m_pip.exhibit(evidence.at(i)),
                cut(recordName(m_pip.latest.value(evidence.at(i))), MaxShortChars)));
        more(std::min<qsizetype>(evidence.size(), MaxListed), evidence.size(), "records");
    }

    ReportCanvas& m_c;
    const PipExport& m_pip;
};

} // namespace

void drawPipSection(ReportCanvas& canvas, const PipExport& pip)
{
    Section(canvas, pip).run();
}

} // namespace pt::core::archive
