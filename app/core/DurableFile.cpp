#include "DurableFile.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace pt::core::durable {

namespace {

QString systemError() { return QString::fromLocal8Bit(std::strerror(errno)); }

Status writeAll(int fd, const QByteArray& bytes, const QString& path)
{
    const char* p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failed(QStringLiteral("Could not write %1 (%2). Free some disk space and try again.")
                              .arg(path, systemError()));
        }
        p += n;
        left -= n;
    }
    return Ok{};
}

} // namespace

Status syncFile(int fd, const QString& pathForMessages)
{
    if (::fsync(fd) != 0)
        return failed(QStringLiteral("Could not flush %1 to disk (%2). Check the disk and try again.")
                          .arg(pathForMessages, systemError()));
    return Ok{};
}

Status syncDirectory(const QString& dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return failed(QStringLiteral("Could not open folder %1 (%2).").arg(dir, systemError()));
    Status status = syncFile(fd, dir);
    ::close(fd);
    return status;
}

Status writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    const QString temp = dir + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp");
    const QByteArray tempName = QFile::encodeName(temp);
    // A temp file left by a crash, or planted (a link to a file elsewhere), is removed first:
    // unlink removes a link itself, never what it points to. O_EXCL | O_NOFOLLOW then create a
    // new file or fail; nothing already there is ever written through.
    if (::unlink(tempName.constData()) != 0 && errno != ENOENT)
        return failed(QStringLiteral("Could not remove the leftover %1 (%2). Check the folder's permissions.")
                          .arg(temp, systemError()));
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return failed(QStringLiteral("Could not create %1 (%2). Check that the folder is writable.")
                          .arg(temp, systemError()));
    Status status = writeAll(fd, bytes, temp);
    if (status)
        status = syncFile(fd, temp);
    ::close(fd);
    if (!status) {
        ::unlink(tempName.constData());
        return status;
    }
    if (::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        const QString why = systemError();
        ::unlink(tempName.constData());
        return failed(QStringLiteral("Could not replace %1 (%2).").arg(path, why));
    }
    return syncDirectory(dir);
}

} // namespace pt::core::durable
