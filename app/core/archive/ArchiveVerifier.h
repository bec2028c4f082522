#pragma once
// Every check a lawyer makes of an archive with age, unzip, sha256sum -c and minisign -V, and
// the signed chains of chain.jsonl, in one command: `papertrail-cli verify-archive`. Needs no
// vault: only the archive and the key or passphrase it was encrypted to. Streams twice through
// the archive (the signatures come after the files they sign), holding no file whole and
// writing nothing to disk.
#include "Result.h"
#include "crypto/SecureBytes.h"
#include "crypto/age/X25519.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace pt::core::archive {

struct ArchiveKey {
    std::vector<crypto::age::X25519Identity> identities;
    std::optional<crypto::SecureBytes> passphrase;
};

struct ArchiveCheck {
    QString what;   // "SHA256SUMS is signed by papertrail.pub"
    bool ok = false;
    QString detail; // what failed, or a figure ("214 files")
};

struct ArchiveVerification {
    QList<ArchiveCheck> checks;
    QString keyId;       // of papertrail.pub
    int files = 0;
    int exhibits = 0;
    [[nodiscard]] bool ok() const;
};

// Wrong key or passphrase: WrongKey. A file that is not an age file, or damaged before its
// contents could be read: Damaged. Otherwise the checks, each passed or failed.
[[nodiscard]] Result<ArchiveVerification> verifyArchive(const QString& path, const ArchiveKey& key);

// An age identity file as age-keygen writes it (comments, then AGE-SECRET-KEY-1... lines).
[[nodiscard]] Result<std::vector<crypto::age::X25519Identity>> readIdentityFile(const QString& path);

} // namespace pt::core::archive
