#pragma once
// Entries to choose from when linking one entry to others (a rebuttal point to the email that
// proves it, a goal to its evidence, any entry to another): the newest first, those whose title,
// first line or kind hold the words typed.
#include "vault/Journal.h"

#include <QStringList>
#include <QVariantList>

namespace pt::gui {

// How lists name an entry: its title, or its body's first line.
[[nodiscard]] QString entryTitle(const core::EntryRevision& revision);
// {id, title, kind, when}: one entry as the lists that link entries show it.
[[nodiscard]] QVariantMap entryRow(const core::EntryRevision& revision);

// [{id, title, kind, when}]; deleted entries, `exclude` (ids) and entries of `skipKinds` left out.
[[nodiscard]] QVariantList entryChoices(const core::Journal& journal, const QString& words, const QStringList& exclude = {},
                                        const QStringList& skipKinds = {}, int limit = 8);
// One entry as those rows are, or an empty map when it is not there.
[[nodiscard]] QVariantMap entryChoice(const core::Journal& journal, const QString& id);

} // namespace pt::gui
