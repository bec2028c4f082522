#include "SignedHead.h"

#include "RemoteLayout.h"
#include "SyncPack.h"
#include "TimeFormat.h"
#include "crypto/Signing.h"
#include "vault/VaultKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

namespace pt::core::sync {

namespace {

constexpr qsizetype LengthSize = 4;
constexpr qsizetype SignatureSize = 64;

Error forged(const QString& device, const QString& why)
{
    return damaged(QStringLiteral("The sync remote's head for device %1 is not one that device signed (%2). "
                                  "Nothing was taken from it; if it keeps happening, someone may be changing "
                                  "files on the remote.")
                       .arg(device, why));
}

QJsonObject rangeJson(const PackRange& p)
{
    return {{QStringLiteral("first"), p.first}, {QStringLiteral("id"), p.id}, {QStringLiteral("last"), p.last}};
}

PackRange rangeOf(const QJsonObject& p)
{
    return {p.value(QStringLiteral("id")).toString(), p.value(QStringLiteral("first")).toInteger(-1),
            p.value(QStringLiteral("last")).toInteger(-1)};
}

// The payload's length as the file's first bytes say, or -1 when the file is too short to say.
qint64 declaredPayloadSize(const QByteArray& file)
{
    if (file.size() < LengthSize)
        return -1;
    return qFromBigEndian<quint32>(file.constData());
}

} // namespace

QByteArray SignedHead::payload() const
{
    QJsonArray list;
    for (const PackRange& p : packs)
        list.append(rangeJson(p));
    QJsonObject o{
        {QStringLiteral("device"), device},  {QStringLiteral("format"), FormatVersion},
        {QStringLiteral("hash"), hash},      {QStringLiteral("packs"), list},
        {QStringLiteral("seq"), seq},        {QStringLiteral("vault"), vault},
        {QStringLiteral("written_at"), isoWithOffset(writtenAt.toUTC())},
    };
    if (tail) {
        QJsonObject t = rangeJson(*tail);
        t.insert(QStringLiteral("size"), qint64(tailBytes.size()));
        o.insert(QStringLiteral("tail"), t);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray SignedHead::sign(const crypto::SecureBytes& secretKey) const
{
    const QByteArray body = payload();
    QByteArray length(LengthSize, '\0');
    qToBigEndian<quint32>(quint32(body.size()), length.data());
    return length + toQByteArray(crypto::signing::sign(secretKey, bytesOf(body))) + body + tailBytes;
}

bool SignedHead::isCut(const QByteArray& file)
{
    const qint64 payloadSize = declaredPayloadSize(file);
    if (payloadSize < 0)
        return true;
    const qint64 withPayload = LengthSize + SignatureSize + payloadSize;
    if (file.size() < withPayload)
        return withPayload <= MaxFileBytes;
    // The payload is all there: does it name a tail longer than what follows?
    const QJsonDocument doc = QJsonDocument::fromJson(file.mid(LengthSize + SignatureSize, payloadSize));
    const qint64 tailSize = doc.object().value(QStringLiteral("tail")).toObject().value(QStringLiteral("size")).toInteger(0);
    return tailSize > 0 && tailSize <= TailMaxBytes && file.size() < withPayload + tailSize;
}

Result<SignedHead> SignedHead::open(const QByteArray& file, const QByteArray& publicKey, const QString& vault,
                                    const QString& device)
{
    const qint64 payloadSize = declaredPayloadSize(file);
    if (payloadSize <= 0 || file.size() > MaxFileBytes || file.size() < LengthSize + SignatureSize + payloadSize)
        return forged(device, QStringLiteral("wrong size"));
    const QByteArray signature = file.mid(LengthSize, SignatureSize);
    const QByteArray body = file.mid(LengthSize + SignatureSize, payloadSize);
    if (!crypto::signing::verify(bytesOf(publicKey), bytesOf(body), bytesOf(signature)))
        return forged(device, QStringLiteral("the signature does not match"));

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return forged(device, QStringLiteral("not a head"));
    const QJsonObject o = doc.object();
    SignedHead head;
    head.vault = o.value(QStringLiteral("vault")).toString();
    head.device = o.value(QStringLiteral("device")).toString();
    head.seq = o.value(QStringLiteral("seq")).toInteger(-1);
    head.hash = o.value(QStringLiteral("hash")).toString();
    head.writtenAt = parseIso(o.value(QStringLiteral("written_at")).toString());
    if (o.value(QStringLiteral("format")).toInt() != FormatVersion)
        return forged(device, QStringLiteral("a format this version does not know; update Paper Trail"));
    if (head.vault != vault || head.device != device)
        return forged(device, QStringLiteral("it belongs to another vault or device"));
    if (head.seq < 1 || !RemoteLayout::isHash(head.hash))
        return forged(device, QStringLiteral("no newest record"));
    qint64 next = 1;
    for (const QJsonValue& v : o.value(QStringLiteral("packs")).toArray()) {
        const PackRange range = rangeOf(v.toObject());
        if (!RemoteLayout::isHash(range.id) || range.first != next || range.last < range.first)
            return forged(device, QStringLiteral("its packs do not cover its log in order"));
        next = range.last + 1;
        head.packs.append(range);
    }
    if (o.contains(QStringLiteral("tail"))) {
        const QJsonObject t = o.value(QStringLiteral("tail")).toObject();
        const PackRange range = rangeOf(t);
        const qint64 size = t.value(QStringLiteral("size")).toInteger(-1);
        if (!RemoteLayout::isHash(range.id) || range.first != next || range.last < range.first || size < 1 ||
            size > TailMaxBytes)
            return forged(device, QStringLiteral("its tail does not follow its packs"));
        head.tail = range;
        head.tailBytes = file.mid(LengthSize + SignatureSize + payloadSize);
        if (head.tailBytes.size() != size || contentAddress(head.tailBytes) != range.id)
            return forged(device, QStringLiteral("its tail is not the one it names"));
        next = range.last + 1;
    } else if (file.size() != LengthSize + SignatureSize + payloadSize) {
        return forged(device, QStringLiteral("wrong size"));
    }
    if (next != head.seq + 1)
        return forged(device, QStringLiteral("its packs do not reach its newest record"));
    // The payload must be exactly what this head writes: nothing added, nothing reordered.
    if (head.payload() != body)
        return forged(device, QStringLiteral("not in the form Paper Trail writes"));
    return head;
}

} // namespace pt::core::sync
