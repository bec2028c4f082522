#include "AttachmentImageProvider.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageReader>
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QQuickImageResponse>
#include <QQuickTextureFactory>
#include <QThread>
#include <QThreadPool>
#include <QUrl>

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <utility>

namespace pt::gui {

namespace {

using Problem = AttachmentImageProvider::Problem;
using Decoded = AttachmentImageProvider::Decoded;
using Generation = std::atomic<quint64>;

// Raster formats people attach (photos, screenshots). Everything else (SVG, XPM, TIFF, ICO...)
// is refused: fewer parsers facing hostile input.
bool isAllowedFormat(const QByteArray& format)
{
    static const QByteArray allowed[] = {"png", "jpeg", "jpg", "gif", "webp",
                                         "bmp", "heic", "heif", "avif"};
    return std::find(std::begin(allowed), std::end(allowed), format) != std::end(allowed);
}

constexpr qint64 MiB = qint64(1024) * 1024;

// Bytes Qt would allocate for `size` at 32 bits a pixel, the common decoded format.
qint64 bytesAt32Bit(const QSize& size)
{
    return qint64(size.width()) * qint64(size.height()) * 4;
}

// Zeroes a decrypted buffer if no one else shares it (best effort: the decoders' own buffers and
// the decoded pixels are plaintext too, and are only freed).
void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

class Response;

// One request, shared by its response (on the reader thread), the fetch on the main thread and
// the decode on a worker.
struct Job {
    QString entryId;
    QString name;
    QSize requestedSize;
    std::shared_ptr<const Generation> generation;
    quint64 startedIn = 0;
    std::atomic<bool> cancelled{false};

    [[nodiscard]] bool stale() const { return cancelled || generation->load() != startedIn; }

    QMutex mutex;
    Response* response = nullptr; // null once the response is destroyed
    bool done = false;
    Decoded outcome;
};

class Response final : public QQuickImageResponse {
public:
    explicit Response(std::shared_ptr<Job> job) : m_job(std::move(job))
    {
        QMutexLocker lock(&m_job->mutex);
        m_job->response = this;
    }
    ~Response() override
    {
        QMutexLocker lock(&m_job->mutex);
        m_job->response = nullptr;
    }
    Response(const Response&) = delete;
    Response& operator=(const Response&) = delete;

    QQuickTextureFactory* textureFactory() const override
    {
        QMutexLocker lock(&m_job->mutex);
        if (m_job->outcome.image.isNull() || m_job->stale())
            return nullptr;
        return QQuickTextureFactory::textureFactoryForImage(m_job->outcome.image);
    }

    QString errorString() const override
    {
        QMutexLocker lock(&m_job->mutex);
        if (!m_job->done)
            return {};
        if (m_job->outcome.problem == Problem::None && m_job->stale())
            return AttachmentImageProvider::describe(Problem::Unavailable);
        return AttachmentImageProvider::describe(m_job->outcome.problem);
    }

    // Qt still waits for finished() after cancelling; the steps see the flag and skip their work.
    void cancel() override { m_job->cancelled = true; }

private:
    std::shared_ptr<Job> m_job;
};

// Records the outcome and emits finished() later, on the response's own thread: Qt's pixmap
// reader connects to finished() only after requestImageResponse() returns, on that thread.
void finish(const std::shared_ptr<Job>& job, Decoded outcome)
{
    if (outcome.problem == Problem::None && (outcome.image.isNull() || job->stale()))
        outcome = {{}, outcome.image.isNull() ? Problem::Damaged : Problem::Unavailable};
    QMutexLocker lock(&job->mutex);
    if (job->done)
        return;
    job->done = true;
    job->outcome = std::move(outcome);
    if (Response* response = job->response) {
        // Posted to `response`: if it is destroyed first, the call is dropped with it.
        QMetaObject::invokeMethod(
            response, [response] { emit response->finished(); }, Qt::QueuedConnection);
    }
}

Problem problemFor(core::ErrorCode code)
{
    switch (code) {
    case core::ErrorCode::NotFound:
        return Problem::NotFound;
    case core::ErrorCode::Damaged:
        return Problem::Damaged;
    case core::ErrorCode::Usage:
        return Problem::TooLarge;
    default:
        return Problem::Unavailable;
    }
}

} // namespace

struct AttachmentImageProvider::Shared {
    Fetch fetch;
    std::shared_ptr<Generation> generation = std::make_shared<Generation>(0);
    // Decoding's own pool, so a burst of thumbnails cannot delay key derivation or other work on
    // the global pool; one core is left for the GUI thread. Its destructor waits for decodes.
    QThreadPool pool;
};

namespace {

void decodeOnWorker(const std::shared_ptr<Job>& job, QByteArray bytes)
{
    Decoded decoded{{}, Problem::Unavailable};
    try {
        if (!job->stale())
            decoded = AttachmentImageProvider::decode(bytes, job->requestedSize);
    } catch (const std::exception&) {
        decoded = {{}, Problem::TooLarge}; // std::bad_alloc, in practice
    }
    wipe(bytes);
    finish(job, std::move(decoded));
}

} // namespace

AttachmentImageProvider::AttachmentImageProvider(Fetch fetch) : m_shared(std::make_shared<Shared>())
{
    Q_ASSERT_X(QCoreApplication::instance() &&
                   QThread::currentThread() == QCoreApplication::instance()->thread(),
               "AttachmentImageProvider", "construct it on the main thread, which owns the vault");
    m_shared->fetch = std::move(fetch);
    m_shared->pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    const int limit = QImageReader::allocationLimit();
    if (limit <= 0 || limit > AllocationLimitMiB)
        QImageReader::setAllocationLimit(AllocationLimitMiB);
}

AttachmentImageProvider::~AttachmentImageProvider() = default;

QQuickImageResponse* AttachmentImageProvider::requestImageResponse(const QString& id,
                                                                   const QSize& requestedSize)
{
    auto job = std::make_shared<Job>();
    job->requestedSize = requestedSize;
    job->generation = m_shared->generation;
    job->startedIn = m_shared->generation->load();
    auto* response = new Response(job); // the engine deletes it after finished()

    QCoreApplication* app = QCoreApplication::instance();
    if (!parseId(id, &job->entryId, &job->name)) {
        finish(job, {{}, Problem::BadRequest});
    } else if (!app) {
        finish(job, {{}, Problem::Unavailable});
    } else {
        // Step 2, on the main thread, which owns journal.db's connection and the vault's keys.
        // It holds the provider weakly: if the engine drops it meanwhile, the request ends as
        // Unavailable.
        const auto step2 = [weak = std::weak_ptr<Shared>(m_shared), job] {
            const std::shared_ptr<Shared> shared = weak.lock();
            if (!shared || !shared->fetch || job->stale()) {
                finish(job, {{}, Problem::Unavailable});
                return;
            }
            QByteArray bytes;
            try {
                core::Result<QByteArray> fetched = shared->fetch(job->entryId, job->name);
                if (!fetched) {
                    finish(job, {{}, problemFor(fetched.error().code)});
                    return;
                }
                bytes = std::move(fetched.value());
            } catch (const std::exception&) {
                finish(job, {{}, Problem::Unavailable});
                return;
            }
            if (bytes.size() > MaxFileBytes) {
                wipe(bytes);
                finish(job, {{}, Problem::TooLarge});
                return;
            }
            // Step 3 holds only the job, never the provider, so the pool is never destroyed
            // from one of its own threads.
            shared->pool.start([job, bytes = std::move(bytes)]() mutable {
                decodeOnWorker(job, std::move(bytes));
            });
        };
        QMetaObject::invokeMethod(app, step2, Qt::QueuedConnection);
    }
    return response;
}

void AttachmentImageProvider::invalidate()
{
    ++*m_shared->generation;
}

QString AttachmentImageProvider::sourceFor(const QString& entryId, const QString& name)
{
    return QStringLiteral("image://%1/%2/%3")
        .arg(QLatin1String(ProviderId), QString::fromLatin1(QUrl::toPercentEncoding(entryId)),
             QString::fromLatin1(QUrl::toPercentEncoding(name)));
}

bool AttachmentImageProvider::parseId(const QString& id, QString* entryId, QString* name)
{
    // The engine passes the URL "pretty decoded": some escapes are already undone, but "%25" and
    // "%2F" stay encoded, so decoding once more gives back exactly what sourceFor() encoded.
    const qsizetype slash = id.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return false;
    *entryId = QUrl::fromPercentEncoding(id.left(slash).toUtf8());
    *name = QUrl::fromPercentEncoding(id.mid(slash + 1).toUtf8());
    return !entryId->isEmpty() && !name->isEmpty() && !entryId->contains(QLatin1Char('/'));
}

QSize AttachmentImageProvider::targetSize(const QSize& size, const QSize& requestedSize)
{
    if (size.isEmpty())
        return size;
    QSize box(MaxOutputEdge, MaxOutputEdge);
    if (requestedSize.width() > 0)
        box.setWidth(std::min(requestedSize.width(), MaxOutputEdge));
    if (requestedSize.height() > 0)
        box.setHeight(std::min(requestedSize.height(), MaxOutputEdge));
    if (size.width() <= box.width() && size.height() <= box.height())
        return size; // never enlarge
    return size.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

AttachmentImageProvider::Decoded AttachmentImageProvider::decode(const QByteArray& bytes,
                                                                 const QSize& requestedSize)
{
    if (bytes.isEmpty())
        return {{}, Problem::NotAnImage};
    if (bytes.size() > MaxFileBytes)
        return {{}, Problem::TooLarge};

    QBuffer buffer; // shares `bytes`, copies nothing
    buffer.setData(bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return {{}, Problem::Damaged};
    QImageReader reader(&buffer); // no file name: the format comes from the content
    if (!isAllowedFormat(reader.format().toLower()))
        return {{}, Problem::NotAnImage};
    reader.setAutoTransform(true);

    // The size the file declares, read from its header: nothing is decoded yet.
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty())
        return {{}, Problem::Damaged};
    if (qint64(stored.width()) * qint64(stored.height()) > MaxPixels)
        return {{}, Problem::TooLarge};

    // QImageReader scales first and rotates after, so for a quarter-turned photo the box is
    // turned too.
    const bool turned = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    QSize target = targetSize(turned ? stored.transposed() : stored, requestedSize);
    if (turned)
        target.transpose();
    if (target != stored)
        reader.setScaledSize(target); // JPEG and (non-interlaced) PNG decode at about this size

    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        // A guess, as QImageReader does not say: Qt's allocation limit refuses decodes at full
        // size (interlaced PNG, GIF, BMP...) that would be too large; anything else is damage.
        const bool tooLarge = bytesAt32Bit(stored) > qint64(AllocationLimitMiB) * MiB;
        return {{}, tooLarge ? Problem::TooLarge : Problem::Damaged};
    }
    // The header can lie: a GIF whose frame is larger than its declared screen comes out larger
    // than reader.size() said (Qt's allocation limit still bounded it). Such a file is damaged.
    if (targetSize(image.size(), requestedSize) != image.size())
        return {{}, Problem::Damaged};
    return {std::move(image), Problem::None};
}

QString AttachmentImageProvider::describe(Problem problem)
{
    const char* text = nullptr;
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::BadRequest:
        text = QT_TRANSLATE_NOOP("AttachmentImageProvider", "This picture's address is not valid.");
        break;
    case Problem::Unavailable:
        text = QT_TRANSLATE_NOOP("AttachmentImageProvider",
                                 "This picture cannot be shown right now. Unlock the journal and try again.");
        break;
    case Problem::NotFound:
        text = QT_TRANSLATE_NOOP("AttachmentImageProvider", "This picture is no longer in the journal.");
        break;
    case Problem::Damaged:
        text = QT_TRANSLATE_NOOP("AttachmentImageProvider",
                                 "This picture is damaged or incomplete. Run a vault check for details.");
        break;
    case Problem::NotAnImage:
        text = QT_TRANSLATE_NOOP("AttachmentImageProvider",
                                 "This attachment is not a picture the app can show. "
                                 "You can still export it.");
        break;
    case Problem::TooLarge:
        text = QT_TRANSLATE_NOOP("AttachmentImageProvider",
                                 "This picture is too large to show safely. You can still export it.");
        break;
    }
    return QCoreApplication::translate("AttachmentImageProvider", text);
}

} // namespace pt::gui
