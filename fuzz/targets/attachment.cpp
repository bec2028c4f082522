// Attachment files (objects/aa/<id>) from a hostile copy of the vault: the fuzz input is written
// as the object file under its real name (the SHA-256 of its bytes, as put() names it) and read
// back with AttachmentStore::get and ::check, keyed with a fixed vault key so seeds from
// tools/make_corpus.cpp decrypt. It must fail with a "damaged" error, or succeed consistently:
// get and check agree, and check rejects the same bytes under another name.
#include "vault/AttachmentStore.h"
#include "FuzzSupport.h"
#include "crypto/Sha256.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace pt;

namespace {

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromStdString(crypto::toHex(crypto::Sha256::hash(fuzz::view(bytes))));
}

struct Fixture {
    QTemporaryDir root;
    QString objects = root.path() + QStringLiteral("/objects");
    core::VaultKeys keys{QString::fromLatin1(fuzz::VaultId), fuzz::fixedKey(fuzz::VaultKeyBase)};
    core::AttachmentStore store{objects, keys};
};

Fixture& fixture()
{
    static Fixture f;
    static const bool opened = f.store.open().ok();
    PT_FUZZ_CHECK(opened);
    return f;
}

bool writeObject(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(path.left(path.lastIndexOf(u'/')));
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

void expectDamaged(const core::Status& s, const QString& id)
{
    PT_FUZZ_CHECK(!s.ok());
    PT_FUZZ_CHECK(s.error().code == core::ErrorCode::Damaged);
    PT_FUZZ_CHECK(s.error().message.contains(id));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    Fixture& f = fixture();
    PT_FUZZ_CHECK(f.root.isValid());
    const QByteArray file = fuzz::qbytes(data, size);
    const QString id = sha256Hex(file);
    const QString path = f.store.pathOf(id);
    PT_FUZZ_CHECK(path == f.objects + u'/' + id.left(2) + u'/' + id);
    if (!writeObject(path, file)) {
        std::fputs("fuzz: cannot write the object file\n", stderr);
        std::abort();
    }

    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    const core::Status got = f.store.get(id, sink);
    const QByteArray plain = sink.data();
    if (!got.ok()) {
        expectDamaged(got, id);
        // check() reads the same bytes: it fails too, whatever the entry recorded.
        expectDamaged(f.store.check(id, plain.size(), sha256Hex(plain)), id);
    } else {
        // Magic (8) + length (4) + wrapped key (>= 40) + stream header (24) + one tag (17).
        PT_FUZZ_CHECK(plain.size() + 8 + 4 + 40 + 24 + 17 <= file.size());
        PT_FUZZ_CHECK(f.store.check(id, plain.size(), sha256Hex(plain)).ok());
        expectDamaged(f.store.check(id, plain.size() + 1, sha256Hex(plain)), id);
        // The same bytes under a name that is not their hash.
        QString other = id;
        other[63] = other[63] == u'0' ? u'1' : u'0';
        PT_FUZZ_CHECK(writeObject(f.store.pathOf(other), file));
        expectDamaged(f.store.check(other, plain.size(), sha256Hex(plain)), other);
        QBuffer swapped;
        swapped.open(QIODevice::WriteOnly);
        expectDamaged(f.store.get(other, swapped), other); // another attachment's file is never this one
        QFile::remove(f.store.pathOf(other));
    }
    QFile::remove(path);
    return 0;
}
