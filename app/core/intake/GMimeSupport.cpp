#include "GMimeSupport.h"

namespace pt::core::intake::gmime {

void ensureInitialized()
{
    // Once, whichever thread comes first (C++ static initialisation is thread-safe). GMime's
    // global tables live until the process ends, reachable, so leak checkers do not count them.
    static const bool initialized = [] {
        g_mime_init();
        return true;
    }();
    (void)initialized;
}

} // namespace pt::core::intake::gmime
