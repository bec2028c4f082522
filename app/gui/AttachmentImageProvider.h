#pragma once
// Shows image attachments in QML without their plaintext ever touching the disk:
// image://attachment/<entryId>/<percent-encoded attachment name> is decrypted into memory and
// decoded from there. Nothing is cached here; QML must not cache either, so every Image using
// this provider sets `cache: false` (otherwise Qt's in-memory pixmap cache keeps decoded
// pictures after the vault locks and hands them out again for the same URL).
//
// Threads. Qt calls requestImageResponse() on its pixmap reader thread (for an asynchronous
// provider always; for a plain QQuickImageProvider too, as soon as an Image says
// `asynchronous: true`), so a provider can never assume it runs on the GUI thread. The fetch
// callback reads journal.db (whose QSqlDatabase connection belongs to the GUI thread) and the
// vault's keys (which lock() wipes on the GUI thread), so each request runs in three steps:
//   1. reader thread: parse the id, create the response, post step 2 to the GUI thread;
//   2. main thread (QCoreApplication's, which owns the vault; the provider must be constructed
//      there): call fetch, which decrypts the attachment into memory; lock() cannot run in the
//      middle of it;
//   3. worker thread (the provider's own pool, one thread fewer than the cores, at least one):
//      decode from memory, wipe the decrypted bytes, post `finished` back to the response's
//      thread.
// Decoding, the slow part, never blocks the GUI thread, and nothing touches SQL or keys off
// the GUI thread. No thread ever blocks waiting for another (no BlockingQueuedConnection), so
// engine shutdown cannot deadlock.
//
// Hostile images (decompression bombs, truncated or garbage files) end as an empty image with a
// generic errorString(), never a crash, a hang or a huge allocation: only a few raster formats
// are accepted, the declared size is checked before any pixel is decoded, decoding happens at
// the requested size (libjpeg scales while decoding, Qt's PNG reader row by row), Qt's
// allocation limit bounds the rest, and the decoded image is checked again (Qt's GIF reader can
// report a smaller size than it then decodes).
//
// Error strings never contain the entry id, the attachment name or the fetch callback's own
// message: QML prints a failed Image's error to stderr, and stderr may end up in a log on disk.
// The URL itself carries the attachment name, which is journal plaintext, so the app must not
// log Image sources either.
#include "Result.h"

#include <QByteArray>
#include <QImage>
#include <QQuickAsyncImageProvider>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>

namespace pt::gui {

class AttachmentImageProvider final : public QQuickAsyncImageProvider {
public:
    // Returns the attachment's decrypted bytes, or an error: NotFound (no such entry or
    // attachment), Damaged (it failed to decrypt), Usage (it is larger than MaxFileBytes: check
    // AttachmentRef::size before decrypting), anything else for "not now" (the vault is locked).
    // The error's message is never shown or logged: it may name the attachment. Always called on
    // the main thread.
    using Fetch = std::function<core::Result<QByteArray>(const QString& entryId, const QString& name)>;

    enum class Problem {
        None,
        BadRequest,  // the URL is not image://attachment/<entryId>/<name>
        Unavailable, // the fetch failed: vault locked, or the request was cancelled or invalidated
        NotFound,    // no such entry or attachment
        Damaged,     // the attachment failed to decrypt, or the image data is broken
        NotAnImage,  // not a format this provider decodes
        TooLarge,    // too many bytes, pixels or memory to decode safely
    };

    struct Decoded {
        QImage image; // null unless problem is None
        Problem problem = Problem::None;
    };

    static constexpr const char* ProviderId = "attachment";
    // Larger files are refused before decoding (and the fetch callback should refuse them before
    // decrypting): a photo from a phone is 2-15 MB.
    static constexpr qsizetype MaxFileBytes = 64 * 1024 * 1024;
    // Declared sizes above this are refused before any pixel is decoded.
    static constexpr qint64 MaxPixels = 100'000'000;
    // Qt's limit for any one image allocation while decoding (QImageReader::setAllocationLimit is
    // process-wide; the constructor lowers it to this if it is higher or off).
    static constexpr int AllocationLimitMiB = 256;
    // The longest edge we hand to the scene graph, whatever was requested: a texture larger than
    // this fails on many phone GPUs, and no screen needs more.
    static constexpr int MaxOutputEdge = 4096;

    // Construct on the main thread, which owns the vault; `fetch` will be called there.
    explicit AttachmentImageProvider(Fetch fetch);
    ~AttachmentImageProvider() override;
    AttachmentImageProvider(const AttachmentImageProvider&) = delete;
    AttachmentImageProvider& operator=(const AttachmentImageProvider&) = delete;

    // Called by the QML engine on its pixmap reader thread (thread-safe).
    QQuickImageResponse* requestImageResponse(const QString& id, const QSize& requestedSize) override;

    // Call when the vault locks: every request already made ends with an empty image, even one
    // whose bytes were decrypted before the lock. There is no cache to clear.
    void invalidate();

    // The Image source for an attachment, for models to hand to QML. In QML the same is
    // "image://attachment/" + entryId + "/" + encodeURIComponent(name).
    [[nodiscard]] static QString sourceFor(const QString& entryId, const QString& name);
    // Splits an id as the engine passes it (the URL after "image://attachment/"); false if it is
    // not <entryId>/<name> with both parts non-empty.
    [[nodiscard]] static bool parseId(const QString& id, QString* entryId, QString* name);

    // Decodes `bytes` to fit inside `requestedSize` (keeping the aspect ratio, never enlarging;
    // a width or height <= 0 means "any"), applying the EXIF orientation. Thread-safe, pure.
    [[nodiscard]] static Decoded decode(const QByteArray& bytes, const QSize& requestedSize);
    // The size decode() produces for an image displayed at `size` (after orientation).
    [[nodiscard]] static QSize targetSize(const QSize& size, const QSize& requestedSize);
    // One plain sentence for a problem; never names the attachment.
    [[nodiscard]] static QString describe(Problem problem);

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace pt::gui
