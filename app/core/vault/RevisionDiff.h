#pragma once
// What changed from one revision of an entry to the next, in plain words a lawyer can read:
// each changed field by its human name with its old and new value, and word-level changes in
// long text. The app and the CLI both show this, so they say the same thing.
#include "EntryRevision.h"

#include <QList>
#include <QString>

namespace pt::core {

struct TextSegment {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;

    bool operator==(const TextSegment&) const = default;
};

struct FieldChange {
    enum class Shape {
        Value, // a short value: "Title: A -> B"
        List,  // items added and removed: tags, attachments, attendees
        Text,  // long text: the words added and removed, in context
    };
    Shape shape = Shape::Value;
    QString field; // JSON name: "title", "body", "fields.agreements", ...
    QString label; // human name: "Title", "Body", "Agreed", ...
    QString before; // the whole old value in plain words; empty when it was empty
    QString after;
    QList<TextSegment> segments; // List: items; Text: words (unchanged runs cut to some context)
};

// Every field that differs; a field empty before and after is never listed.
QList<FieldChange> revisionChanges(const EntryRevision& before, const EntryRevision& after);

// Word-level changes from `before` to `after` (whitespace kept as in `after`). Runs of unchanged
// words longer than twice `contextWords` keep that many words on each side of a change and show
// " … " between. Texts too long to compare word by word show as removed then added whole.
QList<TextSegment> wordDiff(const QString& before, const QString& after, int contextWords = 8);

// One line: "Title: A -> B", "Tags: added hr, removed pip", "Body: kept [-old-]{+new+} kept".
QString describeChange(const FieldChange& change);

} // namespace pt::core
