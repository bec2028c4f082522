#include "EntryFormat.h"

#include "ByteSize.h"
#include "TerminalText.h"
#include "TimeFormat.h"

#include <QHash>
#include <QJsonArray>

namespace pt::cli {

using namespace pt::core;

namespace {

QJsonArray attachmentsJson(const QList<AttachmentRef>& attachments)
{
    QJsonArray list;
    for (const AttachmentRef& a : attachments)
        list.append(QJsonObject{{QStringLiteral("name"), a.name},
                                {QStringLiteral("mime"), a.mime},
                                {QStringLiteral("size"), a.size},
                                {QStringLiteral("sha256"), a.sha256},
                                {QStringLiteral("object"), a.object}});
    return list;
}

QJsonArray headsJson(const LogHeads& heads)
{
    QJsonArray list;
    for (auto it = heads.cbegin(); it != heads.cend(); ++it)
        list.append(QJsonObject{{QStringLiteral("device"), it.key()}, {QStringLiteral("seq"), it->seq}, {QStringLiteral("hash"), it->hash}});
    return list;
}

QString humanTime(const QDateTime& t) { return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm t")) : QString(); }

// The app's figures (core::byteSize) in the CLI's words: "1 byte", "512 bytes", "1.5 KiB".
QString humanSize(qint64 bytes)
{
    const ByteSize size = byteSize(bytes);
    const QString number = QStringLiteral("%1.%2").arg(size.tenths / 10).arg(size.tenths % 10);
    switch (size.unit) {
    case ByteSize::Unit::Bytes:
        return size.bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(size.bytes);
    case ByteSize::Unit::KiB:
        return number + QStringLiteral(" KiB");
    case ByteSize::Unit::MiB:
        return number + QStringLiteral(" MiB");
    case ByteSize::Unit::GiB:
        return number + QStringLiteral(" GiB");
    }
    return {};
}

// A kind as the history has always printed it: "Note", "Shout-out".
QString kindName(const QString& kind)
{
    if (kind.isEmpty())
        return kind;
    return kind.front().toUpper() + kind.mid(1);
}

// The CLI's names for RevisionDiff's field keys; the meeting sections as the app names them.
QString fieldName(const QString& field)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("kind"), QStringLiteral("Kind")},
        {QStringLiteral("title"), QStringLiteral("Title")},
        {QStringLiteral("occurred_at"), QStringLiteral("Happened")},
        {QStringLiteral("body"), QStringLiteral("Body")},
        {QStringLiteral("tags"), QStringLiteral("Tags")},
        {QStringLiteral("attachments"), QStringLiteral("Attachments")},
        {QStringLiteral("fields.attendees"), QStringLiteral("Present")},
        {QStringLiteral("fields.agreements"), QStringLiteral("Agreed")},
        {QStringLiteral("fields.disagreements"), QStringLiteral("Not agreed")},
        {QStringLiteral("fields.action_items"), QStringLiteral("Next steps")},
    };
    return names.value(field, fieldKeyAsText(field));
}

QString changeValue(const FieldChange& change, const QString& value)
{
    if (value.isEmpty())
        return QStringLiteral("(none)");
    return change.field == QLatin1String("kind") ? kindName(value) : value;
}

// One line: "Title: A -> B", "Tags: added hr; removed pip", "Body: kept [-old-]{+new+} kept".
QString changeLine(const FieldChange& change)
{
    const QString name = fieldName(change.field);
    switch (change.shape) {
    case FieldChange::Shape::Value:
        return QStringLiteral("%1: %2 -> %3").arg(name, changeValue(change, change.before), changeValue(change, change.after));
    case FieldChange::Shape::List:
        return QStringLiteral("%1: %2").arg(name, listChangeText(change));
    case FieldChange::Shape::Text:
        return QStringLiteral("%1: %2").arg(name, markedText(change.segments));
    }
    return {};
}

} // namespace

QJsonObject revisionJson(const EntryRevision& r, const QString& object)
{
    return {
        {QStringLiteral("id"), r.entryId},
        {QStringLiteral("revision"), r.revision},
        {QStringLiteral("object"), object},
        {QStringLiteral("previous"), r.previous},
        {QStringLiteral("kind"), r.kind},
        {QStringLiteral("title"), r.title},
        {QStringLiteral("body"), r.body},
        {QStringLiteral("occurred_at"), isoWithOffset(r.occurredAt)},
        {QStringLiteral("recorded_at"), isoWithOffset(r.recordedAt)},
        {QStringLiteral("time_zone"), r.timeZone},
        {QStringLiteral("tags"), QJsonArray::fromStringList(r.tags)},
        {QStringLiteral("fields"), r.fields},
        {QStringLiteral("attachments"), attachmentsJson(r.attachments)},
    };
}

QJsonObject entryJson(const Entry& e)
{
    QJsonObject o{
        {QStringLiteral("id"), e.latest.entryId},
        {QStringLiteral("kind"), e.latest.kind},
        {QStringLiteral("title"), e.latest.title},
        {QStringLiteral("body"), e.latest.body},
        {QStringLiteral("occurred_at"), isoWithOffset(e.latest.occurredAt)},
        {QStringLiteral("recorded_at"), isoWithOffset(e.latest.recordedAt)},
        {QStringLiteral("first_recorded_at"),
         e.revisions.isEmpty() ? QString() : isoWithOffset(e.revisions.first().recordedAt.toLocalTime())},
        {QStringLiteral("revision"), e.latest.revision},
        {QStringLiteral("revisions"), int(e.revisions.size())},
        {QStringLiteral("tags"), QJsonArray::fromStringList(e.latest.tags)},
        {QStringLiteral("fields"), e.latest.fields},
        {QStringLiteral("attachments"), attachmentsJson(e.latest.attachments)},
        {QStringLiteral("deleted"), e.deleted},
    };
    if (e.purged)
        o.insert(QStringLiteral("purged"), true);
    if (e.inConflict())
        o.insert(QStringLiteral("conflict"), int(e.conflict.size())); // sides; 'conflicts' lists them
    return o;
}

QString listLine(const Entry& e)
{
    QString flags;
    if (e.edited())
        flags += QStringLiteral(" (edited)");
    if (e.restored() && !e.deleted)
        flags += QStringLiteral(" (restored)");
    if (e.purged)
        flags += QStringLiteral(" (purged)");
    else if (e.deleted)
        flags += QStringLiteral(" (deleted)");
    if (e.inConflict())
        flags += QStringLiteral(" (conflict)");
    if (!e.latest.attachments.isEmpty())
        flags += QStringLiteral(" [%1 attachment%2]").arg(e.latest.attachments.size()).arg(e.latest.attachments.size() == 1 ? "" : "s");
    const QString title = terminalLine(headline(e.latest));
    return QStringLiteral("%1  %2  %3  %4%5")
        .arg(terminalLine(e.latest.entryId.left(8)), humanTime(e.latest.occurredAt).leftJustified(20),
             terminalLine(e.latest.kind).leftJustified(9), title, flags);
}

namespace {

QString joined(const QJsonValue& value)
{
    QStringList parts;
    for (const QJsonValue& v : value.toArray())
        parts.append(v.toString());
    return parts.join(QStringLiteral(", "));
}

// What an imported email's or image's fields say (intake/EmailEntry.h, intake/ImageEntry.h),
// as header lines; empty for other kinds.
QString evidenceDetails(const EntryRevision& r)
{
    const QJsonObject& f = r.fields;
    QString text;
    const auto line = [&](const char* label, const QString& value) {
        if (!value.isEmpty())
            text += QStringLiteral("%1%2\n").arg(QString::fromLatin1(label).leftJustified(10), terminalLine(value));
    };
    if (r.kind == QLatin1String("email")) {
        line("From", f.value(QStringLiteral("from")).toString());
        line("To", joined(f.value(QStringLiteral("to"))));
        line("Cc", joined(f.value(QStringLiteral("cc"))));
        line("Date", f.value(QStringLiteral("date")).toString() +
                         (f.value(QStringLiteral("date_guessed")).toBool() ? QStringLiteral(" (no readable Date header: a guess)")
                                                                          : QString()));
        line("Message", f.value(QStringLiteral("message_id")).toString());
        line("Reply to", f.value(QStringLiteral("in_reply_to")).toString());
        for (const QJsonValue& a : f.value(QStringLiteral("attachments")).toArray()) {
            const QJsonObject o = a.toObject();
            line("In mail", QStringLiteral("%1 (%2, %3)").arg(o.value(QStringLiteral("name")).toString(),
                                                              o.value(QStringLiteral("type")).toString(),
                                                              humanSize(qint64(o.value(QStringLiteral("size")).toDouble()))));
        }
        for (const QJsonValue& d : f.value(QStringLiteral("dkim")).toArray())
            line("DKIM", QStringLiteral("signed by %1 (selector %2), not checked here")
                             .arg(d.toObject().value(QStringLiteral("domain")).toString(),
                                  d.toObject().value(QStringLiteral("selector")).toString()));
    } else if (r.kind == QLatin1String("screenshot") || r.kind == QLatin1String("photo")) {
        line("Camera", f.value(QStringLiteral("camera")).toString());
        line("Taken", f.value(QStringLiteral("taken_at")).toString());
        const QJsonObject where = f.value(QStringLiteral("location")).toObject();
        if (!where.isEmpty())
            line("Location", QStringLiteral("%1, %2").arg(where.value(QStringLiteral("latitude")).toDouble(), 0, 'f', 6)
                                 .arg(where.value(QStringLiteral("longitude")).toDouble(), 0, 'f', 6));
        line("Size", f.value(QStringLiteral("size")).toString());
        const QString text2 = f.value(QStringLiteral("recognized_text")).toString();
        if (!text2.isEmpty())
            text += QStringLiteral("Text in it (recognised):\n  %1\n").arg(terminalSafe(text2).replace(QLatin1Char('\n'), QStringLiteral("\n  ")));
    }
    for (const QJsonValue& n : f.value(QStringLiteral("import_notes")).toArray())
        line("Note", n.toString());
    return text;
}

} // namespace

QDateTime parseWhen(const QString& text, bool endOfDay)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return endOfDay ? QDateTime(date, QTime(23, 59, 59, 999)) : QDateTime(date, QTime(0, 0));
    return parseIso(text);
}

QString entryText(const Entry& e)
{
    if (e.purged)
        return QStringLiteral("Entry %1\nPurged: its contents were removed; the log keeps a record that it "
                              "existed and when it was purged.\n")
            .arg(e.latest.entryId);
    const EntryRevision& r = e.latest;
    QString text;
    text += QStringLiteral("Entry     %1%2\n").arg(terminalLine(r.entryId), e.deleted ? QStringLiteral("  (deleted)") : QString());
    text += QStringLiteral("Kind      %1\n").arg(terminalLine(r.kind));
    text += QStringLiteral("Title     %1\n").arg(terminalLine(r.title));
    text += QStringLiteral("Occurred  %1\n").arg(isoWithOffset(r.occurredAt));
    text += QStringLiteral("Recorded  %1 (revision %2 of %3)\n").arg(isoWithOffset(r.recordedAt)).arg(r.revision).arg(e.revisions.size());
    if (e.revisions.size() > 1)
        text += QStringLiteral("First recorded %1\n").arg(isoWithOffset(e.revisions.first().recordedAt.toLocalTime()));
    if (!r.tags.isEmpty())
        text += QStringLiteral("Tags      %1\n").arg(terminalLine(r.tags.join(QStringLiteral(", "))));
    for (const AttachmentRef& a : r.attachments)
        text += QStringLiteral("Attached  %1 (%2, %3, sha256 %4)\n")
                    .arg(terminalLine(a.name), terminalLine(a.mime), humanSize(a.size), terminalLine(a.sha256));
    text += evidenceDetails(r);
    if (e.inConflict())
        text += QStringLiteral("Conflict  %1 devices changed this entry without seeing each other's change; this is "
                               "revision %2. 'papertrail-cli conflicts' shows the sides.\n")
                    .arg(e.conflict.size())
                    .arg(r.revision);
    text += QStringLiteral("\n%1\n").arg(terminalSafe(r.body));
    return text;
}

QString revisionText(const EntryRevision& r, const QStringList& changed, const QList<FieldChange>& changes,
                     bool restored)
{
    QString text = QStringLiteral("--- revision %1, recorded %2").arg(r.revision).arg(isoWithOffset(r.recordedAt));
    if (r.revision == 1)
        text += QStringLiteral(" (original)");
    else if (restored)
        text += changed.isEmpty() ? QStringLiteral(" (restored, with the content it had)")
                                  : QStringLiteral(" (restored; changed: %1)").arg(changed.join(QStringLiteral(", ")));
    else
        text += QStringLiteral(" (changed: %1)").arg(changed.isEmpty() ? QStringLiteral("nothing") : changed.join(QStringLiteral(", ")));
    if (r.revision > 1) {
        // Old and new value of each change; lines of a long text stay indented under it.
        text += QLatin1Char('\n');
        for (const FieldChange& c : changes)
            text += QStringLiteral("  %1\n").arg(terminalSafe(changeLine(c)).replace(QLatin1Char('\n'), QStringLiteral("\n    ")));
        return text + QLatin1Char('\n');
    }
    text += QStringLiteral("\nTitle     %1\nOccurred  %2\n").arg(terminalLine(r.title), isoWithOffset(r.occurredAt));
    if (!r.tags.isEmpty())
        text += QStringLiteral("Tags      %1\n").arg(terminalLine(r.tags.join(QStringLiteral(", "))));
    for (const AttachmentRef& a : r.attachments)
        text += QStringLiteral("Attached  %1 (sha256 %2)\n").arg(terminalLine(a.name), terminalLine(a.sha256));
    text += QStringLiteral("\n%1\n\n").arg(terminalSafe(r.body));
    return text;
}

QString deletionText(const DeletionInfo& d)
{
    return QStringLiteral("--- deleted, recorded %1 (device %2, record %3): hidden from the timeline\n\n")
        .arg(isoWithOffset(d.time.toLocalTime()), terminalLine(d.device))
        .arg(d.seq);
}

QJsonArray changesJson(const QList<FieldChange>& changes)
{
    QJsonArray list;
    for (const FieldChange& c : changes) {
        // A kind's values as the text shows them ("Note"), as this JSON always had them.
        const bool kind = c.field == QLatin1String("kind");
        QJsonObject o{{QStringLiteral("field"), c.field},
                      {QStringLiteral("label"), fieldName(c.field)},
                      {QStringLiteral("before"), kind ? kindName(c.before) : c.before},
                      {QStringLiteral("after"), kind ? kindName(c.after) : c.after},
                      {QStringLiteral("text"), changeLine(c)}};
        QJsonArray words;
        for (const TextSegment& s : c.segments)
            words.append(QJsonObject{{QStringLiteral("kind"), s.kind == TextSegment::Kind::Same      ? QStringLiteral("same")
                                                              : s.kind == TextSegment::Kind::Added   ? QStringLiteral("added")
                                                                                                     : QStringLiteral("removed")},
                                     {QStringLiteral("text"), s.text}});
        if (c.shape == FieldChange::Shape::Text)
            o.insert(QStringLiteral("words"), words);
        else if (c.shape == FieldChange::Shape::List)
            o.insert(QStringLiteral("items"), words);
        list.append(o);
    }
    return list;
}

QJsonObject verifyJson(const VerifyReport& report)
{
    QJsonArray problems;
    for (const VerifyProblem& p : report.problems)
        problems.append(QJsonObject{{QStringLiteral("item"), p.item}, {QStringLiteral("problem"), p.what}});
    return {
        {QStringLiteral("ok"), report.ok()},
        {QStringLiteral("problems"), problems},
        {QStringLiteral("notes"), QJsonArray::fromStringList(report.notes)},
        {QStringLiteral("devices"), report.devices},
        {QStringLiteral("records"), report.records},
        {QStringLiteral("entries"), report.entries},
        {QStringLiteral("revisions"), report.revisions},
        {QStringLiteral("attachments"), report.attachments},
        {QStringLiteral("purged_objects"), report.purged},
        {QStringLiteral("heads"), headsJson(report.heads)},
        {QStringLiteral("head"), headsFingerprint(report.heads)},
        {QStringLiteral("rollback_checked"), report.rollbackChecked},
    };
}

QString verifyText(const VerifyReport& report)
{
    QString text = QStringLiteral("Checked %1 log records from %2 device(s), %3 entries with %4 revisions, %5 attachments.\n")
                       .arg(report.records)
                       .arg(report.devices)
                       .arg(report.entries)
                       .arg(report.revisions)
                       .arg(report.attachments);
    for (auto it = report.heads.cbegin(); it != report.heads.cend(); ++it)
        text += QStringLiteral("Device %1: %2 record(s), newest %3\n")
                    .arg(terminalLine(it.key()))
                    .arg(it->seq)
                    .arg(it->hash.isEmpty() ? QStringLiteral("unreadable") : it->hash);
    text += QStringLiteral("Journal head: %1 (write it down or send it to your lawyer: a later copy of this "
                           "journal must still contain it)\n")
                .arg(headsFingerprint(report.heads));
    for (const QString& note : report.notes)
        text += QStringLiteral("note: %1\n").arg(terminalLine(note));
    if (!report.rollbackChecked)
        text += QStringLiteral("note: this device had not opened this vault before, so it cannot tell whether the "
                               "newest records were removed; another device, a synced copy or a written-down head can\n");
    if (report.ok()) {
        text += QStringLiteral("OK: every object hash, signature, chain link and attachment checks out, and nothing "
                               "this device saw before is missing.\n");
        return text;
    }
    for (const VerifyProblem& p : report.problems)
        text += QStringLiteral("DAMAGED: %1 %2\n").arg(terminalLine(p.item), terminalLine(p.what));
    text += QStringLiteral("%1 problem(s) found. Restore the damaged items from a synced copy or a backup.\n")
                .arg(report.problems.size());
    return text;
}

} // namespace pt::cli
