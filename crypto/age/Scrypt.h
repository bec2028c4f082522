#pragma once
// The scrypt recipient type (age-encryption.org/v1, "The scrypt recipient type"): the file key
// wrapped under scrypt(passphrase), N = 2^workFactor, r = 8, p = 1, salt =
// "age-encryption.org/v1/scrypt" || 16 random bytes. Work factor 18 takes 256 MiB and about a
// second; each step up doubles both.
#include "crypto/SecureBytes.h"
#include "crypto/age/Error.h"
#include "crypto/age/Header.h"

namespace pt::crypto::age {

inline constexpr std::string_view ScryptStanzaType = "scrypt";
inline constexpr std::size_t ScryptSaltSize = 16;
inline constexpr int DefaultWorkFactor = 18;
// The largest work factor the reference implementation accepts when decrypting (4 GiB of
// memory): the default ceiling of our reader, and the most our writer will produce.
inline constexpr int MaxWorkFactor = 22;

class ScryptRecipient final {
public:
    ScryptRecipient(SecureBytes passphrase, int workFactor = DefaultWorkFactor)
        : m_passphrase(std::move(passphrase)), m_workFactor(workFactor)
    {
    }

    // ErrorCode::Usage for an empty passphrase or a work factor outside 1..MaxWorkFactor,
    // ErrorCode::Resource when scrypt cannot get its memory.
    [[nodiscard]] Result<Stanza> wrap(ByteView fileKey) const;

private:
    SecureBytes m_passphrase;
    int m_workFactor;
};

class ScryptIdentity final {
public:
    // Stanzas asking for more than maxWorkFactor are refused before any work is done.
    ScryptIdentity(SecureBytes passphrase, int maxWorkFactor = MaxWorkFactor)
        : m_passphrase(std::move(passphrase)), m_maxWorkFactor(maxWorkFactor)
    {
    }

    // For a stanza of type "scrypt": an ErrorCode::Header error when it is invalid (see
    // checkScryptStanza), ErrorCode::Resource when scrypt cannot get its memory, otherwise the
    // file key, or nullopt when the passphrase is not the one. Other stanza types give nullopt.
    [[nodiscard]] Result<std::optional<SecureBytes>> unwrap(const Stanza& stanza) const;

private:
    SecureBytes m_passphrase;
    int m_maxWorkFactor;
};

// "^[1-9][0-9]*$" as a number; nullopt for anything else (a sign, a leading zero, hex, spaces)
// or more than 9 digits.
[[nodiscard]] std::optional<int> parseWorkFactor(std::string_view text);

// What the spec requires of a stanza of type "scrypt": exactly two arguments after the type, a
// salt that is the canonical base64 of 16 bytes, a work factor as above and at most
// maxWorkFactor, and a 32-byte body. Ok for other types.
[[nodiscard]] Status checkScryptStanza(const Stanza& stanza, int maxWorkFactor);

} // namespace pt::crypto::age
