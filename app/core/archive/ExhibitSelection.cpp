#include "ExhibitSelection.h"

#include "vault/Journal.h"

#include <QSet>

#include <algorithm>
#include <tuple>

namespace pt::core::archive {

QString exhibitNumber(int index) { return QStringLiteral("PT-%1").arg(index, 4, 10, QLatin1Char('0')); }

QString safeFileName(const QString& name)
{
    QString safe;
    safe.reserve(name.size());
    for (const QChar c : name) {
        const bool reserved = c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
                              QStringLiteral("/\\:*?\"<>|").contains(c);
        safe.append(reserved ? QLatin1Char('_') : c);
    }
    while (safe.startsWith(QLatin1Char('.')) || safe.startsWith(QLatin1Char(' ')))
        safe.remove(0, 1);
    while (safe.endsWith(QLatin1Char('.')) || safe.endsWith(QLatin1Char(' ')))
        safe.chop(1);
    if (safe.size() > 120) { // keep the extension
        const qsizetype dot = safe.lastIndexOf(QLatin1Char('.'));
        const QString extension = dot > 0 && safe.size() - dot <= 10 ? safe.mid(dot) : QString();
        safe = safe.left(120 - extension.size()) + extension;
    }
    return safe.isEmpty() ? QStringLiteral("file") : safe;
}

bool inFilter(const Entry& entry, const ArchiveFilter& filter)
{
    const EntryRevision& r = entry.latest;
    const QDate day = r.occurredAt.toLocalTime().date();
    if (filter.from.isValid() && day < filter.from)
        return false;
    if (filter.to.isValid() && day > filter.to)
        return false;
    if (!filter.kinds.isEmpty() && !filter.kinds.contains(r.kind))
        return false;
    for (const QString& tag : filter.tags)
        if (!r.tags.contains(tag))
            return false;
    return filter.entryIds.isEmpty() || filter.entryIds.contains(r.entryId);
}

namespace {

// An email's original message goes in emails/ as PT-nnnn.eml; every other file in
// attachments/PT-nnnn/ under its own (safe, unique) name.
QList<ExhibitFile> filesOf(const QString& number, const EntryRevision& latest)
{
    QList<ExhibitFile> files;
    QSet<QString> used;
    bool emailPlaced = false;
    for (const AttachmentRef& a : latest.attachments) {
        ExhibitFile f;
        f.name = a.name;
        f.mime = a.mime;
        f.size = a.size;
        f.sha256 = a.sha256;
        f.object = a.object;
        if (latest.kind == QLatin1String("email") && !emailPlaced && a.mime == QLatin1String("message/rfc822")) {
            f.path = QStringLiteral("emails/") + number + QStringLiteral(".eml");
            emailPlaced = true;
        } else {
            const QString base = safeFileName(a.name);
            const qsizetype dot = base.lastIndexOf(QLatin1Char('.'));
            QString name = base;
            for (int n = 2; used.contains(name.toLower()); ++n) // names differing only in case collide on some systems
                name = dot > 0 ? base.left(dot) + QStringLiteral("-%1").arg(n) + base.mid(dot)
                               : base + QStringLiteral("-%1").arg(n);
            used.insert(name.toLower());
            f.path = QStringLiteral("attachments/") + number + QLatin1Char('/') + name;
        }
        files.append(f);
    }
    return files;
}

} // namespace

Result<Selection> selectExhibits(const Journal& journal, const JournalDb& db, const ArchiveFilter& filter)
{
    Selection selection;
    QList<Entry> chosen;
    for (const Entry& entry : journal.entries(true)) {
        if (!inFilter(entry, filter)) {
            ++selection.filteredOut;
            continue;
        }
        if ((entry.deleted && !filter.includeDeleted) || entry.purged) {
            ++selection.deletedLeftOut;
            continue;
        }
        chosen.append(entry);
    }
    // Timeline order, oldest first: the same exhibit numbers on every export of the same choice.
    std::sort(chosen.begin(), chosen.end(), [](const Entry& a, const Entry& b) {
        const auto key = [](const Entry& e) {
            const QDateTime recorded = e.revisions.isEmpty() ? QDateTime() : e.revisions.first().recordedAt;
            return std::tuple(e.latest.occurredAt.toMSecsSinceEpoch(), recorded.toMSecsSinceEpoch(), e.latest.entryId);
        };
        return key(a) < key(b);
    });

    for (qsizetype i = 0; i < chosen.size(); ++i) {
        const Entry& entry = chosen.at(i);
        Exhibit exhibit;
        exhibit.number = exhibitNumber(int(i) + 1);
        exhibit.entry = entry;
        exhibit.deletions = entry.deletions;
        auto history = journal.history(entry.latest.entryId, db);
        if (!history)
            return history.error();
        for (qsizetype r = 0; r < history->size() && r < entry.revisions.size(); ++r) {
            ExhibitRevision revision{history->at(r), entry.revisions.at(r), {}};
            if (r > 0)
                revision.changed = changedFields(history->at(r - 1), history->at(r));
            exhibit.revisions.append(revision);
        }
        if (!filter.includeHistory && exhibit.revisions.size() > 1)
            exhibit.revisions = {exhibit.revisions.last()};
        exhibit.files = filesOf(exhibit.number, entry.latest);
        selection.exhibits.append(exhibit);
    }
    return selection;
}

} // namespace pt::core::archive
