#pragma once
// The X25519 recipient type (age-encryption.org/v1, "The X25519 recipient type"): a recipient is
// a Curve25519 public key, written "age1..." in Bech32; an identity is the 32-byte secret,
// written "AGE-SECRET-KEY-1..." in upper-case Bech32.
#include "crypto/SecureBytes.h"
#include "crypto/age/Error.h"
#include "crypto/age/Header.h"

#include <array>

namespace pt::crypto::age {

inline constexpr std::string_view X25519StanzaType = "X25519";
inline constexpr std::size_t X25519KeySize = 32;
using X25519PublicKey = std::array<std::uint8_t, X25519KeySize>;

class X25519Recipient final {
public:
    explicit X25519Recipient(const X25519PublicKey& publicKey) : m_publicKey(publicKey) {}

    // "age1..." (Bech32 with HRP "age", all lower or all upper case, 32 bytes); nullopt otherwise.
    [[nodiscard]] static std::optional<X25519Recipient> parse(std::string_view text);
    [[nodiscard]] std::string toString() const; // "age1...", lower case

    [[nodiscard]] const X25519PublicKey& publicKey() const { return m_publicKey; }

    // A stanza wrapping fileKey (16 bytes) with a fresh ephemeral key; nullopt when the public key
    // is a low-order point (the shared secret would be all zeros).
    [[nodiscard]] std::optional<Stanza> wrap(ByteView fileKey) const;

private:
    X25519PublicKey m_publicKey;
};

class X25519Identity final {
public:
    [[nodiscard]] static X25519Identity generate();
    // "AGE-SECRET-KEY-1..." (either case, not mixed); nullopt otherwise. (bech32::decode's
    // transient 5-bit buffer is ordinary heap memory, freed unwiped; its result is wiped here.)
    [[nodiscard]] static std::optional<X25519Identity> parse(std::string_view text);
    // secret: 32 bytes; nullopt otherwise.
    [[nodiscard]] static std::optional<X25519Identity> fromSecret(ByteView secret);

    // "AGE-SECRET-KEY-1...": the secret key itself, so in SecureBytes. (The transient buffers
    // inside bech32::encode are ordinary heap memory, freed unwiped.)
    [[nodiscard]] SecureBytes toString() const;
    [[nodiscard]] X25519Recipient recipient() const { return X25519Recipient(m_publicKey); }
    [[nodiscard]] const SecureBytes& secret() const { return m_secret; }
    [[nodiscard]] X25519Identity clone() const { return X25519Identity(m_secret.clone()); }

    // For a stanza of type "X25519": an ErrorCode::Header error when the stanza is invalid (see
    // checkX25519Stanza) or the shared secret is all zeros (a low-order share: the spec says
    // abort); otherwise the file key when the body authenticates, nullopt when it does not (the
    // stanza is for someone else). Other stanza types give nullopt.
    [[nodiscard]] Result<std::optional<SecureBytes>> unwrap(const Stanza& stanza) const;

private:
    explicit X25519Identity(SecureBytes secret);

    SecureBytes m_secret;
    X25519PublicKey m_publicKey{};
};

// The structure the spec requires of a stanza of type "X25519": exactly one argument after the
// type, the canonical unpadded base64 of a 32-byte share, and a 32-byte body. Ok for other types.
[[nodiscard]] Status checkX25519Stanza(const Stanza& stanza);

} // namespace pt::crypto::age
