// Writes the generated seeds of fuzz/corpus/ with the real code: canonical entry revisions and
// log payloads, a vault header, recovery keys, and attachment files, AEAD boxes and secretstreams
// sealed with the fixed keys of FuzzSupport.h (so the keyed targets can open them).
//
//   fuzz_make_corpus /work/main/fuzz/corpus
//
// It only (re)writes files named gen-*; the hand-made edge cases beside them stay. Nonces and
// file keys are random, so the sealed seeds change on every run; regenerate only when a format
// changes.
#include "vault/AttachmentStore.h"
#include "vault/EntryRevision.h"
#include "FuzzSupport.h"
#include "vault/LogRecord.h"
#include "vault/RecoveryKey.h"
#include "vault/VaultHeader.h"
#include "crypto/Aead.h"
#include "crypto/Bech32.h"
#include "crypto/SecretStream.h"
#include "crypto/Signing.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>

using namespace pt;

namespace {

QString g_out;

void save(const QString& target, const QString& name, const QByteArray& bytes)
{
    const QString dir = g_out + u'/' + target;
    QDir().mkpath(dir);
    QFile file(dir + QStringLiteral("/gen-") + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
}

QByteArray qb(crypto::ByteView b) { return core::toQByteArray(b); }
QByteArray qb(const std::string& s) { return QByteArray::fromStdString(s); }

QByteArray le24(std::size_t n)
{
    QByteArray b(3, '\0');
    b[0] = char(n & 0xff);
    b[1] = char((n >> 8) & 0xff);
    b[2] = char((n >> 16) & 0xff);
    return b;
}

QString hexOf(char c) { return QString(64, QLatin1Char(c)); }

void entryRevisions()
{
    core::EntryRevision r;
    r.entryId = QStringLiteral("3f2b8a1c-5d4e-4f6a-8b7c-9d0e1f2a3b4c");
    r.kind = QStringLiteral("meeting");
    r.title = QStringLiteral("1:1 with Dana");
    r.body = QStringLiteral("Agreed on the Q3 goals.\nShe said \"great work\" \u00e9\u6f22\U0001F600");
    r.occurredAt = QDateTime(QDate(2026, 11, 23), QTime(14, 30), Qt::OffsetFromUTC, 3600);
    r.recordedAt = QDateTime(QDate(2026, 11, 23), QTime(15, 2, 3, 456), Qt::OffsetFromUTC, 3600);
    r.timeZone = QStringLiteral("Europe/Paris");
    r.tags = {QStringLiteral("review"), QStringLiteral("q3")};
    r.fields = QJsonObject{{QStringLiteral("attendees"), QJsonArray{QStringLiteral("Dana"), QStringLiteral("me")}},
                           {QStringLiteral("goal"), 3},
                           {QStringLiteral("ratio"), 0.5},
                           {QStringLiteral("flag"), true},
                           {QStringLiteral("none"), QJsonValue::Null}};
    r.attachments = {{hexOf('a'), QStringLiteral("notes.pdf"), QStringLiteral("application/pdf"), 12345, hexOf('b')}};
    save(QStringLiteral("entry_revision"), QStringLiteral("rev1-meeting.json"), r.toCanonicalJson());

    r.revision = 2;
    r.previous = hexOf('c');
    r.kind = QStringLiteral("note");
    r.occurredAt = QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59, 999), Qt::OffsetFromUTC, -(9 * 3600 + 30 * 60));
    r.recordedAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::OffsetFromUTC, 0);
    r.tags.clear();
    r.fields = {};
    r.attachments.append({hexOf('d'), QStringLiteral("empty"), QStringLiteral("text/plain"), 0, hexOf('e')});
    save(QStringLiteral("entry_revision"), QStringLiteral("rev2-note.json"), r.toCanonicalJson());
}

void logRecords()
{
    const crypto::Bytes seed(32, 7);
    const auto device = crypto::signing::fromSeed(seed);
    auto addSeed = [&](const QString& name, const core::LogRecord& r) {
        const QByteArray payload = r.payload();
        save(QStringLiteral("log_record"), name + QStringLiteral(".json"), payload);
        core::SignedRecord s{payload, qb(crypto::signing::sign(device.secretKey, fuzz::view(payload)))};
        save(QStringLiteral("log_record"), name + QStringLiteral(".signed"), s.frame());
    };
    core::LogRecord r;
    r.device = QStringLiteral("5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d");
    r.seq = 1;
    r.time = QDateTime(QDate(2026, 11, 23), QTime(9, 0, 0, 1), Qt::UTC);
    r.op = core::LogRecord::Op::Put;
    r.entryId = QStringLiteral("3f2b8a1c-5d4e-4f6a-8b7c-9d0e1f2a3b4c");
    r.revision = 1;
    r.object = hexOf('f');
    addSeed(QStringLiteral("put-seq1"), r);

    r.seq = 2;
    r.previous = hexOf('1');
    r.op = core::LogRecord::Op::Tombstone;
    r.clockWas = QDateTime(QDate(2026, 11, 23), QTime(8, 59, 0), Qt::UTC);
    addSeed(QStringLiteral("tombstone-clock-was"), r);

    r.seq = 3;
    r.clockWas = {};
    r.op = core::LogRecord::Op::Purge;
    r.purged = {{hexOf('2'), QString()}, {hexOf('3'), hexOf('4')}};
    addSeed(QStringLiteral("purge"), r);
}

void vaultHeaders()
{
    core::VaultHeader h;
    h.vaultId = QString::fromLatin1(fuzz::VaultId);
    h.createdAt = QDateTime(QDate(2026, 11, 23), QTime(10, 49, 40, 123), Qt::UTC);
    h.kdfSalt = crypto::Bytes(16, 0x5a);
    h.kdfParams = {3, 64u * 1024u * 1024u};
    h.passphraseWrap = crypto::aead::seal(fuzz::fixedKey(1).view(), fuzz::fixedKey(2).view(),
                                          crypto::view("papertrail/1/x/wrap-passphrase"));
    h.recoveryWrap = crypto::aead::seal(fuzz::fixedKey(3).view(), fuzz::fixedKey(2).view(),
                                        crypto::view("papertrail/1/x/wrap-recovery"));
    save(QStringLiteral("vault_header"), QStringLiteral("header.json"), h.toJson());
    h.kdfParams = {1, 8192};
    save(QStringLiteral("vault_header"), QStringLiteral("header-min-kdf.json"), h.toJson());
}

void recoveryKeys()
{
    const auto key = fuzz::fixedKey(0x11);
    const QString text = core::recovery::encode(key);
    save(QStringLiteral("recovery_key"), QStringLiteral("plain.txt"), text.toUtf8());
    QString grouped;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i && i % 4 == 0)
            grouped += (i % 16 == 0) ? QStringLiteral("\n") : QStringLiteral("-");
        grouped += text[i];
    }
    save(QStringLiteral("recovery_key"), QStringLiteral("grouped-upper.txt"), grouped.toUpper().toUtf8());
    save(QStringLiteral("bech32"), QStringLiteral("ptrk.txt"), text.toUtf8());
    save(QStringLiteral("bech32"), QStringLiteral("age-public.txt"),
         qb(crypto::bech32::encode("age", fuzz::fixedKey(0x22).view())));
    save(QStringLiteral("bech32"), QStringLiteral("age-secret.txt"),
         qb(crypto::bech32::encode("AGE-SECRET-KEY-", fuzz::fixedKey(0x33).view())).toUpper());
}

void attachments()
{
    QTemporaryDir root;
    const core::VaultKeys keys(QString::fromLatin1(fuzz::VaultId), fuzz::fixedKey(fuzz::VaultKeyBase));
    core::AttachmentStore store(root.path() + QStringLiteral("/objects"), keys);
    if (!store.open()) {
        std::fputs("make_corpus: cannot open the objects folder\n", stderr);
        std::exit(1);
    }
    auto put = [&](const QString& name, const QByteArray& plain) {
        QBuffer source;
        source.setData(plain);
        source.open(QIODevice::ReadOnly);
        auto stored = store.put(source);
        if (!stored) {
            std::fprintf(stderr, "put failed: %s\n", qPrintable(stored.error().message));
            std::exit(1);
        }
        QFile file(store.pathOf(stored->object));
        if (!file.open(QIODevice::ReadOnly))
            std::exit(1);
        const QByteArray bytes = file.readAll();
        save(QStringLiteral("attachment"), name, bytes);
        return bytes;
    };
    put(QStringLiteral("empty.ptatt"), {});
    const QByteArray small = put(QStringLiteral("hello.ptatt"), QByteArrayLiteral("hello, attachment\n"));
    // One full 64 KiB chunk and a final one a byte long.
    put(QStringLiteral("two-chunks.ptatt"), QByteArray(65537, 'z'));
    // Hand-made damage next to a valid file: cut inside the header, and one byte appended.
    save(QStringLiteral("attachment"), QStringLiteral("hello-cut-header.ptatt"), small.left(40));
    save(QStringLiteral("attachment"), QStringLiteral("hello-extended.ptatt"), small + '\0');
}

void aeadBoxes()
{
    const auto key = fuzz::fixedKey(fuzz::AeadKeyBase);
    auto addSeed = [&](const QString& name, std::uint8_t flags, const QByteArray& aad, const QByteArray& plain) {
        QByteArray input;
        input += char(flags);
        input += char(aad.size());
        input += aad;
        input += qb(crypto::aead::seal(key.view(), fuzz::view(plain), fuzz::view(aad)));
        save(QStringLiteral("aead"), name, input);
    };
    addSeed(QStringLiteral("entry.bin"), 0, QByteArrayLiteral("papertrail/1/") + fuzz::VaultId + "/entry",
         QByteArrayLiteral("{\"v\":1}"));
    addSeed(QStringLiteral("empty-plaintext.bin"), 0, QByteArrayLiteral("papertrail/1/x/wrap-device"), {});
    addSeed(QStringLiteral("no-aad.bin"), 0, {}, QByteArray(32, 'k'));
    addSeed(QStringLiteral("short-key.bin"), 5, QByteArrayLiteral("ad"), QByteArrayLiteral("x"));
}

void secretStreams()
{
    const auto key = fuzz::fixedKey(fuzz::StreamKeyBase);
    auto make = [&](const QString& name, const QList<QByteArray>& chunks, std::uint8_t lastFlags = 0) {
        crypto::StreamEncryptor enc(key.view());
        QByteArray input = qb(enc.header());
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            crypto::Bytes out(chunks[i].size() + crypto::StreamEncryptor::Overhead);
            const std::size_t n = enc.push(fuzz::view(chunks[i]), out, i + 1 == chunks.size());
            input += char(i + 1 == chunks.size() ? lastFlags : 0);
            input += le24(n);
            input += qb(crypto::ByteView(out).first(n));
        }
        save(QStringLiteral("secretstream"), name, input);
    };
    make(QStringLiteral("final-empty.bin"), {QByteArray()});
    make(QStringLiteral("three-chunks.bin"), {QByteArrayLiteral("first"), QByteArray(300, 'm'), QByteArrayLiteral("end")});
    make(QStringLiteral("small-out-buffer.bin"), {QByteArrayLiteral("abc"), QByteArrayLiteral("def")}, 1);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    fuzz::initOnce();
    g_out = QString::fromLocal8Bit(argv[1]);
    entryRevisions();
    logRecords();
    vaultHeaders();
    recoveryKeys();
    attachments();
    aeadBoxes();
    secretStreams();
    std::printf("wrote the generated seeds under %s\n", argv[1]);
    return 0;
}
