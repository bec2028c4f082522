#include "SignedHead.h"

#include "RemoteLayout.h"
#include "TimeFormat.h"
#include "crypto/Signing.h"
#include "vault/VaultKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pt::core::sync {

namespace {

Error forged(const QString& device, const QString& why)
{
    return damaged(QStringLiteral("The sync remote's head for device %1 is not one that device signed (%2). "
                                  "Nothing was taken from it; if it keeps happening, someone may be changing "
                                  "files on the remote.")
                       .arg(device, why));
}

} // namespace

QByteArray SignedHead::payload() const
{
    QJsonArray list;
    for (const PackRange& p : packs)
        list.append(QJsonObject{{QStringLiteral("first"), p.first}, {QStringLiteral("id"), p.id}, {QStringLiteral("last"), p.last}});
    const QJsonObject o{
        {QStringLiteral("device"), device},  {QStringLiteral("format"), FormatVersion},
        {QStringLiteral("hash"), hash},      {QStringLiteral("packs"), list},
        {QStringLiteral("seq"), seq},        {QStringLiteral("vault"), vault},
        {QStringLiteral("written_at"), isoWithOffset(writtenAt.toUTC())},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray SignedHead::sign(const crypto::SecureBytes& secretKey) const
{
    const QByteArray body = payload();
    return toQByteArray(crypto::signing::sign(secretKey, bytesOf(body))) + body;
}

Result<SignedHead> SignedHead::open(const QByteArray& file, const QByteArray& publicKey, const QString& vault,
                                    const QString& device)
{
    constexpr qsizetype SignatureSize = 64;
    if (file.size() <= SignatureSize || file.size() > MaxFileBytes)
        return forged(device, QStringLiteral("wrong size"));
    const QByteArray signature = file.left(SignatureSize);
    const QByteArray body = file.mid(SignatureSize);
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
        const QJsonObject p = v.toObject();
        PackRange range{p.value(QStringLiteral("id")).toString(), p.value(QStringLiteral("first")).toInteger(-1),
                        p.value(QStringLiteral("last")).toInteger(-1)};
        if (!RemoteLayout::isHash(range.id) || range.first != next || range.last < range.first)
            return forged(device, QStringLiteral("its packs do not cover its log in order"));
        next = range.last + 1;
        head.packs.append(range);
    }
    if (next != head.seq + 1)
        return forged(device, QStringLiteral("its packs do not reach its newest record"));
    // The payload must be exactly what this head writes: nothing added, nothing reordered.
    if (head.payload() != body)
        return forged(device, QStringLiteral("not in the form Paper Trail writes"));
    return head;
}

} // namespace pt::core::sync
