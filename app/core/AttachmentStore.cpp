#include "AttachmentStore.h"

#include "DurableFile.h"
#include "crypto/Aead.h"
#include "crypto/Random.h"
#include "crypto/SecretStream.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <array>
#include <vector>

namespace pt::core {

namespace {

constexpr char Magic[8] = {'P', 'T', 'A', 'T', 'T', '\0', '\0', '\1'};
constexpr std::size_t Chunk = crypto::StreamEncryptor::ChunkSize;
constexpr std::size_t SealedChunk = Chunk + crypto::StreamEncryptor::Overhead;
constexpr std::uint32_t MaxWrappedKey = 256;

QString hex(const crypto::Digest& d) { return QString::fromStdString(crypto::toHex(d)); }

// Reads until `buffer` is full or the source ends; returns bytes read or -1 on error.
qint64 readFull(QIODevice& source, char* buffer, qint64 size)
{
    qint64 total = 0;
    while (total < size) {
        const qint64 n = source.read(buffer + total, size - total);
        if (n < 0)
            return -1;
        if (n == 0) {
            if (source.atEnd() || !source.waitForReadyRead(30000))
                break;
            continue;
        }
        total += n;
    }
    return total;
}

Error damagedObject(const QString& object, const QString& what)
{
    return damaged(QStringLiteral("Attachment %1 is damaged (%2). Restore it from a synced copy or "
                                  "a backup.")
                       .arg(object, what));
}

} // namespace

AttachmentStore::AttachmentStore(QString objectsDir, const VaultKeys& keys)
    : m_dir(std::move(objectsDir)), m_keys(keys)
{
}

QString AttachmentStore::pathOf(const QString& object) const
{
    return m_dir + QLatin1Char('/') + object.left(2) + QLatin1Char('/') + object;
}

bool AttachmentStore::exists(const QString& object) const { return QFile::exists(pathOf(object)); }

void AttachmentStore::removeLeftovers()
{
    QDir tmp(m_dir + QStringLiteral("/tmp"));
    for (const QString& name : tmp.entryList(QDir::Files | QDir::Hidden))
        tmp.remove(name);
}

Result<StoredAttachment> AttachmentStore::put(QIODevice& source)
{
    const QString tmpDir = m_dir + QStringLiteral("/tmp");
    if (!QDir().mkpath(tmpDir))
        return failed(QStringLiteral("Could not create %1. Check that the vault folder is writable.")
                          .arg(tmpDir));
    const QString tmpPath = tmpDir + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::Id128);
    QFile out(tmpPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return failed(QStringLiteral("Could not create %1: %2.").arg(tmpPath, out.errorString()));
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    auto abandon = [&](Error error) -> Result<StoredAttachment> {
        out.close();
        out.remove();
        return error;
    };
    auto writeFailed = [&]() {
        return failed(QStringLiteral("Could not write the attachment (%1); nothing was saved. Free "
                                     "some disk space and try again.")
                          .arg(out.errorString()));
    };

    crypto::Sha256 cipherHash;
    crypto::Sha256 plainHash;
    auto writeCipher = [&](const char* data, qint64 size) {
        cipherHash.update({reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)});
        return out.write(data, size) == size;
    };

    const crypto::SecureBytes fileKey = crypto::randomSecret(32);
    const crypto::Bytes wrapped = crypto::aead::seal(m_keys.subkey(Purpose::AttachmentKey).view(),
                                                     fileKey.view(),
                                                     bytesOf(m_keys.aad(QStringLiteral("attachment-key"))));
    std::array<std::uint8_t, 4> len{};
    crypto::storeLe32(len.data(), static_cast<std::uint32_t>(wrapped.size()));
    crypto::StreamEncryptor encryptor(fileKey.view());
    const crypto::ByteView header = encryptor.header();
    if (!writeCipher(Magic, sizeof Magic) ||
        !writeCipher(reinterpret_cast<const char*>(len.data()), len.size()) ||
        !writeCipher(reinterpret_cast<const char*>(wrapped.data()), qint64(wrapped.size())) ||
        !writeCipher(reinterpret_cast<const char*>(header.data()), qint64(header.size())))
        return abandon(writeFailed());

    // Read one chunk ahead so the last chunk can carry the FINAL tag.
    std::vector<char> current(Chunk), next(Chunk);
    std::vector<std::uint8_t> sealed(SealedChunk);
    qint64 currentSize = readFull(source, current.data(), Chunk);
    qint64 total = 0;
    while (true) {
        if (currentSize < 0)
            return abandon(failed(QStringLiteral("Could not read the file to attach: %1.")
                                      .arg(source.errorString())));
        qint64 nextSize = 0;
        if (currentSize == qint64(Chunk)) {
            nextSize = readFull(source, next.data(), Chunk);
            if (nextSize < 0)
                continue; // reported at the top of the loop
        }
        const bool final = nextSize == 0;
        const crypto::ByteView plain(reinterpret_cast<const std::uint8_t*>(current.data()),
                                     static_cast<std::size_t>(currentSize));
        plainHash.update(plain);
        total += currentSize;
        const std::size_t n = encryptor.push(plain, sealed, final);
        if (!writeCipher(reinterpret_cast<const char*>(sealed.data()), qint64(n)))
            return abandon(writeFailed());
        if (final)
            break;
        std::swap(current, next);
        currentSize = nextSize;
    }
    if (!out.flush())
        return abandon(writeFailed());
    if (Status s = durable::syncFile(out.handle(), tmpPath); !s)
        return abandon(s.error());
    out.close();

    StoredAttachment stored{hex(cipherHash.finish()), total, hex(plainHash.finish())};
    const QString finalPath = pathOf(stored.object);
    const QString shard = QFileInfo(finalPath).absolutePath();
    if (!QDir().mkpath(shard) || !QFile::rename(tmpPath, finalPath)) {
        QFile::remove(tmpPath);
        return failed(QStringLiteral("Could not move the attachment into %1. Check that the vault "
                                     "folder is writable.")
                          .arg(shard));
    }
    if (Status s = durable::syncDirectory(shard); !s)
        return s.error();
    return stored;
}

Status AttachmentStore::get(const QString& object, QIODevice& sink) const
{
    return decrypt(object, &sink, nullptr, nullptr, nullptr);
}

Status AttachmentStore::check(const QString& object, qint64 size, const QString& sha256) const
{
    QString cipherHash, plainHash;
    qint64 plainSize = 0;
    if (Status s = decrypt(object, nullptr, &cipherHash, &plainHash, &plainSize); !s)
        return s;
    if (cipherHash != object)
        return damagedObject(object, QStringLiteral("its contents no longer match its name"));
    if (plainSize != size || plainHash != sha256)
        return damagedObject(object, QStringLiteral("the original bytes no longer match the hash "
                                                    "recorded in the entry"));
    return Ok{};
}

Status AttachmentStore::decrypt(const QString& object, QIODevice* sink, QString* cipherHashOut,
                                QString* plainHashOut, qint64* plainSizeOut) const
{
    QFile in(pathOf(object));
    if (!in.exists())
        return notFound(QStringLiteral("Attachment %1 is missing from the vault's objects folder. "
                                       "Restore it from a synced copy or a backup.")
                            .arg(object));
    if (!in.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("Could not read attachment %1: %2.").arg(object, in.errorString()));

    crypto::Sha256 cipherHash;
    crypto::Sha256 plainHash;
    auto readExact = [&](void* buffer, qint64 size) {
        if (in.read(static_cast<char*>(buffer), size) != size)
            return false;
        if (cipherHashOut)
            cipherHash.update({static_cast<const std::uint8_t*>(buffer), static_cast<std::size_t>(size)});
        return true;
    };

    char magic[sizeof Magic];
    std::array<std::uint8_t, 4> len{};
    if (!readExact(magic, sizeof magic) || std::memcmp(magic, Magic, sizeof Magic) != 0 ||
        !readExact(len.data(), len.size()))
        return damagedObject(object, QStringLiteral("bad header"));
    const std::uint32_t wrappedSize = crypto::loadLe32(len.data());
    if (wrappedSize > MaxWrappedKey)
        return damagedObject(object, QStringLiteral("bad header"));
    crypto::Bytes wrapped(wrappedSize);
    std::array<std::uint8_t, crypto::StreamEncryptor::HeaderSize> streamHeader{};
    if (!readExact(wrapped.data(), wrappedSize) || !readExact(streamHeader.data(), streamHeader.size()))
        return damagedObject(object, QStringLiteral("truncated header"));
    const auto fileKey = crypto::aead::openSecret(m_keys.subkey(Purpose::AttachmentKey).view(), wrapped,
                                                  bytesOf(m_keys.aad(QStringLiteral("attachment-key"))));
    crypto::StreamDecryptor decryptor;
    if (!fileKey || !decryptor.init(streamHeader, fileKey->view()))
        return damagedObject(object, QStringLiteral("its key does not open"));

    std::vector<std::uint8_t> sealed(SealedChunk);
    std::vector<std::uint8_t> plain(Chunk);
    qint64 total = 0;
    bool final = false;
    while (!final) {
        const qint64 n = in.read(reinterpret_cast<char*>(sealed.data()), qint64(SealedChunk));
        if (n < 0)
            return failed(QStringLiteral("Could not read attachment %1: %2.").arg(object, in.errorString()));
        if (n == 0)
            return damagedObject(object, QStringLiteral("it was cut short"));
        if (cipherHashOut)
            cipherHash.update({sealed.data(), static_cast<std::size_t>(n)});
        const auto got = decryptor.pull({sealed.data(), static_cast<std::size_t>(n)}, plain, final);
        if (!got)
            return damagedObject(object, QStringLiteral("chunk at byte %1 does not authenticate").arg(total));
        total += qint64(*got);
        if (plainHashOut)
            plainHash.update({plain.data(), *got});
        if (sink && sink->write(reinterpret_cast<const char*>(plain.data()), qint64(*got)) != qint64(*got))
            return failed(QStringLiteral("Could not write the attachment out: %1. Free some space and "
                                         "try again.")
                              .arg(sink->errorString()));
    }
    if (!in.atEnd())
        return damagedObject(object, QStringLiteral("extra bytes after its end"));
    if (cipherHashOut)
        *cipherHashOut = hex(cipherHash.finish());
    if (plainHashOut)
        *plainHashOut = hex(plainHash.finish());
    if (plainSizeOut)
        *plainSizeOut = total;
    return Ok{};
}

Status AttachmentStore::remove(const QString& object)
{
    const QString path = pathOf(object);
    if (QFile::exists(path) && !QFile::remove(path))
        return failed(QStringLiteral("Could not remove attachment %1. Check the folder's permissions.")
                          .arg(object));
    return durable::syncDirectory(QFileInfo(path).absolutePath());
}

} // namespace pt::core
