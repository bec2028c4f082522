#pragma once
// The PIP workspace (issue 13) in the lawyer archive: report.pdf's "Performance improvement plan"
// section and pip-grades.csv's rows, read from the exported entries alone. A plan the filters left
// out has no section; a grade whose check-in is not exported is not shown; every part names the
// exhibits it comes from, so a reader goes from the table to the exhibit.
//
// Entry text is untrusted here as in the rest of the report: it is only ever laid out as plain
// text, long text is cut (the timeline has it whole), and every count is capped, since a hostile
// vault can hold 50 goals and years of days.
#include "Exhibit.h"
#include "pip/PipWorkspace.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>

class QPainter;
class QPaintDevice;

namespace pt::core::archive {

struct PipExport {
    // Every exported plan that is not deleted, newest start first, at most MaxPlans.
    QList<pip::PipWorkspace> plans;
    int plansLeftOut = 0;
    QHash<QString, QString> exhibitOf;    // entry id -> "PT-0007", for every exhibit
    QHash<QString, EntryRevision> latest; // entry id -> its latest revision, for the rebuttal draft

    static constexpr int MaxPlans = 10;

    [[nodiscard]] bool isEmpty() const { return plans.isEmpty(); }
    // "PT-0007", or empty when the entry is not in the export.
    [[nodiscard]] QString exhibit(const QString& entryId) const { return exhibitOf.value(entryId); }
};

// Cheap when no exhibit is a plan: nothing is copied then.
[[nodiscard]] PipExport pipOfExport(const QList<Exhibit>& exhibits);

// What the section draws with: report.pdf's pages, fonts and plain-text layout (ReportPdf.cpp),
// in device units unless a name says points. The layout runs twice, as the report's does: first
// only measured (painter() is null), then drawn.
class ReportCanvas {
public:
    enum class Style { Body, Bold, Small, SmallBold };
    enum class Tone { Ink, Muted, Alert };

    virtual ~ReportCanvas() = default;

    [[nodiscard]] virtual qreal d(qreal points) const = 0;
    [[nodiscard]] virtual qreal left(qreal indentPoints = 0) const = 0;
    [[nodiscard]] virtual qreal contentWidthPoints() const = 0;
    [[nodiscard]] virtual qreal y() const = 0;
    virtual void moveDown(qreal height) = 0;
    // Starts a new page unless `height` fits on this one; true when it started one.
    virtual bool need(qreal height) = 0;
    [[nodiscard]] virtual QPainter* painter() = 0;
    [[nodiscard]] virtual QPaintDevice& device() = 0;
    [[nodiscard]] virtual QFont sansFont(qreal points, bool bold = false) const = 0;
    [[nodiscard]] virtual QFont monoFont(qreal points) const = 0;

    virtual void heading(const QString& text) = 0;
    virtual void subheading(const QString& text) = 0;
    // Untrusted text, wrapped, each line break a new line.
    virtual void paragraph(const QString& text, Style style, qreal indentPoints = 0,
                           Tone tone = Tone::Ink, qreal afterPoints = 3) = 0;
    // A label in a column of `labelPoints` and the untrusted value beside it, wrapped.
    virtual void field(const QString& label, const QString& value, qreal labelPoints,
                       qreal indentPoints = 0) = 0;
    // One line of untrusted text in `box`, cut with an ellipsis when it does not fit, centred
    // vertically, and across too when asked. Draws nothing while measuring.
    virtual void textLine(const QString& text, const QFont& font, const QRectF& box, QRgb color,
                          bool centred = false) = 0;
};

// The section's pages, heading included; the caller starts its first page.
void drawPipSection(ReportCanvas& canvas, const PipExport& pip);

} // namespace pt::core::archive
