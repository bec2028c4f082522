#include "KindNames.h"

#include <QCoreApplication>

namespace pt::gui {

QStringList KindNames::known()
{
    return {QStringLiteral("note"),       QStringLiteral("meeting"), QStringLiteral("grade"), QStringLiteral("shout-out"),
            QStringLiteral("screenshot"), QStringLiteral("email"),   QStringLiteral("rebuttal")};
}

QString KindNames::label(const QString& kind)
{
    if (kind == QLatin1String("note"))
        return tr("Note");
    if (kind == QLatin1String("meeting"))
        return tr("Meeting notes");
    if (kind == QLatin1String("grade"))
        return tr("Daily grade");
    if (kind == QLatin1String("shout-out"))
        return tr("Shout-out");
    if (kind == QLatin1String("screenshot"))
        return tr("Screenshot");
    if (kind == QLatin1String("email"))
        return tr("Email");
    if (kind == QLatin1String("rebuttal"))
        return tr("Rebuttal");
    return kind;
}

} // namespace pt::gui
