#include "RecordSeal.h"

#include "Journal.h"
#include "crypto/Aead.h"
#include "crypto/Signing.h"

namespace pt::core {

SealedRecord sealRecord(const LogRecord& record, const DeviceIdentity& device, const VaultKeys& keys)
{
    SignedRecord signedRecord;
    signedRecord.payload = record.payload();
    signedRecord.signature = toQByteArray(crypto::signing::sign(device.secretKey, bytesOf(signedRecord.payload)));
    const crypto::Bytes sealed = crypto::aead::seal(keys.subkey(Purpose::LogRecord).view(), bytesOf(signedRecord.frame()),
                                                    bytesOf(keys.aad(logRecordType(record.device, record.seq))));
    return {{record.device, record.seq, toQByteArray(sealed)}, signedRecord.hash()};
}

std::optional<SignedRecord> openRecord(const StoredRecord& stored, const VaultKeys& keys)
{
    const auto framed = crypto::aead::open(keys.subkey(Purpose::LogRecord).view(), bytesOf(stored.data),
                                           bytesOf(keys.aad(logRecordType(stored.device, stored.seq))));
    return framed ? SignedRecord::unframe(toQByteArray(*framed)) : std::nullopt;
}

} // namespace pt::core
