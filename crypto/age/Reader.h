#pragma once
// Reads an age v1 file from a Source, binary or ASCII-armored, holding at most one 64 KiB chunk
// (and the header, at most ReaderOptions::maxHeaderSize bytes).
//
//     age::Reader reader(source);
//     if (Status s = reader.unlock(identities); !s) ... s.code(), s.message() ...
//     for (ByteView chunk;;) {
//         if (Status s = reader.read(chunk); !s) ... discard everything written so far ...
//         if (chunk.empty()) break; // the end, authenticated
//         ... write chunk ...
//     }
//
// Every chunk is authenticated before it is released, but the file is authenticated as a whole
// (not cut short, not extended) only when read() returns the empty chunk. Plaintext released
// before a later failure MUST be discarded by the caller: write it to a temporary file and keep
// that only once the end came.
//
// The header MAC is checked over the header bytes exactly as read. A failed unwrap is one error,
// ErrorCode::NoMatch ("no identity matched"), never a partial result.
#include "crypto/age/ArmorReader.h"
#include "crypto/age/Error.h"
#include "crypto/age/Header.h"
#include "crypto/age/Io.h"
#include "crypto/age/PayloadReader.h"
#include "crypto/age/Scrypt.h"
#include "crypto/age/X25519.h"

#include <memory>
#include <vector>

namespace pt::crypto::age {

enum class ArmorMode {
    Auto,    // armored when the input starts with "-----" after optional whitespace
    Armored, // must be armored
    Binary,  // must be binary
};

struct ReaderOptions {
    // scrypt stanzas above this are refused before any work (22 is the reference's ceiling:
    // 4 GiB of memory; a fuzz target sets it low).
    int maxWorkFactor = MaxWorkFactor;
    std::size_t maxHeaderSize = 1024 * 1024;
    ArmorMode armor = ArmorMode::Auto;
};

struct Identities {
    std::vector<X25519Identity> x25519;
    SecureBytes passphrase; // empty: none
};

class Reader final {
public:
    explicit Reader(Source source, ReaderOptions options = {});
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    // Reads and parses the header (unlock() does this when it was not done). Errors:
    // ErrorCode::Armor, Header (including a scrypt stanza beside another stanza, a stanza of a
    // known type that is malformed, a work factor above the ceiling), Io.
    [[nodiscard]] Status readHeader();
    // After readHeader(): whether the file is armored, and whether it is encrypted to a
    // passphrase (its only stanza is scrypt) rather than to keys.
    [[nodiscard]] bool armored() const { return m_armor != nullptr; }
    [[nodiscard]] bool needsPassphrase() const;

    // Unwraps the file key with the identities, checks the header MAC and reads the payload
    // nonce. Errors: those of readHeader(), ErrorCode::NoMatch, ErrorCode::HeaderMac,
    // ErrorCode::Header (an all-zero X25519 shared secret, the input ending before the payload
    // nonce), ErrorCode::Resource (scrypt's memory). NoMatch alone does not stick: unlock() may
    // be called again with other identities (a passphrase typed again).
    [[nodiscard]] Status unlock(const Identities& identities);

    // The next chunk of plaintext (see above). Errors: ErrorCode::Payload, Armor, Io;
    // ErrorCode::Usage before unlock(). Errors stick.
    [[nodiscard]] Status read(ByteView& plaintext);

private:
    Status fail(Status status);
    Status inputFailed() const;
    Status collectHeader(Bytes& header);

    ReaderOptions m_options;
    std::unique_ptr<BufferedSource> m_raw;
    std::unique_ptr<ArmorReader> m_armor;
    std::unique_ptr<BufferedSource> m_dearmored;
    BufferedSource* m_input = nullptr;
    bool m_headerRead = false;
    Header m_header;
    Bytes m_headerBytes;
    std::unique_ptr<PayloadReader> m_payload;
    Status m_status;
};

// The whole file from source to sink with the default options except `options`. On an error the
// sink may already hold plaintext, which must be discarded. A sink returning false is
// ErrorCode::Io.
[[nodiscard]] Status decrypt(Source source, const Identities& identities, const Sink& sink,
                             ReaderOptions options = {});

} // namespace pt::crypto::age
