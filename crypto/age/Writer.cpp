#include "crypto/age/Writer.h"

#include "crypto/Random.h"
#include "crypto/age/FileKey.h"

namespace pt::crypto::age {

namespace {
Status sinkFailed()
{
    return {ErrorCode::Io, "writing the encrypted file failed"};
}
} // namespace

Result<Writer> Writer::start(const std::vector<Stanza>& stanzas, const SecureBytes& fileKey,
                             Sink sink)
{
    const auto header = encodeHeader(stanzas, fileKey.view());
    if (!header)
        return Status(ErrorCode::Usage, "age: invalid stanza"); // our own stanzas are valid
    if (!sink(view(*header)))
        return sinkFailed();
    const Bytes nonce = randomBytes(PayloadNonceSize);
    if (!sink(nonce))
        return sinkFailed();
    return Writer(PayloadWriter(payloadKey(fileKey.view(), nonce), std::move(sink)));
}

Result<Writer> Writer::toRecipients(std::span<const X25519Recipient> recipients, Sink sink)
{
    if (recipients.empty())
        return Status(ErrorCode::Usage, "no recipient to encrypt to");
    const SecureBytes fileKey = generateFileKey();
    std::vector<Stanza> stanzas;
    for (const X25519Recipient& recipient : recipients) {
        auto stanza = recipient.wrap(fileKey.view());
        if (!stanza)
            return Status(ErrorCode::Usage, "recipient " + recipient.toString()
                                                + " is not a usable X25519 public key");
        stanzas.push_back(std::move(*stanza));
    }
    return start(stanzas, fileKey, std::move(sink));
}

Result<Writer> Writer::toPassphrase(ByteView passphrase, Sink sink, int workFactor)
{
    const SecureBytes fileKey = generateFileKey();
    auto stanza = ScryptRecipient(SecureBytes::copyOf(passphrase), workFactor).wrap(fileKey.view());
    if (!stanza)
        return stanza.status();
    return start({std::move(*stanza)}, fileKey, std::move(sink));
}

} // namespace pt::crypto::age
