// A minisign public key file and signature file as a hostile archive could hold them
// (verify-archive reads papertrail.pub and the .minisig files): the input is split at its first
// NUL into a key file and a signature file, and verified over a fixed message. Nothing crashes;
// a key file that parses writes back as the same key; only a signature by that key over that
// message verifies, and then its key id is that key's.
#include "FuzzSupport.h"
#include "crypto/Minisign.h"

#include <string_view>

using namespace pt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = input.find('\0');
    const std::string_view keyFile = input.substr(0, nul);
    const std::string_view signatureFile = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);

    if (const auto key = crypto::minisign::parsePublicKeyFile(keyFile)) {
        const auto again = crypto::minisign::parsePublicKeyFile(crypto::minisign::publicKeyFile(*key));
        PT_FUZZ_CHECK(again.has_value() && *again == *key);
    }
    static const std::string_view message = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  x\n";
    const auto verification = crypto::minisign::verify(keyFile, signatureFile, crypto::view(message));
    if (verification.ok()) { // only the key the key file holds signs
        const auto key = crypto::minisign::parsePublicKeyFile(keyFile);
        PT_FUZZ_CHECK(key.has_value() && verification.signatureKeyId == key->keyId);
    }
    return 0;
}
