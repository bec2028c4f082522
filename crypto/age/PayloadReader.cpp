#include "crypto/age/PayloadReader.h"

#include <sodium.h>

namespace pt::crypto::age {

namespace {
Status damaged(std::string what)
{
    return {ErrorCode::Payload, "the encrypted payload " + std::move(what)};
}
} // namespace

PayloadReader::PayloadReader(SecureBytes payloadKey, BufferedSource& input)
    : m_key(std::move(payloadKey)), m_input(input), m_sealed(EncryptedChunkSize), m_plain(ChunkSize)
{
}

PayloadReader::~PayloadReader()
{
    sodium_memzero(m_plain.data(), m_plain.size());
}

bool PayloadReader::open(std::size_t sealedSize, bool last, std::size_t& plainSize)
{
    const ChunkNonce nonce = chunkNonce(m_counter, last);
    unsigned long long length = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(m_plain.data(), &length, nullptr, m_sealed.data(),
                                                  sealedSize, nullptr, 0, nonce.data(),
                                                  m_key.data()) != 0)
        return false;
    plainSize = static_cast<std::size_t>(length);
    return true;
}

Status PayloadReader::read(ByteView& plaintext)
{
    plaintext = {};
    if (!m_status || m_ended)
        return m_status;

    const auto got = m_input.read(m_sealed);
    if (!got)
        return m_status = Status(ErrorCode::Io, "reading the encrypted file failed");
    const std::size_t n = *got;
    if (n == 0)
        return m_status = damaged("is cut short: its last chunk is missing");
    // Only the last chunk may be short; a full one may be last too (tried below).
    bool last = n < EncryptedChunkSize;
    if (last && n == ChunkTagSize && m_counter != 0)
        return m_status = damaged("ends with an empty chunk");
    if (n < ChunkTagSize)
        return m_status = damaged("is cut short inside a chunk");

    std::size_t size = 0;
    bool opened = open(n, last, size);
    if (!opened && !last) {
        last = true;
        opened = open(n, last, size);
    }
    if (!opened)
        return m_status = damaged("is damaged or was altered");
    ++m_counter;
    plaintext = ByteView(m_plain.data(), size);
    if (last) {
        m_ended = true;
        // A short chunk met the end of the input already; a full last chunk must meet it too.
        const auto end = m_input.atEnd();
        if (!end)
            m_status = Status(ErrorCode::Io, "reading the encrypted file failed");
        else if (!*end)
            m_status = damaged("has trailing data after its last chunk");
    }
    return {};
}

} // namespace pt::crypto::age
