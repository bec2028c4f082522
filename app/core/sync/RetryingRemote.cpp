#include "RetryingRemote.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace pt::core::sync {

RetryingRemote::RetryingRemote(Remote& inner, RetryPolicy policy, const std::atomic<bool>* stop)
    : m_inner(inner), m_policy(policy), m_stop(stop)
{
}

RetryingRemote::RetryingRemote(std::unique_ptr<Remote> inner, RetryPolicy policy, const std::atomic<bool>* stop)
    : m_owned(std::move(inner)), m_inner(*m_owned), m_policy(policy), m_stop(stop)
{
}

bool RetryingRemote::again(const Error& error, int attempt)
{
    if (!error.transient || error.unreachable || attempt >= m_policy.retries)
        return false;
    if (error.retryAfterSeconds > m_policy.longestRetryAfterS)
        return false;
    qint64 pauseMs = qint64(m_policy.firstPauseMs);
    for (int i = 0; i < attempt; ++i)
        pauseMs *= 4;
    pauseMs = std::max(pauseMs, qint64(error.retryAfterSeconds) * 1000);
    QElapsedTimer paused;
    paused.start();
    while (paused.elapsed() < pauseMs) {
        if (m_stop && *m_stop)
            return false;
        QThread::msleep(std::clamp<qint64>(pauseMs - paused.elapsed(), 1, 50));
    }
    ++m_retries;
    return true;
}

template <typename Attempt>
auto RetryingRemote::withRetries(Attempt&& attempt, const std::function<bool()>& canRepeat)
{
    for (int tried = 0;; ++tried) {
        auto result = attempt();
        if (result.ok() || (canRepeat && !canRepeat()) || !again(result.error(), tried))
            return result;
    }
}

Result<QList<RemoteFile>> RetryingRemote::list(const QString& dir)
{
    return withRetries([&] { return m_inner.list(dir); });
}

Result<QByteArray> RetryingRemote::get(const QString& path, qint64 maxBytes)
{
    return withRetries([&] { return m_inner.get(path, maxBytes); });
}

Status RetryingRemote::getTo(const QString& path, QIODevice& sink, qint64 maxBytes)
{
    // A sink that streams on (a hash, a file being encrypted) cannot take the start again.
    const qint64 start = sink.isSequential() ? -1 : sink.pos();
    return withRetries([&] { return m_inner.getTo(path, sink, maxBytes); },
                       [&] { return start >= 0 && sink.seek(start); });
}

Status RetryingRemote::putImmutable(const QString& path, QIODevice& source, qint64 size)
{
    const qint64 start = source.isSequential() ? -1 : source.pos();
    return withRetries([&] { return m_inner.putImmutable(path, source, size); },
                       [&] { return start >= 0 && source.seek(start); });
}

Status RetryingRemote::putMutable(const QString& path, const QByteArray& bytes)
{
    return withRetries([&] { return m_inner.putMutable(path, bytes); });
}

Status RetryingRemote::replace(const QString& path, const QByteArray& bytes)
{
    return withRetries([&] { return m_inner.replace(path, bytes); });
}

Status RetryingRemote::remove(const QString& path)
{
    return withRetries([&] { return m_inner.remove(path); });
}

std::unique_ptr<Remote> RetryingRemote::clone() const
{
    auto inner = m_inner.clone();
    return inner ? std::make_unique<RetryingRemote>(std::move(inner), m_policy, m_stop) : nullptr;
}

} // namespace pt::core::sync
