#include "crypto/Hkdf.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <initializer_list>

namespace pt::crypto {

namespace {
constexpr std::size_t HashLen = crypto_auth_hmacsha256_BYTES; // 32
static_assert(HashLen == 32);

// HMAC-SHA256(key, part0 || part1 || ...) written to out (32 bytes). Any key length is accepted:
// the _init/_update/_final API hashes keys longer than the block size as RFC 2104 requires.
void hmacInto(ByteView key, std::initializer_list<ByteView> parts, std::uint8_t* out)
{
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key.data(), key.size());
    for (ByteView part : parts) {
        if (!part.empty())
            crypto_auth_hmacsha256_update(&st, part.data(), part.size());
    }
    crypto_auth_hmacsha256_final(&st, out);
    sodium_memzero(&st, sizeof st);
}
} // namespace

Digest hmacSha256(ByteView key, ByteView message)
{
    Digest out{};
    hmacInto(key, {message}, out.data());
    return out;
}

namespace hkdf {

SecureBytes extract(ByteView salt, ByteView ikm)
{
    // RFC 5869 section 2.2: a missing salt is HashLen zero bytes.
    static constexpr std::array<std::uint8_t, HashLen> zeroSalt{};
    SecureBytes prk(HashLen);
    hmacInto(salt.empty() ? ByteView(zeroSalt) : salt, {ikm}, prk.data());
    return prk;
}

SecureBytes expand(ByteView prk, ByteView info, std::size_t length)
{
    if (length > 255 * HashLen)
        return {};
    SecureBytes okm(length);
    std::array<std::uint8_t, HashLen> t{};
    std::size_t tLen = 0; // T(0) is the empty string
    std::size_t done = 0;
    for (std::uint8_t counter = 1; done < length; ++counter) {
        const std::uint8_t c[1] = {counter};
        hmacInto(prk, {ByteView(t.data(), tLen), info, ByteView(c, 1)}, t.data());
        tLen = HashLen;
        const std::size_t n = std::min(HashLen, length - done);
        std::copy_n(t.data(), n, okm.data() + done);
        done += n;
    }
    sodium_memzero(t.data(), t.size());
    return okm;
}

SecureBytes derive(ByteView salt, ByteView ikm, ByteView info, std::size_t length)
{
    if (length > 255 * HashLen)
        return {};
    const SecureBytes prk = extract(salt, ikm);
    return expand(prk.view(), info, length);
}

} // namespace hkdf
} // namespace pt::crypto
