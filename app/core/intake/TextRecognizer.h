#pragma once
// The text in a screenshot, read with Tesseract (its LSTM engine and Debian's English model) so
// a screenshot of a grade is found by the words in it. Everything stays in memory: the picture
// goes in as pixels, the text comes back as a QString for the encrypted entry. Nothing is logged
// or written: Tesseract's own diagnostics go to /dev/null, and its debug images stay off.
//
// Threads: a recognizer belongs to one thread at a time; make one per worker thread (loading
// the model takes some 60 ms and 17 MiB) and reuse it for every image that thread reads.
// Tesseract's own OpenMP threads are turned off for the calling thread: on two busy cores they
// made a phone screenshot take 0.7 to 1.8 s instead of 0.15 to 0.3 s (bench/ocr_bench.cpp),
// and a worker per image uses more cores better than threads inside one.
#include "ImageLimits.h"
#include "Result.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>

namespace tesseract {
class TessBaseAPI;
}

namespace pt::core::intake {

struct RecognizedText {
    QString text;           // lines as Tesseract found them, a blank line between blocks
    int meanConfidence = 0; // Tesseract's mean word confidence, 0-100
    QSize readSize;         // the picture as Tesseract was given it, after preparedForText
    // False when the time limit stopped it: `text` then holds what was read before.
    bool complete = true;
};

// Called from the recognising thread before it starts and then between words, with how far it
// is (0-100); returning false cancels. Keep it cheap (an atomic load): it is called per word.
using RecognitionProgress = std::function<bool(int percent)>;

class TextRecognizer final {
public:
    // Past this, recognition stops and returns what it has read (complete = false): a hostile or
    // huge picture cannot keep a worker forever. A phone screenshot takes 0.15 to 0.3 s, a page
    // of 12 MP dense text some 15 s.
    static constexpr int DefaultTimeLimitMs = 120'000;

    // Loads the English model from `tessdataDir`, or where findTessdata() finds it. An error
    // says what to install when it is missing.
    [[nodiscard]] static Result<TextRecognizer> create(const QString& tessdataDir = {});

    TextRecognizer(TextRecognizer&& other) noexcept;
    TextRecognizer& operator=(TextRecognizer&& other) noexcept;
    ~TextRecognizer();

    // Reads the text in `image` (any format; decode it with decodeImage and
    // maxPixels = MaxTextRecognitionPixels, which bounds the memory of the decode too). An error
    // when cancelled, naming nothing but the cancel.
    [[nodiscard]] Result<RecognizedText> recognize(const QImage& image, const RecognitionProgress& progress = {},
                                                   int timeLimitMs = DefaultTimeLimitMs);

    // The folder holding eng.traineddata: $TESSDATA_PREFIX, then Debian's
    // /usr/share/tesseract-ocr/5/tessdata and the other usual places. Empty when there is none.
    [[nodiscard]] static QString findTessdata();

    // What recognize() gives Tesseract: 8-bit grey, transparency on white, dark backgrounds
    // (dark mode) inverted to dark text on light, scaled down to MaxTextRecognitionPixels or up
    // twice below SmallTextImagePixels. Public for the benchmark and tests.
    [[nodiscard]] static QImage preparedForText(const QImage& image);

private:
    explicit TextRecognizer(std::unique_ptr<tesseract::TessBaseAPI> api);
    std::unique_ptr<tesseract::TessBaseAPI> m_api;
};

} // namespace pt::core::intake
