#pragma once
// The follow-up email the seeds advise after every PIP meeting: recap the points of agreement,
// document the points of disagreement, capture the action items, and ask to be corrected. Sent
// from the person's own mail client, it becomes a dated record the other side received.
#include "MailDraft.h"
#include "vault/EntryRevision.h"

namespace pt::core {

// Field names of a meeting entry's `fields`.
namespace meeting {
inline constexpr auto Attendees = "attendees";          // array of strings
inline constexpr auto Agreements = "agreements";        // text, one point per line
inline constexpr auto Disagreements = "disagreements";  // text, one point per line
inline constexpr auto ActionItems = "action_items";     // text, one point per line
} // namespace meeting

[[nodiscard]] MailDraft composeRecap(const EntryRevision& meeting);

} // namespace pt::core
