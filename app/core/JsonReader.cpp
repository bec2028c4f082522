#include "JsonReader.h"

#include <QJsonDocument>

#include <limits>

namespace pt::core::json {

namespace {

simdjson::ondemand::parser& threadParser()
{
    thread_local simdjson::ondemand::parser parser;
    return parser;
}

QString toQString(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

bool readMembers(simdjson::ondemand::object& members, const std::function<bool(std::string_view, Value&)>& field)
{
    for (auto member : members) {
        std::string_view key;
        Value value;
        if (member.unescaped_key().get(key) || member.value().get(value) || !field(key, value))
            return false;
    }
    return true;
}

} // namespace

bool forEachField(Value& object, const std::function<bool(std::string_view, Value&)>& field)
{
    simdjson::ondemand::object members;
    return !object.get_object().get(members) && readMembers(members, field);
}

bool forEachField(const QByteArray& json, const std::function<bool(std::string_view, Value&)>& field)
{
    const simdjson::padded_string padded(json.constData(), std::size_t(json.size()));
    simdjson::ondemand::document document;
    simdjson::ondemand::object members;
    if (threadParser().iterate(padded).get(document) || document.get_object().get(members) ||
        !readMembers(members, field))
        return false;
    const char* rest = nullptr; // past the object, only the end of the text may remain
    return document.current_location().get(rest) == simdjson::OUT_OF_BOUNDS;
}

bool forEachElement(Value& array, const std::function<bool(Value&)>& element)
{
    simdjson::ondemand::array elements;
    if (array.get_array().get(elements))
        return false;
    for (auto item : elements) {
        Value value;
        if (item.get(value) || !element(value))
            return false;
    }
    return true;
}

bool read(Value& value, QString& out)
{
    std::string_view s;
    if (value.get_string().get(s))
        return false;
    out = toQString(s);
    return true;
}

bool read(Value& value, qint64& out)
{
    int64_t n = 0;
    if (value.get_int64().get(n))
        return false;
    out = n;
    return true;
}

bool read(Value& value, int& out)
{
    int64_t n = 0;
    if (value.get_int64().get(n) || n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
        return false;
    out = int(n);
    return true;
}

bool read(Value& value, QStringList& out)
{
    QStringList list;
    if (!forEachElement(value, [&](Value& element) {
            QString s;
            return read(element, s) && (list.append(std::move(s)), true);
        }))
        return false;
    out = std::move(list);
    return true;
}

bool read(Value& value, QJsonObject& out)
{
    // Kind-specific fields are few and small: simdjson checks the text, Qt keeps the object.
    simdjson::ondemand::json_type type;
    std::string_view raw;
    if (value.type().get(type) || type != simdjson::ondemand::json_type::object ||
        simdjson::to_json_string(value).get(raw))
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(raw.data(), qsizetype(raw.size())));
    if (!doc.isObject())
        return false;
    out = doc.object();
    return true;
}

} // namespace pt::core::json
