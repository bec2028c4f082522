#include "LogRecord.h"

#include "TimeFormat.h"
#include "crypto/Sha256.h"
#include "crypto/Signing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pt::core {

QString opName(LogRecord::Op op)
{
    switch (op) {
    case LogRecord::Op::Put:
        return QStringLiteral("put");
    case LogRecord::Op::Tombstone:
        return QStringLiteral("tombstone");
    case LogRecord::Op::Purge:
        return QStringLiteral("purge");
    }
    return {};
}

QByteArray LogRecord::payload() const
{
    QJsonObject root{
        {QStringLiteral("v"), FormatVersion},
        {QStringLiteral("device"), device},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("previous"), previous},
        {QStringLiteral("time"), isoWithOffset(time.toUTC())},
        {QStringLiteral("op"), opName(op)},
        {QStringLiteral("entry"), entryId},
    };
    if (clockWas.isValid())
        root.insert(QStringLiteral("clock_was"), isoWithOffset(clockWas.toUTC()));
    if (op == Op::Put) {
        root.insert(QStringLiteral("revision"), revision);
        root.insert(QStringLiteral("object"), object);
    }
    if (op == Op::Purge) {
        QJsonArray list;
        for (const PurgedObject& p : purged)
            list.append(QJsonObject{{QStringLiteral("object"), p.object},
                                    {QStringLiteral("sha256"), p.sha256}});
        root.insert(QStringLiteral("purged"), list);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<LogRecord> LogRecord::fromPayload(const QByteArray& payload)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("v")).toInt() != FormatVersion)
        return std::nullopt;
    LogRecord r;
    r.device = root.value(QStringLiteral("device")).toString();
    r.seq = root.value(QStringLiteral("seq")).toInteger(0);
    r.previous = root.value(QStringLiteral("previous")).toString();
    r.time = parseIso(root.value(QStringLiteral("time")).toString());
    if (root.contains(QStringLiteral("clock_was")))
        r.clockWas = parseIso(root.value(QStringLiteral("clock_was")).toString());
    r.entryId = root.value(QStringLiteral("entry")).toString();
    const QString op = root.value(QStringLiteral("op")).toString();
    if (op == QLatin1String("put")) {
        r.op = Op::Put;
        r.revision = root.value(QStringLiteral("revision")).toInt(0);
        r.object = root.value(QStringLiteral("object")).toString();
        if (r.revision < 1 || r.object.size() != 64)
            return std::nullopt;
    } else if (op == QLatin1String("tombstone")) {
        r.op = Op::Tombstone;
    } else if (op == QLatin1String("purge")) {
        r.op = Op::Purge;
        for (const QJsonValue& v : root.value(QStringLiteral("purged")).toArray()) {
            const QJsonObject p = v.toObject();
            r.purged.append({p.value(QStringLiteral("object")).toString(),
                             p.value(QStringLiteral("sha256")).toString()});
        }
    } else {
        return std::nullopt;
    }
    if (r.device.isEmpty() || r.seq < 1 || !r.time.isValid() || r.entryId.isEmpty() ||
        (r.seq == 1) != r.previous.isEmpty())
        return std::nullopt;
    return r;
}

std::optional<SignedRecord> SignedRecord::unframe(const QByteArray& framed)
{
    const auto sigSize = static_cast<qsizetype>(crypto::signing::SignatureSize);
    if (framed.size() <= sigSize)
        return std::nullopt;
    return SignedRecord{framed.mid(sigSize), framed.left(sigSize)};
}

QString SignedRecord::hash() const
{
    const auto digest = crypto::Sha256::hash(
        {reinterpret_cast<const std::uint8_t*>(payload.constData()), static_cast<std::size_t>(payload.size())});
    return QString::fromStdString(crypto::toHex(digest));
}

} // namespace pt::core
