#pragma once
// Runs the Catch2 session compiled once in CatchSession.cpp: each test's main() calls this
// instead of Catch::Session().run(), which catch.hpp declares only where it is implemented.
namespace pt::test {
int runCatch(int argc, char** argv);
}
