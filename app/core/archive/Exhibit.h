#pragma once
// What a lawyer archive holds, as the files inside it and the report describe it: each exported
// entry is an exhibit (PT-0001, PT-0002, ... in timeline order) with its revisions and files.
#include "vault/Journal.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace pt::core::archive {

// One file of an exhibit inside the archive: an attachment's original bytes, an email's .eml,
// or a redacted copy made for this export.
struct ExhibitFile {
    QString path;     // inside the zip: "attachments/PT-0001/<name>" or "emails/PT-0001.eml"
    QString name;     // the attachment's name
    QString mime;
    qint64 size = 0;  // of the bytes in the archive
    QString sha256;   // of the bytes in the archive
    QString object;   // the vault's attachment object: how the report reads an image to embed
    bool redacted = false;
    QString originalSha256; // when redacted: the SHA-256 of the vault's original, which is not in the archive
};

struct ExhibitRevision {
    EntryRevision revision;
    RevisionInfo logged;  // which device's log holds it, at which seq, and the log's time
    QStringList changed;  // fields that differ from the revision before ("title", "body", ...); empty for the first
};

struct Exhibit {
    QString number;      // "PT-0001"
    Entry entry;         // as the journal shows it now (latest revision, deleted, edited, conflict)
    // Oldest first. Every revision when history is exported, else only the latest.
    QList<ExhibitRevision> revisions;
    QList<DeletionInfo> deletions;
    QList<ExhibitFile> files;
};

// A device that wrote records in the exported chain.
struct DeviceSummary {
    QString id;
    QString name;          // as it registered itself ("Pixel 8"); may be empty
    QString publicKeyHex;  // Ed25519, 64 hex digits
    qint64 records = 0;    // in chain.jsonl
    QDateTime firstRecord, lastRecord;
    // Times its clock read earlier than its log's previous record (the record's clock_was): a
    // clock that jumped back.
    QList<QDateTime> clockJumps;
    bool revoked = false;
};

struct ArchiveFileHash {
    QString path;
    qint64 size = 0;
    QString sha256;
};

// What the report says about the export as a whole.
struct ReportFacts {
    QString owner;          // whose records, as the person typed it; may be empty
    QString vaultId;
    QDateTime exportedAt;   // local time with its offset
    QString timeZone;       // IANA id of the exporting device
    QDate from, to;         // the occurred range asked for; invalid when open
    QString sumsSha256;     // of SHA256SUMS
    QString signingKeyId;   // the minisign key id, as minisign prints it
    QString signingPublicKey; // papertrail.pub's base64 line
    // Left out by the filters, still counted ("3 deleted entries not included").
    int deletedLeftOut = 0;
    int filteredOut = 0;    // outside the range, kinds, tags or picked entries
    bool historyIncluded = true;
    int redactedFiles = 0;
    int redactedEntries = 0; // entries with text blacked out
    QList<DeviceSummary> devices;
    QList<ArchiveFileHash> files; // every file the archive holds but report.pdf, CERTIFICATION.txt and signatures
};

} // namespace pt::core::archive
