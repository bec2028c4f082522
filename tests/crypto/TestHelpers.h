#pragma once
#include "crypto/Bytes.h"

#include <catch2/catch.hpp>

namespace pt::crypto::test {

// Hex literal to bytes; a malformed literal fails the test.
inline Bytes hex(std::string_view h)
{
    auto b = fromHex(h);
    REQUIRE(b.has_value());
    return *b;
}

inline Bytes bytesOf(std::string_view s)
{
    const ByteView v = view(s);
    return Bytes(v.begin(), v.end());
}

inline Bytes toBytes(ByteView v)
{
    return Bytes(v.begin(), v.end());
}

} // namespace pt::crypto::test
