#pragma once
// Writes a lawyer archive, <name>.zip.age, in one streaming pass: the vault's entries and files
// go into a zip (ZipStream) that goes straight into an age writer that goes straight into the
// destination file, so no plaintext ever touches disk and memory stays bounded whatever the
// size. The file appears under its name only when whole (QSaveFile); a cancelled or failed
// export leaves nothing behind.
//
// Inside (docs/FORMAT.md section 10): report.pdf, entries/PT-nnnn.txt, entries.json, index.csv,
// loadfile.dat, pip-grades.csv (when the export holds a PIP plan), attachments/PT-nnnn/<name>,
// emails/PT-nnnn.eml, chain.jsonl, docs/CHAIN.md, VERIFY.txt, papertrail.pub, SHA256SUMS (of
// every file but the ones that quote its hash) and the minisign signatures of SHA256SUMS,
// report.pdf and CERTIFICATION.txt.
#include "ArchiveFilter.h"
#include "Redaction.h"
#include "Result.h"
#include "crypto/SecureBytes.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace pt::core {
class JournalDb;
class Vault;
}

namespace pt::core::archive {

struct ArchiveRecipients {
    QStringList ageRecipients;                      // "age1..." public keys
    std::optional<crypto::SecureBytes> passphrase;  // or one passphrase (scrypt)
    int workFactor = 18;                            // scrypt's log2(N)
};

struct ArchiveRequest {
    ArchiveFilter filter;
    ArchiveRecipients to;
    QString owner;      // whose records, for the title page; may be empty
    QString outputPath; // <name>.zip.age
    Redactions redactions; // blacked out in this export only
};

struct ArchiveResult {
    QString path;
    qint64 size = 0;
    QString sha256;          // of the .zip.age file, to tell the lawyer
    int exhibits = 0;
    QString sumsSha256;      // of SHA256SUMS inside
    QString signingKeyId;    // minisign's key id of this vault's export key
    QString signingPublicKey; // papertrail.pub's key line
    int redactedPlaces = 0;   // phrases blacked out, counting every place in every revision
    int redactedEntries = 0;  // exhibits with at least one of them
};

// Called as bytes go out with how far the export is; returning false cancels it.
using ArchiveProgress = std::function<bool(qint64 done, qint64 total)>;

// The vault must be unlocked. An error says what to do; nothing is left at outputPath then.
// `db`: the calling thread's own connection to the vault's journal.db, when that is not the
// thread that unlocked the vault (an export on a worker, as the app runs it); the journal must
// not change until it returns.
[[nodiscard]] Result<ArchiveResult> writeArchive(Vault& vault, const ArchiveRequest& request,
                                                 const ArchiveProgress& progress = {}, JournalDb* db = nullptr);

// This vault's export signing key (subkey 4), as papertrail.pub and minisign's key id.
struct ExportKey {
    QString keyId;
    QString publicKeyFile;
};
[[nodiscard]] Result<ExportKey> exportKeyOf(Vault& vault);

} // namespace pt::core::archive
