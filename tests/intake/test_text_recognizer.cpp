// Text in screenshots (Tesseract): a phone screenshot of a grade drawn in the test is read on a
// worker thread and the grade is in the text; a dark-mode crop is inverted and enlarged first;
// cancelling before and while it runs returns at once; the time limit returns what was read;
// nothing recognised reaches the disk. Two full recognitions in all, to keep the suite quick.
#include "ImageFixtures.h"
#include "PhoneScreenshot.h"
#include "TestSupport.h"

#include "intake/SafeImage.h"
#include "intake/TextRecognizer.h"

#include <QDirIterator>
#include <QHash>
#include <QElapsedTimer>

#include <atomic>
#include <thread>

using namespace pt::core;
using namespace pt::core::intake;
using namespace pt::test;

namespace {

TextRecognizer recognizer()
{
    auto created = TextRecognizer::create();
    REQUIRE(created.ok());
    return std::move(*created);
}

// Every file under `dir` and when it was last changed.
QHash<QString, QDateTime> fileTimes(const QString& dir)
{
    QHash<QString, QDateTime> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        files.insert(it.filePath(), it.fileInfo().lastModified());
    }
    return files;
}

// Files under `dir` that are new or changed since `before` and contain `needle`.
QStringList changedFilesContaining(const QString& dir, const QHash<QString, QDateTime>& before, const QByteArray& needle)
{
    QStringList found;
    const QHash<QString, QDateTime> now = fileTimes(dir);
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (before.value(it.key()) == it.value())
            continue;
        QFile file(it.key());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << it.key();
    }
    return found;
}

} // namespace

TEST_CASE("OCR: a phone screenshot of a grade is read on a worker thread", "[ocr]")
{
    // What the process could write to: its private HOME, TMPDIR and XDG folders, and the working
    // folder (where the test binary itself holds the words, so only what changes there counts).
    const QString root = qEnvironmentVariable("PT_TEST_PRIVATE_ROOT");
    REQUIRE_FALSE(root.isEmpty());
    const QHash<QString, QDateTime> workingBefore = fileTimes(QDir::currentPath());
    // As the app will have it: the screenshot's PNG bytes, decoded within the recognition cap.
    const QByteArray png = encoded(phoneScreenshot(), "PNG");
    auto decoded = decodeImage(png, QStringLiteral("IMG_0412.PNG"), {QSize(), MaxTextRecognitionPixels});
    REQUIRE(decoded.ok());
    REQUIRE(decoded->image.size() == QSize(1170, 2532));

    std::optional<Result<RecognizedText>> outcome;
    std::vector<int> percents;
    QElapsedTimer timer;
    timer.start();
    std::thread worker([&] {
        TextRecognizer ocr = recognizer();
        outcome = ocr.recognize(decoded->image, [&](int percent) {
            percents.push_back(percent);
            return true;
        });
    });
    worker.join();
    const qint64 ms = timer.elapsed();
    REQUIRE(outcome.has_value());
    REQUIRE(outcome->ok());
    const RecognizedText& read = outcome->value();
    INFO("recognised in " << ms << " ms"); // the text itself is not printed, even here
    CHECK(read.complete);
    CHECK(read.readSize == QSize(1170, 2532));
    CHECK(read.text.contains(QStringLiteral("Goal 2")));
    CHECK(read.text.contains(QStringLiteral("Meets expectations")));
    CHECK(read.text.contains(QStringLiteral("Goal 2: Meets expectations - 4/5")));
    CHECK(read.text.contains(QStringLiteral("Needs improvement")));
    CHECK(read.text.contains(QStringLiteral("Jordan Smith")));
    CHECK(read.text.contains(QStringLiteral("Acknowledge"))); // white on blue
    CHECK(read.meanConfidence > 80);
    REQUIRE(percents.size() > 5);
    CHECK(percents.front() == 0);
    CHECK(std::is_sorted(percents.begin(), percents.end()));
    CHECK(percents.back() > 50);

    // Nothing of it was written anywhere.
    CHECK(changedFilesContaining(root, {}, "Meets expectations").isEmpty()); // every file there
    CHECK(changedFilesContaining(QDir::currentPath(), workingBefore, "Meets expectations").isEmpty());
}

TEST_CASE("OCR: a dark-mode crop is inverted and enlarged before it is read", "[ocr]")
{
    QImage crop(560, 120, QImage::Format_ARGB32); // with alpha: flattened on white first
    crop.fill(QColor(28, 28, 30));
    {
        QPainter p(&crop);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(26);
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(16, 50, QStringLiteral("Goal 2: Meets expectations"));
        p.drawText(16, 95, QStringLiteral("Rating 4/5"));
    }
    const QImage prepared = TextRecognizer::preparedForText(crop);
    CHECK(prepared.format() == QImage::Format_Grayscale8);
    CHECK(prepared.size() == QSize(1120, 240)); // under a megapixel: twice
    CHECK(qGray(prepared.pixel(2, 2)) > 200);   // the background is light now

    TextRecognizer ocr = recognizer();
    auto read = ocr.recognize(crop);
    REQUIRE(read.ok());
    CHECK(read->text.contains(QStringLiteral("Goal 2: Meets expectations")));
    CHECK(read->text.contains(QStringLiteral("4/5")));
    CHECK(read->readSize == QSize(1120, 240));

    SECTION("a transparent screenshot with black text is read on white")
    {
        QImage transparent(400, 80, QImage::Format_ARGB32);
        transparent.fill(Qt::transparent);
        const QImage flat = TextRecognizer::preparedForText(transparent);
        CHECK(qGray(flat.pixel(5, 5)) == 255);
    }
}

TEST_CASE("OCR: preparation bounds what Tesseract is given", "[ocr]")
{
    CHECK(TextRecognizer::preparedForText(QImage()).isNull());
    QImage phone(1170, 2532, QImage::Format_RGB32);
    phone.fill(Qt::white);
    CHECK(TextRecognizer::preparedForText(phone).size() == QSize(1170, 2532)); // as it is
    QImage huge(6000, 4000, QImage::Format_Grayscale8);                       // 24 MP
    huge.fill(255);
    const QSize bounded = TextRecognizer::preparedForText(huge).size();
    CHECK(qint64(bounded.width()) * bounded.height() <= MaxTextRecognitionPixels);
    CHECK(bounded.width() == 4242);
}

TEST_CASE("OCR: cancelling before or while it runs returns at once", "[ocr]")
{
    TextRecognizer ocr = recognizer();
    const QImage screenshot = phoneScreenshot(true);

    SECTION("before")
    {
        QElapsedTimer timer;
        timer.start();
        auto result = ocr.recognize(screenshot, [](int) { return false; });
        CHECK(timer.elapsed() < 500); // nothing is prepared or read: a few microseconds alone
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message.contains(QStringLiteral("was cancelled")));
    }
    SECTION("while it runs, from another thread")
    {
        // As the app's Cancel button will: another thread sets the flag the progress reads.
        std::atomic<bool> reading{false}, stop{false};
        std::atomic<qint64> cancelledAt{-1};
        QElapsedTimer clock;
        clock.start();
        std::thread person([&] {
            while (!reading)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            cancelledAt = clock.elapsed();
            stop = true;
        });
        auto result = ocr.recognize(screenshot, [&](int percent) {
            if (percent > 0) // the first words are read
                reading = true;
            return !stop.load();
        });
        const qint64 returnedAt = clock.elapsed();
        person.join();
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message.contains(QStringLiteral("was cancelled")));
        // Stopped between words, not at the end: a cancelled result, soon after the flag.
        CHECK(returnedAt - cancelledAt.load() < 500);
    }
    SECTION("past the time limit: what was read so far, marked incomplete")
    {
        auto result = ocr.recognize(screenshot, {}, 1);
        REQUIRE(result.ok());
        CHECK_FALSE(result->complete);
    }
    // The same recognizer reads again after a cancel: a small crop, so this stays quick.
    QImage line(600, 60, QImage::Format_RGB32);
    line.fill(Qt::white);
    {
        QPainter p(&line);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(24);
        p.setFont(font);
        p.drawText(10, 40, QStringLiteral("Performance review"));
    }
    auto again = ocr.recognize(line);
    REQUIRE(again.ok());
    CHECK(again->text.contains(QStringLiteral("Performance review")));
}

TEST_CASE("OCR: a missing model says what to install", "[ocr]")
{
    auto missing = TextRecognizer::create(QStringLiteral("/nonexistent/tessdata"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message.contains(QStringLiteral("tesseract-ocr-eng")));
    CHECK(missing.error().message.contains(QStringLiteral("TESSDATA_PREFIX")));
    CHECK_FALSE(TextRecognizer::findTessdata().isEmpty());

    auto blank = TextRecognizer::create();
    REQUIRE(blank.ok());
    auto nothing = blank->recognize(QImage());
    REQUIRE_FALSE(nothing.ok());
    CHECK(nothing.error().code == ErrorCode::Usage);
}
