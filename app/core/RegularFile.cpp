#include "RegularFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pt::core {

namespace {

QString systemError(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

Error notRegular(const QString& what)
{
    return damaged(QStringLiteral("%1 is not a regular file (it is a link, a pipe or a device), so it was "
                                  "not read. Someone or something put it there: remove it and restore the "
                                  "file from a synced copy or a backup.")
                       .arg(what));
}

Error notFolder(const QString& what)
{
    return damaged(QStringLiteral("%1 is not a folder (it may be a link to one), so it was not used. Remove it "
                                  "and restore the vault from a synced copy or a backup.")
                       .arg(what));
}

// O_NONBLOCK keeps open() of a FIFO from waiting for a writer; it is cleared once the descriptor
// is known to be a regular file, where it means nothing anyway.
Result<UniqueFd> checkRegular(int fd, int openError, const QString& what)
{
    if (fd < 0) {
        if (openError == ENOENT)
            return notFound(QStringLiteral("%1 is missing.").arg(what));
        if (openError == ELOOP || openError == ENXIO || openError == ENOTDIR)
            return notRegular(what);
        return failed(QStringLiteral("Could not open %1 (%2). Check the folder's permissions.")
                          .arg(what, systemError(openError)));
    }
    UniqueFd owned(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return notRegular(what);
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return owned;
}

Result<UniqueFd> checkFolder(int fd, int openError, const QString& what)
{
    if (fd < 0) {
        if (openError == ENOENT)
            return notFound(QStringLiteral("%1 is missing.").arg(what));
        if (openError == ELOOP || openError == ENOTDIR)
            return notFolder(what);
        return failed(QStringLiteral("Could not open %1 (%2). Check the folder's permissions.")
                          .arg(what, systemError(openError)));
    }
    return UniqueFd(fd);
}

constexpr int ReadFlags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
constexpr int FolderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

} // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept
{
    if (this != &other) {
        reset();
        m_fd = other.release();
    }
    return *this;
}

int UniqueFd::release()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

void UniqueFd::reset()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Result<UniqueFd> openRegularFile(const QString& path, const QString& what)
{
    const int fd = ::open(QFile::encodeName(path).constData(), ReadFlags);
    return checkRegular(fd, errno, what);
}

Result<UniqueFd> openRegularFileAt(int dirFd, const QString& name, const QString& what)
{
    const int fd = ::openat(dirFd, QFile::encodeName(name).constData(), ReadFlags);
    return checkRegular(fd, errno, what);
}

Result<UniqueFd> openFolder(const QString& path, const QString& what)
{
    const int fd = ::open(QFile::encodeName(path).constData(), FolderFlags);
    return checkFolder(fd, errno, what);
}

Result<UniqueFd> openFolderAt(int dirFd, const QString& name, const QString& what)
{
    const int fd = ::openat(dirFd, QFile::encodeName(name).constData(), FolderFlags);
    return checkFolder(fd, errno, what);
}

Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const QString& what)
{
    auto fd = openRegularFile(path, what);
    if (!fd)
        return fd.error();
    // One byte past the limit tells "exactly at the limit" from "larger", whatever fstat says.
    QByteArray bytes;
    bytes.resize(maxBytes + 1);
    qint64 total = 0;
    while (total < bytes.size()) {
        const ssize_t n = ::read(fd->get(), bytes.data() + total, static_cast<size_t>(bytes.size() - total));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failed(QStringLiteral("Could not read %1 (%2).").arg(what, systemError(errno)));
        }
        if (n == 0)
            break;
        total += n;
    }
    if (total > maxBytes)
        return damaged(QStringLiteral("%1 is larger than %2 bytes, far larger than it can be, so it was not read. "
                                      "Restore it from a synced copy or a backup.")
                           .arg(what)
                           .arg(maxBytes));
    bytes.truncate(total);
    return bytes;
}

bool isPresentButNotRegular(const QString& path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return !S_ISREG(st.st_mode);
}

} // namespace pt::core
