#pragma once
// Which entries an export holds. What the filters leave out is still counted in the report.
#include <QDate>
#include <QStringList>

namespace pt::core::archive {

struct ArchiveFilter {
    QDate from, to;         // by occurred date, both inclusive; invalid = open on that side
    QStringList kinds;      // empty: every kind
    QStringList tags;       // an entry must carry every one (as the timeline's tag filter)
    QStringList entryIds;   // hand-picked; empty: every entry
    bool includeHistory = true; // every revision, or only the latest
    bool includeDeleted = false;
};

} // namespace pt::core::archive
