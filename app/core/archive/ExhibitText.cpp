#include "ExhibitText.h"

#include "TimeFormat.h"

#include "vault/RevisionDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace pt::core::archive {

QString timeWithZone(const QDateTime& time, const QString& zone)
{
    if (!time.isValid())
        return QStringLiteral("(unknown)");
    // Shown in the zone the device was in when it wrote the revision, when that zone is known.
    const QTimeZone tz = zone.isEmpty() ? QTimeZone() : QTimeZone(zone.toUtf8());
    const QDateTime there = tz.isValid() ? time.toTimeZone(tz) : time;
    const int offset = there.offsetFromUtc();
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    const QString hhmm = QStringLiteral("%1%2:%3")
                             .arg(sign)
                             .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                             .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 (UTC%2%3)")
        .arg(there.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), hhmm,
             tz.isValid() ? QStringLiteral(", ") + zone : QString());
}

namespace {

void addFields(QString& out, const QJsonObject& fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        // Several lines (a list of files) go under their name, indented.
        QString value = fieldValueText(*it);
        if (value.contains(QLatin1Char('\n')))
            value = QStringLiteral("\n  ") + value.replace(QLatin1Char('\n'), QStringLiteral("\n  "));
        out += QStringLiteral("%1: %2\n").arg(it.key(), value);
    }
}

} // namespace

QByteArray exhibitText(const Exhibit& exhibit)
{
    const Entry& e = exhibit.entry;
    QString out;
    out += QStringLiteral("Exhibit %1\n").arg(exhibit.number);
    out += QStringLiteral("Entry id: %1\n").arg(e.latest.entryId);
    out += QStringLiteral("Kind: %1\n").arg(e.latest.kind);
    if (e.deleted)
        out += QStringLiteral("Status: deleted (kept in the history; shown because the export includes deleted entries)\n");
    if (e.inConflict())
        out += QStringLiteral("Status: two versions (changed on two devices before either saw the other's change)\n");
    for (const ExhibitFile& f : exhibit.files)
        out += QStringLiteral("File: %1  %2 bytes  SHA-256 %3%4\n")
                   .arg(f.path)
                   .arg(f.size)
                   .arg(f.sha256, f.redacted ? QStringLiteral("  (redacted copy; original SHA-256 %1)").arg(f.originalSha256)
                                             : QString());
    const qsizetype count = exhibit.revisions.size();
    for (qsizetype i = 0; i < count; ++i) {
        const ExhibitRevision& r = exhibit.revisions.at(i);
        const EntryRevision& v = r.revision;
        out += QStringLiteral("\n==== Revision %1%2 ====\n")
                   .arg(v.revision)
                   .arg(i + 1 == count ? QStringLiteral(" (latest)") : QString());
        out += QStringLiteral("Occurred: %1\n").arg(timeWithZone(v.occurredAt, v.timeZone));
        out += QStringLiteral("Recorded: %1\n").arg(timeWithZone(v.recordedAt, v.timeZone));
        out += QStringLiteral("Recorded by device %1, log record %2\n").arg(r.logged.device).arg(r.logged.seq);
        if (!r.changed.isEmpty())
            out += QStringLiteral("Changed: %1\n").arg(r.changed.join(QStringLiteral(", ")));
        out += QStringLiteral("Title: %1\n").arg(v.title);
        if (!v.tags.isEmpty())
            out += QStringLiteral("Tags: %1\n").arg(v.tags.join(QStringLiteral(", ")));
        addFields(out, v.fields);
        for (const AttachmentRef& a : v.attachments)
            out += QStringLiteral("Attachment: %1  %2 bytes  SHA-256 %3\n").arg(a.name).arg(a.size).arg(a.sha256);
        out += QStringLiteral("\n") + v.body + QStringLiteral("\n");
    }
    for (const DeletionInfo& d : exhibit.deletions)
        out += QStringLiteral("\nDeleted: %1 by device %2, log record %3\n")
                   .arg(timeWithZone(d.time, QString()), d.device)
                   .arg(d.seq);
    return out.toUtf8();
}

QJsonObject exhibitJson(const Exhibit& exhibit)
{
    const Entry& e = exhibit.entry;
    QJsonArray files;
    for (const ExhibitFile& f : exhibit.files) {
        QJsonObject file{{QStringLiteral("path"), f.path}, {QStringLiteral("name"), f.name},
                         {QStringLiteral("mime"), f.mime}, {QStringLiteral("size"), f.size},
                         {QStringLiteral("sha256"), f.sha256}};
        if (f.redacted)
            file.insert(QStringLiteral("original_sha256"), f.originalSha256);
        files.append(file);
    }
    QJsonArray revisions;
    for (const ExhibitRevision& r : exhibit.revisions)
        revisions.append(QJsonObject{
            {QStringLiteral("content"), QJsonDocument::fromJson(r.revision.toCanonicalJson()).object()},
            {QStringLiteral("object"), r.logged.object},
            {QStringLiteral("device"), r.logged.device},
            {QStringLiteral("seq"), r.logged.seq},
            {QStringLiteral("changed"), QJsonArray::fromStringList(r.changed)},
        });
    QJsonArray deletions;
    for (const DeletionInfo& d : exhibit.deletions)
        deletions.append(QJsonObject{{QStringLiteral("time"), isoWithOffset(d.time)},
                                     {QStringLiteral("device"), d.device},
                                     {QStringLiteral("seq"), d.seq}});
    return {
        {QStringLiteral("exhibit"), exhibit.number},
        {QStringLiteral("entry"), e.latest.entryId},
        {QStringLiteral("kind"), e.latest.kind},
        {QStringLiteral("deleted"), e.deleted},
        {QStringLiteral("edited"), e.edited()},
        {QStringLiteral("conflict"), e.inConflict()},
        {QStringLiteral("files"), files},
        {QStringLiteral("revisions"), revisions},
        {QStringLiteral("deletions"), deletions},
    };
}

} // namespace pt::core::archive
