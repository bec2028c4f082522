#include "JournalDb.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace pt::core {

namespace {

Error dbError(const QString& what, const QSqlError& error)
{
    const QString text = error.text();
    if (text.contains(QLatin1String("disk is full"), Qt::CaseInsensitive) ||
        text.contains(QLatin1String("database or disk is full"), Qt::CaseInsensitive))
        return failed(QStringLiteral("The disk is full, so %1 did not happen; nothing saved was lost. "
                                     "Free some space and try again.")
                          .arg(what));
    if (text.contains(QLatin1String("malformed"), Qt::CaseInsensitive) ||
        text.contains(QLatin1String("not a database"), Qt::CaseInsensitive))
        return damaged(QStringLiteral("journal.db is damaged (%1). Run 'papertrail-cli verify' and "
                                      "restore from a synced copy.")
                           .arg(text));
    return failed(QStringLiteral("Could not %1: %2.").arg(what, text));
}

} // namespace

JournalDb::JournalDb(QString path, QString connection)
    : m_path(std::move(path)), m_connection(std::move(connection))
{
}

JournalDb::~JournalDb()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<JournalDb>> JournalDb::open(const QString& path)
{
    const bool existed = QFile::exists(path);
    const QString connection = QStringLiteral("journal-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<JournalDb> journal(new JournalDb(path, connection));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open())
            return dbError(QStringLiteral("open the journal"), db.lastError());
    }
    if (!existed)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    QSqlQuery q(QSqlDatabase::database(connection));
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return dbError(QStringLiteral("open the journal"), q.lastError());
    if (!q.next() || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return failed(QStringLiteral("Could not switch journal.db to write-ahead logging. Check that "
                                     "the vault folder is on a local, writable disk."));
    for (const char* sql : {
             "PRAGMA synchronous=FULL",
             "PRAGMA foreign_keys=ON",
             "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB NOT NULL)",
             "CREATE TABLE IF NOT EXISTS objects(id TEXT PRIMARY KEY, data BLOB NOT NULL)",
             "CREATE TABLE IF NOT EXISTS log(device TEXT NOT NULL, seq INTEGER NOT NULL, "
             "data BLOB NOT NULL, PRIMARY KEY(device, seq))",
             "CREATE TABLE IF NOT EXISTS devices(id TEXT PRIMARY KEY, public_key BLOB NOT NULL, "
             "sealed_secret BLOB)",
             "CREATE TABLE IF NOT EXISTS drafts(slot TEXT PRIMARY KEY, data BLOB NOT NULL)",
         }) {
        if (Status s = journal->exec(QString::fromLatin1(sql)); !s)
            return s.error();
    }
    return journal;
}

Status JournalDb::exec(const QString& sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql))
        return dbError(QStringLiteral("update the journal"), q.lastError());
    return Ok{};
}

Status JournalDb::begin()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return dbError(QStringLiteral("start saving"), db.lastError());
    return Ok{};
}

Status JournalDb::commit()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return dbError(QStringLiteral("save"), error);
    }
    return Ok{};
}

void JournalDb::rollback() { QSqlDatabase::database(m_connection).rollback(); }

Status JournalDb::putObject(const QString& id, const QByteArray& data)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO objects(id, data) VALUES(?, ?)"));
    q.addBindValue(id);
    q.addBindValue(data);
    if (!q.exec())
        return dbError(QStringLiteral("save the entry"), q.lastError());
    return Ok{};
}

Result<QByteArray> JournalDb::object(const QString& id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT data FROM objects WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return dbError(QStringLiteral("read an object"), q.lastError());
    if (!q.next())
        return notFound(QStringLiteral("Object %1 is missing from journal.db.").arg(id));
    return q.value(0).toByteArray();
}

Result<QHash<QString, QByteArray>> JournalDb::objects() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, data FROM objects")))
        return dbError(QStringLiteral("read objects"), q.lastError());
    QHash<QString, QByteArray> found;
    while (q.next())
        found.insert(q.value(0).toString(), q.value(1).toByteArray());
    return found;
}

Result<QList<QString>> JournalDb::objectIds() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id FROM objects ORDER BY id")))
        return dbError(QStringLiteral("list objects"), q.lastError());
    QList<QString> ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

Status JournalDb::removeObject(const QString& id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM objects WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return dbError(QStringLiteral("remove an object"), q.lastError());
    return Ok{};
}

Status JournalDb::appendRecord(const StoredRecord& record)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO log(device, seq, data) VALUES(?, ?, ?)"));
    q.addBindValue(record.device);
    q.addBindValue(record.seq);
    q.addBindValue(record.data);
    if (!q.exec())
        return dbError(QStringLiteral("append to the log"), q.lastError());
    return Ok{};
}

Result<QList<StoredRecord>> JournalDb::records() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT device, seq, data FROM log ORDER BY device, seq")))
        return dbError(QStringLiteral("read the log"), q.lastError());
    QList<StoredRecord> records;
    while (q.next())
        records.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toByteArray()});
    return records;
}

Status JournalDb::putDevice(const StoredDevice& device)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO devices(id, public_key, sealed_secret) "
                             "VALUES(?, ?, ?)"));
    q.addBindValue(device.id);
    q.addBindValue(device.publicKey);
    q.addBindValue(device.sealedSecret);
    if (!q.exec())
        return dbError(QStringLiteral("save the device key"), q.lastError());
    return Ok{};
}

Result<QList<StoredDevice>> JournalDb::devices() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT id, public_key, sealed_secret FROM devices ORDER BY id")))
        return dbError(QStringLiteral("read the devices"), q.lastError());
    QList<StoredDevice> devices;
    while (q.next())
        devices.append({q.value(0).toString(), q.value(1).toByteArray(), q.value(2).toByteArray()});
    return devices;
}

Status JournalDb::setMeta(const QString& key, const QByteArray& value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return dbError(QStringLiteral("save settings"), q.lastError());
    return Ok{};
}

Result<QByteArray> JournalDb::meta(const QString& key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return dbError(QStringLiteral("read settings"), q.lastError());
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

Status JournalDb::removeMeta(const QString& key)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return dbError(QStringLiteral("remove a setting"), q.lastError());
    return Ok{};
}

Status JournalDb::putDraft(const QString& slot, const QByteArray& data)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts(slot, data) VALUES(?, ?)"));
    q.addBindValue(slot);
    q.addBindValue(data);
    if (!q.exec())
        return dbError(QStringLiteral("save the draft"), q.lastError());
    return Ok{};
}

Result<QByteArray> JournalDb::draft(const QString& slot) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT data FROM drafts WHERE slot = ?"));
    q.addBindValue(slot);
    if (!q.exec())
        return dbError(QStringLiteral("read the draft"), q.lastError());
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

Status JournalDb::removeDraft(const QString& slot)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE slot = ?"));
    q.addBindValue(slot);
    if (!q.exec())
        return dbError(QStringLiteral("remove the draft"), q.lastError());
    return Ok{};
}

} // namespace pt::core
