#pragma once
// The benchmarks' vault: N entries of realistic text (TextGen) with tags and kind fields, every
// tenth edited to a second revision, and optionally a screenshot attached to every k-th entry.
// Written with cheap KDF parameters; the benchmarks unlock with the recovery key, which skips
// Argon2id entirely.
#include <QByteArray>
#include <QString>

#include <functional>

namespace pt::bench {

struct BenchVault {
    QString recoveryKey;
    int edited = 0;
    int screenshots = 0;
    double seconds = 0;
};

// `screenshot(i)` gives the PNG bytes for the i-th screenshot; with every = 0 there are none.
BenchVault populateVault(const QString& dir, int entries, int screenshotEvery = 0,
                         const std::function<QByteArray(int)>& screenshot = {});

// The child-process protocol: populateVault's result as "key=value" lines on stdout, and back.
void printBenchVault(const BenchVault& vault);
BenchVault parseBenchVault(const QByteArray& output);

} // namespace pt::bench
