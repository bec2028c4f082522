#include "ChainExport.h"

#include "crypto/Bytes.h"
#include "crypto/Signing.h"
#include "vault/RecordSeal.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace pt::core::archive {

namespace {

Error brokenChain(const QString& device, qint64 seq, const QString& what)
{
    return damaged(QStringLiteral("Record %1 of device %2 %3, so the archive was not made. Run Verify (or "
                                  "'papertrail-cli verify') to see what is wrong.")
                       .arg(seq)
                       .arg(device, what));
}

QByteArray jsonLine(const QJsonObject& object) { return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n'; }

} // namespace

Result<ChainSummary> exportChain(const Vault::Store& store, const QHash<QString, QString>& exhibitOfEntry,
                                 const std::function<Status(const QByteArray& line)>& line)
{
    auto devices = store.db.devices();
    if (!devices)
        return devices.error();
    auto records = store.db.records(); // by device, then seq
    if (!records)
        return records.error();

    ChainSummary summary;
    QHash<QString, QByteArray> keys;
    for (const StoredDevice& d : *devices) {
        keys.insert(d.id, d.publicKey);
        if (Status s = line(jsonLine({{QStringLiteral("type"), QStringLiteral("device")},
                                      {QStringLiteral("device"), d.id},
                                      {QStringLiteral("public_key"), QString::fromStdString(crypto::toHex(bytesOf(d.publicKey)))}}));
            !s)
            return s.error();
    }

    QString device, previous;
    qint64 expected = 1;
    DeviceSummary* current = nullptr;
    for (const StoredRecord& stored : *records) {
        if (stored.device != device) {
            device = stored.device;
            previous.clear();
            expected = 1;
            summary.devices.append(DeviceSummary{device, {}, QString::fromStdString(crypto::toHex(bytesOf(keys.value(device)))),
                                                 0, {}, {}, {}, false});
            current = &summary.devices.last();
        }
        const auto signedRecord = openRecord(stored, store.keys);
        if (!signedRecord)
            return brokenChain(device, stored.seq, QStringLiteral("does not open"));
        if (!keys.contains(device) || !crypto::signing::verify(bytesOf(keys.value(device)), bytesOf(signedRecord->payload),
                                                               bytesOf(signedRecord->signature)))
            return brokenChain(device, stored.seq, QStringLiteral("is not signed by its device"));
        if (std::any_of(signedRecord->payload.cbegin(), signedRecord->payload.cend(), [](char c) { return c & 0x80; }))
            return brokenChain(device, stored.seq, QStringLiteral("is not in the log's format"));
        const auto record = LogRecord::fromPayload(signedRecord->payload);
        if (!record || record->seq != expected || stored.seq != expected || record->previous != previous)
            return brokenChain(device, stored.seq, QStringLiteral("is not where its chain says"));
        previous = signedRecord->hash();
        ++expected;

        ++current->records;
        if (!current->firstRecord.isValid())
            current->firstRecord = record->time;
        current->lastRecord = record->time;
        if (record->clockWas.isValid())
            current->clockJumps.append(record->clockWas);

        const QString exhibit = exhibitOfEntry.value(record->entryId);
        QJsonObject object{{QStringLiteral("type"), QStringLiteral("record")},
                           {QStringLiteral("device"), device},
                           {QStringLiteral("seq"), record->seq},
                           // The signed bytes: plain ASCII JSON, so this string's bytes are them exactly.
                           {QStringLiteral("payload"), QString::fromLatin1(signedRecord->payload)},
                           {QStringLiteral("signature"), QString::fromStdString(crypto::toBase64(bytesOf(signedRecord->signature)))},
                           {QStringLiteral("sha256"), previous},
                           {QStringLiteral("exhibit"), exhibit.isEmpty() ? QJsonValue() : QJsonValue(exhibit)}};
        if (Status s = line(jsonLine(object)); !s)
            return s.error();
        ++summary.records;
    }
    return summary;
}

} // namespace pt::core::archive
