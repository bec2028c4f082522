#pragma once
// The draft test's child process: unlocks VAULT through the unlock page, opens a new note with
// the capture button, types TEXT (and attaches FILE, if given), waits past the autosave delay
// until the draft is in the vault, prints "draft-saved" and kills itself with SIGKILL, so no
// shutdown path (EditorPage's Component.onDestruction, the controller's lock) can write the
// draft: only the autosave timer can have.
#include <QString>

namespace pt::uitest {

int runDraftWriter(const QString& vaultPath, const QString& text, const QString& attachment);

} // namespace pt::uitest
