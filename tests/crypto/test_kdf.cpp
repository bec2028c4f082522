#include "TestHelpers.h"

#include "crypto/Kdf.h"
#include "crypto/Random.h"

#include <stdexcept>

using namespace pt::crypto;

TEST_CASE("deriveSubkey is deterministic and separates ids and contexts", "[kdf]")
{
    const SecureBytes key = randomSecret(32);
    const SecureBytes a = deriveSubkey(key, 1, "ptvault1");
    const SecureBytes a2 = deriveSubkey(key, 1, "ptvault1");
    REQUIRE(a.size() == 32);
    CHECK(equal(a.view(), a2.view()));

    CHECK_FALSE(equal(a.view(), deriveSubkey(key, 2, "ptvault1").view()));
    CHECK_FALSE(equal(a.view(), deriveSubkey(key, 1, "ptvault2").view()));
    CHECK_FALSE(equal(a.view(), deriveSubkey(randomSecret(32), 1, "ptvault1").view()));
    CHECK_FALSE(equal(deriveSubkey(key, 0, "ptvault1").view(),
                      deriveSubkey(key, ~0ull, "ptvault1").view()));

    CHECK(deriveSubkey(key, 1, "ptvault1", 16).size() == 16);
    CHECK(deriveSubkey(key, 1, "ptvault1", 64).size() == 64);
}

TEST_CASE("deriveSubkey rejects programming errors", "[kdf]")
{
    const SecureBytes key = randomSecret(32);
    CHECK_THROWS_AS(deriveSubkey(key, 1, "short"), std::invalid_argument);
    CHECK_THROWS_AS(deriveSubkey(key, 1, "ptvault1x"), std::invalid_argument);
    CHECK_THROWS_AS(deriveSubkey(key, 1, ""), std::invalid_argument);
    CHECK_THROWS_AS(deriveSubkey(key, 1, "ptvault1", 15), std::invalid_argument);
    CHECK_THROWS_AS(deriveSubkey(key, 1, "ptvault1", 65), std::invalid_argument);
    CHECK_THROWS_AS(deriveSubkey(randomSecret(16), 1, "ptvault1"), std::invalid_argument);
    CHECK_THROWS_AS(deriveSubkey(SecureBytes(), 1, "ptvault1"), std::invalid_argument);
}
