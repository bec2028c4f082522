#include "TextRecognizer.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace pt::core::intake {

namespace {

// Tesseract's Init and its global parameters (debug_file is one) are not meant to be touched
// from two threads at once; recognition on separate instances is.
std::mutex g_initMutex;

qint64 pixels(QSize size) { return qint64(size.width()) * qint64(size.height()); }

// Tesseract asks OpenMP for 4 to 10 threads per text line whatever the machine has, and those
// threads spin while they wait. One thread per recognition is faster on a busy machine and
// kinder to a phone's battery; the app runs a worker per image instead. The call goes to the
// OpenMP runtime Tesseract itself was linked with (libgomp on Debian), looked up at run time so
// neither this library nor a Tesseract built without OpenMP needs it. With GCC's runtime the
// setting is the calling thread's own.
void singleThreadedOpenMp()
{
    thread_local bool done = false;
    if (done)
        return;
    done = true;
    using SetMaxActiveLevels = void (*)(int);
    if (auto* set = reinterpret_cast<SetMaxActiveLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels")))
        set(0); // no parallel region of this thread is active: each runs on one thread
}

struct Monitoring {
    const RecognitionProgress* progress = nullptr;
    const tesseract::ETEXT_DESC* monitor = nullptr;
    bool cancelled = false;
};

// Tesseract calls this between words, after updating the monitor's progress.
bool cancelRequested(void* context, int /*words*/)
{
    auto* monitoring = static_cast<Monitoring*>(context);
    if (!monitoring->cancelled && *monitoring->progress && !(*monitoring->progress)(monitoring->monitor->progress))
        monitoring->cancelled = true;
    return monitoring->cancelled;
}

Error cancelled()
{
    return failed(QStringLiteral("Reading the text in the picture was cancelled. The picture is kept; its text can be read again later."));
}

bool hasEnglishModel(const QString& dir)
{
    return !dir.isEmpty() && QFileInfo(QDir(dir).filePath(QStringLiteral("eng.traineddata"))).isFile();
}

} // namespace

TextRecognizer::TextRecognizer(std::unique_ptr<tesseract::TessBaseAPI> api) : m_api(std::move(api)) {}
TextRecognizer::TextRecognizer(TextRecognizer&& other) noexcept = default;
TextRecognizer& TextRecognizer::operator=(TextRecognizer&& other) noexcept = default;
TextRecognizer::~TextRecognizer() = default; // TessBaseAPI's destructor ends it

QString TextRecognizer::findTessdata()
{
    QStringList candidates{qEnvironmentVariable("TESSDATA_PREFIX")};
    candidates << QStringLiteral("/usr/share/tesseract-ocr/5/tessdata")    // Debian, Ubuntu
               << QStringLiteral("/usr/share/tesseract-ocr/4.00/tessdata") // their older releases
               << QStringLiteral("/usr/share/tessdata")                    // Fedora, Arch
               << QStringLiteral("/usr/local/share/tessdata");             // built from source
    for (const QString& dir : candidates)
        if (hasEnglishModel(dir))
            return dir;
    return {};
}

Result<TextRecognizer> TextRecognizer::create(const QString& tessdataDir)
{
    const QString dir = tessdataDir.isEmpty() ? findTessdata() : tessdataDir;
    if (!hasEnglishModel(dir))
        return notFound(QStringLiteral("The English text recognition model (eng.traineddata) was not found%1. Install the package tesseract-ocr-eng, or set TESSDATA_PREFIX to the folder that holds it.")
                            .arg(dir.isEmpty() ? QString() : QStringLiteral(" in %1").arg(dir)));
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    std::lock_guard lock(g_initMutex);
    // Tesseract prints its diagnostics ("Estimating resolution as 386", and worse) with its own
    // printf, to stderr unless debug_file names a file: never let them near a log.
    api->SetVariable("debug_file", "/dev/null");
    if (api->Init(QFile::encodeName(dir).constData(), "eng", tesseract::OEM_LSTM_ONLY) != 0)
        return damaged(QStringLiteral("The English text recognition model in %1 could not be loaded. Reinstall the package tesseract-ocr-eng.")
                           .arg(dir));
    api->SetPageSegMode(tesseract::PSM_AUTO); // screenshots: blocks and columns of text anywhere
    return TextRecognizer(std::move(api));
}

QImage TextRecognizer::preparedForText(const QImage& image)
{
    if (image.isNull())
        return {};
    QImage flat = image;
    if (flat.hasAlphaChannel()) { // a transparent screenshot would turn black, text and all
        flat = QImage(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
    }
    // Tesseract binarises grey itself; grey is also a quarter of the bytes to scale and copy.
    QImage grey = flat.convertToFormat(QImage::Format_Grayscale8);

    // Measured with Tesseract 5.3 on DejaVu Sans: a phone screenshot halved read the same 51-pixel
    // text only a fifth faster, and a 1920 x 1080 one halved lost all its 13-pixel text; doubled,
    // 10- to 15-pixel text read no better at 1.7 times the cost, except in a small crop (4 lines
    // of 5 read at full size, 5 of 5 doubled, 74 ms against 146). So: full size, bounded for
    // large images, doubled for small ones.
    const qint64 count = pixels(grey.size());
    QSize target = grey.size();
    if (count > MaxTextRecognitionPixels) {
        const double factor = std::sqrt(double(MaxTextRecognitionPixels) / double(count));
        target = QSize(std::max(1, int(grey.width() * factor)), std::max(1, int(grey.height() * factor)));
    } else if (count < SmallTextImagePixels) {
        target = grey.size() * 2;
    }
    if (target != grey.size())
        grey = grey.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);

    // Dark mode: light text on a dark background. Tesseract tries inverted lines itself when a
    // line reads badly, at a cost; turning the whole picture round first is faster (a third
    // less time on a dark phone screenshot) and reads the same.
    qint64 sum = 0, samples = 0;
    const int step = std::max(1, std::min(grey.width(), grey.height()) / 256);
    for (int y = 0; y < grey.height(); y += step) {
        const uchar* row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); x += step, ++samples)
            sum += row[x];
    }
    if (samples > 0 && sum / samples < 128)
        grey.invertPixels();
    return grey;
}

Result<RecognizedText> TextRecognizer::recognize(const QImage& image, const RecognitionProgress& progress, int timeLimitMs)
{
    if (!m_api)
        return failed(QStringLiteral("This text recognizer was moved from; make a new one."));
    if (image.isNull())
        return usage(QStringLiteral("There is no picture to read text from."));
    if (progress && !progress(0))
        return cancelled();
    const QImage prepared = preparedForText(image);
    if (progress && !progress(0))
        return cancelled();

    singleThreadedOpenMp();
    // Tesseract copies the pixels; `prepared` may go after this.
    m_api->SetImage(prepared.constBits(), prepared.width(), prepared.height(), 1, int(prepared.bytesPerLine()));

    tesseract::ETEXT_DESC monitor;
    Monitoring monitoring{&progress, &monitor, false};
    monitor.cancel = &cancelRequested;
    monitor.cancel_this = &monitoring;
    monitor.set_deadline_msecs(timeLimitMs);
    // Layout analysis runs first and is not cancellable; bounded by MaxTextRecognitionPixels, it
    // takes a small part of the time. Word recognition then checks between words.
    const int status = m_api->Recognize(&monitor);
    const bool timedOut = status != 0 && !monitoring.cancelled && monitor.deadline_exceeded();
    if (monitoring.cancelled) {
        m_api->Clear();
        return cancelled();
    }
    if (status != 0 && !timedOut) {
        m_api->Clear();
        return failed(QStringLiteral("The text in the picture could not be read. The picture is kept; try again later."));
    }

    RecognizedText result;
    const std::unique_ptr<char[]> text(m_api->GetUTF8Text());
    result.text = text ? QString::fromUtf8(text.get()).trimmed() : QString();
    result.meanConfidence = std::clamp(m_api->MeanTextConf(), 0, 100);
    result.readSize = prepared.size();
    result.complete = !timedOut;
    m_api->Clear(); // the page and its results; the model stays for the next picture
    return result;
}

} // namespace pt::core::intake
