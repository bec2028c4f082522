#pragma once
// The manifest of an attachment stored in parts on a sync remote (docs/FORMAT.md section 9):
// objects/aa/<object>.parts, compact JSON with sorted keys,
//   {"format": 1, "object": "<id>", "parts": [{"sha256": "<hex>", "size": N}, ...], "size": N}
// The object's encrypted file is its parts put end to end. Nothing in it is secret or trusted:
// each part must hash to its name and the whole to the object id, so a manifest can only say
// where to look, never make other bytes pass for the attachment.
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace pt::core::sync {

struct ObjectPart {
    QString sha256; // of the part's bytes: its name under parts/<object>/
    qint64 size = 0;

    bool operator==(const ObjectPart&) const = default;
};

struct PartsManifest {
    static constexpr int FormatVersion = 1;
    // 16,384 parts of at least 256 KiB reach 4 GiB; at the default 64 MiB, 1 TiB.
    static constexpr qsizetype MaxParts = 16 * 1024;
    static constexpr qint64 MaxFileBytes = 2 * 1024 * 1024;

    QString object;
    qint64 size = 0; // of the whole encrypted file: the parts' sizes add up to it
    QList<ObjectPart> parts;

    [[nodiscard]] QByteArray toJson() const;
    // Refused (Damaged, naming the object) unless `json` is exactly what toJson writes for a
    // manifest of `object` whose size is at most `maxSize`, with 1 to MaxParts parts, each with a
    // hash for a name and at least one byte, adding up to its size.
    [[nodiscard]] static Result<PartsManifest> parse(const QByteArray& json, const QString& object, qint64 maxSize);
};

} // namespace pt::core::sync
