#pragma once
// Re-checks the whole vault from storage, trusting nothing already in memory: every log record
// (decrypts, signature, sequence, chain link, time order), every entry object (name = SHA-256 of
// its bytes, decrypts, matches its record, links to its previous revision) and every attachment
// (name, decrypts to the end, size and SHA-256 of the original bytes), and journal.db's schema.
// Names exactly what is wrong. What it cannot see (the newest records removed together with their
// objects) needs what another copy saw: Vault::verify adds this device's rollback check.
#include "AttachmentStore.h"
#include "JournalDb.h"
#include "SeenHeads.h"
#include "VaultKeys.h"

#include <QList>
#include <QString>

namespace pt::core {

struct VerifyProblem {
    QString item; // "log record <device> #3", "object <id>", "attachment <id>", "journal.db"
    QString what;
};

struct VerifyReport {
    QList<VerifyProblem> problems; // any problem means verify fails
    QStringList notes;             // harmless findings (leftovers from an interrupted save)
    int devices = 0;
    int records = 0;
    int entries = 0;
    int revisions = 0;
    int attachments = 0;
    int purged = 0;
    // Each device's newest record as read from storage; headsFingerprint(heads) is the one line to
    // write down or send to a lawyer.
    LogHeads heads;
    // Whether this device had seen the vault before, so going back in time could be noticed.
    bool rollbackChecked = false;

    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};

class Verifier final {
public:
    Verifier(JournalDb& db, AttachmentStore& attachments, const VaultKeys& keys);
    [[nodiscard]] VerifyReport run();

private:
    JournalDb& m_db;
    AttachmentStore& m_attachments;
    const VaultKeys& m_keys;
};

} // namespace pt::core
