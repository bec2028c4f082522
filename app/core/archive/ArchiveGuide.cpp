#include "ArchiveGuide.h"

#include "ExhibitText.h"

#include <QTimeZone>

namespace pt::core::archive {

QByteArray verifyText(const GuideFacts& f)
{
    const QString name = f.archiveName;
    const QString zip = name.endsWith(QLatin1String(".age")) ? name.chopped(4) : name + QStringLiteral(".zip");
    const QString open = f.toPassphrase
                             ? QStringLiteral("    age -d -o %1 %2\n\n"
                                              "   age asks for the passphrase. Type it as you were given it (it was\n"
                                              "   not sent with this file).\n")
                                   .arg(zip, name)
                             : QStringLiteral("    age -d -i key.txt -o %1 %2\n\n"
                                              "   key.txt is the identity file you made with age-keygen (or with\n"
                                              "   papertrail-cli keygen) and whose public key (age1...) you gave.\n")
                                   .arg(zip, name);
    QString text = QStringLiteral(
        "HOW TO OPEN AND CHECK THIS ARCHIVE\n"
        "==================================\n\n"
        "You received %1. It holds the records of a Paper Trail journal:\n"
        "%2 (PT-0001 on), exported %3\n"
        "from vault %4.\n"
        "It is encrypted so that only you can open it. Everything below uses free,\n"
        "standard tools; none of them needs Paper Trail or an internet connection\n"
        "once installed.\n\n"
        "1. GET THE TOOLS (once)\n\n"
        "   Debian or Ubuntu:  sudo apt install age unzip minisign\n"
        "   macOS (Homebrew, https://brew.sh):  brew install age minisign\n"
        "                      (unzip and shasum are already there)\n"
        "   Windows:  winget install FiloSottile.age  and  winget install jedisct1.minisign\n"
        "             (or download them from https://github.com/FiloSottile/age/releases\n"
        "             and https://github.com/jedisct1/minisign/releases);\n"
        "             Windows can open a zip itself, and has certutil for SHA-256.\n\n"
        "2. DECRYPT\n\n"
        "%5\n"
        "3. UNZIP\n\n"
        "    unzip %6 -d paper-trail\n"
        "    cd paper-trail\n\n"
        "   (On Windows: right-click the .zip, Extract All, then open a terminal in\n"
        "   that folder.)\n\n"
        "4. READ\n\n"
        "   report.pdf is the whole timeline: each exhibit with its number, when it\n"
        "   happened and when it was recorded, its edits and its files. Each exhibit's\n"
        "   files are in attachments/PT-nnnn/ (emails in emails/PT-nnnn.eml), exactly as\n"
        "   they were kept; its text is in entries/PT-nnnn.txt. index.csv opens in a\n"
        "   spreadsheet; loadfile.dat loads into e-discovery platforms.\n"
        "   When the records hold a performance improvement plan, report.pdf has a\n"
        "   section on it (its goals, the grades day by day, how it ended), and\n"
        "   pip-grades.csv has every grade for a spreadsheet: one row per goal per\n"
        "   check-in day, with the exhibit numbers of the check-in, of the grade's\n"
        "   screenshot and of the plan.\n"
        "   For example, exhibit PT-0007: find \"PT-0007\" in report.pdf, and its files in\n"
        "   attachments/PT-0007/.\n\n"
        "5. CHECK THAT NOTHING WAS CHANGED\n\n"
        "   a) Every file against the list of SHA-256 hashes:\n\n"
        "        sha256sum -c SHA256SUMS\n\n"
        "      Every line must end in OK. (macOS: shasum -a 256 -c SHA256SUMS.\n"
        "      Windows: certutil -hashfile FILE SHA256 prints one file's hash to\n"
        "      compare with its line in SHA256SUMS.)\n\n"
        "   b) That the list itself, the report and the draft certification were\n"
        "      signed by this journal's key:\n\n"
        "        minisign -Vm SHA256SUMS -p papertrail.pub\n"
        "        minisign -Vm report.pdf -p papertrail.pub\n"
        "        minisign -Vm CERTIFICATION.txt -p papertrail.pub\n\n"
        "      Each must say \"Signature and comment signature verified\". Every archive\n"
        "      exported from this journal is signed by the same key, whose id is\n"
        "      %7: ask the person who sent it to read you that id over the phone.\n"
        "      report.pdf and CERTIFICATION.txt quote the SHA-256 of SHA256SUMS, so\n"
        "      SHA256SUMS cannot list them: their own signatures cover them.\n\n"
        "   c) Optional, for an expert: chain.jsonl holds every device's signed log;\n"
        "      docs/CHAIN.md says how to check it with any Ed25519 library.\n\n"
        "If any check fails, do not rely on the copy: ask for it to be exported again.\n");
    const QString exhibits = f.exhibits == 1 ? QStringLiteral("1 exhibit") : QStringLiteral("%1 exhibits").arg(f.exhibits);
    text = text.arg(name, exhibits, timeWithZone(f.exportedAt, QString::fromUtf8(QTimeZone::systemTimeZoneId())), f.vaultId,
                    open, zip, f.signingKeyId);
    return text.toUtf8();
}

QByteArray certificationText(const GuideFacts& f)
{
    return QStringLiteral(
               "DRAFT FOR COUNSEL - NOT LEGAL ADVICE\n"
               "This is a fill-in draft that a lawyer may adapt. It is not a legal document\n"
               "until counsel has reviewed it and the declarant has checked every statement.\n\n"
               "DECLARATION CERTIFYING A COPY OF ELECTRONIC RECORDS BY HASH VALUE\n"
               "(Federal Rule of Evidence 902(14); see also 902(13) and 902(11))\n\n"
               "I, [NAME], declare:\n\n"
               "1. I am over 18 years of age and competent to make this declaration. I am\n"
               "   [the person who kept these records / a person qualified to certify this\n"
               "   copy by reason of: ________].\n\n"
               "2. The records in this archive were kept in a Paper Trail journal (vault\n"
               "   %1) on devices I used. Each record was written at or near the time of the\n"
               "   events it describes, and each device signed its records in an append-only,\n"
               "   hash-chained log (chain.jsonl in the archive).\n\n"
               "3. On %2 I exported %3 from that journal into this archive. The\n"
               "   export copied each file's bytes exactly as kept and computed the SHA-256\n"
               "   hash of every file in the archive, listed in the file SHA256SUMS.\n\n"
               "4. The SHA-256 hash of SHA256SUMS is:\n\n"
               "       %4\n\n"
               "   SHA256SUMS, report.pdf and this file are signed with the journal's export\n"
               "   key, minisign key id %5 (papertrail.pub in the archive).\n\n"
               "5. SHA-256 is a hash algorithm published by the U.S. National Institute of\n"
               "   Standards and Technology (FIPS 180-4). A copy whose files produce the same\n"
               "   hash values is identical to the original, bit for bit. The process of\n"
               "   checking them is described in VERIFY.txt.\n\n"
               "6. [Describe any redactions made for this copy, if any: the report lists\n"
               "   each redacted file with the SHA-256 of its unredacted original.]\n\n"
               "I declare under penalty of perjury under the laws of [JURISDICTION] that\n"
               "the foregoing is true and correct.\n\n"
               "Executed on [DATE] at [PLACE].\n\n"
               "______________________________\n"
               "[NAME]\n")
        .arg(f.vaultId, timeWithZone(f.exportedAt, QString::fromUtf8(QTimeZone::systemTimeZoneId())),
             f.exhibits == 1 ? QStringLiteral("1 exhibit") : QStringLiteral("%1 exhibits").arg(f.exhibits), f.sumsSha256,
             f.signingKeyId)
        .toUtf8();
}

QByteArray chainFormatText()
{
    return QByteArrayLiteral(
        "# chain.jsonl: the signed logs\n\n"
        "Every device that wrote to this journal keeps an append-only log. Each record\n"
        "is a small JSON payload signed by its device with Ed25519 (RFC 8032), and each\n"
        "names the SHA-256 of the payload before it, so a record cannot be removed,\n"
        "inserted, reordered or changed without breaking every signature and link after\n"
        "it. chain.jsonl holds every device's whole log, one JSON object per line.\n\n"
        "## Lines\n\n"
        "- `{\"type\": \"device\", \"device\": ID, \"public_key\": HEX}`: a device and its\n"
        "  Ed25519 public key (32 bytes, hex).\n"
        "- `{\"type\": \"record\", \"device\": ID, \"seq\": N, \"payload\": TEXT,\n"
        "  \"signature\": BASE64, \"sha256\": HEX, \"exhibit\": \"PT-0007\" or null}`: record N\n"
        "  of that device's log. `payload` is the exact signed text (ASCII JSON);\n"
        "  `signature` is the 64-byte Ed25519 signature of those bytes; `sha256` is the\n"
        "  SHA-256 of those bytes; `exhibit` names the exhibit the record belongs to, or\n"
        "  is null for an entry this archive does not include (only its time and ids\n"
        "  show, never its content).\n\n"
        "## The payload\n\n"
        "- `v`: 1; `device`, `seq`: as above; `previous`: the SHA-256 (hex) of the\n"
        "  previous record's payload, \"\" for seq 1.\n"
        "- `time`: when the device wrote it (UTC); never earlier than the previous\n"
        "  record's. `clock_was`: present when the device's clock read earlier than that\n"
        "  (the clock was set back).\n"
        "- `op`: `put` (a revision of entry `entry`: `revision` number, `object` = the\n"
        "  SHA-256 of the encrypted revision), `tombstone` (deleted), `purge` (content\n"
        "  destroyed; `purged` keeps the hashes), `revoke` (a lost device revoked).\n"
        "- `first_signed`: on a record signed again by a copy of the journal that became\n"
        "  a new device: where it was first signed.\n\n"
        "## Checking it\n\n"
        "For each device, in order of `seq` from 1: the signature verifies with the\n"
        "device's public key over the payload's bytes; the payload's `seq` counts up by\n"
        "one; its `previous` equals the SHA-256 of the payload before it. Any Ed25519\n"
        "library does this (Python: `nacl.signing.VerifyKey(bytes.fromhex(key))\n"
        ".verify(payload.encode(), base64.b64decode(sig))`).\n\n"
        "## What it proves and what it does not\n\n"
        "It proves the order and the time each device's clock gave each record, and that\n"
        "no record was changed, removed or slipped in afterwards without the device's\n"
        "key. `object` is a hash of the *encrypted* revision: linking it to the text in\n"
        "entries/ needs the journal's key, which the journal's owner can show with\n"
        "`papertrail-cli verify`. A device's clock can be wrong; `clock_was` shows where\n"
        "it was set back.\n");
}

} // namespace pt::core::archive
