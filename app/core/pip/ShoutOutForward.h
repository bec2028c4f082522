#pragma once
// The seeds' step for every shout-out: email it to the manager, each as a separate reply to one
// thread ("[Name] Shout Outs"), so praise in Slack or Workday is also on the record the manager
// received. Sent from the person's own mail client (mailto: or the clipboard); the screenshot is
// attached there by hand, as a mailto: link cannot carry a file.
#include "PipWorkspace.h"
#include "MailDraft.h"

namespace pt::core::pip {

// Subject "Re: <employee> Shout Outs" (the thread), body: who, where, when, and their words.
[[nodiscard]] MailDraft composeShoutOutForward(const Plan& plan, const ShoutOut& shoutOut);

} // namespace pt::core::pip
