#include "FolderRemote.h"

#include "DurableFile.h"
#include "RegularFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <unistd.h>

namespace pt::core::sync {

namespace {

constexpr qint64 CopyChunk = 1024 * 1024;

Error unusable(const QString& root, const QString& why)
{
    return failed(QStringLiteral("The sync folder %1 cannot be used: %2. Check that it is there (a drive plugged in, "
                                 "a share mounted) and that you may write to it.")
                      .arg(root, why));
}

} // namespace

FolderRemote::FolderRemote(QString root) : m_root(QDir::cleanPath(std::move(root))) {}

QString FolderRemote::describe() const { return QStringLiteral("the folder %1").arg(m_root); }

Result<QString> FolderRemote::localPath(const QString& path) const
{
    if (!isSafeRemotePath(path))
        return usage(QStringLiteral("Not a sync path: %1").arg(path));
    return m_root + QLatin1Char('/') + path;
}

Status FolderRemote::ensureParent(const QString& file) const
{
    if (!QFileInfo(m_root).isDir())
        return unusable(m_root, QStringLiteral("it is not a folder, or is missing"));
    const QString parent = QFileInfo(file).path();
    if (!QDir().mkpath(parent))
        return unusable(m_root, QStringLiteral("could not make %1").arg(parent));
    return Ok{};
}

Result<QList<RemoteFile>> FolderRemote::list(const QString& dir)
{
    ++m_requests;
    auto path = localPath(dir);
    if (!path)
        return path.error();
    if (!QFileInfo(m_root).isDir())
        return unusable(m_root, QStringLiteral("it is not a folder, or is missing"));
    QList<RemoteFile> files;
    const QFileInfo info(*path);
    if (!info.exists())
        return files;
    if (info.isSymLink() || !info.isDir())
        return damaged(QStringLiteral("%1 in the sync folder is not a folder; something else was put there.").arg(dir));
    // Regular files only: a link planted in the folder is not read through.
    for (const QFileInfo& f : QDir(*path).entryInfoList(QDir::Files | QDir::NoSymLinks | QDir::Hidden | QDir::System,
                                                        QDir::Name)) {
        if (!f.isFile() || f.isSymLink() || !isSafeRemotePath(f.fileName()))
            continue;
        files.append({f.fileName(), f.size(), {}, f.lastModified().toUTC()});
    }
    return files;
}

Result<QByteArray> FolderRemote::get(const QString& path, qint64 maxBytes)
{
    ++m_requests;
    auto local = localPath(path);
    if (!local)
        return local.error();
    return readRegularFile(*local, maxBytes, path);
}

Status FolderRemote::getTo(const QString& path, QIODevice& sink, qint64 maxBytes)
{
    ++m_requests;
    auto local = localPath(path);
    if (!local)
        return local.error();
    auto fd = openRegularFile(*local, path);
    if (!fd)
        return fd.error();
    QFile file;
    if (!file.open(fd->get(), QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
        return failed(QStringLiteral("Could not read %1 from %2.").arg(path, describe()));
    if (file.size() > maxBytes)
        return damaged(QStringLiteral("%1 in %2 is larger than it can be; it was not read.").arg(path, describe()));
    qint64 total = 0;
    QByteArray chunk;
    while (!(chunk = file.read(CopyChunk)).isEmpty()) {
        total += chunk.size();
        if (total > maxBytes)
            return damaged(QStringLiteral("%1 in %2 is larger than it can be; it was not read.").arg(path, describe()));
        if (sink.write(chunk) != chunk.size())
            return failed(QStringLiteral("Could not keep %1 from %2: %3").arg(path, describe(), sink.errorString()));
    }
    if (file.error() != QFileDevice::NoError)
        return failed(QStringLiteral("Could not read %1 from %2: %3").arg(path, describe(), file.errorString()));
    return Ok{};
}

Status FolderRemote::putImmutable(const QString& path, QIODevice& source, qint64 size)
{
    ++m_requests;
    auto local = localPath(path);
    if (!local)
        return local.error();
    // Same name, same bytes: a whole file already there is ours. One of another size is a
    // partial copy a sync tool left, and is replaced.
    if (const QFileInfo existing(*local); existing.isFile() && !existing.isSymLink() && existing.size() == size)
        return Ok{};
    if (Status s = ensureParent(*local); !s)
        return s;
    QSaveFile out(*local);
    out.setDirectWriteFallback(false);
    if (!out.open(QIODevice::WriteOnly))
        return unusable(m_root, out.errorString());
    qint64 written = 0;
    QByteArray chunk;
    while (!(chunk = source.read(CopyChunk)).isEmpty()) {
        if (out.write(chunk) != chunk.size())
            return failed(QStringLiteral("Could not write %1 to %2: %3. Free some space there and sync again.")
                              .arg(path, describe(), out.errorString()));
        written += chunk.size();
    }
    if (written != size)
        return failed(QStringLiteral("%1 changed while it was being copied to %2; sync again.").arg(path, describe()));
    if (!out.commit())
        return failed(QStringLiteral("Could not write %1 to %2: %3. Free some space there and sync again.")
                          .arg(path, describe(), out.errorString()));
    return durable::syncDirectory(QFileInfo(*local).path());
}

Status FolderRemote::putMutable(const QString& path, const QByteArray& bytes)
{
    ++m_requests;
    auto local = localPath(path);
    if (!local)
        return local.error();
    if (Status s = ensureParent(*local); !s)
        return s;
    if (Status s = durable::writeFileAtomically(*local, bytes); !s)
        return failed(QStringLiteral("Could not write %1 to %2: %3").arg(path, describe(), s.error().message));
    return Ok{};
}

Status FolderRemote::remove(const QString& path)
{
    ++m_requests;
    auto local = localPath(path);
    if (!local)
        return local.error();
    if (::unlink(QFile::encodeName(*local).constData()) != 0 && errno != ENOENT)
        return failed(QStringLiteral("Could not remove %1 from %2.").arg(path, describe()));
    return Ok{};
}

} // namespace pt::core::sync
