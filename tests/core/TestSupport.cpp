#include "TestSupport.h"

#include "crypto/Random.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace pt::test {

std::unique_ptr<core::Vault> createVault(const QString& dir, QString* recoveryKey, core::Clock clock)
{
    QString recovery;
    auto vault = core::Vault::create(dir, bytes(Passphrase), FastKdf, &recovery, std::move(clock));
    if (!vault)
        FAIL("Vault::create failed: " << vault.error().message);
    REQUIRE((*vault)->isUnlocked());
    if (recoveryKey)
        *recoveryKey = recovery;
    return std::move(*vault);
}

std::unique_ptr<core::Vault> openVault(const QString& dir, core::Clock clock)
{
    auto vault = core::Vault::open(dir, std::move(clock));
    if (!vault)
        FAIL("Vault::open failed: " << vault.error().message);
    const core::Status s = (*vault)->unlockWithPassphrase(bytes(Passphrase));
    if (!s)
        FAIL("unlock failed: " << s.error().message);
    return std::move(*vault);
}

ManualClock::ManualClock(QDateTime start) : m_now(std::make_shared<QDateTime>(std::move(start))) {}

core::Clock ManualClock::clock() const
{
    auto now = m_now;
    return [now] { return *now; };
}

core::NewAttachment Sources::add(const QByteArray& data, const QString& name, const QString& mime)
{
    QBuffer& buffer = m_buffers.emplace_back();
    buffer.setData(data);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    return {&buffer, name, mime};
}

QByteArray randomData(qsizetype size)
{
    const crypto::Bytes b = crypto::randomBytes(static_cast<std::size_t>(size));
    return {reinterpret_cast<const char*>(b.data()), size};
}

QString sha256Hex(const QByteArray& data)
{
    return QString::fromStdString(crypto::toHex(crypto::Sha256::hash(core::bytesOf(data))));
}

QByteArray readAttachment(const core::Journal& journal, const QString& entryId, const QString& name)
{
    QByteArray out;
    QBuffer sink(&out);
    REQUIRE(sink.open(QIODevice::WriteOnly));
    const core::Status s = journal.writeAttachment(entryId, name, sink);
    if (!s)
        FAIL("writeAttachment failed: " << s.error().message);
    sink.close();
    return out;
}

bool copyDir(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QFileInfo& info : source.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.isDir()) {
            if (!copyDir(info.absoluteFilePath(), target))
                return false;
        } else if (!QFile::copy(info.absoluteFilePath(), target)) {
            return false;
        } else {
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
        }
    }
    return true;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(data) == data.size());
}

QByteArray flipped(QByteArray data, qsizetype offset)
{
    if (offset < 0)
        offset += data.size();
    REQUIRE(offset >= 0);
    REQUIRE(offset < data.size());
    data[offset] = static_cast<char>(data[offset] ^ 0x01);
    return data;
}

void flipByte(const QString& path, qint64 offset)
{
    writeFile(path, flipped(readFile(path), offset));
}

void truncateFile(const QString& path, qint64 size)
{
    QFile f(path);
    REQUIRE(f.resize(size));
}

QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

QStringList filesContaining(const QStringList& dirs, const QList<QByteArray>& needles)
{
    QStringList hits;
    for (const QString& dir : dirs)
        for (const QString& path : filesUnder(dir)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = f.readAll();
            for (const QByteArray& needle : needles)
                if (content.contains(needle)) {
                    hits << path;
                    break;
                }
        }
    return hits;
}

QList<QByteArray> encodings(const QString& text)
{
    QByteArray le, be;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        le.append(static_cast<char>(u & 0xff)).append(static_cast<char>(u >> 8));
        be.append(static_cast<char>(u >> 8)).append(static_cast<char>(u & 0xff));
    }
    return {text.toUtf8(), le, be};
}

RawDb::RawDb(const QString& path)
    : m_connection(QStringLiteral("rawdb-") + QUuid::createUuid().toString(QUuid::Id128))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    REQUIRE(db.open());
}

RawDb::~RawDb()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase RawDb::db() { return QSqlDatabase::database(m_connection); }

void RawDb::exec(const QString& sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        FAIL("SQL failed: " << sql << ": " << q.lastError().text());
}

QList<RawDb::LogRow> RawDb::logRows()
{
    QSqlQuery q(db());
    REQUIRE(q.exec(QStringLiteral("SELECT device, seq, data FROM log ORDER BY device, seq")));
    QList<LogRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toByteArray()});
    return rows;
}

QStringList RawDb::objectIds()
{
    QSqlQuery q(db());
    REQUIRE(q.exec(QStringLiteral("SELECT id FROM objects ORDER BY id")));
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

QByteArray RawDb::objectData(const QString& id)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT data FROM objects WHERE id = ?"));
    q.addBindValue(id);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return q.value(0).toByteArray();
}

void RawDb::setObjectData(const QString& id, const QByteArray& data)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE objects SET data = ? WHERE id = ?"));
    q.addBindValue(data);
    q.addBindValue(id);
    REQUIRE(q.exec());
    REQUIRE(q.numRowsAffected() == 1);
}

void RawDb::setLogData(const QString& device, qint64 seq, const QByteArray& data)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE log SET data = ? WHERE device = ? AND seq = ?"));
    q.addBindValue(data);
    q.addBindValue(device);
    q.addBindValue(seq);
    REQUIRE(q.exec());
    REQUIRE(q.numRowsAffected() == 1);
}

void RawDb::deleteLog(const QString& device, qint64 seq)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM log WHERE device = ? AND seq = ?"));
    q.addBindValue(device);
    q.addBindValue(seq);
    REQUIRE(q.exec());
    REQUIRE(q.numRowsAffected() == 1);
}

void RawDb::deleteObject(const QString& id)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM objects WHERE id = ?"));
    q.addBindValue(id);
    REQUIRE(q.exec());
    REQUIRE(q.numRowsAffected() == 1);
}

QString describe(const core::VerifyReport& report)
{
    QString text = QStringLiteral("verify: %1 problem(s)").arg(report.problems.size());
    for (const core::VerifyProblem& p : report.problems)
        text += QStringLiteral("\n  [%1] %2").arg(p.item, p.what);
    for (const QString& n : report.notes)
        text += QStringLiteral("\n  note: %1").arg(n);
    return text;
}

bool names(const core::VerifyReport& report, const std::function<bool(const core::VerifyProblem&)>& pred)
{
    for (const core::VerifyProblem& p : report.problems)
        if (pred(p))
            return true;
    return false;
}

bool namesText(const core::VerifyReport& report, const QString& text)
{
    return names(report, [&](const core::VerifyProblem& p) { return p.item.contains(text); });
}

bool namesRecord(const core::VerifyReport& report, const QString& device, qint64 seq)
{
    const QRegularExpression number(QStringLiteral("#%1(?!\\d)").arg(seq));
    return names(report, [&](const core::VerifyProblem& p) {
        return p.item.contains(device) && number.match(p.item).hasMatch();
    });
}

} // namespace pt::test
