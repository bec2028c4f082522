#pragma once
// Rollback evidence: the newest position of each device's log that this device has seen, kept
// outside the vault folder (in the user's config folder), so whoever can write to the vault
// folder cannot rewind it unnoticed. A journal.db put back to an older copy, or with its newest
// records deleted (which un-deletes an entry or reverts an edit), is behind what was seen; one
// whose records were replaced has forked from it. Both are reported at unlock and by verify.
#include "Result.h"

#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace pt::core {

// A device's log position: its newest seq and the SHA-256 (hex) of that record's payload.
struct LogHead {
    qint64 seq = 0;
    QString hash;

    friend bool operator==(const LogHead&, const LogHead&) = default;
};
using LogHeads = QMap<QString, LogHead>; // by device id

struct RollbackFinding {
    QString device;
    LogHead seen; // what this device saw last
    LogHead now;  // what the vault holds
    bool forked = false; // the record at the seen position was replaced, not just removed

    // One plain sentence for the person: what happened and what to do.
    [[nodiscard]] QString message() const;
};

// Compares what the vault holds with what was seen. `hashAt(device, seq)` gives the hash of the
// record now at that position (nullopt when it cannot be read).
[[nodiscard]] QList<RollbackFinding> findRollbacks(const LogHeads& seen, const LogHeads& now,
                                                   const std::function<std::optional<QString>(const QString&, qint64)>& hashAt);
// What to remember next: the vault's heads, except that a device found behind or forked keeps
// the position seen before (the evidence is not forgotten by opening the older copy).
[[nodiscard]] LogHeads mergeSeen(const LogHeads& seen, const LogHeads& now, const QList<RollbackFinding>& findings);

// The file's JSON, also what a remembered device keeps in the OS keychain.
[[nodiscard]] QByteArray seenHeadsToJson(const LogHeads& heads);
[[nodiscard]] std::optional<LogHeads> seenHeadsFromJson(const QByteArray& json);
// The higher of the two positions for every device: what was seen by either record.
[[nodiscard]] LogHeads newestOf(const LogHeads& a, const LogHeads& b);

class SeenHeads final {
public:
    explicit SeenHeads(QString path) : m_path(std::move(path)) {}
    // <config folder>/papertrail/seen-heads/<vault id>.json
    [[nodiscard]] static SeenHeads forVault(const QString& vaultId);

    // Empty when nothing was seen yet. A damaged file is an error that says so.
    [[nodiscard]] Result<LogHeads> load() const;
    [[nodiscard]] Status save(const LogHeads& heads) const;
    [[nodiscard]] const QString& path() const { return m_path; }

private:
    QString m_path;
};

// A short fingerprint of all heads (SHA-256 over "device seq hash" lines sorted by device), to
// write down or send to a lawyer: a later copy of the journal that does not contain these heads
// was rolled back or rewritten.
[[nodiscard]] QString headsFingerprint(const LogHeads& heads);

} // namespace pt::core
