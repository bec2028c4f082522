// The manifest of an attachment stored in parts, as a hostile remote could write it:
// PartsManifest::parse on arbitrary bytes. What it accepts names the object asked for, 1 to
// MaxParts parts each with a hash for a name and at least one byte, adding up to a size within
// the cap, and writes back byte for byte; what it refuses is refused as damage naming the object.
#include "FuzzSupport.h"
#include "sync/PartsManifest.h"
#include "sync/RemoteLayout.h"

using namespace pt;
using core::sync::PartsManifest;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    static const QString object = QStringLiteral("5ad17ac85ad17ac85ad17ac85ad17ac85ad17ac85ad17ac85ad17ac85ad17ac8");
    constexpr qint64 cap = qint64(4) * 1024 * 1024 * 1024;
    const auto parsed = PartsManifest::parse(json, object, cap);
    if (!parsed.ok()) {
        PT_FUZZ_CHECK(parsed.error().code == core::ErrorCode::Damaged);
        PT_FUZZ_CHECK(parsed.error().message.contains(object));
        return 0;
    }
    PT_FUZZ_CHECK(parsed->object == object);
    PT_FUZZ_CHECK(parsed->size >= 1 && parsed->size <= cap);
    PT_FUZZ_CHECK(!parsed->parts.isEmpty() && parsed->parts.size() <= PartsManifest::MaxParts);
    qint64 total = 0;
    for (const core::sync::ObjectPart& part : parsed->parts) {
        PT_FUZZ_CHECK(core::sync::RemoteLayout::isHash(part.sha256));
        PT_FUZZ_CHECK(part.size >= 1);
        total += part.size;
    }
    PT_FUZZ_CHECK(total == parsed->size);
    PT_FUZZ_CHECK(parsed->toJson() == json);
    return 0;
}
