#include "crypto/age/PayloadWriter.h"

#include <sodium.h>

#include <algorithm>

namespace pt::crypto::age {

PayloadWriter::PayloadWriter(SecureBytes payloadKey, Sink sink)
    : m_key(std::move(payloadKey)), m_sink(std::move(sink)), m_sealed(EncryptedChunkSize)
{
    m_plain.reserve(ChunkSize);
}

PayloadWriter::~PayloadWriter()
{
    if (!m_plain.empty())
        sodium_memzero(m_plain.data(), m_plain.size());
}

Status PayloadWriter::write(ByteView plaintext)
{
    if (!m_status)
        return m_status;
    if (m_finished)
        return {ErrorCode::Usage, "age: write after finish"};
    while (!plaintext.empty()) {
        // A full chunk is sealed only now that more plaintext follows: the last chunk may be full.
        if (m_plain.size() == ChunkSize) {
            if (Status s = seal(false); !s)
                return s;
        }
        const std::size_t n = std::min(ChunkSize - m_plain.size(), plaintext.size());
        m_plain.insert(m_plain.end(), plaintext.begin(),
                       plaintext.begin() + static_cast<std::ptrdiff_t>(n));
        plaintext = plaintext.subspan(n);
    }
    return {};
}

Status PayloadWriter::finish()
{
    if (!m_status)
        return m_status;
    if (m_finished)
        return {ErrorCode::Usage, "age: finish called twice"};
    m_finished = true;
    return seal(true);
}

Status PayloadWriter::seal(bool last)
{
    const ChunkNonce nonce = chunkNonce(m_counter++, last);
    unsigned long long length = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(m_sealed.data(), &length, m_plain.data(),
                                              m_plain.size(), nullptr, 0, nullptr, nonce.data(),
                                              m_key.data());
    sodium_memzero(m_plain.data(), m_plain.size());
    m_plain.clear();
    if (!m_sink(ByteView(m_sealed.data(), static_cast<std::size_t>(length))))
        m_status = Status(ErrorCode::Io, "writing the encrypted file failed");
    return m_status;
}

} // namespace pt::crypto::age
