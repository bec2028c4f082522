#include "BenchSupport.h"

#include "support/ProcessMemory.h"

#include <QFile>

#include <sys/vfs.h>

#include <algorithm>
#include <cstdio>

namespace pt::bench {

double msSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

QString num(double v, int decimals) { return QString::number(v, 'f', decimals); }

void progress(const QString& text)
{
    std::fprintf(stderr, "bench: %s\n", qPrintable(text));
    std::fflush(stderr);
}

[[noreturn]] void die(const QString& text) { throw Fatal{text}; }

void check(const core::Status& s, const char* what)
{
    if (!s)
        die(QStringLiteral("%1 failed: %2").arg(QLatin1String(what), s.error().message));
}

qint64 procStatusKiB(const char* field) { return test::procStatusKiB(field); }

QString fsType(const QString& path)
{
    struct statfs st {};
    if (statfs(QFile::encodeName(path).constData(), &st) != 0)
        return QStringLiteral("unknown");
    switch (static_cast<unsigned long>(st.f_type)) {
    case 0x01021994UL: return QStringLiteral("tmpfs");
    case 0xEF53UL: return QStringLiteral("ext2/3/4");
    case 0x58465342UL: return QStringLiteral("xfs");
    case 0x9123683EUL: return QStringLiteral("btrfs");
    case 0x794C7630UL: return QStringLiteral("overlayfs");
    case 0x2FC12FC1UL: return QStringLiteral("zfs");
    case 0x6969UL: return QStringLiteral("nfs");
    default: return QStringLiteral("fs magic 0x%1").arg(static_cast<qulonglong>(st.f_type), 0, 16);
    }
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    return QStringLiteral("unknown CPU");
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    const QList<QByteArray> parts = f.readAll().split(' ');
    return QString::fromLatin1(parts.mid(0, 3).join(' '));
}

void printTable(const QList<Row>& rows)
{
    const auto cell = [](QString s) { return s.replace(QLatin1Char('|'), QStringLiteral("\\|")); };
    std::printf("| metric | measured | goal | ratio/notes |\n|---|---|---|---|\n");
    for (const Row& r : rows)
        std::printf("| %s | %s | %s | %s |\n", qPrintable(cell(r.metric)), qPrintable(cell(r.measured)),
                    qPrintable(cell(r.goal)), qPrintable(cell(r.notes)));
}

} // namespace pt::bench
