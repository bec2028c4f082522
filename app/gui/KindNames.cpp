#include "KindNames.h"

#include <array>
#include <utility>

namespace pt::gui {

namespace {

// In the order the editor offers them.
constexpr std::array<std::pair<const char*, const char*>, 7> Kinds{{
    {"note", QT_TR_NOOP("Note")},
    {"meeting", QT_TR_NOOP("Meeting notes")},
    {"grade", QT_TR_NOOP("Daily grade")},
    {"shout-out", QT_TR_NOOP("Shout-out")},
    {"screenshot", QT_TR_NOOP("Screenshot")},
    {"email", QT_TR_NOOP("Email")},
    {"rebuttal", QT_TR_NOOP("Rebuttal")},
}};

} // namespace

QStringList KindNames::known()
{
    QStringList kinds;
    for (const auto& [kind, label] : Kinds)
        kinds << QString::fromLatin1(kind);
    return kinds;
}

QString KindNames::label(const QString& kind)
{
    for (const auto& [id, name] : Kinds)
        if (kind == QLatin1String(id))
            return tr(name);
    return kind;
}

} // namespace pt::gui
