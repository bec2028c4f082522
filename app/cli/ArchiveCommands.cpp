// The lawyer archive commands (docs/CLI.md, "The lawyer archive"): export writes one
// <name>.zip.age; verify-archive makes every check the lawyer would, without a vault; keygen
// makes an age identity for a lawyer who has no age program.
#include "Cli.h"

#include "PassphraseSource.h"
#include "archive/ArchivePassphrase.h"
#include "archive/ArchiveVerifier.h"
#include "archive/ArchiveWriter.h"
#include "archive/ExhibitSelection.h"
#include "crypto/age/X25519.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace pt::cli {

using namespace pt::core;
using namespace pt::core::archive;

namespace {

QString text(const crypto::SecureBytes& bytes)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

} // namespace

int Cli::exportArchive()
{
    const QString out = m_parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return usageError(QStringLiteral("'export' needs --out FILE (for example --out paper-trail.zip.age)."));
    if (QFileInfo::exists(out))
        return usageError(QStringLiteral("%1 already exists; choose another name, or move it away first.").arg(out));

    ArchiveRequest request;
    request.outputPath = QFileInfo(out).absoluteFilePath();
    request.owner = m_parser.value(QStringLiteral("owner"));
    ArchiveFilter& filter = request.filter;
    for (const auto& [option, date] : {std::pair{QStringLiteral("since"), &filter.from}, std::pair{QStringLiteral("until"), &filter.to}}) {
        if (!m_parser.isSet(option))
            continue;
        *date = QDate::fromString(m_parser.value(option), Qt::ISODate);
        if (!date->isValid())
            return usageError(QStringLiteral("--%1 needs a date such as 2026-11-01.").arg(option));
    }
    filter.kinds = m_parser.values(QStringLiteral("kind"));
    filter.tags = m_parser.values(QStringLiteral("tag"));
    filter.includeHistory = !m_parser.isSet(QStringLiteral("no-history"));
    filter.includeDeleted = m_parser.isSet(QStringLiteral("deleted"));

    const QStringList recipients = m_parser.values(QStringLiteral("to"));
    const bool passphraseFile = m_parser.isSet(QStringLiteral("archive-passphrase-file"));
    const bool generate = m_parser.isSet(QStringLiteral("generate-passphrase"));
    if (int(!recipients.isEmpty()) + int(passphraseFile) + int(generate) != 1)
        return usageError(QStringLiteral("Say who can open the archive: --to AGE1... (the lawyer's public key; repeat "
                                         "for more), or --archive-passphrase-file FILE, or --generate-passphrase."));
    request.to.ageRecipients = recipients;
    if (passphraseFile) {
        QString error;
        auto p = passphraseFromFile(m_parser.value(QStringLiteral("archive-passphrase-file")), &error);
        if (!p)
            return fail(failed(error));
        if (p->size() < 12)
            return usageError(QStringLiteral("That archive passphrase is too short to protect evidence; use at least 12 "
                                             "characters, or --generate-passphrase."));
        request.to.passphrase = std::move(*p);
    } else if (generate) {
        request.to.passphrase = generatePassphrase();
    }

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    for (const QString& id : m_parser.values(QStringLiteral("entry"))) {
        auto resolved = (*vault)->journal().resolveId(id);
        if (!resolved)
            return fail(resolved.error());
        filter.entryIds << *resolved;
    }
    // --redact-text ID:PHRASE and --redact-area ID:NAME:X,Y,W,H (the name may hold colons).
    for (const QString& value : m_parser.values(QStringLiteral("redact-text"))) {
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        auto id = colon > 0 ? (*vault)->journal().resolveId(value.left(colon)) : Result<QString>(usage(QString()));
        if (!id || value.size() == colon + 1)
            return usageError(QStringLiteral("--redact-text takes ENTRY-ID:PHRASE, e.g. 5ad17ac8:Dana."));
        request.redactions.phrases[*id] << value.mid(colon + 1);
    }
    for (const QString& value : m_parser.values(QStringLiteral("redact-area"))) {
        const qsizetype first = value.indexOf(QLatin1Char(':')), last = value.lastIndexOf(QLatin1Char(':'));
        const QStringList numbers = value.mid(last + 1).split(QLatin1Char(','));
        auto id = first > 0 ? (*vault)->journal().resolveId(value.left(first)) : Result<QString>(usage(QString()));
        QList<int> rect;
        for (const QString& n : numbers) {
            bool ok = false;
            rect << n.toInt(&ok);
            if (!ok)
                rect.clear();
        }
        if (!id || last <= first + 1 || rect.size() != 4)
            return usageError(QStringLiteral("--redact-area takes ENTRY-ID:FILE-NAME:X,Y,WIDTH,HEIGHT in the image's "
                                             "pixels, e.g. 5ad17ac8:grade.png:0,0,390,120."));
        request.redactions.areas.append({*id, value.mid(first + 1, last - first - 1), {QRect(rect[0], rect[1], rect[2], rect[3])}});
    }
    // A photo's GPS position goes to the lawyer with it: said before, as the app does.
    int located = 0;
    for (const Entry& entry : (*vault)->journal().entries(filter.includeDeleted))
        if (inFilter(entry, filter) && entry.latest.fields.contains(QStringLiteral("location")))
            ++located;
    if (located > 0)
        warn(QStringLiteral("%1 of the photos exported carry the place they were taken (EXIF GPS); whoever opens the "
                            "archive can see it. Leave them out (--entry, --kind) if that place should stay private.")
                 .arg(located));
    auto result = writeArchive(**vault, request);
    if (!result)
        return fail(result.error());
    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonObject json{{QStringLiteral("path"), result->path},
                         {QStringLiteral("size"), result->size},
                         {QStringLiteral("sha256"), result->sha256},
                         {QStringLiteral("exhibits"), result->exhibits},
                         {QStringLiteral("sums_sha256"), result->sumsSha256},
                         {QStringLiteral("key_id"), result->signingKeyId}};
        if (generate)
            json.insert(QStringLiteral("passphrase"), text(*request.to.passphrase));
        printJson(json);
        return 0;
    }
    print(QStringLiteral("Wrote %1: %2 exhibits, %3 bytes.\n"
                         "SHA-256 of the file: %4\n"
                         "Signed by key %5 (papertrail.pub inside; the same key on every export of this vault).\n")
              .arg(result->path)
              .arg(result->exhibits)
              .arg(result->size)
              .arg(result->sha256, result->signingKeyId));
    if (generate)
        print(QStringLiteral("Passphrase: %1\nRead it to your lawyer over the phone; never send it with the file.\n")
                  .arg(text(*request.to.passphrase)));
    print(QStringLiteral("Tell your lawyer: VERIFY.txt inside says how to open and check it with age, unzip, sha256sum "
                         "and minisign.\n"));
    return 0;
}

int Cli::verifyArchive()
{
    const QString path = m_args.value(0);
    ArchiveKey key;
    if (m_parser.isSet(QStringLiteral("identity"))) {
        auto identities = readIdentityFile(m_parser.value(QStringLiteral("identity")));
        if (!identities)
            return fail(identities.error());
        key.identities = std::move(*identities);
    } else if (m_parser.isSet(QStringLiteral("passphrase-file"))) {
        QString error;
        auto p = passphraseFromFile(m_parser.value(QStringLiteral("passphrase-file")), &error);
        if (!p)
            return fail(failed(error));
        key.passphrase = std::move(*p);
    } else if (auto p = promptPassphrase(QStringLiteral("Archive passphrase: "))) {
        key.passphrase = std::move(*p);
    } else {
        return usageError(QStringLiteral("'verify-archive' needs --identity KEYFILE (the age key it was encrypted to) "
                                         "or --passphrase-file FILE."));
    }
    auto verification = archive::verifyArchive(path, key);
    if (!verification)
        return fail(verification.error());
    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray checks;
        for (const ArchiveCheck& c : verification->checks)
            checks.append(QJsonObject{{QStringLiteral("check"), c.what}, {QStringLiteral("ok"), c.ok}, {QStringLiteral("detail"), c.detail}});
        printJson(QJsonObject{{QStringLiteral("ok"), verification->ok()},
                              {QStringLiteral("key_id"), verification->keyId},
                              {QStringLiteral("files"), verification->files},
                              {QStringLiteral("exhibits"), verification->exhibits},
                              {QStringLiteral("checks"), checks}});
    } else {
        for (const ArchiveCheck& c : verification->checks)
            print(QStringLiteral("%1  %2%3\n")
                      .arg(c.ok ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), c.what,
                           c.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.detail)));
        print(verification->ok()
                  ? QStringLiteral("Every check holds: %1 exhibits in %2 files, signed by key %3.\n")
                        .arg(verification->exhibits)
                        .arg(verification->files)
                        .arg(verification->keyId)
                  : QStringLiteral("Do not rely on this copy: ask for it to be exported again.\n"));
    }
    return verification->ok() ? 0 : int(ErrorCode::Damaged);
}

int Cli::keygen()
{
    const crypto::age::X25519Identity identity = crypto::age::X25519Identity::generate();
    const QString publicKey = QString::fromStdString(identity.recipient().toString());
    const crypto::SecureBytes secret = identity.toString();
    QByteArray file = QStringLiteral("# created: %1\n# public key: %2\n")
                          .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), publicKey)
                          .toUtf8();
    const QString out = m_parser.value(QStringLiteral("out"));
    if (out.isEmpty()) { // as age-keygen: the identity on stdout, the public key on stderr
        std::fwrite(file.constData(), 1, std::size_t(file.size()), stdout);
        std::fwrite(secret.data(), 1, secret.size(), stdout);
        std::fputs("\n", stdout);
        warn(QStringLiteral("Public key: %1").arg(publicKey));
        return 0;
    }
    if (QFileInfo::exists(out))
        return usageError(QStringLiteral("%1 already exists; an identity file is never overwritten.").arg(out));
    QFile key(out);
    if (!key.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || key.write(file) != file.size() ||
        key.write(reinterpret_cast<const char*>(secret.data()), qint64(secret.size())) != qint64(secret.size()) ||
        key.write("\n") != 1 || !key.flush()) {
        key.remove();
        return fail(failed(QStringLiteral("%1 could not be written (%2).").arg(out, key.errorString())));
    }
    print(QStringLiteral("Wrote %1 (keep it private; it opens archives sent to you).\nPublic key: %2\n"
                         "Send the public key (age1...) to the person who exports the archive.\n")
              .arg(out, publicKey));
    return 0;
}

} // namespace pt::cli
