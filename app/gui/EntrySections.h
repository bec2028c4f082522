#pragma once
// What an entry's kind-specific fields say, as labelled sections for the entry page: a meeting's
// parts and its questions with their answers, an incident's template, and each PIP kind's fields
// (a check-in's grades by goal, a shout-out's sender, a rebuttal point's parts), then the people
// it names. Only filled sections; every text is shown as plain text.
#include "vault/EntryRevision.h"

#include <QVariantList>

#include <functional>

namespace pt::gui {

// `titleOf` names another entry by its id (a check-in's goals); empty when it is not known.
[[nodiscard]] QVariantList entrySections(const core::EntryRevision& revision,
                                         const std::function<QString(const QString& id)>& titleOf);

} // namespace pt::gui
