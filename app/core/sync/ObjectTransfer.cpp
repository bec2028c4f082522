#include "ObjectTransfer.h"

#include "PartsManifest.h"
#include "RegularFile.h"
#include "crypto/Sha256.h"

#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace pt::core::sync {

namespace {

// Parts after a 413 are cut on 64 KiB boundaries, the attachment chunk size.
constexpr qint64 kPartAlign = 64 * 1024;
constexpr qint64 kReadChunk = 1024 * 1024;

QString hexOf(const crypto::Digest& digest)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest.data()), qsizetype(digest.size())).toHex());
}

// The next part size after `refused` was too large; 0 when it was the smallest already.
qint64 smallerPart(qint64 refused)
{
    if (refused <= MinPartBytes)
        return 0;
    return std::max(MinPartBytes, refused / 2 / kPartAlign * kPartAlign);
}

// A window [start, start + length) of a seekable file, itself seekable, so a request can be
// sent again from its start.
class FileSlice final : public QIODevice {
public:
    FileSlice(QIODevice& file, qint64 start, qint64 length) : m_file(file), m_start(start), m_length(length)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    [[nodiscard]] bool isSequential() const override { return false; }
    [[nodiscard]] qint64 size() const override { return m_length; }
    bool seek(qint64 pos) override
    {
        if (pos < 0 || pos > m_length || !QIODevice::seek(pos))
            return false;
        m_offset = pos;
        return true;
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, m_length - m_offset);
        if (n <= 0)
            return 0;
        if (!m_file.seek(m_start + m_offset))
            return -1;
        const qint64 got = m_file.read(data, n);
        if (got > 0)
            m_offset += got;
        return got;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice& m_file;
    const qint64 m_start;
    const qint64 m_length;
    qint64 m_offset = 0;
};

// Passes what is written on to `sink`, counting it and, when asked, hashing it.
class CheckingSink final : public QIODevice {
public:
    CheckingSink(QIODevice& sink, bool hash) : m_sink(sink), m_hashing(hash)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    [[nodiscard]] qint64 count() const { return m_count; }
    [[nodiscard]] QString sha256() { return hexOf(m_hash.finish()); }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        const qint64 n = m_sink.write(data, size);
        if (n != size) {
            setErrorString(m_sink.errorString());
            return -1;
        }
        if (m_hashing)
            m_hash.update({reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)});
        m_count += n;
        return n;
    }

private:
    QIODevice& m_sink;
    const bool m_hashing;
    crypto::Sha256 m_hash;
    qint64 m_count = 0;
};

Error notThereYet(const QString& object)
{
    return Error{ErrorCode::Failed,
                 QStringLiteral("Attachment %1 is not (or not wholly) on the sync remote yet; sync again later.")
                     .arg(object),
                 true};
}

// Uploads the file in parts of `partSize`, then the manifest. A manifest already there for the
// same file means another try, or another device, has done it all.
Result<qint64> putParts(Remote& remote, const RemoteLayout& layout, const QString& object, QIODevice& file,
                        qint64 size, qint64 partSize)
{
    auto existing = remote.get(layout.objectParts(object), PartsManifest::MaxFileBytes);
    if (existing) {
        if (auto there = PartsManifest::parse(*existing, object, size); there && there->size == size)
            return qint64(0);
        // A cut or foreign manifest: the one written below replaces it.
    } else if (existing.error().code != ErrorCode::NotFound) {
        return existing.error();
    }

    // Parts are named by their hashes, so they are hashed before they are sent.
    PartsManifest manifest{object, size, {}};
    if ((size + partSize - 1) / partSize > PartsManifest::MaxParts)
        return failed(QStringLiteral("Attachment %1 is too large to be sent in parts the server takes.").arg(object));
    if (!file.seek(0))
        return failed(QStringLiteral("Could not read attachment %1 to sync it.").arg(object));
    std::vector<char> buffer(static_cast<std::size_t>(std::min(kReadChunk, partSize)));
    for (qint64 offset = 0; offset < size; offset += partSize) {
        const qint64 length = std::min(partSize, size - offset);
        crypto::Sha256 hash;
        for (qint64 done = 0; done < length;) {
            const qint64 n = file.read(buffer.data(), std::min(qint64(buffer.size()), length - done));
            if (n <= 0)
                return failed(QStringLiteral("Could not read attachment %1 to sync it.").arg(object));
            hash.update({reinterpret_cast<const std::uint8_t*>(buffer.data()), static_cast<std::size_t>(n)});
            done += n;
        }
        manifest.parts.append({hexOf(hash.finish()), length});
    }

    // Parts a cut try left: the same name and size is the same bytes (a cut upload's stump is
    // shorter, and is written over).
    auto listed = remote.list(layout.partsDir(object));
    if (!listed)
        return listed.error();
    QHash<QString, qint64> there;
    for (const RemoteFile& f : *listed)
        there.insert(f.name, f.size);
    qint64 sent = 0;
    qint64 offset = 0;
    for (const ObjectPart& part : manifest.parts) {
        if (there.value(part.sha256, -1) != part.size) {
            FileSlice slice(file, offset, part.size);
            if (Status s = remote.putImmutable(layout.part(object, part.sha256), slice, part.size); !s)
                return s.error();
            there.insert(part.sha256, part.size);
            sent += part.size;
        }
        offset += part.size;
    }

    QByteArray json = manifest.toJson();
    QBuffer source(&json);
    source.open(QIODevice::ReadOnly);
    if (Status s = remote.putImmutable(layout.objectParts(object), source, json.size()); !s)
        return s.error();
    return sent + json.size();
}

} // namespace

Result<qint64> pushObject(Remote& remote, const RemoteLayout& layout, const QString& object, QIODevice& file,
                          qint64 size)
{
    const qint64 limit = remote.partBytes();
    qint64 partSize = limit > 0 ? std::max(limit, MinPartBytes) : 0;
    if (partSize == 0 || size <= partSize) {
        Status whole = remote.putImmutable(layout.object(object), file, size);
        if (whole)
            return size;
        if (!whole.error().tooLarge || smallerPart(size) == 0)
            return whole.error();
        partSize = smallerPart(size);
    }
    for (;;) {
        auto sent = putParts(remote, layout, object, file, size, partSize);
        if (sent || !sent.error().tooLarge)
            return sent;
        const qint64 next = smallerPart(partSize);
        if (next == 0) {
            Error error = sent.error();
            error.message += QStringLiteral(" Paper Trail sent attachment %1 in parts down to %2 KiB.")
                                 .arg(object)
                                 .arg(MinPartBytes / 1024);
            return error;
        }
        partSize = next;
    }
}

Result<ObjectsPushed> pushObjects(Remote& remote, const RemoteLayout& layout, const QList<ObjectFile>& files,
                                  int concurrency)
{
    std::mutex mutex;
    std::optional<Error> firstError;
    ObjectsPushed done;
    std::atomic<qsizetype> next{0};
    const auto work = [&](Remote& through) {
        for (qsizetype i = next++; i < files.size(); i = next++) {
            {
                const std::lock_guard lock(mutex);
                if (firstError)
                    return;
            }
            const ObjectFile& f = files.at(i);
            Result<qint64> sent = Error{};
            if (auto fd = openRegularFile(f.path, QStringLiteral("attachment %1").arg(f.object)); !fd) {
                sent = fd.error();
            } else if (QFile file; !file.open(fd->get(), QIODevice::ReadOnly, QFileDevice::DontCloseHandle)) {
                sent = failed(QStringLiteral("Could not read attachment %1 to sync it.").arg(f.object));
            } else {
                sent = pushObject(through, layout, f.object, file, file.size());
            }
            const std::lock_guard lock(mutex);
            if (!sent) {
                if (!firstError)
                    firstError = sent.error();
                return;
            }
            ++done.objects;
            done.bytes += *sent;
        }
    };

    // Clones are made here and used only on their threads, which end before they are destroyed.
    std::vector<std::unique_ptr<Remote>> clones;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int k = 1; k < concurrency && qsizetype(k) < files.size(); ++k) {
        auto clone = remote.clone();
        if (!clone)
            break;
        threads.emplace_back(QThread::create(work, std::ref(*clone)));
        clones.push_back(std::move(clone));
        threads.back()->start();
    }
    work(remote);
    for (auto& thread : threads)
        thread->wait();
    threads.clear();
    clones.clear();
    if (firstError)
        return *firstError;
    return done;
}

Result<qint64> pullObject(Remote& remote, const RemoteLayout& layout, const QString& object, AttachmentStore& store,
                          qint64 maxBytes)
{
    if (store.exists(object))
        return qint64(0);
    qint64 received = 0;
    const Status whole = store.adopt(object, [&](QIODevice& sink) {
        CheckingSink counted(sink, false);
        Status s = remote.getTo(layout.object(object), counted, maxBytes);
        received = counted.count();
        return s;
    });
    if (whole)
        return received;
    // Not there whole, or what is there is not the file (the stump of a cut upload on a server
    // that writes in place): the parts, if it went up in parts.
    const Error& wholeError = whole.error();
    if (wholeError.code != ErrorCode::NotFound && wholeError.code != ErrorCode::Damaged)
        return wholeError;
    auto listed = remote.get(layout.objectParts(object), PartsManifest::MaxFileBytes);
    if (!listed) {
        if (listed.error().code != ErrorCode::NotFound)
            return listed.error();
        return wholeError.code == ErrorCode::NotFound ? notThereYet(object) : wholeError;
    }
    auto manifest = PartsManifest::parse(*listed, object, maxBytes);
    if (!manifest)
        return manifest.error();

    received = 0;
    const Status parted = store.adopt(object, [&](QIODevice& sink) -> Status {
        for (const ObjectPart& part : manifest->parts) {
            CheckingSink checked(sink, true);
            const Status s = remote.getTo(layout.part(object, part.sha256), checked, part.size);
            received += checked.count();
            if (!s)
                return s.error().code == ErrorCode::NotFound ? notThereYet(object) : s;
            if (checked.count() != part.size || checked.sha256() != part.sha256)
                return damaged(QStringLiteral("Part %1 of attachment %2 on the sync remote is not the part its name "
                                              "says; nothing was kept. The device that wrote it can send it again.")
                                   .arg(part.sha256, object));
        }
        return Ok{};
    });
    if (!parted)
        return parted.error();
    return received;
}

} // namespace pt::core::sync
