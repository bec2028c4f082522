#pragma once
// Each exhibit as people and programs read it without Paper Trail: entries/PT-0001.txt (every
// revision, plain UTF-8 text) and its object in entries.json.
#include "Exhibit.h"

#include <QByteArray>
#include <QJsonObject>

namespace pt::core::archive {

[[nodiscard]] QByteArray exhibitText(const Exhibit& exhibit);
[[nodiscard]] QJsonObject exhibitJson(const Exhibit& exhibit);
// "2026-11-20 15:30 (+01:00, Europe/Berlin)": a time as the report and the text files show it.
[[nodiscard]] QString timeWithZone(const QDateTime& time, const QString& zone);

} // namespace pt::core::archive
