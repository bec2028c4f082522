#include "PassphraseSource.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <termios.h>
#include <unistd.h>

namespace pt::cli {

namespace {

crypto::SecureBytes firstLine(const char* data, std::size_t size)
{
    std::size_t end = 0;
    while (end < size && data[end] != '\n' && data[end] != '\r')
        ++end;
    return crypto::SecureBytes::copyOf({reinterpret_cast<const std::uint8_t*>(data), end});
}

} // namespace

bool stdinIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }

std::optional<crypto::SecureBytes> passphraseFromFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Could not read the passphrase file %1: %2.").arg(path, file.errorString());
        return std::nullopt;
    }
    // Read into sodium memory directly: the passphrase never sits in a QByteArray.
    crypto::SecureBytes buffer(4096);
    const qint64 n = file.read(reinterpret_cast<char*>(buffer.data()), qint64(buffer.size()));
    if (n < 0) {
        *error = QStringLiteral("Could not read the passphrase file %1.").arg(path);
        return std::nullopt;
    }
    return firstLine(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(n));
}

std::optional<crypto::SecureBytes> passphraseFromEnvironment()
{
    const char* value = std::getenv("PAPERTRAIL_PASSPHRASE");
    if (!value || !*value)
        return std::nullopt;
    return firstLine(value, std::strlen(value));
}

std::optional<crypto::SecureBytes> firstLineOfStdin()
{
    crypto::SecureBytes buffer(4096);
    std::size_t length = 0;
    while (length < buffer.size()) {
        const ssize_t n = ::read(STDIN_FILENO, buffer.data() + length, buffer.size() - length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        length += std::size_t(n);
        if (std::memchr(buffer.data(), '\n', length))
            break;
    }
    if (length == 0)
        return std::nullopt;
    return firstLine(reinterpret_cast<const char*>(buffer.data()), length);
}

std::optional<crypto::SecureBytes> promptPassphrase(const QString& prompt)
{
    if (!stdinIsTerminal())
        return std::nullopt;
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool haveTerm = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerm) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    crypto::SecureBytes buffer(4096);
    std::size_t length = 0;
    while (length < buffer.size()) {
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n <= 0 || c == '\n' || c == '\r')
            break;
        buffer.data()[length++] = static_cast<std::uint8_t>(c);
    }
    if (haveTerm)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    return firstLine(reinterpret_cast<const char*>(buffer.data()), length);
}

} // namespace pt::cli
