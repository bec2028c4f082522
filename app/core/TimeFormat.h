#pragma once
// One way to write and read times: ISO 8601 with milliseconds and an explicit offset.
#include <QDateTime>
#include <QString>

namespace pt::core {

// "2026-11-23T10:49:40.123+01:00"; UTC is written as "+00:00", never "Z".
QString isoWithOffset(const QDateTime& time);
// Accepts anything ISO 8601 with or without milliseconds; a time without an offset is local.
QDateTime parseIso(const QString& text);

} // namespace pt::core
