#include "LogRecord.h"

#include "JsonReader.h"
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
    case LogRecord::Op::Revoke:
        return QStringLiteral("revoke");
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
    };
    if (op == Op::Revoke) {
        root.insert(QStringLiteral("revoked_device"), revokedDevice);
        root.insert(QStringLiteral("revoked_after"), revokedAfter);
    } else {
        root.insert(QStringLiteral("entry"), entryId);
    }
    if (clockWas.isValid())
        root.insert(QStringLiteral("clock_was"), isoWithOffset(clockWas.toUTC()));
    if (firstSigned)
        root.insert(QStringLiteral("first_signed"), QJsonObject{{QStringLiteral("device"), firstSigned->device},
                                                                {QStringLiteral("seq"), firstSigned->seq},
                                                                {QStringLiteral("record"), firstSigned->record}});
    // A tombstone names the revision it deleted, so a revision another device wrote without
    // having seen the deletion is told from one written after it (FORMAT.md section 5).
    if (op == Op::Put || (op == Op::Tombstone && !object.isEmpty())) {
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
    LogRecord r;
    int version = 0;
    QString time, clockWas, op;
    bool hasClockWas = false;
    const bool read = json::forEachField(payload, [&](std::string_view key, json::Value& value) {
        if (key == "v")
            return json::read(value, version);
        if (key == "device")
            return json::read(value, r.device);
        if (key == "seq")
            return json::read(value, r.seq);
        if (key == "previous")
            return json::read(value, r.previous);
        if (key == "time")
            return json::read(value, time);
        if (key == "clock_was")
            return hasClockWas = json::read(value, clockWas);
        if (key == "entry")
            return json::read(value, r.entryId);
        if (key == "op")
            return json::read(value, op);
        if (key == "revision")
            return json::read(value, r.revision);
        if (key == "object")
            return json::read(value, r.object);
        if (key == "revoked_device")
            return json::read(value, r.revokedDevice);
        if (key == "revoked_after")
            return json::read(value, r.revokedAfter);
        if (key == "first_signed") {
            LogRecord::Origin origin;
            const bool fields = json::forEachField(value, [&](std::string_view k, json::Value& v) {
                if (k == "device")
                    return json::read(v, origin.device);
                if (k == "seq")
                    return json::read(v, origin.seq);
                if (k == "record")
                    return json::read(v, origin.record);
                return true;
            });
            r.firstSigned = origin;
            return fields && !origin.device.isEmpty() && origin.seq >= 1 && origin.record.size() == 64;
        }
        if (key == "purged") {
            r.purged.clear();
            return json::forEachElement(value, [&](json::Value& item) {
                PurgedObject purged;
                const bool fields = json::forEachField(item, [&](std::string_view k, json::Value& v) {
                    if (k == "object")
                        return json::read(v, purged.object);
                    if (k == "sha256")
                        return json::read(v, purged.sha256);
                    return true;
                });
                if (fields)
                    r.purged.append(purged);
                return fields;
            });
        }
        return true; // a field from a newer writer
    });
    if (!read || version != FormatVersion)
        return std::nullopt;
    r.time = parseIso(time);
    if (hasClockWas)
        r.clockWas = parseIso(clockWas);
    if (op == QLatin1String("put")) {
        r.op = Op::Put;
        if (r.revision < 1 || r.object.size() != 64)
            return std::nullopt;
    } else if (op == QLatin1String("tombstone")) {
        r.op = Op::Tombstone;
        if (!r.object.isEmpty() && (r.revision < 1 || r.object.size() != 64))
            return std::nullopt;
    } else if (op == QLatin1String("purge")) {
        r.op = Op::Purge;
    } else if (op == QLatin1String("revoke")) {
        r.op = Op::Revoke;
        if (r.revokedDevice.isEmpty() || r.revokedDevice == r.device || r.revokedAfter < 0 || !r.entryId.isEmpty())
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (r.device.isEmpty() || r.seq < 1 || !r.time.isValid() || (r.entryId.isEmpty() != (r.op == Op::Revoke)) ||
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
