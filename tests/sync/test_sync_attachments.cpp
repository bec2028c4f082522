// Whole syncs of attachments between two devices: through a proxy that refuses large uploads
// (413), and one large attachment through rclone serve webdav with the process's peak resident
// memory held under a fixed cap (it is streamed from and to the encrypted files, never whole in
// memory). Each ends with the attachment's SHA-256 on the other device equal to the original's.
#include "GeneratedSource.h"
#include "RemoteBackends.h"
#include "SyncDevices.h"
#include "support/ProcessMemory.h"

#include "crypto/Sha256.h"

#include <catch2/catch.hpp>

using namespace pt;
using namespace pt::core;
using namespace pt::core::sync;
using namespace pt::test;

namespace {

constexpr qint64 MiB = 1024 * 1024;

// Hashes what is written to it and keeps none of it.
class HashingSink final : public QIODevice {
public:
    HashingSink() { open(QIODevice::WriteOnly | QIODevice::Unbuffered); }
    [[nodiscard]] qint64 count() const { return m_count; }
    [[nodiscard]] QString sha256()
    {
        const crypto::Digest d = m_hash.finish();
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(d.data()), qsizetype(d.size())).toHex());
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        m_hash.update({reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)});
        m_count += size;
        return size;
    }

private:
    crypto::Sha256 m_hash;
    qint64 m_count = 0;
};

QString addGenerated(Vault& vault, qint64 size, quint64 seed)
{
    GeneratedSource source(size, seed);
    EntryDraft draft;
    draft.title = QStringLiteral("The recording of the meeting");
    draft.attachments = {{&source, QStringLiteral("meeting.m4a"), QStringLiteral("audio/mp4")}};
    auto entry = vault.journal().add(draft);
    REQUIRE_OK(entry);
    return entry->latest.entryId;
}

// The attachment's original bytes on `device`, hashed as they are decrypted.
QString attachmentSha256(const SyncDevice& device, const QString& entryId, qint64 expectedSize)
{
    REQUIRE(device.vault->journal().count() == 1);
    HashingSink sink;
    REQUIRE_OK(device.vault->journal().writeAttachment(entryId, QStringLiteral("meeting.m4a"), sink));
    CHECK(sink.count() == expectedSize);
    return sink.sha256();
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool UnderAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool UnderAsan = true;
#else
constexpr bool UnderAsan = false;
#endif
#else
constexpr bool UnderAsan = false;
#endif

} // namespace

TEST_CASE("sync through a proxy that refuses large uploads converges and the attachment is byte-exact",
          "[sync][webdav][parts][faults]")
{
    RcloneDav server;
    FaultProxy proxy(QStringLiteral("127.0.0.1"), server.port());
    FaultRule tooLarge;
    tooLarge.fault = Fault::Status;
    tooLarge.method = "PUT";
    tooLarge.status = 413;
    tooLarge.minBodyBytes = MiB + 1; // nginx's default client_max_body_size
    tooLarge.times = -1;
    proxy.inject(tooLarge);
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());

    const qint64 size = 5 * MiB + 12345;
    SyncDevice a = createDevice(tmp, QStringLiteral("a"));
    const QString entry = addGenerated(*a.vault, size, 11);
    auto remote = webDavOn(server, throughProxy(server, proxy));
    auto pushed = a.sync(*remote);
    REQUIRE_OK(pushed);
    CHECK(pushed->attachmentsPushed == 1);
    CHECK(proxy.requestCount("PUT") > 5); // refused whole, then in parts

    auto linkRemote = webDavOn(server, throughProxy(server, proxy));
    SyncDevice b = linkDevice(tmp, QStringLiteral("b"), *linkRemote);
    auto pulled = b.sync(*linkRemote);
    REQUIRE_OK(pulled);
    CHECK(pulled->attachmentsPulled == 1);
    CHECK(attachmentSha256(b, entry, size) == GeneratedSource::sha256Of(size, 11));
    b.use();
    CHECK(b.vault->verify().ok());

    // Converged: nothing new either way.
    auto again = a.sync(*remote);
    REQUIRE_OK(again);
    auto noop = a.sync(*remote);
    REQUIRE_OK(noop);
    CHECK(noop->requests == 1);
}

TEST_CASE("sync of a large attachment between two devices keeps memory bounded and the bytes exact",
          "[sync][webdav][parts][memory]")
{
    // 1 GiB (about 45 s here: encrypt, push, pull, decrypt); 256 MiB under ASan, which runs the
    // C++ around the crypto several times slower. PT_LARGE_ATTACHMENT_MIB sets another size.
    const qint64 sizeMiB = qEnvironmentVariableIsSet("PT_LARGE_ATTACHMENT_MIB")
                               ? qEnvironmentVariableIntValue("PT_LARGE_ATTACHMENT_MIB")
                               : (UnderAsan ? 256 : 1024);
    REQUIRE(sizeMiB > 0);
    const qint64 size = sizeMiB * MiB;
    // Well under the attachment's size. ASan keeps up to 256 MiB of freed memory in quarantine,
    // plus the shadow and redzones of what passes through it (measured: about 480 MiB in all for
    // 256 MiB); a copy of the whole attachment in memory would still go past the cap.
    const qint64 capKiB = (UnderAsan ? 200 + 256 + 128 : 200) * 1024;

    RcloneDav server;
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    WebDavOptions options;
    options.partBytes = 64 * MiB; // the default, said here because the test leans on parts
    auto remote = webDavOn(server, server.rootUrl(), {}, options);
    SyncDevice a = createDevice(tmp, QStringLiteral("a"));
    const QString expected = GeneratedSource::sha256Of(size, 42);

    const qint64 baseline = procStatusKiB("VmRSS");
    REQUIRE(baseline > 0);
    REQUIRE(resetPeakRss());
    const QString entry = addGenerated(*a.vault, size, 42);
    auto pushed = a.sync(*remote);
    REQUIRE_OK(pushed);
    CHECK(pushed->attachmentsPushed == 1);
    CHECK(pushed->bytesPushed > size);
    const qint64 afterPush = procStatusKiB("VmHWM") - baseline;

    auto linkRemote = webDavOn(server, server.rootUrl(), {}, options);
    SyncDevice b = linkDevice(tmp, QStringLiteral("b"), *linkRemote);
    auto pulled = b.sync(*linkRemote);
    REQUIRE_OK(pulled);
    CHECK(pulled->attachmentsPulled == 1);
    CHECK(pulled->bytesPulled > size);
    CHECK(attachmentSha256(b, entry, size) == expected);
    const qint64 peak = procStatusKiB("VmHWM") - baseline;

    INFO("peak resident growth " << peak / 1024 << " MiB (" << afterPush / 1024 << " MiB by the end of the push), cap "
                                 << capKiB / 1024 << " MiB, attachment " << sizeMiB << " MiB");
    CHECK(peak < capKiB);
}
