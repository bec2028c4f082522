#include "FieldNames.h"

#include "vault/RevisionDiff.h"

#include <array>
#include <utility>

namespace pt::gui {

namespace {

constexpr std::array<std::pair<const char*, const char*>, 10> Fields{{
    {"kind", QT_TR_NOOP("Kind")},
    {"title", QT_TR_NOOP("Title")},
    {"occurred_at", QT_TR_NOOP("Happened")},
    {"body", QT_TR_NOOP("Body")},
    {"tags", QT_TR_NOOP("Tags")},
    {"attachments", QT_TR_NOOP("Attachments")},
    {"fields.attendees", QT_TR_NOOP("Present")},
    {"fields.agreements", QT_TR_NOOP("Agreed")},
    {"fields.disagreements", QT_TR_NOOP("Not agreed")},
    {"fields.action_items", QT_TR_NOOP("Next steps")},
}};

} // namespace

QString FieldNames::label(const QString& field)
{
    for (const auto& [key, name] : Fields)
        if (field == QLatin1String(key))
            return tr(name);
    return core::fieldKeyAsText(field);
}

} // namespace pt::gui
