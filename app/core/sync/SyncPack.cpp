#include "SyncPack.h"

#include "RemoteLayout.h"
#include "crypto/Aead.h"
#include "crypto/Sha256.h"

#include <QDataStream>
#include <QIODevice>

#include <limits>

namespace pt::core::sync {

namespace {

// Plaintext: magic, then items until the end. Item: a type byte, then
//   'R': u16 device length, device (ASCII), u64 seq, u32 length, data
//   'O': u16 id length, id (ASCII), u32 length, data
// all integers big-endian (QDataStream's default).
constexpr char Magic[] = "PTPACK1\n";
constexpr qsizetype MagicSize = sizeof Magic - 1;
constexpr quint32 MaxItemBytes = 16u * 1024 * 1024; // journal.db's own cap on a blob
constexpr quint16 MaxNameBytes = 64;

QString packAad() { return QStringLiteral("sync-pack"); }

Error broken(const QString& why)
{
    return damaged(QStringLiteral("A pack on the sync remote is damaged or was not written by this vault (%1); "
                                  "nothing from it was used. Sync again from the device that wrote it.")
                       .arg(why));
}

} // namespace

QString contentAddress(const QByteArray& sealed)
{
    return QString::fromStdString(crypto::toHex(crypto::Sha256::hash(bytesOf(sealed))));
}

QByteArray sealPack(const VaultKeys& keys, const PackContents& contents)
{
    QByteArray plain(Magic, MagicSize);
    QDataStream out(&plain, QIODevice::Append);
    for (const PackRecord& r : contents.records) {
        const QByteArray device = r.device.toLatin1();
        out << quint8('R') << quint16(device.size());
        out.writeRawData(device.constData(), int(device.size()));
        out << quint64(r.seq) << quint32(r.data.size());
        out.writeRawData(r.data.constData(), int(r.data.size()));
    }
    for (const PackObject& o : contents.objects) {
        const QByteArray id = o.id.toLatin1();
        out << quint8('O') << quint16(id.size());
        out.writeRawData(id.constData(), int(id.size()));
        out << quint32(o.data.size());
        out.writeRawData(o.data.constData(), int(o.data.size()));
    }
    return toQByteArray(crypto::aead::seal(keys.subkey(Purpose::SyncPack).view(), bytesOf(plain),
                                           bytesOf(keys.aad(packAad()))));
}

Result<PackContents> openPack(const VaultKeys& keys, const QByteArray& sealed)
{
    if (sealed.size() > MaxPackBytes)
        return broken(QStringLiteral("too large"));
    const auto opened = crypto::aead::open(keys.subkey(Purpose::SyncPack).view(), bytesOf(sealed),
                                           bytesOf(keys.aad(packAad())));
    if (!opened)
        return broken(QStringLiteral("it does not decrypt with this vault's key"));
    const QByteArray plain = toQByteArray(*opened);
    if (!plain.startsWith(QByteArray(Magic, MagicSize)))
        return broken(QStringLiteral("not a pack"));

    QDataStream in(plain);
    in.skipRawData(int(MagicSize));
    PackContents contents;
    auto readName = [&](QString* name) {
        quint16 size = 0;
        in >> size;
        if (in.status() != QDataStream::Ok || size == 0 || size > MaxNameBytes)
            return false;
        QByteArray bytes(size, Qt::Uninitialized);
        if (in.readRawData(bytes.data(), size) != size)
            return false;
        *name = QString::fromLatin1(bytes);
        return true;
    };
    auto readData = [&](QByteArray* data) {
        quint32 size = 0;
        in >> size;
        if (in.status() != QDataStream::Ok || size > MaxItemBytes || qint64(size) > plain.size())
            return false;
        data->resize(qsizetype(size));
        return in.readRawData(data->data(), int(size)) == int(size);
    };
    while (!in.atEnd()) {
        quint8 type = 0;
        in >> type;
        if (type == 'R') {
            PackRecord r;
            quint64 seq = 0;
            if (!readName(&r.device) || !RemoteLayout::isDeviceId(r.device))
                return broken(QStringLiteral("a record names no device"));
            in >> seq;
            if (in.status() != QDataStream::Ok || seq == 0 || seq > quint64(std::numeric_limits<qint64>::max()))
                return broken(QStringLiteral("a record has no sequence number"));
            r.seq = qint64(seq);
            if (!readData(&r.data) || r.data.isEmpty())
                return broken(QStringLiteral("a record is cut short"));
            contents.records.append(std::move(r));
        } else if (type == 'O') {
            PackObject o;
            if (!readName(&o.id) || !RemoteLayout::isHash(o.id))
                return broken(QStringLiteral("an object has no name"));
            if (!readData(&o.data) || o.data.isEmpty())
                return broken(QStringLiteral("an object is cut short"));
            if (contentAddress(o.data) != o.id)
                return broken(QStringLiteral("an object is not what its name says"));
            contents.objects.append(std::move(o));
        } else {
            return broken(QStringLiteral("an unknown item"));
        }
    }
    return contents;
}

} // namespace pt::core::sync
