#pragma once
// chain.jsonl: every device's signed log, whole, as (payload, signature) pairs with the devices'
// public keys, so anyone can check the chains with an Ed25519 library and SHA-256 alone, without a
// vault key (the archive's docs/CHAIN.md says how). Whole logs, not only the exported entries'
// records: a chain with gaps proves nothing. A record of an exported entry names its exhibit;
// the others show only that an entry, unnamed and unread, was written then.
#include "Exhibit.h"
#include "Result.h"
#include "vault/Vault.h"

#include <QHash>

#include <functional>

namespace pt::core::archive {

struct ChainSummary {
    QList<DeviceSummary> devices;
    qint64 records = 0;
};

// Hands chain.jsonl to `line` one line at a time (each ends with '\n'). Refuses a record that
// does not open, is not signed by its device or breaks its chain: run verify first.
[[nodiscard]] Result<ChainSummary> exportChain(const Vault::Store& store, const QHash<QString, QString>& exhibitOfEntry,
                                               const std::function<Status(const QByteArray& line)>& line);

} // namespace pt::core::archive
