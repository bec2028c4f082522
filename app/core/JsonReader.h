#pragma once
// Reading the journal's own JSON objects (entry revisions, log records) fast and strictly.
// Unlock parses tens of thousands of them, and Qt's QJsonDocument spent two thirds of the
// decoding time building a document only to be read once; simdjson's On-Demand API reads the
// fields in place. Strict: a field of the wrong type fails the whole object (the writer never
// produces one), and unknown fields are skipped, so newer writers stay readable.
//
// Not thread-safe per object; each thread gets its own parser (decoding runs on all cores).
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <simdjson.h>

#include <functional>
#include <optional>
#include <string_view>

namespace pt::core::json {

using Value = simdjson::ondemand::value;

// Calls `field(key, value)` for each member of the top-level object in `json`; `field` returns
// false to reject. False when the text is not one JSON object, a field is rejected, or anything
// follows the object.
bool forEachField(const QByteArray& json, const std::function<bool(std::string_view key, Value& value)>& field);
// The same over a nested object value.
bool forEachField(Value& object, const std::function<bool(std::string_view key, Value& value)>& field);
// Calls `element(value)` for each element of an array value; false when it is no array or an
// element is rejected.
bool forEachElement(Value& array, const std::function<bool(Value& element)>& element);

// Each returns false (leaving `out` alone) when the value has another type.
bool read(Value& value, QString& out);
bool read(Value& value, qint64& out);
bool read(Value& value, int& out);
bool read(Value& value, QStringList& out); // an array of strings
bool read(Value& value, QJsonObject& out); // any object, kept whole

} // namespace pt::core::json
