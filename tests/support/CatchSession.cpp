// Catch2 v2's implementation, compiled once for every test executable (pt_catch_session): each
// test's main.cpp only calls runCatch, so the 17,000 lines of catch.hpp's implementation are not
// compiled again per executable and per build (the plain and the sanitizer one).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "CatchSession.h"

namespace pt::test {

int runCatch(int argc, char** argv)
{
    return Catch::Session().run(argc, argv);
}

} // namespace pt::test
