// Attachments: sizes around the 64 KiB chunk boundary and a large random file round trip byte for
// byte, with the recorded size and SHA-256; adding and removing them by edit.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryFile>

#include <algorithm>
#include <cstring>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

TEST_CASE("attachments: 0 B 1 B 64 KiB 64 KiB + 1 and 5 MiB round trip byte-identical", "[attachments]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    const QList<qsizetype> sizes{0, 1, 65535, 65536, 65537, 2 * 65536, 5 * 1024 * 1024 + 123};
    QList<QByteArray> payloads;
    for (const qsizetype size : sizes)
        payloads << randomData(size);

    Sources sources;
    QStringList ids;
    {
        auto vault = createVault(dir);
        for (qsizetype i = 0; i < sizes.size(); ++i) {
            INFO("size " << sizes.at(i));
            EntryDraft d;
            d.title = QStringLiteral("size %1").arg(sizes.at(i));
            d.attachments = {sources.add(payloads.at(i), QStringLiteral("file-%1.bin").arg(sizes.at(i)))};
            auto e = vault->journal().add(d);
            if (!e)
                FAIL("add failed: " << e.error().message);
            ids << e->latest.entryId;
            REQUIRE(e->latest.attachments.size() == 1);
            const AttachmentRef& ref = e->latest.attachments.at(0);
            CHECK(ref.size == sizes.at(i));
            CHECK(ref.sha256 == sha256Hex(payloads.at(i)));
            CHECK(ref.mime == QStringLiteral("application/octet-stream"));
            CHECK(ref.object.size() == 64);
            const QString path = dir + QStringLiteral("/objects/") + ref.object.left(2) + QLatin1Char('/') + ref.object;
            REQUIRE(QFile::exists(path));
            const QByteArray cipher = readFile(path);
            CHECK(sha256Hex(cipher) == ref.object); // content addressed
            CHECK(cipher.size() > sizes.at(i));
            if (sizes.at(i) >= 32)
                CHECK_FALSE(cipher.contains(payloads.at(i).left(32)));
            CHECK(readAttachment(vault->journal(), ids.last(), ref.name) == payloads.at(i));
        }
        // A temp file never lingers after a successful put.
        CHECK(QDir(dir + QStringLiteral("/objects/tmp")).entryList(QDir::Files | QDir::Hidden).isEmpty());
        const VerifyReport report = vault->verify();
        INFO(describe(report));
        CHECK(report.ok());
        CHECK(report.attachments == sizes.size());
    }
    auto vault = openVault(dir);
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        INFO("size " << sizes.at(i));
        const QByteArray back = readAttachment(vault->journal(), ids.at(i), QStringLiteral("file-%1.bin").arg(sizes.at(i)));
        CHECK(back.size() == sizes.at(i));
        CHECK(back == payloads.at(i));
        CHECK(sha256Hex(back) == vault->journal().entry(ids.at(i))->latest.attachments.at(0).sha256);
    }
}

TEST_CASE("attachments: from a file on disk and several per entry and added or removed by edit", "[attachments]")
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/v");
    const QByteArray screenshot = randomData(150'000);
    const QByteArray email = QByteArrayLiteral("From: manager@example.com\r\nSubject: PIP\r\n\r\nSee attached.\r\n");
    QTemporaryFile file;
    REQUIRE(file.open());
    REQUIRE(file.write(screenshot) == screenshot.size());
    REQUIRE(file.seek(0));

    auto vault = createVault(dir);
    Journal& j = vault->journal();
    Sources sources;
    EntryDraft d;
    d.title = QStringLiteral("screenshot and email");
    d.attachments = {NewAttachment{&file, QStringLiteral("grade.png"), QStringLiteral("image/png")},
                     sources.add(email, QStringLiteral("pip.eml"), QStringLiteral("message/rfc822"))};
    auto e = j.add(d);
    REQUIRE(e.ok());
    const QString id = e->latest.entryId;
    REQUIRE(e->latest.attachments.size() == 2);
    CHECK(e->latest.attachments.at(0).mime == QStringLiteral("image/png"));
    CHECK(readAttachment(j, id, QStringLiteral("grade.png")) == screenshot);
    CHECK(readAttachment(j, id, QStringLiteral("pip.eml")) == email);

    QByteArray sink;
    QBuffer buffer(&sink);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    const Status missing = j.writeAttachment(id, QStringLiteral("nope.png"), buffer);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);

    EntryChange change;
    change.removeAttachments = {QStringLiteral("pip.eml")};
    change.addAttachments = {sources.add(QByteArrayLiteral("x"), QStringLiteral("one.txt"), QStringLiteral("text/plain"))};
    auto edited = j.edit(id, change);
    REQUIRE(edited.ok());
    REQUIRE(edited->latest.attachments.size() == 2);
    CHECK(edited->latest.attachments.at(0).name == QStringLiteral("grade.png"));
    CHECK(edited->latest.attachments.at(1).name == QStringLiteral("one.txt"));
    CHECK(readAttachment(j, id, QStringLiteral("one.txt")) == QByteArrayLiteral("x"));
    const Status gone = j.writeAttachment(id, QStringLiteral("pip.eml"), buffer);
    CHECK(gone.error().code == ErrorCode::NotFound);
    // The removed attachment is still part of revision 1.
    auto history = j.history(id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK(history->at(0).attachments.size() == 2);
    CHECK(history->at(0).attachments.at(1).name == QStringLiteral("pip.eml"));
    CHECK(history->at(1).attachments.at(0) == history->at(0).attachments.at(0)); // same object carried over

    // An attachment-only entry is fine.
    EntryDraft bare;
    bare.attachments = {sources.add(QByteArray(), QStringLiteral("empty"))};
    CHECK(j.add(bare).ok());

    const VerifyReport report = vault->verify();
    INFO(describe(report));
    CHECK(report.ok());
    CHECK(report.attachments == 4);
}

namespace {

// A source that hands out at most 1000 bytes per read and fails `failures` times once `failAt`
// bytes have been read, as a flaky USB stick, network share or share-intake stream does.
class FlakySource final : public QIODevice {
public:
    FlakySource(QByteArray data, qint64 failAt, int failures)
        : m_data(std::move(data)), m_failAt(failAt), m_failuresLeft(failures)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    int errorsReturned() const { return m_errorsReturned; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_pos >= m_failAt && m_failuresLeft > 0) {
            --m_failuresLeft;
            ++m_errorsReturned;
            setErrorString(QStringLiteral("simulated I/O error"));
            return -1;
        }
        qint64 n = std::min({maxSize, qint64(1000), m_data.size() - m_pos});
        if (m_pos < m_failAt)
            n = std::min(n, m_failAt - m_pos);
        std::memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
    qint64 m_failAt;
    int m_failuresLeft;
    int m_errorsReturned = 0;
};

} // namespace

TEST_CASE("attachments: a read error in the source never saves different bytes", "[attachments]")
{
    // The source fails (twice, then recovers) after `failAt` bytes: inside the first chunk's
    // batch, at a 64 KiB chunk boundary, at the 1 MiB batch boundary and just after it. Either the
    // add fails, or what was stored is exactly the source's bytes: never a silently shortened copy
    // recorded, with its own size and hash, as if it were the original.
    const QByteArray data = randomData(2 * 1024 * 1024 + 512 * 1024);
    for (const qint64 failAt : {qint64(65536 + 3000), qint64(65536), qint64(1024 * 1024), qint64(1024 * 1024 + 1),
                                qint64(2 * 1024 * 1024)}) {
        DYNAMIC_SECTION("error after " << failAt << " bytes")
        {
            QTemporaryDir root;
            auto vault = createVault(root.path() + QStringLiteral("/v"));
            FlakySource source(data, failAt, 2);
            EntryDraft d;
            d.title = QStringLiteral("from a flaky disk");
            d.attachments = {NewAttachment{&source, QStringLiteral("flaky.bin"), {}}};
            auto e = vault->journal().add(d);
            CHECK(source.errorsReturned() > 0);
            if (e.ok()) {
                INFO("add succeeded; stored " << e->latest.attachments.at(0).size << " bytes of " << data.size());
                CHECK(e->latest.attachments.at(0).size == data.size());
                CHECK(e->latest.attachments.at(0).sha256 == sha256Hex(data));
                CHECK(readAttachment(vault->journal(), e->latest.entryId, QStringLiteral("flaky.bin")) == data);
            } else {
                CHECK(e.error().code == ErrorCode::Failed);
                CHECK(vault->journal().count() == 0);
            }
            CHECK(vault->verify().ok());
        }
    }
}

TEST_CASE("attachments: a source that keeps failing makes add fail instead of retrying forever", "[attachments]")
{
    // The source fails 1000 times in a row (then recovers, so the test itself cannot hang). A
    // persistent I/O error must end the add with an error after a few tries at most.
    const QByteArray data = randomData(2 * 1024 * 1024 + 512 * 1024);
    for (const qint64 failAt : {qint64(65536 + 3000), qint64(1024 * 1024)}) {
        DYNAMIC_SECTION("errors from byte " << failAt)
        {
            QTemporaryDir root;
            auto vault = createVault(root.path() + QStringLiteral("/v"));
            FlakySource source(data, failAt, 1000);
            EntryDraft d;
            d.title = QStringLiteral("from a dead disk");
            d.attachments = {NewAttachment{&source, QStringLiteral("dead.bin"), {}}};
            auto e = vault->journal().add(d);
            INFO("read errors returned to the store before it stopped: " << source.errorsReturned());
            CHECK(source.errorsReturned() <= 3);
            if (e.ok())
                FAIL("add succeeded, storing " << e->latest.attachments.at(0).size << " of " << data.size() << " bytes");
            CHECK(e.error().code == ErrorCode::Failed);
            CHECK(vault->journal().count() == 0);
            CHECK(vault->verify().ok());
        }
    }
}
