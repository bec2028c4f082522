#pragma once
// Chunked authenticated encryption for attachments: crypto_secretstream_xchacha20poly1305.
// Every chunk but the last is ChunkSize bytes of plaintext; the last carries the FINAL tag, so a
// truncated or extended stream fails to decrypt.
#include "SecureBytes.h"

#include <memory>

namespace pt::crypto {

class StreamEncryptor final {
public:
    static constexpr std::size_t ChunkSize = 64 * 1024;
    static constexpr std::size_t HeaderSize = 24;
    static constexpr std::size_t Overhead = 17; // per chunk

    explicit StreamEncryptor(ByteView key); // key: 32 bytes
    ~StreamEncryptor();
    StreamEncryptor(const StreamEncryptor&) = delete;
    StreamEncryptor& operator=(const StreamEncryptor&) = delete;

    [[nodiscard]] ByteView header() const;
    // Encrypts one chunk (at most ChunkSize bytes) into out, which must hold
    // plaintext.size() + Overhead bytes. Returns the number of bytes written.
    std::size_t push(ByteView plaintext, std::span<std::uint8_t> out, bool final);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

class StreamDecryptor final {
public:
    StreamDecryptor();
    ~StreamDecryptor();
    StreamDecryptor(const StreamDecryptor&) = delete;
    StreamDecryptor& operator=(const StreamDecryptor&) = delete;

    [[nodiscard]] bool init(ByteView header, ByteView key);
    // Decrypts one chunk (at most ChunkSize + Overhead bytes) into out, which must hold
    // ciphertext.size() - Overhead bytes. Returns the plaintext size, or nullopt when the chunk
    // does not authenticate. Sets final when this chunk ended the stream.
    [[nodiscard]] std::optional<std::size_t> pull(ByteView ciphertext, std::span<std::uint8_t> out,
                                                  bool& final);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace pt::crypto
