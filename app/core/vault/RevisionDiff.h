#pragma once
// What changed from one revision of an entry to the next, for a lawyer to read: each changed
// field by a stable key with its old and new value, and word-level changes in long text. The
// words are the front ends' (the app's translatable, the CLI's English): they name each key
// and say "added" or "->" in their language, from the same changes.
#include "EntryRevision.h"

#include <QList>
#include <QJsonValue>
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
    // Stable key: "kind", "title", "occurred_at", "body", "tags", "attachments", or "fields."
    // and the kind's own field's JSON name ("fields.agreements").
    QString field;
    // The whole old value as text; empty when it was empty. A kind is its id ("shout-out"), for
    // the front end to name; a time is as short as still shows the difference ("1 Dec 15:30").
    QString before;
    QString after;
    QList<TextSegment> segments; // List: items; Text: words (unchanged runs cut to some context)
};

// Every field that differs; a field empty before and after is never listed.
QList<FieldChange> revisionChanges(const EntryRevision& before, const EntryRevision& after);

// Word-level changes from `before` to `after` (whitespace kept as in `after`). Runs of unchanged
// words longer than twice `contextWords` keep that many words on each side of a change and show
// " … " between. Texts too long to compare word by word show as removed then added whole.
QList<TextSegment> wordDiff(const QString& before, const QString& after, int contextWords = 8);

// A Text change's words in one line, with marks that need no translation:
// "kept [-old-]{+new+} kept".
QString markedText(const QList<TextSegment>& segments);

// A List change's items of one kind, in order.
QStringList itemsOfKind(const FieldChange& change, TextSegment::Kind kind);

// A List change in one line: "added hr, pip; removed draft", or "reordered".
QString listChangeText(const FieldChange& change);

// A kind's field value as text: text as it is, a list of texts joined by commas, a list of
// objects one a line, an object as "name (key value, ...)", true and false as yes and no.
QString fieldValueText(const QJsonValue& value);

// What a front end calls a field it has no name for: a kind's own field written by a later
// version or by hand, "fields.pay_grade" as "Pay grade".
QString fieldKeyAsText(const QString& field);

} // namespace pt::core
