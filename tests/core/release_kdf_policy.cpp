// KdfPolicy.cpp compiled as a release build compiles it (without PT_TEST_KDF): there,
// PAPERTRAIL_TEST_KDF=1 must change nothing, so no weak vault can be made or opened outside a
// test build. Exit 0 when that holds.
#include "vault/KdfPolicy.h"

#include <cstdio>
#include <cstdlib>

int main()
{
    ::setenv("PAPERTRAIL_TEST_KDF", "1", 1);
    using namespace pt;
    const crypto::pwhash::Params floor = core::kdf::floor();
    const bool ok = !core::kdf::weakTestKdfEnabled() && floor.ops == crypto::pwhash::MinOps &&
                    floor.memory == crypto::pwhash::MinMemory && !core::kdf::check({1, 8u * 1024u * 1024u}).ok() &&
                    core::kdf::check({3, 64u * 1024u * 1024u}).ok();
    std::printf("%s: a release build ignores PAPERTRAIL_TEST_KDF=1 (floor %llu passes, %zu MiB)\n", ok ? "PASS" : "FAIL",
                static_cast<unsigned long long>(floor.ops), floor.memory / (1024 * 1024));
    return ok ? 0 : 1;
}
