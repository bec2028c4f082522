#include "ArchiveVerifier.h"

#include "crypto/Minisign.h"
#include "crypto/Sha256.h"
#include "crypto/Signing.h"
#include "crypto/age/Reader.h"
#include "vault/VaultKeys.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace pt::core::archive {

bool ArchiveVerification::ok() const
{
    return !checks.isEmpty() && std::all_of(checks.cbegin(), checks.cend(), [](const ArchiveCheck& c) { return c.ok; });
}

namespace {

constexpr qint64 MaxSmallFile = 1024 * 1024;       // SHA256SUMS, signatures, the public key
constexpr qsizetype MaxChainLine = 1024 * 1024;    // one record of chain.jsonl
const QString Sums = QStringLiteral("SHA256SUMS");
const QString PublicKey = QStringLiteral("papertrail.pub");
// Files SHA256SUMS does not list: itself, and the ones signed on their own because they quote
// its hash (ArchiveWriter).
const QStringList SignedAlone{QStringLiteral("report.pdf"), QStringLiteral("CERTIFICATION.txt"), Sums};

QString hexOf(const crypto::Digest& d) { return QString::fromStdString(crypto::toHex(d)); }

// The archive's files one after the other, decrypted and unzipped as they stream by.
class ArchiveStream final {
public:
    ~ArchiveStream()
    {
        if (m_zip)
            archive_read_free(m_zip);
    }

    static Result<std::unique_ptr<ArchiveStream>> open(const QString& path, const ArchiveKey& key)
    {
        auto stream = std::unique_ptr<ArchiveStream>(new ArchiveStream);
        stream->m_file.setFileName(path);
        if (!stream->m_file.open(QIODevice::ReadOnly))
            return notFound(QStringLiteral("%1 cannot be read (%2).").arg(path, stream->m_file.errorString()));
        QFile* file = &stream->m_file;
        stream->m_age = std::make_unique<crypto::age::Reader>([file](std::span<std::uint8_t> buffer) -> std::optional<std::size_t> {
            const qint64 n = file->read(reinterpret_cast<char*>(buffer.data()), qint64(buffer.size()));
            return n < 0 ? std::nullopt : std::optional<std::size_t>(std::size_t(n));
        });
        crypto::age::Identities identities;
        for (const crypto::age::X25519Identity& identity : key.identities)
            identities.x25519.push_back(identity.clone());
        if (key.passphrase)
            identities.passphrase = key.passphrase->clone();
        if (crypto::age::Status s = stream->m_age->unlock(identities); !s) {
            const QString why = QString::fromStdString(s.message());
            if (s.code() == crypto::age::ErrorCode::NoMatch)
                return wrongKey(key.passphrase ? QStringLiteral("That passphrase does not open %1. Check it and try again.").arg(path)
                                               : QStringLiteral("None of the keys given opens %1: it was encrypted to "
                                                                "another key.").arg(path));
            return damaged(QStringLiteral("%1 is not an age file that can be opened (%2).").arg(path, why));
        }
        stream->m_zip = archive_read_new();
        archive_read_support_format_zip_streamable(stream->m_zip);
        archive_read_callback* read = [](struct archive*, void* client, const void** buffer) -> la_ssize_t {
            auto* self = static_cast<ArchiveStream*>(client);
            crypto::ByteView plaintext;
            if (crypto::age::Status s = self->m_age->read(plaintext); !s) {
                self->m_ageError = QString::fromStdString(s.message());
                return -1;
            }
            *buffer = plaintext.data();
            return la_ssize_t(plaintext.size());
        };
        if (archive_read_open(stream->m_zip, stream.get(), nullptr, read, nullptr) != ARCHIVE_OK)
            return stream->damage(QStringLiteral("opening the zip inside"));
        return stream;
    }

    // The next file's path; an empty string after the last one.
    Result<QString> next()
    {
        struct archive_entry* entry = nullptr;
        const int r = archive_read_next_header(m_zip, &entry);
        if (r == ARCHIVE_EOF)
            return QString();
        if (r != ARCHIVE_OK)
            return damage(QStringLiteral("reading the zip's next file"));
        const char* utf8 = archive_entry_pathname_utf8(entry);
        return utf8 ? QString::fromUtf8(utf8) : QStringLiteral("(a name that is not UTF-8)");
    }

    // The current file's next bytes; 0 at its end.
    Result<qint64> read(char* buffer, qint64 size)
    {
        const la_ssize_t n = archive_read_data(m_zip, buffer, size_t(size));
        if (n < 0)
            return damage(QStringLiteral("reading a file in the zip"));
        return qint64(n);
    }

private:
    ArchiveStream() = default;
    Error damage(const QString& doing) const
    {
        if (!m_ageError.isEmpty())
            return damaged(QStringLiteral("The archive is damaged or was changed: its encryption does not check out (%1). "
                                          "Do not rely on this copy; ask for it to be exported again.")
                               .arg(m_ageError));
        return damaged(QStringLiteral("The zip inside the archive is damaged (%1: %2). Do not rely on this copy.")
                           .arg(doing, QString::fromUtf8(archive_error_string(m_zip) ? archive_error_string(m_zip) : "")));
    }

    QFile m_file;
    std::unique_ptr<crypto::age::Reader> m_age;
    struct archive* m_zip = nullptr;
    QString m_ageError;
};

// Reads the current file to its end, handing each piece to `piece`.
Status readFile(ArchiveStream& stream, const std::function<void(const char*, qint64)>& piece)
{
    std::vector<char> buffer(64 * 1024);
    for (;;) {
        auto n = stream.read(buffer.data(), qint64(buffer.size()));
        if (!n)
            return n.error();
        if (*n == 0)
            return Ok{};
        piece(buffer.data(), *n);
    }
}

crypto::ByteView viewOf(const char* data, qint64 size)
{
    return {reinterpret_cast<const std::uint8_t*>(data), std::size_t(size)};
}

// SHA256SUMS: "<64 hex>  <path>" lines (or " *<path>", sha256sum's binary mode).
std::optional<QHash<QString, QString>> parseSums(const QByteArray& text)
{
    static const QRegularExpression line(QStringLiteral("^([0-9a-f]{64}) [ *](.+)$"));
    QHash<QString, QString> sums;
    for (const QByteArray& raw : text.split('\n')) {
        if (raw.isEmpty())
            continue;
        const auto m = line.match(QString::fromUtf8(raw));
        if (!m.hasMatch() || sums.contains(m.captured(2)))
            return std::nullopt;
        sums.insert(m.captured(2), m.captured(1));
    }
    return sums;
}

// chain.jsonl, a line at a time: every device's records signed by its key, in order, linked.
class ChainCheck final {
public:
    void add(const char* data, qint64 size)
    {
        m_pending.append(data, size);
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            line(m_pending.left(end));
            m_pending.remove(0, end + 1);
        }
        if (m_pending.size() > MaxChainLine)
            fail(QStringLiteral("a line is longer than any record"));
    }
    [[nodiscard]] ArchiveCheck result() const
    {
        if (!m_pending.isEmpty() && m_problem.isEmpty())
            return {What, false, QStringLiteral("the last line is cut short")};
        if (!m_problem.isEmpty())
            return {What, false, m_problem};
        return {What, m_records > 0, QStringLiteral("%1 records of %2 devices").arg(m_records).arg(m_keys.size())};
    }

private:
    inline static const QString What = QStringLiteral("Every device's log in chain.jsonl is signed and unbroken");

    void fail(const QString& why)
    {
        if (m_problem.isEmpty())
            m_problem = why;
    }
    void line(const QByteArray& text)
    {
        if (!m_problem.isEmpty())
            return;
        const QJsonObject o = QJsonDocument::fromJson(text).object();
        const QString type = o.value(QStringLiteral("type")).toString();
        const QString device = o.value(QStringLiteral("device")).toString();
        if (type == QLatin1String("device")) {
            const auto key = crypto::fromHex(o.value(QStringLiteral("public_key")).toString().toStdString());
            if (!key || key->size() != crypto::signing::PublicKeySize)
                return fail(QStringLiteral("device %1 has no valid public key").arg(device));
            m_keys.insert(device, *key);
            return;
        }
        if (type != QLatin1String("record"))
            return fail(QStringLiteral("a line is neither a device nor a record"));
        const qint64 seq = o.value(QStringLiteral("seq")).toInteger();
        const QByteArray payload = o.value(QStringLiteral("payload")).toString().toUtf8();
        const auto signature = crypto::fromBase64(o.value(QStringLiteral("signature")).toString().toStdString());
        const auto key = m_keys.constFind(device);
        if (key == m_keys.cend())
            return fail(QStringLiteral("device %1 has records but no public key").arg(device));
        if (!signature || !crypto::signing::verify(*key, bytesOf(payload), *signature))
            return fail(QStringLiteral("record %1 of device %2 is not signed by that device").arg(seq).arg(device));
        const QJsonObject signedFields = QJsonDocument::fromJson(payload).object();
        Position& at = m_positions[device];
        if (signedFields.value(QStringLiteral("device")).toString() != device ||
            signedFields.value(QStringLiteral("seq")).toInteger() != at.seq + 1 || seq != at.seq + 1 ||
            signedFields.value(QStringLiteral("previous")).toString() != at.hash)
            return fail(QStringLiteral("record %1 of device %2 is not the next one of its log").arg(seq).arg(device));
        at.seq = seq;
        at.hash = hexOf(crypto::Sha256::hash(bytesOf(payload)));
        ++m_records;
    }

    struct Position {
        qint64 seq = 0;
        QString hash;
    };
    QByteArray m_pending;
    QHash<QString, crypto::Bytes> m_keys;
    QHash<QString, Position> m_positions;
    qint64 m_records = 0;
    QString m_problem;
};

struct SmallFiles {
    QHash<QString, QByteArray> bytes; // SHA256SUMS, papertrail.pub and the signatures
    QStringList paths;
};

Result<SmallFiles> firstPass(const QString& path, const ArchiveKey& key)
{
    auto stream = ArchiveStream::open(path, key);
    if (!stream)
        return stream.error();
    SmallFiles small;
    for (;;) {
        auto name = (*stream)->next();
        if (!name)
            return name.error();
        if (name->isEmpty())
            return small;
        small.paths.append(*name);
        const bool keep = *name == Sums || *name == PublicKey || name->endsWith(QLatin1String(".minisig"));
        QByteArray kept;
        bool tooLarge = false;
        if (Status s = readFile(**stream, [&](const char* data, qint64 size) {
                if (keep && !tooLarge && kept.size() + size <= MaxSmallFile)
                    kept.append(data, size);
                else if (keep)
                    tooLarge = true;
            });
            !s)
            return s.error();
        if (keep && !tooLarge)
            small.bytes.insert(*name, kept);
    }
}

} // namespace

Result<ArchiveVerification> verifyArchive(const QString& path, const ArchiveKey& key)
{
    auto small = firstPass(path, key);
    if (!small)
        return small.error();
    ArchiveVerification result;
    result.checks.append({QStringLiteral("The archive opens with the key given and its encryption checks out to the "
                                         "last byte"),
                          true, {}});

    const QStringList& paths = small->paths;
    const QSet<QString> unique(paths.cbegin(), paths.cend());
    result.checks.append({QStringLiteral("The zip holds each file once"), unique.size() == paths.size(),
                          unique.size() == paths.size() ? QStringLiteral("%1 files").arg(paths.size())
                                                        : QStringLiteral("some names appear twice")});
    result.files = int(paths.size());
    for (const QString& p : paths)
        if (p.startsWith(QLatin1String("entries/PT-")) && p.endsWith(QLatin1String(".txt")))
            ++result.exhibits;

    const std::string publicKeyFile = small->bytes.value(PublicKey).toStdString();
    if (auto parsed = crypto::minisign::parsePublicKeyFile(publicKeyFile))
        result.keyId = QString::fromStdString(crypto::minisign::keyIdText(parsed->keyId));
    const auto sums = parseSums(small->bytes.value(Sums));
    result.checks.append({QStringLiteral("SHA256SUMS is there and well formed"), sums.has_value() && !sums->isEmpty(), {}});

    // The second pass: every file's SHA-256, the three signatures and the chains.
    std::map<QString, std::unique_ptr<crypto::minisign::Verifier>> signatures;
    for (const QString& name : SignedAlone)
        signatures[name] = std::make_unique<crypto::minisign::Verifier>(
            publicKeyFile, small->bytes.value(name + QStringLiteral(".minisig")).toStdString());
    QHash<QString, QString> actual;
    ChainCheck chain;
    auto stream = ArchiveStream::open(path, key);
    if (!stream)
        return stream.error();
    for (;;) {
        auto name = (*stream)->next();
        if (!name)
            return name.error();
        if (name->isEmpty())
            break;
        crypto::Sha256 hash;
        crypto::minisign::Verifier* signature = signatures.count(*name) ? signatures.at(*name).get() : nullptr;
        const bool isChain = *name == QLatin1String("chain.jsonl");
        if (Status s = readFile(**stream, [&](const char* data, qint64 size) {
                hash.update(viewOf(data, size));
                if (signature)
                    signature->update(viewOf(data, size));
                if (isChain)
                    chain.add(data, size);
            });
            !s)
            return s.error();
        actual.insert(*name, hexOf(hash.finish()));
    }

    if (sums) {
        QStringList wrong, missing, unlisted;
        for (auto it = sums->cbegin(); it != sums->cend(); ++it) {
            if (!actual.contains(it.key()))
                missing << it.key();
            else if (actual.value(it.key()) != it.value())
                wrong << it.key();
        }
        for (const QString& p : paths)
            if (!sums->contains(p) && !SignedAlone.contains(p) && !p.endsWith(QLatin1String(".minisig")))
                unlisted << p;
        result.checks.append({QStringLiteral("Every file SHA256SUMS lists is there with its SHA-256 (sha256sum -c)"),
                              wrong.isEmpty() && missing.isEmpty(),
                              wrong.isEmpty() && missing.isEmpty()
                                  ? QStringLiteral("%1 files").arg(sums->size())
                                  : QStringLiteral("changed: %1; missing: %2")
                                        .arg(wrong.isEmpty() ? QStringLiteral("none") : wrong.join(QStringLiteral(", ")),
                                             missing.isEmpty() ? QStringLiteral("none") : missing.join(QStringLiteral(", ")))});
        result.checks.append({QStringLiteral("Nothing was added that SHA256SUMS does not list"), unlisted.isEmpty(),
                              unlisted.join(QStringLiteral(", "))});
    }
    for (const QString& name : SignedAlone) {
        const crypto::minisign::Verification v = signatures.at(name)->finish();
        result.checks.append({QStringLiteral("%1 is signed by papertrail.pub (minisign -V)").arg(name), v.ok(),
                              v.ok() ? QStringLiteral("key %1").arg(result.keyId)
                                     : QString::fromUtf8(crypto::minisign::statusName(v.status).data())});
    }
    result.checks.append(chain.result());
    return result;
}

Result<std::vector<crypto::age::X25519Identity>> readIdentityFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return notFound(QStringLiteral("%1 cannot be read (%2).").arg(path, file.errorString()));
    const QByteArray text = file.read(64 * 1024);
    std::vector<crypto::age::X25519Identity> identities;
    for (const QByteArray& raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        auto identity = crypto::age::X25519Identity::parse(std::string_view(line.constData(), std::size_t(line.size())));
        if (!identity)
            return usage(QStringLiteral("%1 is not an age identity file: each line is a comment (#) or an "
                                        "AGE-SECRET-KEY-1... key.").arg(path));
        identities.push_back(std::move(*identity));
    }
    if (identities.empty())
        return usage(QStringLiteral("%1 holds no AGE-SECRET-KEY-1... key.").arg(path));
    return identities;
}

} // namespace pt::core::archive
