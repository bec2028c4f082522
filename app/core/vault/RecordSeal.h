#pragma once
// A log record as journal.db keeps it: signed by its device (Ed25519 over the payload), framed,
// and sealed with the log-record subkey under an AAD naming its device and seq. Journal seals the
// records it writes; sync seals the records a copy that became a new device signs again.
#include "DeviceIdentity.h"
#include "JournalDb.h"
#include "LogRecord.h"
#include "VaultKeys.h"

#include <optional>

namespace pt::core {

struct SealedRecord {
    StoredRecord stored;
    QString hash; // of the payload: what the next record names as `previous`
};

// `record.device` must be `device.id`.
[[nodiscard]] SealedRecord sealRecord(const LogRecord& record, const DeviceIdentity& device, const VaultKeys& keys);
// The signed record in a row, or nullopt when it does not open (its signature is not checked).
[[nodiscard]] std::optional<SignedRecord> openRecord(const StoredRecord& stored, const VaultKeys& keys);

} // namespace pt::core
