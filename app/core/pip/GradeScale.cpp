#include "GradeScale.h"

namespace pt::core::pip {

namespace {
constexpr qsizetype MaxGrades = 20;
}

GradeScale GradeScale::metPartlyNot() { return {{QStringLiteral("Met"), QStringLiteral("Partly met"), QStringLiteral("Not met")}}; }

GradeScale GradeScale::oneToFive()
{
    return {{QStringLiteral("5"), QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")}};
}

GradeScale GradeScale::fromList(const QStringList& grades)
{
    GradeScale scale;
    for (const QString& g : grades) {
        const QString t = g.trimmed();
        if (!t.isEmpty() && scale.canonical(t).isEmpty() && scale.grades.size() < MaxGrades)
            scale.grades << t;
    }
    return scale.grades.size() >= 2 ? scale : metPartlyNot();
}

QString GradeScale::canonical(const QString& typed) const
{
    const QString t = typed.trimmed();
    for (const QString& g : grades)
        if (g.compare(t, Qt::CaseInsensitive) == 0)
            return g;
    return {};
}

std::optional<double> GradeScale::score(const QString& grade) const
{
    const QString g = canonical(grade);
    if (g.isEmpty() || grades.size() < 2)
        return std::nullopt;
    return 1.0 - double(grades.indexOf(g)) / double(grades.size() - 1);
}

} // namespace pt::core::pip
