#pragma once
// One immutable revision of a journal entry, and its canonical JSON form (the plaintext of an
// entry object). Edits add revisions; nothing here is ever rewritten.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::core {

struct AttachmentRef {
    QString object; // object id: SHA-256 of the encrypted file
    QString name;
    QString mime;
    qint64 size = 0;
    QString sha256; // of the original bytes

    bool operator==(const AttachmentRef&) const = default;
};

struct EntryRevision {
    static constexpr int FormatVersion = 1;

    QString entryId;   // UUID
    int revision = 1;  // 1, 2, ...
    QString previous;  // object id of the revision this one replaces; empty for revision 1
    // Object ids of the other revisions this one also replaces: the sides of a conflict it
    // resolves (two devices that changed the entry without seeing each other's change).
    QStringList merges;
    QString kind = QStringLiteral("note");
    QString title;
    QString body;
    QDateTime occurredAt; // when it happened: the person sets this
    QDateTime recordedAt; // when this revision was written: the device clock, never editable
    QString timeZone;     // IANA id of the device when recorded
    QStringList tags;
    QJsonObject fields;   // kind-specific (attendees, goal, grade, ...)
    QList<AttachmentRef> attachments;

    [[nodiscard]] QByteArray toCanonicalJson() const;
    [[nodiscard]] static std::optional<EntryRevision> fromJson(const QByteArray& json);
};

// What a list shows for an entry: its title or, for a quick note without one, the first line of
// its body (at most 80 characters); empty when both are.
QString headline(const EntryRevision& revision);
// The body without that first line when it stands in for the title.
QString bodyAfterHeadline(const EntryRevision& revision);

// Which fields differ between two revisions, by JSON name ("title", "body", "tags", ...).
QStringList changedFields(const EntryRevision& before, const EntryRevision& after);

} // namespace pt::core
