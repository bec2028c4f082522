#pragma once
// This process's resident memory from /proc/self/status (Linux), for tests and benchmarks that
// hold memory to a cap: VmRSS now, VmHWM the peak since the start or the last reset.
#include <QByteArray>
#include <QFile>

namespace pt::test {

// A field of /proc/self/status in KiB ("VmRSS", "VmHWM"); -1 when it cannot be read.
inline qint64 procStatusKiB(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Resets VmHWM to the current resident size (writing 5 to clear_refs, Linux 4.0 and later).
inline bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

} // namespace pt::test
