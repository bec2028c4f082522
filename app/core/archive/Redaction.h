#pragma once
// Redaction for sharing a copy with a union representative or a colleague: words blacked out of
// an entry's text and rectangles blacked out of a screenshot, in this export only. The vault's
// originals never change. A redacted image is a new PNG whose pixels there are black (not a
// shape drawn over them, and without the original's metadata), named "<name>-redacted.png"; the
// report marks it and keeps the original's SHA-256 in the appendix.
#include "Exhibit.h"
#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRect>
#include <QStringList>

namespace pt::core::archive {

struct AreaRedaction {
    QString entryId;
    QString attachment; // the attachment's name in the entry
    // In the picture's pixels as it is shown: a photo turned as its camera said (its EXIF
    // orientation), as image viewers, the report and the app show it, not as its bytes store it.
    QList<QRect> areas;
};

struct Redactions {
    // Per entry id: phrases blacked out wherever they appear (any case), in every revision's
    // title, body, tags and fields.
    QHash<QString, QStringList> phrases;
    // Phrases blacked out in every exhibit, as if listed under each entry id above.
    QStringList everywhere;
    QList<AreaRedaction> areas;

    [[nodiscard]] bool isEmpty() const { return phrases.isEmpty() && everywhere.isEmpty() && areas.isEmpty(); }
};

// Blacks the phrases out of `exhibit`'s revisions (each character becomes █). Returns how many
// places were blacked out.
int redactText(Exhibit& exhibit, const QStringList& phrases);

// The redacted copy of an image's bytes: decoded (within a size cap) and turned upright as its
// EXIF orientation says, the areas (in that upright picture) filled black, encoded as PNG. The PNG
// keeps no metadata, so it is stored upright: every viewer shows it the way the original was shown,
// and the areas black where they were marked. An error for a file that is not an image, or an
// area outside it.
[[nodiscard]] Result<QByteArray> redactImage(const QByteArray& original, const QList<QRect>& areas, const QString& name);

// "grade.png" -> "grade-redacted.png", "scan.jpg" -> "scan-redacted.png"
[[nodiscard]] QString redactedName(const QString& name);

} // namespace pt::core::archive
