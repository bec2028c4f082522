// papertrail-bench-ocr: reading the text in a phone screenshot on this machine, printed as one
// Markdown table (metric | measured | goal | ratio/notes). Progress goes to stderr; the text read
// is never printed, only which of the screenshot's lines were found.
//
//   papertrail-bench-ocr [--runs 5]
//
// The screenshot is tests/intake/PhoneScreenshot.h's 1170 x 2532 grade (an iPhone 13 at 3x), in
// light and dark mode. In turns (--runs each), on a worker thread as the app runs it:
//   - Paper Trail: TextRecognizer::recognize (grey, dark mode inverted, Tesseract's OpenMP off
//     for the thread), with the model loaded once as a worker does;
//   - the raw library: TessBaseAPI with the same model loaded once, SetImage of the RGBA pixels
//     as they are, GetUTF8Text, Tesseract as Debian ships it (its OpenMP threads on).
// The ratio is ours over the raw call's time. The peak memory growth is VmHWM (reset before) over
// VmRSS before, around one recognition of ours. The UI's responsiveness: the main thread runs a
// 10 ms timer while the worker reads, and the longest gap between its ticks is reported (goal:
// under 50 ms, three frames).
#include "BenchSupport.h"
#include "intake/PhoneScreenshot.h"
#include "support/ProcessMemory.h"

#include "intake/TextRecognizer.h"

#include <tesseract/baseapi.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <memory>
#include <thread>

using namespace pt;
using namespace pt::bench;
using namespace pt::core::intake;

namespace {

const QStringList Expected{
    QStringLiteral("Check-in"),
    QStringLiteral("Tuesday 14 May 2025"),
    QStringLiteral("Goal 2: Meets expectations - 4/5"),
    QStringLiteral("Goal 3: Needs improvement - 2/5"),
    QStringLiteral("Reviewed by Jordan Smith at 16:05"),
    QStringLiteral("Comment: the weekly report"),
    QStringLiteral("was late again."),
    QStringLiteral("Acknowledge"),
};

int linesFound(const QString& text)
{
    int found = 0;
    for (const QString& line : Expected)
        found += text.contains(line) ? 1 : 0;
    return found;
}

// Runs `f` on a new thread (so OpenMP settings never carry from one kind of run to the other),
// keeping the main thread's event loop turning with a 10 ms timer; returns the longest gap
// between two ticks, in ms.
template <typename F>
double onWorker(F f)
{
    std::atomic<bool> done{false};
    QEventLoop loop;
    QTimer tick;
    QElapsedTimer sinceTick;
    double longestGap = 0;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longestGap = std::max(longestGap, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
        if (done)
            loop.quit();
    });
    std::thread worker([&] {
        f();
        done = true;
    });
    sinceTick.start();
    tick.start();
    loop.exec();
    worker.join();
    return longestGap;
}

struct Raw {
    std::unique_ptr<tesseract::TessBaseAPI> api;
};

int run(QGuiApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures text recognition of a phone screenshot."));
    parser.addHelpOption();
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs of each (5)."), QStringLiteral("N"),
                                     QStringLiteral("5"));
    parser.addOption(runsOpt);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOpt).toInt());

    const QImage light = test::phoneScreenshot(false);
    const QImage dark = test::phoneScreenshot(true);
    const QString tessdata = TextRecognizer::findTessdata();
    if (tessdata.isEmpty())
        die(QStringLiteral("eng.traineddata not found (apt-get install tesseract-ocr-eng)"));

    progress(QStringLiteral("loading the model"));
    auto loadStart = SteadyClock::now();
    const qint64 rssBeforeLoad = procStatusKiB("VmRSS");
    TextRecognizer ours = take(TextRecognizer::create(tessdata), "TextRecognizer::create");
    const double loadMs = msSince(loadStart);
    const qint64 modelKiB = procStatusKiB("VmRSS") - rssBeforeLoad;

    Raw raw{std::make_unique<tesseract::TessBaseAPI>()};
    raw.api->SetVariable("debug_file", "/dev/null");
    if (raw.api->Init(QFile::encodeName(tessdata).constData(), "eng", tesseract::OEM_LSTM_ONLY) != 0)
        die(QStringLiteral("TessBaseAPI::Init failed"));
    const QImage rawLight = light.convertToFormat(QImage::Format_RGBA8888);
    const QImage rawDark = dark.convertToFormat(QImage::Format_RGBA8888);

    std::vector<double> oursMs, rawMs, oursDarkMs, rawDarkMs, gaps, rawGaps;
    int oursFound = 0, rawFound = 0, oursDarkFound = 0, rawDarkFound = 0;
    qint64 growthKiB = 0;
    for (int r = 0; r < runs; ++r) {
        progress(QStringLiteral("run %1 of %2").arg(r + 1).arg(runs));
        for (const bool isDark : {false, true}) {
            const QImage& image = isDark ? dark : light;
            QString text;
            double ms = 0;
            const qint64 before = procStatusKiB("VmRSS");
            test::resetPeakRss();
            const double gap = onWorker([&] {
                const auto start = SteadyClock::now();
                text = take(ours.recognize(image), "recognize").text;
                ms = msSince(start);
            });
            growthKiB = std::max(growthKiB, procStatusKiB("VmHWM") - before);
            (isDark ? oursDarkMs : oursMs).push_back(ms);
            (isDark ? oursDarkFound : oursFound) = linesFound(text);
            if (!isDark)
                gaps.push_back(gap);

            const QImage& rgba = isDark ? rawDark : rawLight;
            const double rawGap = onWorker([&] {
                const auto start = SteadyClock::now();
                raw.api->SetImage(rgba.constBits(), rgba.width(), rgba.height(), 4, int(rgba.bytesPerLine()));
                const std::unique_ptr<char[]> read(raw.api->GetUTF8Text());
                ms = msSince(start);
                text = QString::fromUtf8(read.get());
                raw.api->Clear();
            });
            (isDark ? rawDarkMs : rawMs).push_back(ms);
            (isDark ? rawDarkFound : rawFound) = linesFound(text);
            if (!isDark)
                rawGaps.push_back(rawGap);
        }
    }

    const double oursMedian = median(oursMs), rawMedian = median(rawMs);
    const double oursDarkMedian = median(oursDarkMs), rawDarkMedian = median(rawDarkMs);
    const int lines = int(Expected.size());
    std::printf("# Paper Trail text recognition benchmark\n\n");
    std::printf("- CPU: %s, %d logical CPUs; load average: %s\n", qPrintable(cpuModel()), QThread::idealThreadCount(),
                qPrintable(loadAverage()));
    std::printf("- Qt %s, Tesseract %s, model %s/eng.traineddata; a 1170 x 2532 phone screenshot (tests/intake/PhoneScreenshot.h), medians of %d runs\n\n",
                qVersion(), tesseract::TessBaseAPI::Version(), qPrintable(tessdata), runs);
    printTable({
        {QStringLiteral("OCR per 1170 x 2532 phone screenshot"), QStringLiteral("%1 ms").arg(num(oursMedian, 0)),
         QStringLiteral("-"),
         QStringLiteral("**%1x** the raw TessBaseAPI call (%2 ms); lines found: %3 of %4, raw %5 of %4")
             .arg(num(oursMedian / rawMedian, 2), num(rawMedian, 0))
             .arg(oursFound)
             .arg(lines)
             .arg(rawFound)},
        {QStringLiteral("the same in dark mode"), QStringLiteral("%1 ms").arg(num(oursDarkMedian, 0)), QStringLiteral("-"),
         QStringLiteral("**%1x** the raw call (%2 ms); lines found: %3 of %4, raw %5 of %4")
             .arg(num(oursDarkMedian / rawDarkMedian, 2), num(rawDarkMedian, 0))
             .arg(oursDarkFound)
             .arg(lines)
             .arg(rawDarkFound)},
        {QStringLiteral("model load (once per worker thread)"), QStringLiteral("%1 ms").arg(num(loadMs, 0)),
         QStringLiteral("-"), QStringLiteral("%1 MiB resident").arg(num(double(modelKiB) / 1024.0, 1))},
        {QStringLiteral("peak memory growth during one recognition"), QStringLiteral("%1 MiB").arg(num(double(growthKiB) / 1024.0, 1)),
         QStringLiteral("-"), QStringLiteral("VmHWM (reset before) minus VmRSS before; highest of the runs")},
        {QStringLiteral("UI thread: longest gap between 10 ms ticks while a worker reads"),
         QStringLiteral("%1 ms").arg(num(*std::max_element(gaps.begin(), gaps.end()), 0)), QStringLiteral("under 50 ms"),
         QStringLiteral("raw call on a worker: %1 ms").arg(num(*std::max_element(rawGaps.begin(), rawGaps.end()), 0))},
    });
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // the screenshot is drawn with Qt's fonts
    int result = 1;
    QGuiApplication app(argc, argv);
    try {
        result = run(app);
    } catch (const Fatal& fatal) {
        std::fprintf(stderr, "papertrail-bench-ocr: %s\n", qPrintable(fatal.message));
    }
    return result;
}
