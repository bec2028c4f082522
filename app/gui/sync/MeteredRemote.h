#pragma once
// A Remote that counts its requests and what comes in, for a progress line a person can watch
// while a journal downloads, and stops at the next request once `stop` is raised (the person
// cancelled). The counters are read on the interface's thread while the sync runs on a worker.
#include "sync/Remote.h"

#include <QIODevice>

#include <atomic>

namespace pt::gui {

// Requests made and bytes in so far; shared between the worker and the thread that shows them.
struct TransferMeter {
    std::atomic<int> requests{0};
    std::atomic<qint64> bytes{0};
};

// Hands every write on to `inner` and counts the bytes as they arrive, so a large attachment moves
// the progress line while it streams in; once `stop` is raised the next write fails, which ends
// the download there rather than after the whole file. The remotes only write() to a sink.
class CountingSink final : public QIODevice {
public:
    CountingSink(QIODevice& inner, std::atomic<qint64>& bytes, const std::atomic<bool>& stop)
        : m_inner(inner), m_bytes(bytes), m_stop(stop)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        if (m_stop) {
            setErrorString(QStringLiteral("it was cancelled"));
            return -1;
        }
        const qint64 written = m_inner.write(data, size);
        if (written > 0)
            m_bytes += written;
        else if (written < 0)
            setErrorString(m_inner.errorString());
        return written;
    }

private:
    QIODevice& m_inner;
    std::atomic<qint64>& m_bytes;
    const std::atomic<bool>& m_stop;
};

class MeteredRemote final : public core::sync::Remote {
public:
    MeteredRemote(core::sync::Remote& inner, TransferMeter& meter, const std::atomic<bool>& stop)
        : m_inner(inner), m_meter(meter), m_stop(stop)
    {
    }

    [[nodiscard]] QString describe() const override { return m_inner.describe(); }
    [[nodiscard]] core::Result<QList<core::sync::RemoteFile>> list(const QString& dir) override
    {
        if (m_stop)
            return stopped();
        ++m_meter.requests;
        return m_inner.list(dir);
    }
    [[nodiscard]] core::Result<QByteArray> get(const QString& path, qint64 maxBytes) override
    {
        if (m_stop)
            return stopped();
        ++m_meter.requests;
        auto bytes = m_inner.get(path, maxBytes);
        if (bytes)
            m_meter.bytes += bytes->size();
        return bytes;
    }
    [[nodiscard]] core::Status getTo(const QString& path, QIODevice& sink, qint64 maxBytes) override
    {
        if (m_stop)
            return stopped();
        ++m_meter.requests;
        CountingSink counting(sink, m_meter.bytes, m_stop);
        return m_inner.getTo(path, counting, maxBytes);
    }
    [[nodiscard]] core::Status putImmutable(const QString& path, QIODevice& source, qint64 size) override
    {
        if (m_stop)
            return stopped();
        ++m_meter.requests;
        return m_inner.putImmutable(path, source, size);
    }
    [[nodiscard]] core::Status putMutable(const QString& path, const QByteArray& bytes) override
    {
        if (m_stop)
            return stopped();
        ++m_meter.requests;
        return m_inner.putMutable(path, bytes);
    }
    [[nodiscard]] core::Status replace(const QString& path, const QByteArray& bytes) override
    {
        if (m_stop)
            return stopped();
        ++m_meter.requests;
        return m_inner.replace(path, bytes);
    }
    [[nodiscard]] core::Status remove(const QString& path) override
    {
        if (m_stop)
            return stopped();
        ++m_meter.requests;
        return m_inner.remove(path);
    }
    [[nodiscard]] int requestCount() const override { return m_inner.requestCount(); }

private:
    static core::Error stopped() { return {core::ErrorCode::Failed, QStringLiteral("Stopped: it was cancelled."), false}; }

    core::sync::Remote& m_inner;
    TransferMeter& m_meter;
    const std::atomic<bool>& m_stop;
};

} // namespace pt::gui
