#pragma once
// Small helpers the sync tests share: random payloads, an immutable put from bytes, sorted names
// of a listing, and REQUIRE_OK / CHECK_OK, which print the error's sentence when a call fails.
#include "sync/Remote.h"

#include "crypto/Random.h"

#include <QBuffer>
#include <QStringList>
#include <QThread>

#include <catch2/catch.hpp>

#define PT_OK_(macro, expr)                                                                        \
    do {                                                                                           \
        const auto& ptResult_ = (expr);                                                            \
        INFO((ptResult_.ok() ? std::string() : ptResult_.error().message.toStdString()));          \
        macro(ptResult_.ok());                                                                     \
    } while (false)
#define REQUIRE_OK(expr) PT_OK_(REQUIRE, expr)
#define CHECK_OK(expr) PT_OK_(CHECK, expr)

namespace pt::test {

inline QByteArray randomPayload(qsizetype size)
{
    const crypto::Bytes bytes = crypto::randomBytes(static_cast<std::size_t>(size));
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), size);
}

inline core::Status putBytes(core::sync::Remote& remote, const QString& path, const QByteArray& bytes)
{
    QByteArray copy = bytes;
    QBuffer source(&copy);
    source.open(QIODevice::ReadOnly);
    return remote.putImmutable(path, source, copy.size());
}

inline QStringList sortedNames(const QList<core::sync::RemoteFile>& files)
{
    QStringList names;
    for (const core::sync::RemoteFile& f : files)
        names.append(f.name);
    names.sort();
    return names;
}

} // namespace pt::test

namespace pt::test {

// Calls `call` again while it fails transiently, as the sync layer does with its backoff (here
// `waitMs` between tries, at most `attempts` tries). `tries` gets how many it took.
template <class Call>
auto retryWhileTransient(Call&& call, int attempts = 50, int waitMs = 100, int* tries = nullptr)
{
    auto result = call();
    int n = 1;
    while (!result.ok() && result.error().transient && n < attempts) {
        QThread::msleep(static_cast<unsigned long>(waitMs));
        result = call();
        ++n;
    }
    if (tries)
        *tries = n;
    return result;
}

} // namespace pt::test
