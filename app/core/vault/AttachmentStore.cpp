#include "AttachmentStore.h"

#include "BackgroundHasher.h"
#include "DurableFile.h"
#include "crypto/Aead.h"
#include "crypto/Random.h"
#include "crypto/SecretStream.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pt::core {

namespace {

constexpr char Magic[8] = {'P', 'T', 'A', 'T', 'T', '\0', '\0', '\1'};
constexpr std::size_t Chunk = crypto::StreamEncryptor::ChunkSize;
constexpr std::size_t SealedChunk = Chunk + crypto::StreamEncryptor::Overhead;
constexpr std::size_t BatchChunks = 16; // 1 MiB of plaintext per batch
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

// Whether the source has more to give (blocking until it knows, for pipes). A read error is not
// the end: taking it for one would save a shortened copy as if it were the original.
enum class More { Yes, No, Error };
More moreData(QIODevice& source)
{
    char next = 0;
    qint64 n = source.peek(&next, 1);
    if (n == 0 && source.isSequential() && source.waitForReadyRead(30000))
        n = source.peek(&next, 1);
    return n < 0 ? More::Error : n == 0 ? More::No : More::Yes;
}

Error damagedObject(const QString& object, const QString& what)
{
    return damaged(QStringLiteral("Attachment %1 is damaged (%2). Restore it from a synced copy or "
                                  "a backup.")
                       .arg(object, what));
}

constexpr mode_t FolderMode = 0700;
const QString TmpFolder = QStringLiteral("tmp");

QString systemError() { return QString::fromLocal8Bit(std::strerror(errno)); }

bool isTempName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{32}$"));
    return re.match(name).hasMatch();
}

// Calls `visit` with every name in the folder (not . and ..); false when it cannot be read.
bool forEachName(int dirFd, const std::function<void(const QString&)>& visit)
{
    const int copy = ::dup(dirFd);
    if (copy < 0)
        return false;
    DIR* dir = ::fdopendir(copy);
    if (!dir) {
        ::close(copy);
        return false;
    }
    ::rewinddir(dir);
    while (const dirent* e = ::readdir(dir)) {
        const QString name = QFile::decodeName(e->d_name);
        if (name != QLatin1String(".") && name != QLatin1String(".."))
            visit(name);
    }
    ::closedir(dir);
    return true;
}

bool isRegularAt(int dirFd, const QString& name)
{
    struct stat st {};
    return ::fstatat(dirFd, QFile::encodeName(name).constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

bool isFolderAt(int dirFd, const QString& name)
{
    struct stat st {};
    return ::fstatat(dirFd, QFile::encodeName(name).constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

// Creates `name` in the folder (owner-only) unless it exists, then opens it without following links.
Result<UniqueFd> makeFolderAt(int dirFd, const QString& name, const QString& what, bool* created = nullptr)
{
    const bool made = ::mkdirat(dirFd, QFile::encodeName(name).constData(), FolderMode) == 0;
    if (!made && errno != EEXIST)
        return failed(QStringLiteral("Could not create %1 (%2). Check that the vault folder is writable.")
                          .arg(what, systemError()));
    if (created)
        *created = made;
    return openFolderAt(dirFd, name, what);
}

} // namespace

bool AttachmentStore::isObjectName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(name).hasMatch();
}

AttachmentStore::AttachmentStore(QString objectsDir, const VaultKeys& keys)
    : m_dir(std::move(objectsDir)), m_keys(keys)
{
}

QString AttachmentStore::pathOf(const QString& object) const
{
    return m_dir + QLatin1Char('/') + object.left(2) + QLatin1Char('/') + object;
}

Status AttachmentStore::open()
{
    const QByteArray path = QFile::encodeName(m_dir);
    if (::mkdir(path.constData(), FolderMode) != 0 && errno != EEXIST)
        return failed(QStringLiteral("Could not create %1 (%2). Check that the vault folder is writable.")
                          .arg(m_dir, systemError()));
    auto dir = openFolder(m_dir, QStringLiteral("The vault's objects folder (%1)").arg(m_dir));
    if (!dir)
        return dir.error();
    m_dirFd = std::move(*dir);
    // Owner-only, as the format says (early versions made these 0755).
    ::fchmod(m_dirFd.get(), FolderMode);
    forEachName(m_dirFd.get(), [&](const QString& name) {
        if (auto sub = openFolderAt(m_dirFd.get(), name, name))
            ::fchmod(sub->get(), FolderMode);
    });
    return Ok{};
}

Result<UniqueFd> AttachmentStore::shard(const QString& object, bool create) const
{
    if (!isObjectName(object))
        return damaged(QStringLiteral("%1 is not an attachment name Paper Trail makes.").arg(object.left(80)));
    const QString name = object.left(2);
    const QString what = QStringLiteral("The attachment folder objects/%1").arg(name);
    return create ? makeFolderAt(m_dirFd.get(), name, what) : openFolderAt(m_dirFd.get(), name, what);
}

bool AttachmentStore::exists(const QString& object) const
{
    auto dir = shard(object, false);
    return dir && isRegularAt(dir->get(), object);
}

void AttachmentStore::removeLeftovers()
{
    auto tmp = openFolderAt(m_dirFd.get(), TmpFolder, QStringLiteral("objects/tmp"));
    if (!tmp)
        return; // nothing there, or not a real folder: then nothing in it is ours
    forEachName(tmp->get(), [&](const QString& name) {
        if (isTempName(name) && isRegularAt(tmp->get(), name))
            ::unlinkat(tmp->get(), QFile::encodeName(name).constData(), 0);
    });
}

Result<ObjectsListing> AttachmentStore::list() const
{
    ObjectsListing listing;
    const bool read = forEachName(m_dirFd.get(), [&](const QString& name) {
        const bool isShard = name.size() == 2 && isObjectName(name + QString(62, QLatin1Char('0')));
        if ((!isShard && name != TmpFolder) || !isFolderAt(m_dirFd.get(), name)) {
            listing.foreign << name;
            return;
        }
        auto sub = openFolderAt(m_dirFd.get(), name, name);
        if (!sub) {
            listing.foreign << name;
            return;
        }
        forEachName(sub->get(), [&](const QString& file) {
            if (isShard && isObjectName(file) && file.startsWith(name) && isRegularAt(sub->get(), file))
                listing.objects << file;
            else
                listing.foreign << name + QLatin1Char('/') + file;
        });
    });
    if (!read)
        return failed(QStringLiteral("Could not list the vault's objects folder %1.").arg(m_dir));
    listing.objects.sort();
    listing.foreign.sort();
    return listing;
}

Result<StoredAttachment> AttachmentStore::put(QIODevice& source)
{
    auto temp = createTemp();
    if (!temp)
        return temp.error();
    const auto* tmp = &temp->dir;
    const QByteArray& tmpNameBytes = temp->name;
    QFile out;
    if (!out.open(temp->fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(temp->fd);
        ::unlinkat(tmp->get(), tmpNameBytes.constData(), 0);
        return failed(QStringLiteral("Could not write in %1/tmp. Check that the vault folder is writable.").arg(m_dir));
    }

    // Two sets of batch buffers: the hasher reads one while the next is encrypted into the other.
    // They are declared before the hasher so they outlive its thread.
    struct Batch {
        std::vector<char> plain = std::vector<char>(BatchChunks * Chunk);
        std::vector<std::uint8_t> sealed = std::vector<std::uint8_t>(BatchChunks * SealedChunk);
        std::size_t ticket = 0;
    };
    Batch batches[2];
    crypto::Bytes prefix;
    BackgroundHasher hasher;

    auto abandon = [&](Error error) -> Result<StoredAttachment> {
        out.close();
        ::unlinkat(tmp->get(), tmpNameBytes.constData(), 0);
        return error;
    };
    auto writeFailed = [&]() {
        return failed(QStringLiteral("Could not write the attachment (%1); nothing was saved. Free "
                                     "some disk space and try again.")
                          .arg(out.errorString()));
    };

    // Header: magic, wrapped file key, secretstream header.
    const crypto::SecureBytes fileKey = crypto::randomSecret(32);
    const crypto::Bytes wrapped = crypto::aead::seal(m_keys.subkey(Purpose::AttachmentKey).view(),
                                                     fileKey.view(),
                                                     bytesOf(m_keys.aad(QStringLiteral("attachment-key"))));
    crypto::StreamEncryptor encryptor(fileKey.view());
    prefix.assign(Magic, Magic + sizeof Magic);
    prefix.resize(prefix.size() + 4);
    crypto::storeLe32(prefix.data() + sizeof Magic, static_cast<std::uint32_t>(wrapped.size()));
    prefix.insert(prefix.end(), wrapped.begin(), wrapped.end());
    prefix.insert(prefix.end(), encryptor.header().begin(), encryptor.header().end());
    if (out.write(reinterpret_cast<const char*>(prefix.data()), qint64(prefix.size())) != qint64(prefix.size()))
        return abandon(writeFailed());
    hasher.submit({}, prefix);

    qint64 total = 0;
    for (std::size_t index = 0;; ++index) {
        Batch& batch = batches[index % 2];
        if (batch.ticket)
            hasher.waitFor(batch.ticket); // its bytes from two batches ago are hashed
        const qint64 n = readFull(source, batch.plain.data(), qint64(batch.plain.size()));
        // The last chunk of the stream carries the FINAL tag, so look one byte ahead.
        const More more = n == qint64(batch.plain.size()) ? moreData(source) : More::No;
        if (n < 0 || more == More::Error)
            return abandon(failed(QStringLiteral("Could not read the file to attach (%1); nothing was saved.")
                                      .arg(source.errorString())));
        const bool final = more == More::No;
        std::size_t sealedSize = 0;
        std::size_t offset = 0;
        do {
            const std::size_t size = std::min(Chunk, static_cast<std::size_t>(n) - offset);
            const bool last = offset + size == static_cast<std::size_t>(n);
            sealedSize += encryptor.push({reinterpret_cast<const std::uint8_t*>(batch.plain.data()) + offset, size},
                                         std::span(batch.sealed).subspan(sealedSize), final && last);
            offset += size;
        } while (offset < static_cast<std::size_t>(n));
        if (out.write(reinterpret_cast<const char*>(batch.sealed.data()), qint64(sealedSize)) != qint64(sealedSize))
            return abandon(writeFailed());
        batch.ticket = hasher.submit({reinterpret_cast<const std::uint8_t*>(batch.plain.data()), static_cast<std::size_t>(n)},
                                     {batch.sealed.data(), sealedSize});
        total += n;
        if (final)
            break;
    }
    if (!out.flush())
        return abandon(writeFailed());
    if (m_deferSync)
        m_unsynced = true;
    else if (Status s = durable::syncFile(out.handle(), QStringLiteral("a new attachment")); !s)
        return abandon(s.error());
    out.close();
    const BackgroundHasher::Digests digests = hasher.finish();

    StoredAttachment stored{hex(digests.ciphertext), total, hex(digests.plaintext)};
    if (Status s = moveIntoPlace(*temp, stored.object); !s)
        return s.error();
    return stored;
}

Result<AttachmentStore::TempFile> AttachmentStore::createTemp() const
{
    auto tmp = makeFolderAt(m_dirFd.get(), TmpFolder, QStringLiteral("The vault's objects/tmp folder"));
    if (!tmp)
        return tmp.error();
    const QByteArray name = QFile::encodeName(QUuid::createUuid().toString(QUuid::Id128));
    const int fd = ::openat(tmp->get(), name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return failed(QStringLiteral("Could not create a file in %1/tmp (%2). Check that the vault folder is writable.")
                          .arg(m_dir, systemError()));
    return TempFile{std::move(*tmp), name, fd};
}

Status AttachmentStore::moveIntoPlace(const TempFile& temp, const QString& object) const
{
    bool newShard = false;
    auto dir = makeFolderAt(m_dirFd.get(), object.left(2), QStringLiteral("An attachment folder"), &newShard);
    if (!dir || ::renameat(temp.dir.get(), temp.name.constData(), dir->get(), QFile::encodeName(object).constData()) != 0) {
        ::unlinkat(temp.dir.get(), temp.name.constData(), 0);
        return failed(QStringLiteral("Could not move the attachment into %1. Check that the vault folder is writable.")
                          .arg(pathOf(object)));
    }
    if (m_deferSync) {
        m_unsynced = true;
        return Ok{};
    }
    if (Status s = durable::syncFile(dir->get(), pathOf(object)); !s)
        return s;
    if (newShard) // the new folder's own entry must survive power loss too
        if (Status s = durable::syncFile(m_dirFd.get(), m_dir); !s)
            return s;
    return Ok{};
}

Status AttachmentStore::syncDeferred()
{
    if (!m_unsynced)
        return Ok{};
    // syncfs: every file and folder entry written on this file system, the renames included.
    if (::syncfs(m_dirFd.get()) != 0)
        return failed(QStringLiteral("Could not flush the new attachments in %1 to disk (%2). Check the disk and try "
                                     "again.").arg(m_dir, systemError()));
    m_unsynced = false;
    return Ok{};
}

namespace {

// Hashes what is written through it into the file it wraps.
class HashingWriter final : public QIODevice {
public:
    explicit HashingWriter(QFile& file) : m_file(file) { open(QIODevice::WriteOnly); }
    [[nodiscard]] crypto::Digest digest() { return m_hash.finish(); }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        m_hash.update({reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)});
        return m_file.write(data, size);
    }

private:
    QFile& m_file;
    crypto::Sha256 m_hash;
};

} // namespace

Status AttachmentStore::adopt(const QString& object, const std::function<Status(QIODevice&)>& fill)
{
    if (!isObjectName(object))
        return damaged(QStringLiteral("%1 is not an attachment name Paper Trail makes.").arg(object.left(80)));
    if (exists(object))
        return Ok{};
    auto temp = createTemp();
    if (!temp)
        return temp.error();
    QFile out;
    if (!out.open(temp->fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(temp->fd);
        ::unlinkat(temp->dir.get(), temp->name.constData(), 0);
        return failed(QStringLiteral("Could not write in %1/tmp. Check that the vault folder is writable.").arg(m_dir));
    }
    auto abandon = [&](Error error) {
        out.close();
        ::unlinkat(temp->dir.get(), temp->name.constData(), 0);
        return error;
    };
    HashingWriter writer(out);
    if (Status s = fill(writer); !s)
        return abandon(s.error());
    if (!out.flush())
        return abandon(failed(QStringLiteral("Could not write an attachment (%1). Free some disk space and sync again.")
                                  .arg(out.errorString())));
    if (hex(writer.digest()) != object)
        return abandon(damagedObject(object, QStringLiteral("the copy received is not the file its name says; it was "
                                                            "not kept")));
    if (Status s = durable::syncFile(out.handle(), QStringLiteral("a synced attachment")); !s)
        return abandon(s.error());
    out.close();
    return moveIntoPlace(*temp, object);
}

Status AttachmentStore::get(const QString& object, QIODevice& sink) const
{
    // The file's hash is its name, and the name is in the signed, encrypted revision: a file that
    // hashes to anything else is not this attachment, however well it decrypts.
    QString cipherHash;
    if (Status s = decrypt(object, &sink, &cipherHash, nullptr, nullptr); !s)
        return s;
    if (cipherHash != object)
        return damagedObject(object, QStringLiteral("its file is not the one its name says, so what was read is not "
                                                    "this attachment; discard it"));
    return Ok{};
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
    auto dir = shard(object, false);
    auto fd = dir ? openRegularFileAt(dir->get(), object, QStringLiteral("Attachment %1").arg(object))
                  : Result<UniqueFd>(dir.error());
    if (!fd) {
        if (fd.error().code == ErrorCode::NotFound)
            return notFound(QStringLiteral("Attachment %1 is missing from the vault's objects folder. "
                                           "Restore it from a synced copy or a backup.")
                                .arg(object));
        return fd.error();
    }
    QFile in;
    if (!in.open(fd->get(), QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return failed(QStringLiteral("Could not read attachment %1: %2.").arg(object, in.errorString()));
    fd->release(); // the QFile closes it now

    // The file is read in batches of 16 chunks into two alternating buffers: a second thread
    // hashes one batch while this one decrypts the next, so checking the name costs little time.
    struct Batch {
        std::vector<std::uint8_t> sealed = std::vector<std::uint8_t>(BatchChunks * SealedChunk);
        std::vector<std::uint8_t> plain = std::vector<std::uint8_t>(BatchChunks * Chunk);
        std::size_t ticket = 0;
    };
    Batch batches[2];
    crypto::Bytes header;
    header.reserve(sizeof Magic + 4 + MaxWrappedKey + crypto::StreamEncryptor::HeaderSize); // pointers into it stay valid
    const bool hashing = cipherHashOut || plainHashOut;
    std::optional<BackgroundHasher> hasher; // after the buffers it reads: they outlive its thread
    if (hashing)
        hasher.emplace();

    auto readHeader = [&](std::size_t size) -> std::uint8_t* {
        const std::size_t at = header.size();
        header.resize(at + size);
        if (in.read(reinterpret_cast<char*>(header.data() + at), qint64(size)) != qint64(size))
            return nullptr;
        return header.data() + at;
    };
    const std::uint8_t* magic = readHeader(sizeof Magic);
    const std::uint8_t* len = magic && std::memcmp(magic, Magic, sizeof Magic) == 0 ? readHeader(4) : nullptr;
    if (!len)
        return damagedObject(object, QStringLiteral("bad header"));
    const std::uint32_t wrappedSize = crypto::loadLe32(len);
    if (wrappedSize > MaxWrappedKey)
        return damagedObject(object, QStringLiteral("bad header"));
    const std::uint8_t* wrapped = readHeader(wrappedSize);
    const std::uint8_t* streamHeader = wrapped ? readHeader(crypto::StreamEncryptor::HeaderSize) : nullptr;
    if (!streamHeader)
        return damagedObject(object, QStringLiteral("truncated header"));
    const auto fileKey = crypto::aead::openSecret(m_keys.subkey(Purpose::AttachmentKey).view(), {wrapped, wrappedSize},
                                                  bytesOf(m_keys.aad(QStringLiteral("attachment-key"))));
    crypto::StreamDecryptor decryptor;
    if (!fileKey || !decryptor.init({streamHeader, crypto::StreamEncryptor::HeaderSize}, fileKey->view()))
        return damagedObject(object, QStringLiteral("its key does not open"));
    if (hasher)
        hasher->submit({}, header);

    qint64 total = 0;
    bool final = false;
    for (std::size_t index = 0; !final; ++index) {
        Batch& batch = batches[index % 2];
        if (batch.ticket)
            hasher->waitFor(batch.ticket); // hashed, so it may be overwritten
        const qint64 n = readFull(in, reinterpret_cast<char*>(batch.sealed.data()), qint64(batch.sealed.size()));
        if (n < 0)
            return failed(QStringLiteral("Could not read attachment %1: %2.").arg(object, in.errorString()));
        if (n == 0)
            return damagedObject(object, QStringLiteral("it was cut short"));
        std::size_t offset = 0;
        std::size_t plainSize = 0;
        while (offset < std::size_t(n) && !final) {
            const std::size_t size = std::min(SealedChunk, std::size_t(n) - offset);
            const auto got = decryptor.pull({batch.sealed.data() + offset, size},
                                            std::span(batch.plain).subspan(plainSize, Chunk), final);
            if (!got)
                return damagedObject(object, QStringLiteral("chunk at byte %1 does not authenticate").arg(total));
            if (sink && sink->write(reinterpret_cast<const char*>(batch.plain.data() + plainSize), qint64(*got)) != qint64(*got))
                return failed(QStringLiteral("Could not write the attachment out: %1. Free some space and "
                                             "try again.")
                                  .arg(sink->errorString()));
            offset += size;
            plainSize += *got;
            total += qint64(*got);
        }
        if (offset < std::size_t(n))
            return damagedObject(object, QStringLiteral("extra bytes after its end"));
        if (hasher)
            batch.ticket = hasher->submit({batch.plain.data(), plainHashOut ? plainSize : 0}, {batch.sealed.data(), std::size_t(n)});
    }
    if (!in.atEnd())
        return damagedObject(object, QStringLiteral("extra bytes after its end"));
    if (hasher) {
        const BackgroundHasher::Digests digests = hasher->finish();
        if (cipherHashOut)
            *cipherHashOut = hex(digests.ciphertext);
        if (plainHashOut)
            *plainHashOut = hex(digests.plaintext);
    }
    if (plainSizeOut)
        *plainSizeOut = total;
    return Ok{};
}

Status AttachmentStore::remove(const QString& object)
{
    auto dir = shard(object, false);
    if (!dir)
        return dir.error().code == ErrorCode::NotFound ? Status(Ok{}) : Status(dir.error());
    if (::unlinkat(dir->get(), QFile::encodeName(object).constData(), 0) != 0 && errno != ENOENT)
        return failed(QStringLiteral("Could not remove attachment %1 (%2). Check the folder's permissions.")
                          .arg(object, systemError()));
    return durable::syncFile(dir->get(), pathOf(object));
}

} // namespace pt::core
