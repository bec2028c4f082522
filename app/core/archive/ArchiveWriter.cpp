#include "ArchiveWriter.h"

#include "ArchiveGuide.h"
#include "ChainExport.h"
#include "ExhibitSelection.h"
#include "ExhibitText.h"
#include "Redaction.h"
#include "IndexFiles.h"
#include "ReportPdf.h"
#include "ReportPipSection.h"
#include "ZipStream.h"
#include "crypto/Minisign.h"
#include "crypto/Sha256.h"
#include "crypto/age/Writer.h"
#include "vault/Vault.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimeZone>

#include <memory>

namespace pt::core::archive {

namespace {

constexpr qint64 MaxEmbeddedImageBytes = 64 * 1024 * 1024;
constexpr qint64 MaxEmbeddedImagePixels = 40'000'000; // a 50,000 x 50,000 PNG is not decoded
constexpr int EmbeddedImageWidth = 1600;              // enough for a page's width at 200 dpi
// For the progress bar only: report.pdf's embedded fonts, and its size per exhibit besides images.
constexpr qint64 ReportFontsBytes = 256 * 1024;
constexpr qint64 ReportBytesPerExhibit = 3 * 1024;

QString hexOf(const crypto::Digest& d) { return QString::fromStdString(crypto::toHex(d)); }

Error cancelled()
{
    return failed(QStringLiteral("The export was cancelled. Nothing was saved."));
}

// The export key: Ed25519 from the vault's subkey 4, the same on every export of this vault.
crypto::minisign::KeyPair signingKey(Vault& vault)
{
    return crypto::minisign::KeyPair::fromSeed(vault.store().keys.subkey(Purpose::ExportSigning));
}

// One file of the archive as it goes into the zip: hashed on the way (and signed, when asked).
class ArchiveFile final : public QIODevice {
public:
    ArchiveFile(ZipStream& zip, const std::function<bool(qint64)>& moved, crypto::minisign::Signer* signer = nullptr)
        : m_zip(zip), m_moved(moved), m_signer(signer)
    {
        open(QIODevice::WriteOnly);
    }
    [[nodiscard]] qint64 size() const override { return m_size; }
    [[nodiscard]] QString sha256() { return hexOf(m_hash.finish()); }
    [[nodiscard]] const std::optional<Error>& error() const { return m_error; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 length) override
    {
        if (m_error)
            return -1;
        if (Status s = m_zip.write(data, length); !s) {
            m_error = s.error();
            return -1;
        }
        const crypto::ByteView bytes(reinterpret_cast<const std::uint8_t*>(data), std::size_t(length));
        m_hash.update(bytes);
        if (m_signer)
            m_signer->update(bytes);
        m_size += length;
        if (m_moved && !m_moved(length)) {
            m_error = cancelled();
            return -1;
        }
        return length;
    }

private:
    ZipStream& m_zip;
    std::function<bool(qint64)> m_moved;
    crypto::minisign::Signer* m_signer;
    crypto::Sha256 m_hash;
    qint64 m_size = 0;
    std::optional<Error> m_error;
};

class Export final {
public:
    Export(Vault& vault, const ArchiveRequest& request, const ArchiveProgress& progress, JournalDb* db)
        : m_vault(vault), m_store(vault.store()), m_db(db ? *db : m_store.db), m_request(request), m_progress(progress),
          m_key(signingKey(vault))
    {
    }

    Result<ArchiveResult> run();

private:
    Status open();
    Status addFile(const QString& path, const QByteArray& bytes, bool listed = true);
    Status addAttachment(const Exhibit& exhibit, const ExhibitFile& file);
    Status addExhibits();
    Status addIndexes();
    Status addPipGrades();
    Status addChain();
    Status addSignedFile(const QString& path, const std::function<Status(QIODevice&)>& write);
    std::optional<QImage> imageOf(const ExhibitFile& file) const;
    Status redact();
    Result<QByteArray> originalBytes(const QString& entryId, const AttachmentRef& attachment) const;
    // Counts bytes put in the archive; false once the person cancelled.
    bool moved(qint64 bytes)
    {
        m_done += bytes;
        if (m_progress && !m_progress(std::min(m_done, m_total), m_total))
            m_cancelled = true;
        return !m_cancelled;
    }
    [[nodiscard]] Error failure(const Error& e) const { return m_cancelled ? cancelled() : e; }

    Vault& m_vault;
    Vault::Store m_store;
    JournalDb& m_db; // this thread's connection to journal.db
    const ArchiveRequest& m_request;
    const ArchiveProgress& m_progress;
    crypto::minisign::KeyPair m_key;
    QDateTime m_exportedAt = QDateTime::currentDateTime();

    QSaveFile m_file;
    crypto::Sha256 m_fileHash;
    qint64 m_fileSize = 0;
    std::unique_ptr<crypto::age::Writer> m_age;
    std::unique_ptr<ZipStream> m_zip;
    bool m_cancelled = false;

    Selection m_selection;
    QHash<QString, QString> m_textSha256; // of entries/PT-nnnn.txt, by exhibit
    QHash<QString, QString> m_entryOfFile; // entry id, by the file's path in the archive
    QHash<QString, QByteArray> m_redacted; // redacted copies of images, by path: small, made before the zip
    int m_redactedEntries = 0;
    int m_redactedPlaces = 0;
    QList<ArchiveFileHash> m_listed;      // SHA256SUMS
    ChainSummary m_chain;
    qint64 m_done = 0, m_total = 0;
};

Status Export::open()
{
    m_file.setFileName(m_request.outputPath);
    m_file.setDirectWriteFallback(false);
    if (!m_file.open(QIODevice::WriteOnly))
        return failed(QStringLiteral("%1 cannot be written (%2). Choose another place to save the archive.")
                          .arg(m_request.outputPath, m_file.errorString()));
    crypto::age::Sink sink = [this](crypto::ByteView bytes) {
        if (m_file.write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size())) != qint64(bytes.size()))
            return false;
        m_fileHash.update(bytes);
        m_fileSize += qint64(bytes.size());
        return true;
    };
    const ArchiveRecipients& to = m_request.to;
    if (to.passphrase) {
        auto writer = crypto::age::Writer::toPassphrase(to.passphrase->view(), sink, to.workFactor);
        if (!writer)
            return usage(QString::fromStdString(writer.status().message()));
        m_age = std::make_unique<crypto::age::Writer>(std::move(*writer));
    } else {
        std::vector<crypto::age::X25519Recipient> recipients;
        for (const QString& text : to.ageRecipients) {
            auto recipient = crypto::age::X25519Recipient::parse(text.trimmed().toStdString());
            if (!recipient)
                return usage(QStringLiteral("\"%1\" is not an age public key. It starts with age1 and is 62 characters "
                                            "long; ask the lawyer to send it again, or use a passphrase.")
                                 .arg(text.left(80)));
            recipients.push_back(*recipient);
        }
        if (recipients.empty())
            return usage(QStringLiteral("Say who can open the archive: the lawyer's age1... public key, or a passphrase."));
        auto writer = crypto::age::Writer::toRecipients(recipients, sink);
        if (!writer)
            return usage(QString::fromStdString(writer.status().message()));
        m_age = std::make_unique<crypto::age::Writer>(std::move(*writer));
    }
    m_zip = std::make_unique<ZipStream>([this](const char* data, qint64 size) {
        return m_age->write({reinterpret_cast<const std::uint8_t*>(data), std::size_t(size)}).ok();
    });
    return Ok{};
}

Status Export::addFile(const QString& path, const QByteArray& bytes, bool listed)
{
    if (Status s = m_zip->beginFile(path, m_exportedAt); !s)
        return s;
    if (Status s = m_zip->write(bytes); !s)
        return s;
    if (listed)
        m_listed.append({path, bytes.size(), hexOf(crypto::Sha256::hash(bytesOf(bytes)))});
    return moved(bytes.size()) ? Status(Ok{}) : Status(cancelled());
}

Status Export::addAttachment(const Exhibit& exhibit, const ExhibitFile& file)
{
    if (const auto redacted = m_redacted.constFind(file.path); redacted != m_redacted.cend())
        return addFile(file.path, *redacted);
    if (Status s = m_zip->beginFile(file.path, m_exportedAt); !s)
        return s;
    ArchiveFile out(*m_zip, [this](qint64 n) { return moved(n); });
    const Status written = m_vault.journal().writeAttachment(exhibit.entry.latest.entryId, file.name, out);
    if (out.error())
        return *out.error();
    if (!written)
        return damaged(QStringLiteral("The file %1 of %2 could not be read from the vault (%3). Nothing was saved; run "
                                      "Verify to see what is wrong.")
                           .arg(file.name, exhibit.number, written.error().message));
    const QString sha256 = out.sha256();
    if (sha256 != file.sha256 || out.size() != file.size)
        return damaged(QStringLiteral("The file %1 of %2 is not the original any more (its SHA-256 differs from the one "
                                      "recorded). Nothing was saved; run Verify.")
                           .arg(file.name, exhibit.number));
    m_listed.append({file.path, out.size(), sha256});
    return Ok{};
}

Status Export::addExhibits()
{
    for (const Exhibit& exhibit : std::as_const(m_selection.exhibits)) {
        const QByteArray text = exhibitText(exhibit);
        const QString path = QStringLiteral("entries/") + exhibit.number + QStringLiteral(".txt");
        if (Status s = addFile(path, text); !s)
            return s;
        m_textSha256.insert(exhibit.number, m_listed.last().sha256);
        for (const ExhibitFile& file : exhibit.files)
            if (Status s = addAttachment(exhibit, file); !s)
                return s;
    }
    return Ok{};
}

Status Export::addIndexes()
{
    // entries.json streams one exhibit at a time, as do the two index files after it.
    const auto streamed = [this](const QString& path, const QByteArray& head, const QByteArray& tail,
                                 const std::function<QByteArray(const Exhibit&, bool last)>& row) -> Status {
        if (Status s = m_zip->beginFile(path, m_exportedAt); !s)
            return s;
        ArchiveFile out(*m_zip, {});
        out.write(head);
        const qsizetype count = m_selection.exhibits.size();
        for (qsizetype i = 0; i < count && !out.error(); ++i)
            out.write(row(m_selection.exhibits.at(i), i + 1 == count));
        out.write(tail);
        if (out.error())
            return *out.error();
        m_listed.append({path, out.size(), out.sha256()});
        return Ok{};
    };
    if (Status s = streamed(QStringLiteral("entries.json"), "[\n", "]\n",
                            [](const Exhibit& e, bool last) {
                                return QJsonDocument(exhibitJson(e)).toJson(QJsonDocument::Compact) + (last ? "\n" : ",\n");
                            });
        !s)
        return s;
    if (Status s = streamed(QStringLiteral("index.csv"), indexCsvHeader(), {},
                            [](const Exhibit& e, bool) { return indexCsvRow(e); });
        !s)
        return s;
    if (Status s = streamed(QStringLiteral("loadfile.dat"), loadFileHeader(), {},
                            [this](const Exhibit& e, bool) { return loadFileRow(e, m_textSha256.value(e.number)); });
        !s)
        return s;
    return addPipGrades();
}

// pip-grades.csv, when the export holds a PIP plan: a check-in's rows at a time.
Status Export::addPipGrades()
{
    const PipExport pip = pipOfExport(m_selection.exhibits);
    if (pip.isEmpty())
        return Ok{};
    const QString path = QStringLiteral("pip-grades.csv");
    if (Status s = m_zip->beginFile(path, m_exportedAt); !s)
        return s;
    ArchiveFile out(*m_zip, {});
    out.write(pipGradesCsvHeader());
    for (const pip::PipWorkspace& plan : pip.plans)
        for (const pip::CheckIn& checkIn : plan.checkIns()) {
            if (out.error())
                break;
            out.write(pipGradesCsvRows(pip, plan, checkIn));
        }
    if (out.error())
        return *out.error();
    m_listed.append({path, out.size(), out.sha256()});
    return Ok{};
}

Status Export::addChain()
{
    QHash<QString, QString> exhibitOfEntry;
    for (const Exhibit& e : std::as_const(m_selection.exhibits))
        exhibitOfEntry.insert(e.entry.latest.entryId, e.number);
    if (Status s = m_zip->beginFile(QStringLiteral("chain.jsonl"), m_exportedAt); !s)
        return s;
    ArchiveFile out(*m_zip, {});
    auto chain = exportChain({m_db, m_store.attachments, m_store.keys, m_store.device}, exhibitOfEntry,
                             [&](const QByteArray& line) -> Status {
        out.write(line);
        return out.error() ? Status(*out.error()) : Status(Ok{});
    });
    if (!chain)
        return chain.error();
    for (DeviceSummary& device : chain->devices)
        device.revoked = m_vault.journal().revocationOf(device.id).has_value();
    m_chain = *chain;
    m_listed.append({QStringLiteral("chain.jsonl"), out.size(), out.sha256()});
    return Ok{};
}

// A file SHA256SUMS cannot list (it quotes SHA256SUMS's hash), signed on its own instead.
Status Export::addSignedFile(const QString& path, const std::function<Status(QIODevice&)>& write)
{
    if (Status s = m_zip->beginFile(path, m_exportedAt); !s)
        return s;
    crypto::minisign::Signer signer(m_key);
    ArchiveFile out(*m_zip, [this](qint64 n) { return moved(n); }, &signer);
    const Status written = write(out);
    if (out.error())
        return *out.error();
    if (!written)
        return written;
    const QString name = QFileInfo(path).fileName();
    const std::string signature =
        signer.finish(crypto::minisign::defaultTrustedComment(quint64(m_exportedAt.toSecsSinceEpoch()), name.toStdString()));
    return addFile(path + QStringLiteral(".minisig"), QByteArray::fromStdString(signature), false);
}

Result<QByteArray> Export::originalBytes(const QString& entryId, const AttachmentRef& attachment) const
{
    if (attachment.size > MaxEmbeddedImageBytes)
        return usage(QStringLiteral("%1 is too large to black out areas of it here.").arg(attachment.name));
    QByteArray bytes; // plaintext in memory only
    QBuffer out(&bytes);
    out.open(QIODevice::WriteOnly);
    if (Status s = m_vault.journal().writeAttachment(entryId, attachment.name, out); !s)
        return s.error();
    return bytes;
}

// Text blacked out of the exhibits' revisions, and redacted copies of images made, before
// anything is written: every file of the archive then holds only what may be shared.
Status Export::redact()
{
    const Redactions& r = m_request.redactions;
    for (Exhibit& exhibit : m_selection.exhibits) {
        const QString id = exhibit.entry.latest.entryId;
        if (const QStringList phrases = r.phrases.value(id) + r.everywhere; !phrases.isEmpty()) {
            const int places = redactText(exhibit, phrases);
            m_redactedPlaces += places;
            if (places > 0)
                ++m_redactedEntries;
        }
        for (const AreaRedaction& area : r.areas) {
            if (area.entryId != id)
                continue;
            auto file = std::find_if(exhibit.files.begin(), exhibit.files.end(),
                                     [&](const ExhibitFile& f) { return f.name == area.attachment; });
            const auto ref = std::find_if(exhibit.entry.latest.attachments.cbegin(), exhibit.entry.latest.attachments.cend(),
                                          [&](const AttachmentRef& a) { return a.name == area.attachment; });
            if (file == exhibit.files.end() || ref == exhibit.entry.latest.attachments.cend())
                return usage(QStringLiteral("%1 has no file named %2 to black out.").arg(exhibit.number, area.attachment));
            auto original = originalBytes(id, *ref);
            if (!original)
                return original.error();
            if (hexOf(crypto::Sha256::hash(bytesOf(*original))) != ref->sha256)
                return damaged(QStringLiteral("The file %1 of %2 is not the original any more; run Verify.")
                                   .arg(area.attachment, exhibit.number));
            auto png = redactImage(*original, area.areas, area.attachment);
            if (!png)
                return png.error();
            file->path = file->path.left(file->path.lastIndexOf(QLatin1Char('/')) + 1) + safeFileName(redactedName(area.attachment));
            file->redacted = true;
            file->originalSha256 = ref->sha256;
            file->mime = QStringLiteral("image/png");
            file->size = png->size();
            file->sha256 = hexOf(crypto::Sha256::hash(bytesOf(*png)));
            m_redacted.insert(file->path, *png);
        }
    }
    return Ok{};
}

std::optional<QImage> Export::imageOf(const ExhibitFile& file) const
{
    if (!file.mime.startsWith(QLatin1String("image/")) || file.size > MaxEmbeddedImageBytes)
        return std::nullopt;
    QBuffer bytes; // plaintext in memory only, for as long as this one image is drawn
    if (const auto redacted = m_redacted.constFind(file.path); redacted != m_redacted.cend()) {
        bytes.setData(*redacted); // never the original: its pixels are what was blacked out
    } else {
        bytes.open(QIODevice::WriteOnly);
        const QString entryId = m_entryOfFile.value(file.path);
        if (entryId.isEmpty() || !m_vault.journal().writeAttachment(entryId, file.name, bytes))
            return std::nullopt;
        bytes.close();
    }
    bytes.open(QIODevice::ReadOnly);
    QImageReader reader(&bytes);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid() || qint64(size.width()) * size.height() > MaxEmbeddedImagePixels)
        return std::nullopt;
    if (size.width() > EmbeddedImageWidth)
        reader.setScaledSize(size.scaled(EmbeddedImageWidth, size.height(), Qt::KeepAspectRatio));
    QImage image = reader.read();
    return image.isNull() ? std::nullopt : std::optional<QImage>(std::move(image));
}

Result<ArchiveResult> Export::run()
{
    auto selection = selectExhibits(m_vault.journal(), m_db, m_request.filter);
    if (!selection)
        return selection.error();
    m_selection = std::move(*selection);
    if (m_selection.exhibits.isEmpty())
        return usage(QStringLiteral("No entry matches what you chose, so there is nothing to export. Widen the dates or "
                                    "the filters."));
    if (Status s = redact(); !s)
        return s.error();
    // What goes out, roughly: each exhibit's text, its files, and its share of report.pdf (the
    // embedded fonts, a few KiB of pages, its images again), so the bar still moves while the
    // report of a long journal is drawn.
    m_total = ReportFontsBytes;
    for (const Exhibit& e : std::as_const(m_selection.exhibits)) {
        m_total += 4096 + ReportBytesPerExhibit;
        for (const ExhibitFile& f : e.files) {
            m_total += f.mime.startsWith(QLatin1String("image/")) ? 2 * f.size : f.size;
            m_entryOfFile.insert(f.path, e.entry.latest.entryId);
        }
    }
    if (Status s = open(); !s)
        return s.error();

    const crypto::minisign::PublicKey& publicKey = m_key.publicKey();
    const QByteArray publicKeyFile = QByteArray::fromStdString(crypto::minisign::publicKeyFile(publicKey));
    GuideFacts guide;
    guide.archiveName = QFileInfo(m_request.outputPath).fileName();
    guide.toPassphrase = m_request.to.passphrase.has_value();
    guide.vaultId = m_vault.header().vaultId;
    guide.exportedAt = m_exportedAt;
    guide.exhibits = int(m_selection.exhibits.size());
    guide.signingKeyId = QString::fromStdString(crypto::minisign::keyIdText(publicKey.keyId));

    Status s = addExhibits();
    if (s)
        s = addIndexes();
    if (s)
        s = addChain();
    if (s)
        s = addFile(QStringLiteral("docs/CHAIN.md"), chainFormatText());
    if (s)
        s = addFile(QStringLiteral("VERIFY.txt"), verifyText(guide));
    if (s)
        s = addFile(QStringLiteral("papertrail.pub"), publicKeyFile);
    QByteArray sums;
    for (const ArchiveFileHash& f : std::as_const(m_listed))
        sums += f.sha256.toLatin1() + "  " + f.path.toUtf8() + '\n';
    guide.sumsSha256 = hexOf(crypto::Sha256::hash(bytesOf(sums)));
    if (s)
        s = addFile(QStringLiteral("SHA256SUMS"), sums, false);
    if (s) {
        const std::string signature = crypto::minisign::sign(
            m_key, bytesOf(sums), crypto::minisign::defaultTrustedComment(quint64(m_exportedAt.toSecsSinceEpoch()), "SHA256SUMS"));
        s = addFile(QStringLiteral("SHA256SUMS.minisig"), QByteArray::fromStdString(signature), false);
    }
    if (s) {
        ReportFacts facts;
        facts.owner = m_request.owner;
        facts.vaultId = guide.vaultId;
        facts.exportedAt = m_exportedAt;
        facts.timeZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
        facts.from = m_request.filter.from;
        facts.to = m_request.filter.to;
        facts.sumsSha256 = guide.sumsSha256;
        facts.signingKeyId = guide.signingKeyId;
        facts.signingPublicKey = QString::fromStdString(crypto::minisign::publicKeyBase64(publicKey));
        facts.deletedLeftOut = m_selection.deletedLeftOut;
        facts.filteredOut = m_selection.filteredOut;
        facts.historyIncluded = m_request.filter.includeHistory;
        facts.redactedFiles = int(m_redacted.size());
        facts.redactedEntries = m_redactedEntries;
        facts.devices = m_chain.devices;
        facts.files = m_listed;
        s = addSignedFile(QStringLiteral("report.pdf"), [&](QIODevice& out) {
            return writeReport(out, facts, m_selection.exhibits, [this](const ExhibitFile& f) { return imageOf(f); });
        });
    }
    if (s)
        s = addSignedFile(QStringLiteral("CERTIFICATION.txt"), [&](QIODevice& out) -> Status {
            out.write(certificationText(guide));
            return Ok{};
        });
    if (s)
        s = m_zip->finish();
    if (s) {
        if (crypto::age::Status finished = m_age->finish(); !finished)
            s = failed(QStringLiteral("The archive could not be written: %1. Check that the disk has room, then "
                                      "export again.")
                           .arg(QString::fromStdString(finished.message())));
    }
    if (!s) {
        m_file.cancelWriting();
        return failure(s.error());
    }
    if (!m_file.commit())
        return failed(QStringLiteral("%1 could not be saved (%2). Check that the disk has room, then export again.")
                          .arg(m_request.outputPath, m_file.errorString()));
    return ArchiveResult{m_request.outputPath,
                         m_fileSize,
                         hexOf(m_fileHash.finish()),
                         int(m_selection.exhibits.size()),
                         guide.sumsSha256,
                         guide.signingKeyId,
                         QString::fromStdString(crypto::minisign::publicKeyBase64(publicKey)),
                         m_redactedPlaces,
                         m_redactedEntries};
}

} // namespace

Result<ArchiveResult> writeArchive(Vault& vault, const ArchiveRequest& request, const ArchiveProgress& progress, JournalDb* db)
{
    if (!vault.isUnlocked())
        return usage(QStringLiteral("Unlock the vault first."));
    Export job(vault, request, progress, db);
    return job.run();
}

Result<ExportKey> exportKeyOf(Vault& vault)
{
    if (!vault.isUnlocked())
        return usage(QStringLiteral("Unlock the vault first."));
    const crypto::minisign::KeyPair key = signingKey(vault);
    return ExportKey{QString::fromStdString(crypto::minisign::keyIdText(key.publicKey().keyId)),
                     QString::fromStdString(crypto::minisign::publicKeyFile(key.publicKey()))};
}

} // namespace pt::core::archive
