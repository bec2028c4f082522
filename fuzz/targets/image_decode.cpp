// Screenshots and photos as hostile files: probeImage, decodePreview and decodeImage (Qt's PNG,
// JPEG, GIF and BMP readers behind our checks) on any bytes.
//
// Properties: no crash, hang or allocation over Qt's limit; an answer is an image or an error
// with a message; a decoded image is exactly the size decodedSize() promises for its header's
// size and the request, so never larger than asked; it is partial exactly when endsEarly() says
// the file is cut short.
//
// Seeds in corpus/image_decode: small PNG, JPEG (one with EXIF orientation 6), GIF and BMP files,
// a truncated JPEG and PNG, and a 50,000 x 50,000 PNG header; regression-* once found a bug.
#include "FuzzSupport.h"
#include "intake/SafeImage.h"

using namespace pt;
using namespace pt::core::intake;

namespace {

void check(const QByteArray& bytes, const pt::core::Result<DecodedImage>& decoded, const DecodeRequest& request)
{
    if (!decoded.ok()) {
        PT_FUZZ_CHECK(!decoded.error().message.isEmpty());
        return;
    }
    PT_FUZZ_CHECK(!decoded->image.isNull());
    PT_FUZZ_CHECK(decoded->image.size() == decodedSize(decoded->shownSize, request));
    PT_FUZZ_CHECK(decoded->partial == endsEarly(bytes, decoded->format));
    PT_FUZZ_CHECK(decoded->partial != decoded->note.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = fuzz::qbytes(data, size);
    const QString name = QStringLiteral("fuzz.png");
    const auto probe = probeImage(bytes, name);
    if (!probe.ok()) {
        PT_FUZZ_CHECK(!probe.error().message.isEmpty());
        return 0;
    }
    PT_FUZZ_CHECK(qint64(probe->storedSize.width()) * probe->storedSize.height() <= MaxImagePixels);

    const DecodeRequest preview{QSize(256, 256), 0};
    check(bytes, decodePreview(bytes, name, preview.fitInside), preview);
    const DecodeRequest forText{QSize(), 1'000'000};
    check(bytes, decodeImage(bytes, name, forText), forText);
    // Full size only for small declared sizes: a real 100 MP decode takes seconds, not a bug.
    if (qint64(probe->storedSize.width()) * probe->storedSize.height() <= 4'000'000)
        check(bytes, decodeImage(bytes, name), {});
    return 0;
}
