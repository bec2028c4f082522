#pragma once
// The written response the seeds advise: structured around the PIP's problem areas, not its
// list of complaints; for each, the steps taken, the results so far, what is still unclear and
// the question to ask; then, briefly, the claims that are wrong, with the facts and the records
// that show them. Calm and factual: it reads as a draft the person can send as it is or edit.
// Missing parts are marked in [brackets] for the person to fill in.
#include "PipWorkspace.h"

#include <QHash>
#include <QString>

namespace pt::core::pip {

struct RebuttalText {
    QString subject;
    QString body;
};

// `entries` finds the linked records, by entry id, to name them ("the email \"Re: tickets\" of
// 3 Feb 2027"); records missing from it are left out.
[[nodiscard]] RebuttalText composeRebuttal(const PipWorkspace& workspace, const QHash<QString, EntryRevision>& entries);

// How the draft names a record: its kind, its title in quotes and its day.
[[nodiscard]] QString recordName(const EntryRevision& revision);

} // namespace pt::core::pip
