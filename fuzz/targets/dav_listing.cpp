// WebDAV listings as a hostile server could send them: parseDavListing on arbitrary bytes. What it
// returns is only files directly in the folder, each a safe path segment listed once, with a size
// of -1 or more; what it refuses is refused as damage, or as a listing cut short on its way (worth
// another try), with a sentence naming the server.
#include "FuzzSupport.h"
#include "sync/DavListing.h"

#include <QSet>

using namespace pt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const QByteArray xml(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    static const QUrl folder(QStringLiteral("https://dav.example.org/remote.php/dav/files/me/My%20Journal/heads/"));
    const auto listed = core::sync::parseDavListing(xml, folder);
    if (!listed.ok()) {
        PT_FUZZ_CHECK(listed.error().code == core::ErrorCode::Damaged || listed.error().transient);
        PT_FUZZ_CHECK(listed.error().message.contains(QLatin1String("dav.example.org")));
        return 0;
    }
    QSet<QString> names;
    for (const core::sync::RemoteFile& file : listed.value()) {
        PT_FUZZ_CHECK(core::sync::isSafeRemotePath(file.name));
        PT_FUZZ_CHECK(!file.name.contains(QLatin1Char('/')));
        PT_FUZZ_CHECK(file.size >= -1);
        PT_FUZZ_CHECK(!names.contains(file.name));
        names.insert(file.name);
        (void)file.changeToken();
    }
    return 0;
}
