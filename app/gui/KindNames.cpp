#include "KindNames.h"

#include <array>
#include <utility>

namespace pt::gui {

namespace {

constexpr std::array<std::pair<const char*, const char*>, 15> Kinds{{
    {"note", QT_TR_NOOP("Note")},
    {"meeting", QT_TR_NOOP("Meeting notes")},
    {"grade", QT_TR_NOOP("Daily grade")},
    {"shout-out", QT_TR_NOOP("Shout-out")},
    {"screenshot", QT_TR_NOOP("Screenshot")},
    {"photo", QT_TR_NOOP("Photo")},
    {"email", QT_TR_NOOP("Email")},
    {"rebuttal", QT_TR_NOOP("Rebuttal")},
    {"incident", QT_TR_NOOP("Incident")},
    {"pip", QT_TR_NOOP("PIP")},
    {"pip-goal", QT_TR_NOOP("PIP goal")},
    {"pip-extension", QT_TR_NOOP("PIP extension")},
    {"check-in", QT_TR_NOOP("Check-in")},
    {"pip-outcome", QT_TR_NOOP("PIP outcome")},
    {"pip-told", QT_TR_NOOP("Told of the outcome")},
}};

} // namespace

QString KindNames::label(const QString& kind)
{
    for (const auto& [id, name] : Kinds)
        if (kind == QLatin1String(id))
            return tr(name);
    return kind;
}

} // namespace pt::gui
