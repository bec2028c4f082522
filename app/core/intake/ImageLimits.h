#pragma once
// The caps every screenshot and photo is held to before any library parses it (issue 12,
// "Hostile input"). The same numbers as the app's AttachmentImageProvider, so a picture the
// intake accepts is one the app can show.
#include <QtGlobal>

namespace pt::core::intake {

constexpr qint64 MiB = qint64(1024) * 1024;

// A phone photo is 2-15 MB, a long scrolling screenshot a few MB; a 64 MP photo at the best
// JPEG quality is about 30 MB. Larger files are refused before exiv2 or Qt look at them.
constexpr qint64 MaxImageFileBytes = 64 * MiB;

// Declared sizes above this are refused from the header, before any pixel is decoded: 100 MP
// takes a 64 MP or 50 MP full-resolution phone photo and a 1170 x 80,000 scrolling screenshot,
// and refuses a 50,000 x 50,000 "decompression bomb" (2.5 gigapixels, 10 GB decoded).
constexpr qint64 MaxImagePixels = 100'000'000;

// Neither side may be longer than this, whatever the pixel count: 65,535 is the most a JPEG can
// have, and a scrolling phone screenshot that tall is some 25 screens. Past it Qt's smooth
// scaling (used for previews of formats that cannot decode scaled, BMP and GIF) overflows and
// crawls: a 307-byte BMP declaring 10,420,232 x 6 pixels took 13 s to decode for text (found by
// the image_decode fuzz target).
constexpr int MaxImageEdge = 65'535;

// Qt's limit for one image allocation while decoding (QImageReader::setAllocationLimit, which
// is process-wide). 256 MiB is a 64 MP image at 32 bits a pixel: larger images still decode for
// previews and text recognition because JPEG and PNG decode at the requested smaller size, but
// a full-size decode of one is refused. A 16-bit PNG takes 64 bits a pixel: 32 MP at full size.
constexpr int ImageAllocationLimitMiB = 256;

// The most pixels text recognition looks at: larger images are scaled down to this first. A
// 4K desktop screenshot (8.3 MP) and a 1170 x 10,000 scrolling phone screenshot go in at full
// size; a 48 MP photo of a printed page is read at about half its width, where its text is
// still 30 pixels or more high. Measured here: a page of 12 MP densely covered in text takes
// 15 s on one core and grows memory by 64 MiB (Tesseract keeps about 5 bytes a pixel).
constexpr qint64 MaxTextRecognitionPixels = 12'000'000;

// Below this, an image is enlarged twice before recognition: a small crop of a screen with
// 10-pixel text is read better so, and costs little at that size.
constexpr qint64 SmallTextImagePixels = 1'000'000;

} // namespace pt::core::intake
