#include "crypto/Kdf.h"

#include <sodium.h>

#include <stdexcept>

namespace pt::crypto {

SecureBytes deriveSubkey(const SecureBytes& key, std::uint64_t id, std::string_view context,
                         std::size_t length)
{
    if (context.size() != crypto_kdf_CONTEXTBYTES)
        throw std::invalid_argument("deriveSubkey: context must be exactly 8 characters");
    if (length < crypto_kdf_BYTES_MIN || length > crypto_kdf_BYTES_MAX)
        throw std::invalid_argument("deriveSubkey: length must be 16..64");
    if (key.size() != crypto_kdf_KEYBYTES)
        throw std::invalid_argument("deriveSubkey: key must be 32 bytes");
    char ctx[crypto_kdf_CONTEXTBYTES];
    context.copy(ctx, sizeof ctx);
    SecureBytes out(length);
    crypto_kdf_derive_from_key(out.data(), length, id, ctx, key.data());
    return out;
}

} // namespace pt::crypto
