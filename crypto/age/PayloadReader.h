#pragma once
// STREAM decryption of the payload (see Payload.h), one chunk at a time, holding at most one
// chunk. A chunk is released only once it authenticates, but the stream as a whole is proven
// complete only when read() reports the end: plaintext released before a later failure (a
// damaged, missing or extra chunk) must be discarded by the caller.
#include "crypto/age/Error.h"
#include "crypto/age/Io.h"
#include "crypto/age/Payload.h"

namespace pt::crypto::age {

class PayloadReader final {
public:
    // payloadKey: 32 bytes. `input` is positioned just after the payload nonce and must outlive
    // this reader.
    PayloadReader(SecureBytes payloadKey, BufferedSource& input);
    ~PayloadReader();
    PayloadReader(const PayloadReader&) = delete;
    PayloadReader& operator=(const PayloadReader&) = delete;

    // Decrypts the next chunk; `plaintext` then views it (valid until the next call). An ok
    // Status with an empty view means the payload ended where it should, with nothing after it.
    // Errors: ErrorCode::Payload (a chunk does not authenticate, the input ends before the last
    // chunk, an empty last chunk after others, bytes after the last chunk), ErrorCode::Io (the
    // Source failed). A full last chunk followed by more bytes is released first and the error
    // comes with the next call, as in the reference implementation. Errors stick.
    [[nodiscard]] Status read(ByteView& plaintext);

private:
    bool open(std::size_t sealedSize, bool last, std::size_t& plainSize);

    SecureBytes m_key;
    BufferedSource& m_input;
    Bytes m_sealed;
    Bytes m_plain;
    std::uint64_t m_counter = 0;
    bool m_ended = false;
    Status m_status;
};

} // namespace pt::crypto::age
