#pragma once
// Picks the entries an export holds and numbers them as exhibits, PT-0001 on, in timeline order
// (occurred, oldest first), with each one's revisions and the paths of its files in the archive.
#include "ArchiveFilter.h"
#include "Exhibit.h"
#include "Result.h"

namespace pt::core {
class Journal;
class JournalDb;
}

namespace pt::core::archive {

struct Selection {
    QList<Exhibit> exhibits;
    int deletedLeftOut = 0; // deleted (or purged) entries the filter left out
    int filteredOut = 0;    // entries outside the range, kinds, tags or picked ids
};

// Revisions are read through `db`, a connection to the journal's database that the calling
// thread owns.
[[nodiscard]] Result<Selection> selectExhibits(const Journal& journal, const JournalDb& db, const ArchiveFilter& filter);

// Whether an entry is inside the filter's days (its occurred day, local time), kinds, tags and
// picked ids; deleted entries are inside too (the caller decides whether they go in).
[[nodiscard]] bool inFilter(const Entry& entry, const ArchiveFilter& filter);

// "PT-0007"
[[nodiscard]] QString exhibitNumber(int index);
// A file name that is safe in a zip on every system: no folders, no control or reserved
// characters, no leading dots, at most 120 characters; never empty.
[[nodiscard]] QString safeFileName(const QString& name);

} // namespace pt::core::archive
