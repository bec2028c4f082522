#pragma once
// Writes an age v1 file to a Sink: the header when the Writer is made, then the payload as
// plaintext is pushed in pieces of any size, holding at most one 64 KiB chunk. For ASCII armor,
// hand it an ArmorWriter's sink.
//
//     auto writer = age::Writer::toRecipients(recipients, sink);
//     if (!writer) ... writer.status().message() ...
//     writer->write(piece) ... writer->finish();
#include "crypto/age/Error.h"
#include "crypto/age/Io.h"
#include "crypto/age/PayloadWriter.h"
#include "crypto/age/Scrypt.h"
#include "crypto/age/X25519.h"

#include <span>

namespace pt::crypto::age {

class Writer final {
public:
    // To one or more X25519 recipients. ErrorCode::Usage for none or a low-order public key,
    // ErrorCode::Io when the sink fails.
    [[nodiscard]] static Result<Writer> toRecipients(std::span<const X25519Recipient> recipients,
                                                     Sink sink);
    // To one passphrase (the only stanza, as the spec requires). workFactor 1..MaxWorkFactor.
    // ErrorCode::Usage for an empty passphrase or a work factor out of range, ErrorCode::Resource
    // when scrypt cannot get its memory, ErrorCode::Io when the sink fails.
    [[nodiscard]] static Result<Writer> toPassphrase(ByteView passphrase, Sink sink,
                                                     int workFactor = DefaultWorkFactor);

    // Errors stick (ErrorCode::Io from the sink; ErrorCode::Usage after finish()).
    [[nodiscard]] Status write(ByteView plaintext) { return m_payload.write(plaintext); }
    // Seals the last chunk; the file is complete only after this returns ok.
    [[nodiscard]] Status finish() { return m_payload.finish(); }

private:
    explicit Writer(PayloadWriter payload) : m_payload(std::move(payload)) {}
    static Result<Writer> start(const std::vector<Stanza>& stanzas, const SecureBytes& fileKey,
                                Sink sink);

    PayloadWriter m_payload;
};

} // namespace pt::crypto::age
