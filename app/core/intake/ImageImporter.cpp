#include "ImageImporter.h"

#include "ImageEntry.h"
#include "ImageLimits.h"
#include "SafeImage.h"
#include "vault/VaultKeys.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>

namespace pt::core::intake {

namespace {

bool isImageKind(const QString& kind)
{
    return kind == QLatin1String(ScreenshotKind) || kind == QLatin1String(PhotoKind);
}

QString mimeOf(const QByteArray& format)
{
    const QList<QMimeType> types = QMimeDatabase().mimeTypesForFileName(QStringLiteral("x.") + QString::fromLatin1(format));
    return types.isEmpty() ? QStringLiteral("application/octet-stream") : types.first().name();
}

QString defaultTitle(const QString& name)
{
    const QString base = QFileInfo(name).completeBaseName().simplified();
    return base.isEmpty() ? QStringLiteral("Screenshot") : base;
}

} // namespace

ImageImporter::ImageImporter(Journal& journal, TextRecognizer* recognizer) : m_journal(journal), m_recognizer(recognizer)
{
    for (const Entry& entry : journal.entries(true))
        if (isImageKind(entry.latest.kind))
            for (const AttachmentRef& a : entry.latest.attachments)
                m_byHash.insert(a.sha256, {entry.latest.entryId, entry.latest.title});
}

Result<ImageImportOutcome> ImageImporter::inspect(const ImageImportRequest& request)
{
    auto probe = probeImage(request.bytes, request.name);
    if (!probe)
        return probe.error();
    ImageImportOutcome outcome;
    auto metadata = readImageMetadata(request.bytes, request.name);
    if (metadata)
        outcome.metadata = *metadata;
    else
        outcome.notes.append(metadata.error().message);
    outcome.suggested = suggestOccurredAt(metadata ? &outcome.metadata : nullptr, request.fileModified);
    outcome.kind = imageKind(outcome.metadata);
    outcome.hasLocation = outcome.metadata.hasLocation();
    outcome.title = request.title.trimmed().isEmpty() ? defaultTitle(request.name) : request.title.trimmed();
    return outcome;
}

Result<ImageImportOutcome> ImageImporter::import(const ImageImportRequest& request, const RecognitionProgress& progress)
{
    const QString sha256 = hexSha256(request.bytes);
    if (const auto held = m_byHash.constFind(sha256); held != m_byHash.cend()) {
        ImageImportOutcome outcome;
        outcome.entryId = held->entryId;
        outcome.title = held->title;
        outcome.notes.append(QStringLiteral("Already in the journal as \"%1\" (the same file): not imported again.")
                                 .arg(held->title));
        return outcome;
    }

    auto inspected = inspect(request);
    if (!inspected)
        return inspected.error();
    ImageImportOutcome outcome = std::move(*inspected);

    // Decoded only to read the text, bounded in pixels (and so in memory), and let go after.
    QSize shownSize;
    QByteArray format;
    {
        auto decoded = decodeImage(request.bytes, request.name, DecodeRequest{{}, MaxTextRecognitionPixels});
        if (!decoded)
            return decoded.error();
        shownSize = decoded->shownSize;
        format = decoded->format;
        if (decoded->partial)
            outcome.notes.append(decoded->note);
        if (m_recognizer) {
            auto text = m_recognizer->recognize(decoded->image, progress);
            if (!text)
                return text.error(); // cancelled: nothing written
            outcome.recognizedText = text->text.trimmed();
            if (!text->complete)
                outcome.notes.append(QStringLiteral("Reading the text in it took too long and stopped part way: only "
                                                    "some of its words can be searched."));
        } else {
            outcome.notes.append(QStringLiteral("Its text was not read (text recognition is not available), so its "
                                                "words cannot be searched."));
        }
    }

    const bool chosen = request.occurredAt.isValid();
    EntryDraft draft;
    draft.kind = outcome.kind;
    draft.title = outcome.title;
    draft.occurredAt = chosen ? request.occurredAt : outcome.suggested.time;
    draft.fields = imageFields(outcome.metadata, shownSize, outcome.recognizedText,
                               chosen ? QStringLiteral("entered") : timeSourceName(outcome.suggested.source));
    if (!outcome.notes.isEmpty())
        draft.fields.insert(QLatin1String(image::ImportNotes), QJsonArray::fromStringList(outcome.notes));
    QBuffer source;
    source.setData(request.bytes);
    source.open(QIODevice::ReadOnly);
    const QString fileName = QFileInfo(request.name).fileName();
    draft.attachments.append({&source, fileName.isEmpty() ? QStringLiteral("image.") + QString::fromLatin1(format) : fileName,
                              mimeOf(format)});

    auto added = m_journal.add(draft);
    if (!added)
        return added.error();
    outcome.imported = true;
    outcome.entryId = added->latest.entryId;
    m_byHash.insert(sha256, {outcome.entryId, outcome.title});
    return outcome;
}

} // namespace pt::core::intake
