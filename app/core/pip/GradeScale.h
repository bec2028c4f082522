#pragma once
// The plan's grades, best first: "Met / Partly met / Not met", "5 ... 1", or the plan's own words
// ("Complete", "On track", "At risk", "Off track"). A grade on the scale has a score from 1 (best)
// to 0 (worst) for the grid's colour and the trend; a grade in the manager's own words off the
// scale is kept as written and has none.
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::core::pip {

struct GradeScale {
    QStringList grades; // best first; two or more

    [[nodiscard]] static GradeScale metPartlyNot();
    [[nodiscard]] static GradeScale oneToFive();
    // From a plan's field; the default (met / partly / not met) when it has fewer than two.
    [[nodiscard]] static GradeScale fromList(const QStringList& grades);

    // 1 for the best grade, 0 for the worst, evenly between; nullopt when `grade` is not on it.
    [[nodiscard]] std::optional<double> score(const QString& grade) const;
    // The scale's own spelling of what was typed ("met", "MET", " Met " -> "Met"; "2" on a scale
    // of numbers -> "2"); empty when it is not on the scale.
    [[nodiscard]] QString canonical(const QString& typed) const;
};

} // namespace pt::core::pip
