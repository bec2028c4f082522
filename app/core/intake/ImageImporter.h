#pragma once
// Brings screenshots and photos into the journal (ImageEntry.h says how one is kept): the file's
// bytes as they are, checked to be an image Paper Trail can show before anything is saved, its
// EXIF read, its text recognised, and one entry written with all of it. The same bytes again are
// not imported a second time.
//
// Text recognition runs before the entry is written, so the entry has one revision and is
// findable by its words from the start; a phone screenshot takes a fraction of a second.
#include "ImageMetadata.h"
#include "Result.h"
#include "SuggestedTime.h"
#include "TextRecognizer.h"
#include "vault/Journal.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace pt::core::intake {

struct ImageImportRequest {
    QByteArray bytes;       // the file, exactly as it came
    QString name;           // its file name ("Screenshot 2026-03-01 at 09.12.55.png")
    QDateTime fileModified; // null when it has none (pasted)
    QDateTime occurredAt;   // what the person chose; null: the suggestion (EXIF, else the file's time)
    QString title;          // empty: the file name without its extension
};

struct ImageImportOutcome {
    bool imported = false;   // false: these bytes were already in the journal
    QString entryId;         // the new entry, or the one already holding them
    QString title;
    QString kind;            // "screenshot" or "photo"
    SuggestedTime suggested; // where occurred_at would come from
    ImageMetadata metadata;
    QString recognizedText;
    bool hasLocation = false; // the photo carries GPS: warn before it goes into an export
    QStringList notes;        // what could not be read, and a duplicate, in sentences
};

class ImageImporter final {
public:
    // `recognizer` may be null: then no text is recognised (the entry says so).
    ImageImporter(Journal& journal, TextRecognizer* recognizer);

    // Reads `request` and writes its entry. An error (and nothing written) when the bytes are not
    // an image that can be shown: empty, another kind of file, too large, damaged beyond reading.
    [[nodiscard]] Result<ImageImportOutcome> import(const ImageImportRequest& request,
                                                    const RecognitionProgress& progress = {});

    // Without writing anything: what import() would find (for the app to show the suggested
    // time, the EXIF and the location warning before the person confirms).
    [[nodiscard]] static Result<ImageImportOutcome> inspect(const ImageImportRequest& request);

private:
    struct Held {
        QString entryId;
        QString title;
    };
    Journal& m_journal;
    TextRecognizer* m_recognizer;
    QHash<QString, Held> m_byHash; // an image attachment's SHA-256 -> its entry
};

} // namespace pt::core::intake
