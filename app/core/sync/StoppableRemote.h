#pragma once
// A Remote that stops at the next request once `stop` is raised (the vault is being locked):
// the sync ends with an error, nothing half-committed, and the keys can be wiped.
#include "Remote.h"

#include <atomic>
#include <memory>

namespace pt::core::sync {

class StoppableRemote final : public Remote {
public:
    StoppableRemote(Remote& inner, const std::atomic<bool>& stop) : m_inner(inner), m_stop(stop) {}
    StoppableRemote(std::unique_ptr<Remote> inner, const std::atomic<bool>& stop)
        : m_owned(std::move(inner)), m_inner(*m_owned), m_stop(stop)
    {
    }

    [[nodiscard]] QString describe() const override { return m_inner.describe(); }
    [[nodiscard]] Result<QList<RemoteFile>> list(const QString& dir) override
    {
        if (m_stop)
            return stopped();
        return m_inner.list(dir);
    }
    [[nodiscard]] Result<QByteArray> get(const QString& path, qint64 maxBytes) override
    {
        if (m_stop)
            return stopped();
        return m_inner.get(path, maxBytes);
    }
    [[nodiscard]] Status getTo(const QString& path, QIODevice& sink, qint64 maxBytes) override
    {
        if (m_stop)
            return stopped();
        return m_inner.getTo(path, sink, maxBytes);
    }
    [[nodiscard]] Status putImmutable(const QString& path, QIODevice& source, qint64 size) override
    {
        if (m_stop)
            return stopped();
        return m_inner.putImmutable(path, source, size);
    }
    [[nodiscard]] Status putMutable(const QString& path, const QByteArray& bytes) override
    {
        if (m_stop)
            return stopped();
        return m_inner.putMutable(path, bytes);
    }
    [[nodiscard]] Status replace(const QString& path, const QByteArray& bytes) override
    {
        if (m_stop)
            return stopped();
        return m_inner.replace(path, bytes);
    }
    [[nodiscard]] Status remove(const QString& path) override
    {
        if (m_stop)
            return stopped();
        return m_inner.remove(path);
    }
    [[nodiscard]] qint64 partBytes() const override { return m_inner.partBytes(); }
    [[nodiscard]] std::unique_ptr<Remote> clone() const override
    {
        auto inner = m_inner.clone();
        return inner ? std::make_unique<StoppableRemote>(std::move(inner), m_stop) : nullptr;
    }
    [[nodiscard]] int requestCount() const override { return m_inner.requestCount(); }

private:
    static Error stopped() { return {ErrorCode::Failed, QStringLiteral("Sync stopped because the vault was locked."), true}; }

    std::unique_ptr<Remote> m_owned; // a clone's own inner remote
    Remote& m_inner;
    const std::atomic<bool>& m_stop;
};

} // namespace pt::core::sync
