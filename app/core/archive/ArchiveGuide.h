#pragma once
// The texts an archive carries for the people who receive it: VERIFY.txt (how to open and check
// it with standard tools, for a reader who is not technical), CERTIFICATION.txt (a draft
// declaration for counsel to adapt) and docs/CHAIN.md (the format of chain.jsonl).
#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pt::core::archive {

struct GuideFacts {
    QString archiveName;      // "paper-trail-2026-12-07.zip.age"
    bool toPassphrase = false; // else to the lawyer's age1... key
    QString vaultId;
    QDateTime exportedAt;
    int exhibits = 0;
    QString signingKeyId;     // as minisign prints it
    QString sumsSha256;       // of SHA256SUMS (CERTIFICATION.txt only)
};

[[nodiscard]] QByteArray verifyText(const GuideFacts& facts);
[[nodiscard]] QByteArray certificationText(const GuideFacts& facts);
[[nodiscard]] QByteArray chainFormatText();

} // namespace pt::core::archive
