#include "ProcessHardening.h"

#if defined(__linux__)
#include <sys/prctl.h>
#endif
#include <sys/resource.h>

namespace pt::platform {

bool disableCoreDumps()
{
    bool ok = true;
    const rlimit none{0, 0};
    ok = ::setrlimit(RLIMIT_CORE, &none) == 0 && ok;
#if defined(__linux__)
    // A core_pattern that pipes to a crash collector ignores RLIMIT_CORE; non-dumpable it does not.
    ok = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

} // namespace pt::platform
