#pragma once
// A kind's text fields, read and written one way everywhere: read trimmed (a field of another
// type reads as empty), written trimmed, and removed when blank, so an absent field and an empty
// one read the same.
#include <QJsonObject>
#include <QString>

namespace pt::core::pip {

[[nodiscard]] inline QString fieldText(const QJsonObject& fields, const char* key)
{
    return fields.value(QLatin1String(key)).toString().trimmed();
}

inline void putText(QJsonObject& fields, const char* key, const QString& value)
{
    if (value.trimmed().isEmpty())
        fields.remove(QLatin1String(key));
    else
        fields.insert(QLatin1String(key), value.trimmed());
}

} // namespace pt::core::pip
