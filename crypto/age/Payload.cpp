#include "crypto/age/Payload.h"

#include "crypto/Hkdf.h"

#include <sodium.h>

namespace pt::crypto::age {

static_assert(crypto_aead_chacha20poly1305_ietf_NPUBBYTES == sizeof(ChunkNonce));
static_assert(crypto_aead_chacha20poly1305_ietf_ABYTES == ChunkTagSize);

SecureBytes payloadKey(ByteView fileKey, ByteView payloadNonce)
{
    return hkdf::derive(payloadNonce, fileKey, view("payload"), 32);
}

ChunkNonce chunkNonce(std::uint64_t counter, bool last)
{
    ChunkNonce nonce{}; // bytes 0-2: the counter's top 24 of 88 bits, never reached
    for (int i = 0; i < 8; ++i)
        nonce[10 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
    nonce[11] = last ? 1 : 0;
    return nonce;
}

} // namespace pt::crypto::age
