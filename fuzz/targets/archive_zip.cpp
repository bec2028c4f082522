// The zip inside a lawyer archive, as `verify-archive` meets it: the input is the zip's bytes
// (what a hostile or damaged archive could hold once decrypted), sealed here in an age file to
// this target's fixed X25519 identity so that verifyArchive reaches the zip through its real
// path: the age reader, libarchive's streaming zip reader, SHA256SUMS, the minisign files and
// chain.jsonl. The age file goes to a temporary file (verifyArchive reads a path); it holds only
// the fuzz input.
//
// Properties: no crash or hang; the answer is the checks or a Damaged error with a message,
// never WrongKey (the key is right); a failed check says what failed.
//
// Seeds in corpus/archive_zip are the zips of small real archives (`papertrail-cli export`, then
// `age -d` and kept as .zip) and a few cut or altered by hand.
#include "FuzzSupport.h"
#include "archive/ArchiveVerifier.h"
#include "crypto/age/Writer.h"
#include "crypto/age/X25519.h"

#include <QFile>
#include <QTemporaryFile>

using namespace pt;
using namespace pt::crypto;

namespace {

constexpr std::uint8_t ArchiveKeyBase = 0xc0;

const age::X25519Identity& identity()
{
    static const age::X25519Identity id = *age::X25519Identity::fromSecret(fuzz::fixedKey(ArchiveKeyBase).view());
    return id;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    QTemporaryFile file;
    if (!file.open())
        return 0;
    const std::vector<age::X25519Recipient> recipients{identity().recipient()};
    auto writer = age::Writer::toRecipients(recipients, [&file](ByteView bytes) {
        return file.write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size())) == qint64(bytes.size());
    });
    PT_FUZZ_CHECK(writer.ok());
    PT_FUZZ_CHECK(writer->write(ByteView(data, size)).ok());
    PT_FUZZ_CHECK(writer->finish().ok());
    PT_FUZZ_CHECK(file.flush());

    core::archive::ArchiveKey key;
    key.identities.push_back(identity().clone());
    const auto verified = core::archive::verifyArchive(file.fileName(), key);
    if (!verified) {
        PT_FUZZ_CHECK(verified.error().code == core::ErrorCode::Damaged);
        PT_FUZZ_CHECK(!verified.error().message.isEmpty());
        return 0;
    }
    for (const core::archive::ArchiveCheck& check : verified->checks)
        PT_FUZZ_CHECK(!check.what.isEmpty());
    return 0;
}
