#pragma once
// minisign-compatible Ed25519 signatures (the format of minisign 0.11, src/minisign.h), so an
// exported archive's SHA256SUMS can be checked with `minisign -Vm SHA256SUMS -p papertrail.pub`.
//
// Public key file:  "untrusted comment: <comment>\n" base64("Ed" || key id || public key) "\n"
// Signature file:   "untrusted comment: <comment>\n" base64("ED" || key id || sig) "\n"
//                   "trusted comment: <text>\n" base64(global sig) "\n"
// where sig = Ed25519(BLAKE2b-512(message)) ("ED", prehashed; the legacy "Ed" signs the message
// itself) and global sig = Ed25519(sig || text). The 8-byte key id is stored as is; minisign
// prints it as the little-endian 64-bit number it reads from those bytes (keyIdText()).
//
// Our key id is not random as minisign's is but derived from the public key, so a vault's export
// key has the same id on every export: the first 8 bytes of
// BLAKE2b-256("papertrail/minisign-key-id/1" || public key) (crypto_generichash, unkeyed).
//
// Parsing treats its input as hostile: every line is bounded by minisign's own limits, base64 is
// the strict padded form, CR and NUL are refused except a CR just before a line's LF (minisign
// accepts CRLF files), and nothing may follow the last line.
#include "SecureBytes.h"

#include <array>
#include <memory>

namespace pt::crypto::minisign {

inline constexpr std::size_t KeyIdSize = 8;
inline constexpr std::size_t PublicKeySize = 32;
inline constexpr std::size_t SignatureSize = 64;
inline constexpr std::size_t SeedSize = 32;

// minisign reads comment lines with fgets into 1024- and 8192-byte buffers and needs the newline
// within them: the longest comments its own verifier reads back.
inline constexpr std::size_t MaxUntrustedCommentSize = 1024 - 1 - 19 - 1; // 1003
inline constexpr std::size_t MaxTrustedCommentSize = 8192 - 1 - 17 - 1;   // 8173
// Longest well-formed files (CRLF line ends included): read no more than this from a file.
inline constexpr std::size_t MaxPublicKeyFileSize = 1023 + 56 + 2;
inline constexpr std::size_t MaxSignatureFileSize = 1023 + 100 + 2 + 8191 + 88 + 2;

// minisign's untrusted comment for the signatures it writes.
inline constexpr std::string_view DefaultSignatureComment = "signature from minisign secret key";

using KeyId = std::array<std::uint8_t, KeyIdSize>;

struct PublicKey {
    KeyId keyId{};
    std::array<std::uint8_t, PublicKeySize> key{};
    friend bool operator==(const PublicKey&, const PublicKey&) = default;
};

// The 8-byte key id of an Ed25519 public key (32 bytes), as described above.
[[nodiscard]] KeyId keyIdFor(ByteView publicKey);
// minisign's spelling of a key id: the bytes as a little-endian integer, upper-case hex without
// leading zeros ("%" PRIX64), as in "minisign public key 4E0F5E4F0E2A1C3D".
[[nodiscard]] std::string keyIdText(const KeyId& keyId);

class KeyPair final {
public:
    // seed: 32 bytes (throws std::invalid_argument otherwise). The same seed gives the same key
    // pair and key id.
    [[nodiscard]] static KeyPair fromSeed(const SecureBytes& seed);

    [[nodiscard]] const PublicKey& publicKey() const { return m_publicKey; }
    [[nodiscard]] const SecureBytes& secretKey() const { return m_secretKey; } // seed || public key

private:
    KeyPair(PublicKey publicKey, SecureBytes secretKey);
    PublicKey m_publicKey;
    SecureBytes m_secretKey;
};

// The public key file exactly as `minisign -G` writes it: the comment defaults to minisign's
// "minisign public key <keyIdText>". Throws std::invalid_argument for a comment that is not a
// valid untrusted comment.
[[nodiscard]] std::string publicKeyFile(const PublicKey& key);
[[nodiscard]] std::string publicKeyFile(const PublicKey& key, std::string_view comment);
// The second line alone, the form `minisign -P` takes on the command line.
[[nodiscard]] std::string publicKeyBase64(const PublicKey& key);

// A file's text, or the bare base64 line; nullopt unless well formed with the "Ed" algorithm.
[[nodiscard]] std::optional<PublicKey> parsePublicKeyFile(std::string_view text);
[[nodiscard]] std::optional<PublicKey> parsePublicKeyBase64(std::string_view line);

// One line with no CR, LF or NUL, at most Max*CommentSize bytes.
[[nodiscard]] bool isValidUntrustedComment(std::string_view comment);
[[nodiscard]] bool isValidTrustedComment(std::string_view comment);
// minisign's default trusted comment for a prehashed signature:
// "timestamp:<unixTime>\tfile:<fileName>\thashed" (fileName without its folder).
[[nodiscard]] std::string defaultTrustedComment(std::uint64_t unixTime, std::string_view fileName);

// Signs a message given in pieces, prehashed ("ED"): memory stays bounded whatever its size.
class Signer final {
public:
    explicit Signer(const KeyPair& key);
    ~Signer();
    Signer(const Signer&) = delete;
    Signer& operator=(const Signer&) = delete;

    void update(ByteView piece);
    // The signature file's text. Throws std::invalid_argument for an invalid comment (see
    // isValid*Comment). The Signer must not be used after finish() (std::logic_error).
    [[nodiscard]] std::string finish(std::string_view trustedComment,
                                     std::string_view untrustedComment = DefaultSignatureComment);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// One-piece form of Signer.
[[nodiscard]] std::string sign(const KeyPair& key, ByteView message,
                               std::string_view trustedComment,
                               std::string_view untrustedComment = DefaultSignatureComment);

enum class Algorithm : std::uint8_t {
    Prehashed, // "ED": Ed25519 over BLAKE2b-512 of the message, minisign's default since 0.10
    Legacy,    // "Ed": Ed25519 over the message itself (`minisign -S -l`)
};

// Checked in this order (minisign's): the first that fails is the one reported.
enum class VerifyStatus : std::uint8_t {
    Ok,
    MalformedPublicKey,   // not a public key file (or the "Ed" algorithm tag is wrong)
    MalformedSignature,   // not a signature file
    UnsupportedAlgorithm, // a signature neither "ED" nor "Ed"
    LegacyRefused,        // "Ed" while VerifyOptions::allowLegacy is false (minisign -H)
    KeyIdMismatch,        // signed by another key
    MessageTooLarge,      // "Ed" over a message longer than VerifyOptions::legacyMessageLimit
    BadSignature,         // the message is not the one signed
    BadTrustedComment,    // the trusted comment (or the global signature) was changed
};

// A stable name for logs and tests ("ok", "bad-signature", ...), not a sentence for people.
[[nodiscard]] std::string_view statusName(VerifyStatus status);

struct VerifyOptions {
    bool allowLegacy = true; // as `minisign -V`; false as `minisign -VH`
    // A legacy signature covers the message itself, so verifying one holds the whole message.
    std::size_t legacyMessageLimit = std::size_t{64} << 20;
};

struct Verification {
    VerifyStatus status = VerifyStatus::MalformedSignature;
    // Set only when status is Ok. Signed, but still the signer's bytes: escape control characters
    // before showing it on a terminal.
    std::string trustedComment;
    // From the signature file, once it parsed (for "signed by key X, not Y" messages).
    std::optional<KeyId> signatureKeyId;
    Algorithm algorithm = Algorithm::Prehashed;

    [[nodiscard]] bool ok() const { return status == VerifyStatus::Ok; }
};

// Verifies a signature file against a public key file over a message given in pieces. Both files
// are parsed at construction; when status() is not Ok already the message need not be read.
class Verifier final {
public:
    Verifier(std::string_view publicKeyFile, std::string_view signatureFile,
             VerifyOptions options = {});
    ~Verifier();
    Verifier(const Verifier&) = delete;
    Verifier& operator=(const Verifier&) = delete;

    // Ok until something has failed (parsing, algorithm, key id, legacy size).
    [[nodiscard]] VerifyStatus status() const;
    void update(ByteView piece);
    // The Verifier must not be used after finish() (std::logic_error).
    [[nodiscard]] Verification finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// One-piece form of Verifier.
[[nodiscard]] Verification verify(std::string_view publicKeyFile, std::string_view signatureFile,
                                  ByteView message, VerifyOptions options = {});

} // namespace pt::crypto::minisign
