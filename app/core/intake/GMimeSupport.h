#pragma once
// What every GMime user in intake/ shares: GMime initialised once for the process (g_mime_init
// is not thread-safe; everything after it is, as long as a message stays on one thread), and
// owning pointers that unref GObjects. Included by .cpp files only.
// GLib's headers have struct members named "signals", which Qt defines as a macro.
#pragma push_macro("signals")
#undef signals
#include <gmime/gmime.h>
#pragma pop_macro("signals")

#include <memory>

namespace pt::core::intake::gmime {

void ensureInitialized();

struct ObjectUnref {
    void operator()(void* object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template <typename T>
using Ref = std::unique_ptr<T, ObjectUnref>;

struct GFree {
    void operator()(void* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;

} // namespace pt::core::intake::gmime
