#include "crypto/Random.h"

#include <sodium.h>

namespace pt::crypto {

Bytes randomBytes(std::size_t size)
{
    Bytes out(size);
    if (size != 0)
        randombytes_buf(out.data(), size);
    return out;
}

SecureBytes randomSecret(std::size_t size)
{
    SecureBytes out(size);
    if (size != 0)
        randombytes_buf(out.data(), size);
    return out;
}

} // namespace pt::crypto
