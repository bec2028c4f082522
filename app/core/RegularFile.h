#pragma once
// Opening files in a folder someone else may write to (a vault folder, a synced folder): never
// through a symbolic link, never a FIFO, device or socket (which would hang or read forever),
// and never more bytes than the caller expects.
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace pt::core {

// An owned file descriptor, closed on destruction.
class UniqueFd final {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : m_fd(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& other) noexcept : m_fd(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool valid() const { return m_fd >= 0; }
    int release();
    void reset();

private:
    int m_fd = -1;
};

// Opens `path` read-only: NotFound when it does not exist, Damaged when it is a symbolic link or
// anything but a regular file. `what` names the file in messages ("vault.json", "attachment X").
[[nodiscard]] Result<UniqueFd> openRegularFile(const QString& path, const QString& what);
// The same, relative to a folder descriptor.
[[nodiscard]] Result<UniqueFd> openRegularFileAt(int dirFd, const QString& name, const QString& what);
// Opens a folder that must be a real folder, not a link to one.
[[nodiscard]] Result<UniqueFd> openFolder(const QString& path, const QString& what);
[[nodiscard]] Result<UniqueFd> openFolderAt(int dirFd, const QString& name, const QString& what);

// The whole file, refused (Damaged, saying so) when it holds more than `maxBytes`.
[[nodiscard]] Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const QString& what);

// Whether `path` exists and is not a regular file (a link, a FIFO, a device): such a thing where
// a vault file belongs is planted, not ours. False when nothing is there.
[[nodiscard]] bool isPresentButNotRegular(const QString& path);

} // namespace pt::core
