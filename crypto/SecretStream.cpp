#include "crypto/SecretStream.h"

#include <sodium.h>

#include <new>
#include <stdexcept>

namespace pt::crypto {

static_assert(StreamEncryptor::HeaderSize == crypto_secretstream_xchacha20poly1305_HEADERBYTES);
static_assert(StreamEncryptor::Overhead == crypto_secretstream_xchacha20poly1305_ABYTES);
static_assert(StreamEncryptor::ChunkSize <= crypto_secretstream_xchacha20poly1305_MESSAGEBYTES_MAX);

namespace {
// The states hold the stream subkey: keep them in guarded, mlock'd memory that is zeroed on free.
void* secureNew(std::size_t size)
{
    if (sodium_init() < 0)
        throw std::bad_alloc();
    void* p = sodium_malloc(size);
    if (p == nullptr)
        throw std::bad_alloc();
    return p;
}
} // namespace

struct StreamEncryptor::State {
    crypto_secretstream_xchacha20poly1305_state st;
    std::uint8_t header[HeaderSize];
    bool finished = false;

    static void* operator new(std::size_t size) { return secureNew(size); }
    static void operator delete(void* p) { sodium_free(p); }
};

struct StreamDecryptor::State {
    crypto_secretstream_xchacha20poly1305_state st;
    bool ready = false; // init() succeeded and the stream is neither finished nor broken
    static void* operator new(std::size_t size) { return secureNew(size); }
    static void operator delete(void* p) { sodium_free(p); }
};

StreamEncryptor::StreamEncryptor(ByteView key)
{
    if (key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES)
        throw std::invalid_argument("StreamEncryptor: key must be 32 bytes");
    m_state.reset(new State);
    crypto_secretstream_xchacha20poly1305_init_push(&m_state->st, m_state->header, key.data());
}

StreamEncryptor::~StreamEncryptor() = default;

ByteView StreamEncryptor::header() const
{
    return {m_state->header, HeaderSize};
}

std::size_t StreamEncryptor::push(ByteView plaintext, std::span<std::uint8_t> out, bool final)
{
    if (m_state->finished)
        throw std::logic_error("StreamEncryptor: push after the final chunk");
    if (plaintext.size() > ChunkSize)
        throw std::invalid_argument("StreamEncryptor: chunk larger than ChunkSize");
    if (out.size() < plaintext.size() + Overhead)
        throw std::invalid_argument("StreamEncryptor: output buffer too small");
    unsigned long long written = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &m_state->st, out.data(), &written, plaintext.data(), plaintext.size(), nullptr, 0,
        final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
              : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    if (final)
        m_state->finished = true;
    return static_cast<std::size_t>(written);
}

StreamDecryptor::StreamDecryptor()
    : m_state(new State)
{
}

StreamDecryptor::~StreamDecryptor() = default;

bool StreamDecryptor::init(ByteView header, ByteView key)
{
    m_state->ready = false;
    if (header.size() != StreamEncryptor::HeaderSize
        || key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES)
        return false;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&m_state->st, header.data(), key.data())
        != 0)
        return false;
    m_state->ready = true;
    return true;
}

std::optional<std::size_t> StreamDecryptor::pull(ByteView ciphertext, std::span<std::uint8_t> out,
                                                 bool& final)
{
    final = false;
    if (!m_state->ready)
        return std::nullopt; // not initialised, already finished, or an earlier chunk failed
    if (ciphertext.size() < StreamEncryptor::Overhead
        || ciphertext.size() > StreamEncryptor::ChunkSize + StreamEncryptor::Overhead
        || out.size() < ciphertext.size() - StreamEncryptor::Overhead)
        return std::nullopt;
    unsigned long long written = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&m_state->st, out.data(), &written, &tag,
                                                   ciphertext.data(), ciphertext.size(), nullptr,
                                                   0)
        != 0) {
        m_state->ready = false; // a damaged stream stays failed
        return std::nullopt;
    }
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        final = true;
        m_state->ready = false; // nothing may follow the final chunk
    } else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
        // StreamEncryptor never emits PUSH or REKEY: such a chunk is not ours.
        m_state->ready = false;
        sodium_memzero(out.data(), static_cast<std::size_t>(written));
        return std::nullopt;
    }
    return static_cast<std::size_t>(written);
}

} // namespace pt::crypto
