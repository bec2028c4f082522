// vault.json: VaultHeader::fromJson on arbitrary bytes. A header that parses must re-serialise
// (toJson) to a header that parses to the same fields, and that second form must be stable.
#include "FuzzSupport.h"
#include "vault/VaultHeader.h"

using namespace pt;

namespace {

bool sameFields(const core::VaultHeader& a, const core::VaultHeader& b)
{
    return a.vaultId == b.vaultId && a.createdAt == b.createdAt && a.kdfSalt == b.kdfSalt &&
           a.kdfParams.ops == b.kdfParams.ops && a.kdfParams.memory == b.kdfParams.memory &&
           a.passphraseWrap == b.passphraseWrap && a.recoveryWrap == b.recoveryWrap;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    auto header = core::VaultHeader::fromJson(fuzz::qbytes(data, size));
    if (!header) {
        PT_FUZZ_CHECK(!header.error().message.isEmpty());
        return 0;
    }
    // What the reader promises about an accepted header.
    PT_FUZZ_CHECK(header->kdfSalt.size() == crypto::pwhash::SaltSize);
    PT_FUZZ_CHECK(header->kdfParams.ops >= 1 && header->kdfParams.ops <= crypto::pwhash::MaxOps);
    PT_FUZZ_CHECK(header->kdfParams.memory >= 8192 && header->kdfParams.memory <= crypto::pwhash::MaxMemory);

    const QByteArray json = header->toJson();
    auto again = core::VaultHeader::fromJson(json);
    PT_FUZZ_CHECK(again.ok());
    PT_FUZZ_CHECK(sameFields(*header, *again));
    PT_FUZZ_CHECK(again->toJson() == json);
    return 0;
}
