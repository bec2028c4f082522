#pragma once
// What both benchmarks share: timing and statistics, progress on stderr, failing with a message,
// facts about the machine, and the Markdown table they print.
#include "Result.h"

#include <QList>
#include <QString>

#include <chrono>
#include <vector>

namespace pt::bench {

using SteadyClock = std::chrono::steady_clock;

double msSince(SteadyClock::time_point start);
double median(std::vector<double> v);
// The value at fraction p (0..1) of the sorted values.
double percentile(std::vector<double> v, double p);
QString num(double v, int decimals = 1);

void progress(const QString& text);

// Thrown on any failure and caught in main, so temporary directories are still removed.
struct Fatal {
    QString message;
};
[[noreturn]] void die(const QString& text);

template <typename T>
T take(core::Result<T> r, const char* what)
{
    if (!r)
        die(QStringLiteral("%1 failed: %2").arg(QLatin1String(what), r.error().message));
    return std::move(r.value());
}
void check(const core::Status& s, const char* what);

// VmRSS / VmHWM of this process, in KiB.
qint64 procStatusKiB(const char* field);
QString fsType(const QString& path);
QString cpuModel();
QString loadAverage();

struct Row {
    QString metric, measured, goal, notes;
};
// "| metric | measured | goal | ratio/notes |" and the rows, with "|" escaped in the cells.
void printTable(const QList<Row>& rows);

} // namespace pt::bench
