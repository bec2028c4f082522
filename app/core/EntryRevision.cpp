#include "EntryRevision.h"

#include "TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

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
    const QJsonObject root{
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
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<EntryRevision> EntryRevision::fromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("v")).toInt() != FormatVersion)
        return std::nullopt;
    // One pass over the keys: unlock parses ten thousand of these.
    EntryRevision r;
    r.revision = 0;
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == u"entry")
            r.entryId = value.toString();
        else if (key == u"revision")
            r.revision = value.toInt(0);
        else if (key == u"previous")
            r.previous = value.toString();
        else if (key == u"kind")
            r.kind = value.toString();
        else if (key == u"title")
            r.title = value.toString();
        else if (key == u"body")
            r.body = value.toString();
        else if (key == u"occurred_at")
            r.occurredAt = parseIso(value.toString());
        else if (key == u"recorded_at")
            r.recordedAt = parseIso(value.toString());
        else if (key == u"time_zone")
            r.timeZone = value.toString();
        else if (key == u"fields")
            r.fields = value.toObject();
        else if (key == u"tags")
            for (const QJsonValue& tag : value.toArray())
                r.tags.append(tag.toString());
        else if (key == u"attachments")
            for (const QJsonValue& v : value.toArray()) {
                const QJsonObject a = v.toObject();
                AttachmentRef ref{a.value(QStringLiteral("object")).toString(),
                                  a.value(QStringLiteral("name")).toString(),
                                  a.value(QStringLiteral("mime")).toString(),
                                  a.value(QStringLiteral("size")).toInteger(-1),
                                  a.value(QStringLiteral("sha256")).toString()};
                if (!isHex64(ref.object) || !isHex64(ref.sha256) || ref.size < 0)
                    return std::nullopt;
                r.attachments.append(ref);
            }
    }
    if (QUuid::fromString(r.entryId).isNull() || r.revision < 1 || r.kind.isEmpty() ||
        !r.recordedAt.isValid() || !r.occurredAt.isValid() ||
        (r.revision == 1) != r.previous.isEmpty() || (!r.previous.isEmpty() && !isHex64(r.previous)))
        return std::nullopt;
    return r;
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
