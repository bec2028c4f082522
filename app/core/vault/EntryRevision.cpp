#include "EntryRevision.h"

#include "JsonReader.h"
#include "TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace pt::core {

namespace {

QJsonObject attachmentJson(const AttachmentRef& a)
{
    return {
        {QStringLiteral("object"), a.object}, {QStringLiteral("name"), a.name},
        {QStringLiteral("mime"), a.mime},     {QStringLiteral("size"), a.size},
        {QStringLiteral("sha256"), a.sha256},
    };
}

bool isHex64(const QString& s)
{
    if (s.size() != 64)
        return false;
    for (const QChar c : s)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

} // namespace

QByteArray EntryRevision::toCanonicalJson() const
{
    QJsonArray tagArray;
    for (const QString& tag : tags)
        tagArray.append(tag);
    QJsonArray attachmentArray;
    for (const AttachmentRef& a : attachments)
        attachmentArray.append(attachmentJson(a));
    // QJsonObject keeps keys sorted, and Compact adds no whitespace: the same revision always
    // gives the same bytes.
    QJsonObject root{
        {QStringLiteral("v"), FormatVersion},
        {QStringLiteral("entry"), entryId},
        {QStringLiteral("revision"), revision},
        {QStringLiteral("previous"), previous},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("title"), title},
        {QStringLiteral("body"), body},
        {QStringLiteral("occurred_at"), isoWithOffset(occurredAt)},
        {QStringLiteral("recorded_at"), isoWithOffset(recordedAt)},
        {QStringLiteral("time_zone"), timeZone},
        {QStringLiteral("tags"), tagArray},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("attachments"), attachmentArray},
    };
    if (!merges.isEmpty()) // absent otherwise, so revisions written before it keep their bytes
        root.insert(QStringLiteral("merges"), QJsonArray::fromStringList(merges));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<EntryRevision> EntryRevision::fromJson(const QByteArray& json)
{
    EntryRevision r;
    r.revision = 0;
    int version = 0;
    QString occurredAt, recordedAt;
    const bool read = json::forEachField(json, [&](std::string_view key, json::Value& value) {
        if (key == "v")
            return json::read(value, version);
        if (key == "entry")
            return json::read(value, r.entryId);
        if (key == "revision")
            return json::read(value, r.revision);
        if (key == "previous")
            return json::read(value, r.previous);
        if (key == "merges")
            return json::read(value, r.merges);
        if (key == "kind")
            return json::read(value, r.kind);
        if (key == "title")
            return json::read(value, r.title);
        if (key == "body")
            return json::read(value, r.body);
        if (key == "occurred_at")
            return json::read(value, occurredAt);
        if (key == "recorded_at")
            return json::read(value, recordedAt);
        if (key == "time_zone")
            return json::read(value, r.timeZone);
        if (key == "fields")
            return json::read(value, r.fields);
        if (key == "tags")
            return json::read(value, r.tags);
        if (key == "attachments") {
            r.attachments.clear();
            return json::forEachElement(value, [&](json::Value& item) {
                AttachmentRef ref;
                ref.size = -1;
                const bool fields = json::forEachField(item, [&](std::string_view k, json::Value& v) {
                    if (k == "object")
                        return json::read(v, ref.object);
                    if (k == "name")
                        return json::read(v, ref.name);
                    if (k == "mime")
                        return json::read(v, ref.mime);
                    if (k == "size")
                        return json::read(v, ref.size);
                    if (k == "sha256")
                        return json::read(v, ref.sha256);
                    return true;
                });
                if (!fields || !isHex64(ref.object) || !isHex64(ref.sha256) || ref.size < 0)
                    return false;
                r.attachments.append(ref);
                return true;
            });
        }
        return true; // a field from a newer writer
    });
    if (!read || version != FormatVersion)
        return std::nullopt;
    r.occurredAt = parseIso(occurredAt);
    r.recordedAt = parseIso(recordedAt);
    if (QUuid::fromString(r.entryId).isNull() || r.revision < 1 || r.kind.isEmpty() ||
        !r.recordedAt.isValid() || !r.occurredAt.isValid() ||
        (r.revision == 1) != r.previous.isEmpty() || (!r.previous.isEmpty() && !isHex64(r.previous)) ||
        (r.revision == 1 && !r.merges.isEmpty()) ||
        std::any_of(r.merges.cbegin(), r.merges.cend(), [&](const QString& m) { return !isHex64(m) || m == r.previous; }))
        return std::nullopt;
    return r;
}

namespace {
constexpr qsizetype HeadlineChars = 80;

// The body's first non-empty line, trimmed, and where that line ends in the body.
struct FirstLine {
    QString text;
    qsizetype end = -1; // -1: the body has no such line
};

FirstLine firstLine(const QString& body)
{
    for (qsizetype start = 0; start < body.size();) {
        qsizetype end = body.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = body.size();
        if (QString text = body.sliced(start, end - start).trimmed(); !text.isEmpty())
            return {std::move(text), end};
        start = end + 1;
    }
    return {};
}

// Where a first line too long for the headline is cut: at the last space that leaves at least
// half the headline, so no word is split between the headline and the preview.
qsizetype headlineCut(const QString& line)
{
    const qsizetype space = line.lastIndexOf(QLatin1Char(' '), HeadlineChars - 1);
    return space >= HeadlineChars / 2 ? space : HeadlineChars - 1;
}
} // namespace

QString headline(const EntryRevision& revision)
{
    if (!revision.title.trimmed().isEmpty())
        return revision.title;
    const FirstLine line = firstLine(revision.body);
    return line.text.size() > HeadlineChars ? line.text.left(headlineCut(line.text)).trimmed() + QChar(0x2026) : line.text;
}

QString bodyAfterHeadline(const EntryRevision& revision)
{
    if (!revision.title.trimmed().isEmpty())
        return revision.body;
    const FirstLine line = firstLine(revision.body);
    if (line.end < 0)
        return {};
    const QString rest = revision.body.mid(line.end + 1);
    // A first line too long for the headline goes on in the preview, from the same word.
    return line.text.size() > HeadlineChars ? QChar(0x2026) + line.text.mid(headlineCut(line.text)).trimmed() + QLatin1Char(' ') + rest
                                            : rest;
}

QStringList changedFields(const EntryRevision& before, const EntryRevision& after)
{
    QStringList changed;
    if (before.kind != after.kind)
        changed << QStringLiteral("kind");
    if (before.title != after.title)
        changed << QStringLiteral("title");
    if (before.body != after.body)
        changed << QStringLiteral("body");
    if (before.occurredAt != after.occurredAt)
        changed << QStringLiteral("occurred_at");
    if (before.tags != after.tags)
        changed << QStringLiteral("tags");
    if (before.fields != after.fields)
        changed << QStringLiteral("fields");
    if (before.attachments != after.attachments)
        changed << QStringLiteral("attachments");
    return changed;
}

} // namespace pt::core
