#pragma once
// A Remote that tries a request again, after a growing pause, when it failed in a way that
// passes (Error::transient: a cut connection, 5xx, 423 Locked, 429): one busy moment of the
// server no longer fails a whole sync. A Retry-After the server sends is waited out when it is
// short; a longer one, and a server that cannot be reached at all (Error::unreachable), end the
// sync at once with the error, for the next sync to try. Only what can be sent again is retried:
// an upload from a source that cannot seek back and a download into a sink that cannot are not.
#include "Remote.h"

#include <atomic>
#include <functional>
#include <memory>

namespace pt::core::sync {

struct RetryPolicy {
    int retries = 3;             // after the first try
    int firstPauseMs = 500;      // then 4 times longer each time: 0.5 s, 2 s, 8 s
    int longestRetryAfterS = 30; // a server that asks for longer is left for the next sync
};

class RetryingRemote final : public Remote {
public:
    // `stop`, when given, cuts a pause short (the vault is being locked).
    explicit RetryingRemote(Remote& inner, RetryPolicy policy = {}, const std::atomic<bool>* stop = nullptr);
    RetryingRemote(std::unique_ptr<Remote> inner, RetryPolicy policy, const std::atomic<bool>* stop);

    [[nodiscard]] QString describe() const override { return m_inner.describe(); }
    [[nodiscard]] Result<QList<RemoteFile>> list(const QString& dir) override;
    [[nodiscard]] Result<QByteArray> get(const QString& path, qint64 maxBytes) override;
    [[nodiscard]] Status getTo(const QString& path, QIODevice& sink, qint64 maxBytes) override;
    [[nodiscard]] Status putImmutable(const QString& path, QIODevice& source, qint64 size) override;
    [[nodiscard]] Status putMutable(const QString& path, const QByteArray& bytes) override;
    [[nodiscard]] Status replace(const QString& path, const QByteArray& bytes) override;
    [[nodiscard]] Status remove(const QString& path) override;
    [[nodiscard]] qint64 partBytes() const override { return m_inner.partBytes(); }
    [[nodiscard]] std::unique_ptr<Remote> clone() const override;
    [[nodiscard]] int requestCount() const override { return m_inner.requestCount(); }

    // How many times a request was tried again, over this remote's life.
    [[nodiscard]] int retries() const { return m_retries; }

private:
    // Whether to try again after `error` on try `attempt` (0: the first), having paused.
    [[nodiscard]] bool again(const Error& error, int attempt);
    template <typename Attempt>
    auto withRetries(Attempt&& attempt, const std::function<bool()>& canRepeat = {});

    std::unique_ptr<Remote> m_owned; // a clone's own inner remote
    Remote& m_inner;
    RetryPolicy m_policy;
    const std::atomic<bool>* m_stop;
    std::atomic<int> m_retries{0};
};

} // namespace pt::core::sync
