#include "crypto/Minisign.h"

#include "crypto/Signing.h"

#include <sodium.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <stdexcept>

namespace pt::crypto::minisign {

namespace {

constexpr std::string_view KeyIdDomain = "papertrail/minisign-key-id/1";

// minisign.h: SIGALG, SIGALG_HASHED, COMMENT_PREFIX, TRUSTED_COMMENT_PREFIX.
constexpr std::string_view AlgorithmLegacy = "Ed";
constexpr std::string_view AlgorithmPrehashed = "ED";
constexpr std::string_view CommentPrefix = "untrusted comment: ";
constexpr std::string_view TrustedCommentPrefix = "trusted comment: ";

constexpr std::size_t AlgorithmSize = 2;
constexpr std::size_t PublicKeyStructSize = AlgorithmSize + KeyIdSize + PublicKeySize; // 42
constexpr std::size_t SigStructSize = AlgorithmSize + KeyIdSize + SignatureSize;       // 74
constexpr std::size_t PrehashSize = crypto_generichash_BYTES_MAX;                     // 64

constexpr std::size_t base64Size(std::size_t n) { return (n + 2) / 3 * 4; }

// The longest lines minisign's fgets buffers take with their newline (CRLF counted as two).
constexpr std::size_t CommentLineLimit = 1024 - 1;
constexpr std::size_t TrustedCommentLineLimit = 8192 - 1;
constexpr std::size_t Base64LineSlack = 2; // "\r\n"

static_assert(base64Size(PublicKeyStructSize) == 56);
static_assert(base64Size(SigStructSize) == 100);
static_assert(base64Size(SignatureSize) == 88);
static_assert(PrehashSize == 64);
static_assert(MaxUntrustedCommentSize + CommentPrefix.size() + 1 == CommentLineLimit);
static_assert(MaxTrustedCommentSize + TrustedCommentPrefix.size() + 1 == TrustedCommentLineLimit);
static_assert(MaxPublicKeyFileSize
              == CommentLineLimit + base64Size(PublicKeyStructSize) + Base64LineSlack);
static_assert(MaxSignatureFileSize
              == CommentLineLimit + base64Size(SigStructSize) + Base64LineSlack
                     + TrustedCommentLineLimit + base64Size(SignatureSize) + Base64LineSlack);

// Takes the next line off `rest`. A line ends at LF, with an optional CR before it; only the last
// line may instead end at the end of the input. `limit` bounds the line with its terminator.
// Any other CR, and any NUL, makes the line malformed (minisign would cut the line there).
std::optional<std::string_view> takeLine(std::string_view& rest, std::size_t limit, bool mayBeLast)
{
    const std::string_view window = rest.substr(0, limit);
    const std::size_t lf = window.find('\n');
    std::string_view line;
    std::size_t consumed = 0;
    if (lf == std::string_view::npos) {
        if (!mayBeLast || rest.size() > limit)
            return std::nullopt;
        line = rest;
        consumed = rest.size();
    } else {
        line = rest.substr(0, lf);
        consumed = lf + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
    }
    if (line.find_first_of(std::string_view("\r\0", 2)) != std::string_view::npos)
        return std::nullopt;
    rest.remove_prefix(consumed);
    return line;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// Strict padded base64 of exactly `size` bytes.
std::optional<Bytes> decodeExact(std::string_view line, std::size_t size)
{
    if (line.size() != base64Size(size))
        return std::nullopt;
    auto bytes = fromBase64(line);
    if (!bytes || bytes->size() != size)
        return std::nullopt;
    return bytes;
}

bool isValidComment(std::string_view comment, std::size_t max)
{
    return comment.size() <= max
        && comment.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

struct SignatureFile {
    std::array<std::uint8_t, AlgorithmSize> algorithm{};
    KeyId keyId{};
    std::array<std::uint8_t, SignatureSize> signature{};
    std::string trustedComment;
    std::array<std::uint8_t, SignatureSize> globalSignature{};
};

std::optional<SignatureFile> parseSignatureFile(std::string_view text)
{
    std::string_view rest = text;
    const auto comment = takeLine(rest, CommentLineLimit, false);
    if (!comment || !startsWith(*comment, CommentPrefix))
        return std::nullopt;
    const auto sigLine = takeLine(rest, base64Size(SigStructSize) + Base64LineSlack, false);
    if (!sigLine)
        return std::nullopt;
    const auto sigStruct = decodeExact(*sigLine, SigStructSize);
    if (!sigStruct)
        return std::nullopt;
    const auto trusted = takeLine(rest, TrustedCommentLineLimit, false);
    if (!trusted || !startsWith(*trusted, TrustedCommentPrefix))
        return std::nullopt;
    const auto globalLine = takeLine(rest, base64Size(SignatureSize) + Base64LineSlack, true);
    if (!globalLine || !rest.empty())
        return std::nullopt;
    const auto global = decodeExact(*globalLine, SignatureSize);
    if (!global)
        return std::nullopt;

    SignatureFile sig;
    auto in = sigStruct->begin();
    std::copy_n(in, AlgorithmSize, sig.algorithm.begin());
    std::copy_n(in + AlgorithmSize, KeyIdSize, sig.keyId.begin());
    std::copy_n(in + AlgorithmSize + KeyIdSize, SignatureSize, sig.signature.begin());
    sig.trustedComment = std::string(trusted->substr(TrustedCommentPrefix.size()));
    std::copy_n(global->begin(), SignatureSize, sig.globalSignature.begin());
    return sig;
}

bool hasAlgorithm(std::span<const std::uint8_t> tag, std::string_view name)
{
    return tag.size() == name.size() && std::equal(tag.begin(), tag.end(), view(name).begin());
}

void append(std::string& out, ByteView bytes)
{
    out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

} // namespace

KeyId keyIdFor(ByteView publicKey)
{
    if (publicKey.size() != PublicKeySize)
        throw std::invalid_argument("minisign: public key must be 32 bytes");
    std::array<std::uint8_t, 32> digest{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, digest.size());
    crypto_generichash_update(&state, view(KeyIdDomain).data(), KeyIdDomain.size());
    crypto_generichash_update(&state, publicKey.data(), publicKey.size());
    crypto_generichash_final(&state, digest.data(), digest.size());
    KeyId id{};
    std::copy_n(digest.begin(), KeyIdSize, id.begin());
    return id;
}

std::string keyIdText(const KeyId& keyId)
{
    char buffer[17] = {};
    std::snprintf(buffer, sizeof buffer, "%" PRIX64, loadLe64(keyId.data()));
    return buffer;
}

KeyPair::KeyPair(PublicKey publicKey, SecureBytes secretKey)
    : m_publicKey(publicKey), m_secretKey(std::move(secretKey))
{
}

KeyPair KeyPair::fromSeed(const SecureBytes& seed)
{
    if (seed.size() != SeedSize)
        throw std::invalid_argument("minisign: seed must be 32 bytes");
    signing::KeyPair kp = signing::fromSeed(seed.view());
    PublicKey pk;
    std::copy_n(kp.publicKey.begin(), PublicKeySize, pk.key.begin());
    pk.keyId = keyIdFor(pk.key);
    return KeyPair(pk, std::move(kp.secretKey));
}

std::string publicKeyBase64(const PublicKey& key)
{
    Bytes raw;
    raw.reserve(PublicKeyStructSize);
    raw.insert(raw.end(), AlgorithmLegacy.begin(), AlgorithmLegacy.end());
    raw.insert(raw.end(), key.keyId.begin(), key.keyId.end());
    raw.insert(raw.end(), key.key.begin(), key.key.end());
    return toBase64(raw);
}

std::string publicKeyFile(const PublicKey& key)
{
    return publicKeyFile(key, "minisign public key " + keyIdText(key.keyId));
}

std::string publicKeyFile(const PublicKey& key, std::string_view comment)
{
    if (!isValidUntrustedComment(comment))
        throw std::invalid_argument("minisign: invalid public key comment");
    std::string out;
    out.append(CommentPrefix).append(comment).append("\n");
    out.append(publicKeyBase64(key)).append("\n");
    return out;
}

std::optional<PublicKey> parsePublicKeyBase64(std::string_view line)
{
    const auto raw = decodeExact(line, PublicKeyStructSize);
    if (!raw || !hasAlgorithm(ByteView(*raw).first(AlgorithmSize), AlgorithmLegacy))
        return std::nullopt;
    PublicKey pk;
    std::copy_n(raw->begin() + AlgorithmSize, KeyIdSize, pk.keyId.begin());
    std::copy_n(raw->begin() + AlgorithmSize + KeyIdSize, PublicKeySize, pk.key.begin());
    return pk;
}

std::optional<PublicKey> parsePublicKeyFile(std::string_view text)
{
    std::string_view rest = text;
    const auto comment = takeLine(rest, CommentLineLimit, false);
    if (!comment || !startsWith(*comment, CommentPrefix))
        return std::nullopt;
    const auto line = takeLine(rest, base64Size(PublicKeyStructSize) + Base64LineSlack, true);
    if (!line || !rest.empty())
        return std::nullopt;
    return parsePublicKeyBase64(*line);
}

bool isValidUntrustedComment(std::string_view comment)
{
    return isValidComment(comment, MaxUntrustedCommentSize);
}

bool isValidTrustedComment(std::string_view comment)
{
    return isValidComment(comment, MaxTrustedCommentSize);
}

std::string defaultTrustedComment(std::uint64_t unixTime, std::string_view fileName)
{
    const std::size_t slash = fileName.rfind('/');
    if (slash != std::string_view::npos)
        fileName.remove_prefix(slash + 1);
    std::string out = "timestamp:" + std::to_string(unixTime) + "\tfile:";
    out.append(fileName).append("\thashed");
    return out;
}

// ---- signing

struct Signer::State {
    crypto_generichash_state hash; // 64-byte aligned: first, so the struct is not padded for it
    PublicKey publicKey;
    SecureBytes secretKey;
    bool finished = false;
};

Signer::Signer(const KeyPair& key) : m_state(std::make_unique<State>())
{
    m_state->publicKey = key.publicKey();
    m_state->secretKey = key.secretKey().clone();
    crypto_generichash_init(&m_state->hash, nullptr, 0, PrehashSize);
}

Signer::~Signer() = default;

void Signer::update(ByteView piece)
{
    if (m_state->finished)
        throw std::logic_error("minisign: Signer used after finish()");
    crypto_generichash_update(&m_state->hash, piece.data(), piece.size());
}

std::string Signer::finish(std::string_view trustedComment, std::string_view untrustedComment)
{
    if (m_state->finished)
        throw std::logic_error("minisign: Signer used after finish()");
    if (!isValidTrustedComment(trustedComment))
        throw std::invalid_argument("minisign: invalid trusted comment");
    if (!isValidUntrustedComment(untrustedComment))
        throw std::invalid_argument("minisign: invalid untrusted comment");
    m_state->finished = true;

    std::array<std::uint8_t, PrehashSize> digest{};
    crypto_generichash_final(&m_state->hash, digest.data(), digest.size());
    const Bytes signature = signing::sign(m_state->secretKey, digest);

    Bytes sigStruct;
    sigStruct.reserve(SigStructSize);
    sigStruct.insert(sigStruct.end(), AlgorithmPrehashed.begin(), AlgorithmPrehashed.end());
    sigStruct.insert(sigStruct.end(), m_state->publicKey.keyId.begin(),
                     m_state->publicKey.keyId.end());
    sigStruct.insert(sigStruct.end(), signature.begin(), signature.end());

    Bytes signedComment = signature;
    const ByteView commentBytes = view(trustedComment);
    signedComment.insert(signedComment.end(), commentBytes.begin(), commentBytes.end());
    const Bytes globalSignature = signing::sign(m_state->secretKey, signedComment);
    m_state->secretKey.wipe();

    std::string out;
    out.append(CommentPrefix).append(untrustedComment).append("\n");
    out.append(toBase64(sigStruct)).append("\n");
    out.append(TrustedCommentPrefix).append(trustedComment).append("\n");
    out.append(toBase64(globalSignature)).append("\n");
    return out;
}

std::string sign(const KeyPair& key, ByteView message, std::string_view trustedComment,
                 std::string_view untrustedComment)
{
    Signer signer(key);
    signer.update(message);
    return signer.finish(trustedComment, untrustedComment);
}

// ---- verification

std::string_view statusName(VerifyStatus status)
{
    switch (status) {
    case VerifyStatus::Ok:
        return "ok";
    case VerifyStatus::MalformedPublicKey:
        return "malformed-public-key";
    case VerifyStatus::MalformedSignature:
        return "malformed-signature";
    case VerifyStatus::UnsupportedAlgorithm:
        return "unsupported-algorithm";
    case VerifyStatus::LegacyRefused:
        return "legacy-refused";
    case VerifyStatus::KeyIdMismatch:
        return "key-id-mismatch";
    case VerifyStatus::MessageTooLarge:
        return "message-too-large";
    case VerifyStatus::BadSignature:
        return "bad-signature";
    case VerifyStatus::BadTrustedComment:
        return "bad-trusted-comment";
    }
    return "unknown";
}

struct Verifier::State {
    crypto_generichash_state hash; // prehashed only
    VerifyOptions options;
    VerifyStatus status = VerifyStatus::Ok;
    PublicKey publicKey;
    std::optional<SignatureFile> signature;
    Algorithm algorithm = Algorithm::Prehashed;
    Bytes legacyMessage; // legacy only
    bool finished = false;
};

Verifier::Verifier(std::string_view publicKeyFile, std::string_view signatureFile,
                   VerifyOptions options)
    : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.options = options;
    const auto pk = parsePublicKeyFile(publicKeyFile);
    if (!pk) {
        s.status = VerifyStatus::MalformedPublicKey;
        return;
    }
    s.publicKey = *pk;
    s.signature = parseSignatureFile(signatureFile);
    if (!s.signature) {
        s.status = VerifyStatus::MalformedSignature;
        return;
    }
    if (hasAlgorithm(s.signature->algorithm, AlgorithmPrehashed)) {
        s.algorithm = Algorithm::Prehashed;
    } else if (hasAlgorithm(s.signature->algorithm, AlgorithmLegacy)) {
        s.algorithm = Algorithm::Legacy;
    } else {
        s.status = VerifyStatus::UnsupportedAlgorithm;
        return;
    }
    if (s.algorithm == Algorithm::Legacy && !s.options.allowLegacy) {
        s.status = VerifyStatus::LegacyRefused;
        return;
    }
    if (s.signature->keyId != s.publicKey.keyId) {
        s.status = VerifyStatus::KeyIdMismatch;
        return;
    }
    if (s.algorithm == Algorithm::Prehashed)
        crypto_generichash_init(&s.hash, nullptr, 0, PrehashSize);
}

Verifier::~Verifier() = default;

VerifyStatus Verifier::status() const
{
    return m_state->status;
}

void Verifier::update(ByteView piece)
{
    State& s = *m_state;
    if (s.finished)
        throw std::logic_error("minisign: Verifier used after finish()");
    if (s.status != VerifyStatus::Ok)
        return;
    if (s.algorithm == Algorithm::Prehashed) {
        crypto_generichash_update(&s.hash, piece.data(), piece.size());
        return;
    }
    if (piece.size() > s.options.legacyMessageLimit - s.legacyMessage.size()) {
        s.status = VerifyStatus::MessageTooLarge;
        Bytes().swap(s.legacyMessage);
        return;
    }
    s.legacyMessage.insert(s.legacyMessage.end(), piece.begin(), piece.end());
}

Verification Verifier::finish()
{
    State& s = *m_state;
    if (s.finished)
        throw std::logic_error("minisign: Verifier used after finish()");
    s.finished = true;

    Verification result;
    result.algorithm = s.algorithm;
    if (s.signature)
        result.signatureKeyId = s.signature->keyId;
    if (s.status != VerifyStatus::Ok) {
        result.status = s.status;
        return result;
    }

    std::array<std::uint8_t, PrehashSize> digest{};
    ByteView message;
    if (s.algorithm == Algorithm::Prehashed) {
        crypto_generichash_final(&s.hash, digest.data(), digest.size());
        message = digest;
    } else {
        message = s.legacyMessage;
    }
    if (!signing::verify(s.publicKey.key, message, s.signature->signature)) {
        result.status = VerifyStatus::BadSignature;
        return result;
    }

    std::string signedComment;
    signedComment.reserve(SignatureSize + s.signature->trustedComment.size());
    append(signedComment, s.signature->signature);
    signedComment.append(s.signature->trustedComment);
    if (!signing::verify(s.publicKey.key, view(signedComment), s.signature->globalSignature)) {
        result.status = VerifyStatus::BadTrustedComment;
        return result;
    }
    result.status = VerifyStatus::Ok;
    result.trustedComment = std::move(s.signature->trustedComment);
    return result;
}

Verification verify(std::string_view publicKeyFile, std::string_view signatureFile,
                    ByteView message, VerifyOptions options)
{
    Verifier verifier(publicKeyFile, signatureFile, options);
    verifier.update(message);
    return verifier.finish();
}

} // namespace pt::crypto::minisign
