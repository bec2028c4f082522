#pragma once
// STREAM encryption of the payload (see Payload.h) to a Sink, holding at most one chunk:
// plaintext goes in pieces of any size, a chunk is sealed once it is full and more follows, and
// finish() seals the last one (full, short, or empty when nothing was written at all).
#include "crypto/age/Error.h"
#include "crypto/age/Io.h"
#include "crypto/age/Payload.h"

namespace pt::crypto::age {

class PayloadWriter final {
public:
    // payloadKey: 32 bytes (payloadKey() in Payload.h). The payload nonce is the caller's to write.
    PayloadWriter(SecureBytes payloadKey, Sink sink);
    ~PayloadWriter();
    PayloadWriter(PayloadWriter&&) noexcept = default;
    PayloadWriter& operator=(PayloadWriter&&) noexcept = default;

    // The first failure (ErrorCode::Io from the sink) sticks: later calls return it again.
    [[nodiscard]] Status write(ByteView plaintext);
    // Seals the last chunk. Afterwards write() and finish() fail with ErrorCode::Usage.
    [[nodiscard]] Status finish();

private:
    Status seal(bool last);

    SecureBytes m_key;
    Sink m_sink;
    Bytes m_plain;  // up to ChunkSize bytes waiting to be sealed
    Bytes m_sealed; // EncryptedChunkSize
    std::uint64_t m_counter = 0;
    bool m_finished = false;
    Status m_status;
};

} // namespace pt::crypto::age
