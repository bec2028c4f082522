#include <catch2/catch.hpp>

#include "support/CatchSession.h"

#include "crypto/Init.h"

#include <cstdlib>
#include <iostream>

namespace {

// Like the application, every test process runs pt::crypto::init() before anything else.
struct CryptoInitListener : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;

    void testRunStarting(const Catch::TestRunInfo&) override
    {
        if (!pt::crypto::init()) {
            std::cerr << "pt::crypto::init() failed\n";
            std::abort();
        }
    }
};

} // namespace

CATCH_REGISTER_LISTENER(CryptoInitListener)

int main(int argc, char** argv) { return pt::test::runCatch(argc, argv); }
