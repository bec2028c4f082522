#pragma once
// Autosaved drafts: what the person is typing, sealed with the draft subkey into journal.db's
// drafts table every few seconds, outside the log. A draft survives the app being killed; only
// saving it makes it part of the tamper-evident chain.
#include "JournalDb.h"
#include "Result.h"
#include "VaultKeys.h"

#include <QJsonObject>

#include <optional>

namespace pt::core {

class DraftStore final {
public:
    DraftStore(JournalDb& db, const VaultKeys& keys);

    [[nodiscard]] Status save(const QString& slot, const QJsonObject& draft);
    // nullopt when there is no draft in that slot.
    [[nodiscard]] Result<std::optional<QJsonObject>> load(const QString& slot) const;
    [[nodiscard]] Status discard(const QString& slot);

private:
    [[nodiscard]] QByteArray aad(const QString& slot) const;
    // The row a slot is kept in: a keyed hash of its name, so the file does not show which
    // entry or kind of entry is being written.
    [[nodiscard]] QString rowKey(const QString& slot) const;

    JournalDb& m_db;
    const VaultKeys& m_keys;
};

} // namespace pt::core
