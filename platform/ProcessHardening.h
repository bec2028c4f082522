#pragma once
// Keeps the journal out of crash dumps: a core file of the running app or CLI would hold entry
// text and keys in the clear. Called first thing in main() of both.
namespace pt::platform {

// Makes the process non-dumpable (no core file, no ptrace by other processes of the same user)
// and sets the core file size limit to zero. True when both took effect.
bool disableCoreDumps();

} // namespace pt::platform
