#include "PartsManifest.h"

#include "RemoteLayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pt::core::sync {

namespace {

Error refused(const QString& object, const QString& why)
{
    return damaged(QStringLiteral("The sync remote's list of the parts of attachment %1 cannot be used (%2). "
                                  "Nothing was taken from it; the device that wrote the attachment can send it "
                                  "again.")
                       .arg(object.left(64), why));
}

} // namespace

QByteArray PartsManifest::toJson() const
{
    QJsonArray list;
    for (const ObjectPart& p : parts)
        list.append(QJsonObject{{QStringLiteral("sha256"), p.sha256}, {QStringLiteral("size"), p.size}});
    const QJsonObject o{{QStringLiteral("format"), FormatVersion},
                        {QStringLiteral("object"), object},
                        {QStringLiteral("parts"), list},
                        {QStringLiteral("size"), size}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<PartsManifest> PartsManifest::parse(const QByteArray& json, const QString& object, qint64 maxSize)
{
    if (json.size() > MaxFileBytes)
        return refused(object, QStringLiteral("too large"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return refused(object, QStringLiteral("not a part list, or cut short"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toInteger(-1) != FormatVersion)
        return refused(object, QStringLiteral("a format this version does not know; update Paper Trail"));
    PartsManifest manifest;
    manifest.object = o.value(QStringLiteral("object")).toString();
    manifest.size = o.value(QStringLiteral("size")).toInteger(-1);
    if (manifest.object != object)
        return refused(object, QStringLiteral("it is the list of another attachment"));
    if (manifest.size < 1 || manifest.size > maxSize)
        return refused(object, QStringLiteral("its size is not one the attachment can have"));
    const QJsonArray list = o.value(QStringLiteral("parts")).toArray();
    if (list.isEmpty() || list.size() > MaxParts)
        return refused(object, QStringLiteral("no parts, or too many"));
    qint64 total = 0;
    for (const QJsonValue& v : list) {
        const QJsonObject p = v.toObject();
        ObjectPart part{p.value(QStringLiteral("sha256")).toString(), p.value(QStringLiteral("size")).toInteger(-1)};
        if (!RemoteLayout::isHash(part.sha256) || part.size < 1 || part.size > manifest.size - total)
            return refused(object, QStringLiteral("a part without a proper name or size"));
        total += part.size;
        manifest.parts.append(part);
    }
    if (total != manifest.size)
        return refused(object, QStringLiteral("its parts do not add up to the attachment"));
    // Exactly the form this version writes: nothing added, nothing reordered.
    if (manifest.toJson() != json)
        return refused(object, QStringLiteral("not in the form Paper Trail writes"));
    return manifest;
}

} // namespace pt::core::sync
