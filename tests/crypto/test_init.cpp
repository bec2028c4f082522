#include "TestHelpers.h"

#include "crypto/Init.h"

#include <chrono>

TEST_CASE("init passes its self test and is idempotent", "[init]")
{
    CHECK(pt::crypto::init());
    const auto start = std::chrono::steady_clock::now();
    CHECK(pt::crypto::init());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(5));
}
