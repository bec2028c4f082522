#pragma once
// Shared by the fuzz targets and the seed generator: one-time crypto init, the fixed keys the
// keyed targets decrypt with (so seeds made by tools/make_corpus.cpp authenticate and mutations
// reach past the first MAC), and a property check that counts as a crash.
#include "crypto/Bytes.h"
#include "crypto/Init.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace pt::fuzz {

inline void initOnce()
{
    static const bool ok = [] {
        if (!crypto::init()) {
            std::fputs("fuzz: crypto::init() failed\n", stderr);
            std::abort();
        }
        return true;
    }();
    (void)ok;
}

// A property the code under test promises did not hold: report it like a crash.
[[noreturn]] inline void violated(const char* what, const char* file, int line)
{
    std::fprintf(stderr, "fuzz: property violated at %s:%d: %s\n", file, line, what);
    std::abort();
}

#define PT_FUZZ_CHECK(cond)                                                                         \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::pt::fuzz::violated(#cond, __FILE__, __LINE__);                                       \
    } while (false)

// Not secrets: fixed test keys, shared with the seed generator.
inline constexpr auto VaultId = "00000000-0000-4000-8000-00000000f022";

inline crypto::SecureBytes fixedKey(std::uint8_t base)
{
    crypto::SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<std::uint8_t>(base + i);
    return key;
}

inline constexpr std::uint8_t VaultKeyBase = 0x40;  // attachment target: VaultKeys(VaultId, K)
inline constexpr std::uint8_t AeadKeyBase = 0x80;   // aead target
inline constexpr std::uint8_t StreamKeyBase = 0xc0; // secretstream target

inline QByteArray qbytes(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

inline crypto::ByteView view(const QByteArray& b)
{
    return {reinterpret_cast<const std::uint8_t*>(b.constData()), static_cast<std::size_t>(b.size())};
}

} // namespace pt::fuzz
