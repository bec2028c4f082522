#include "JournalDb.h"

#include "RegularFile.h"

#include <QFile>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

namespace pt::core {

namespace {

// The whole schema. open() creates it in a new database and requires an existing one to hold
// exactly what these statements make, compared through SQLite's own record of them.
constexpr const char* SchemaStatements[] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS objects(id TEXT PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS log(device TEXT NOT NULL, seq INTEGER NOT NULL, "
    "data BLOB NOT NULL, PRIMARY KEY(device, seq))",
    "CREATE TABLE IF NOT EXISTS devices(id TEXT PRIMARY KEY, public_key BLOB NOT NULL, "
    "sealed_secret BLOB)",
    "CREATE TABLE IF NOT EXISTS drafts(slot TEXT PRIMARY KEY, data BLOB NOT NULL)",
};

// Set on every connection, before the schema is read: SQL functions named in a schema (a planted
// trigger's or view's) are not trusted, temporary tables and indexes never reach the disk, and
// deleted content is overwritten with zeros.
constexpr const char* ConnectionPragmas[] = {
    "PRAGMA trusted_schema=OFF",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA secure_delete=ON",
    "PRAGMA cell_size_check=ON",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
};

// SQLite's own words can carry text from the database (a planted object's name); the person
// gets ours, with SQLite's result code for whoever has to look deeper.
Error dbError(const QString& what, const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    const int primary = code.toInt() & 0xff;
    constexpr int SqliteCorrupt = 11, SqliteFull = 13, SqliteNotADb = 26;
    if (primary == SqliteFull)
        return failed(QStringLiteral("The disk is full, so %1 did not happen; nothing saved was lost. "
                                     "Free some space and try again.")
                          .arg(what));
    if (primary == SqliteCorrupt || primary == SqliteNotADb)
        return damaged(QStringLiteral("journal.db is damaged (SQLite error %1), so %2 did not happen. Run "
                                      "'papertrail-cli verify' and restore from a synced copy.")
                           .arg(code, what));
    return failed(QStringLiteral("Could not %1 (SQLite error %2). Check that the vault folder is on a local, "
                                 "writable disk and try again.")
                      .arg(what, code.isEmpty() ? QStringLiteral("unknown") : code));
}

Error notOurSchema(const QString& what)
{
    return damaged(QStringLiteral("journal.db holds something Paper Trail never puts there (%1), so it was not "
                                  "used: a trigger or view planted in it could hide or change what is saved. "
                                  "Keep the file for evidence and restore the vault from a synced copy or a backup.")
                       .arg(what));
}

using SchemaRow = std::tuple<QString, QString, QString, QString>; // type, name, table, sql

Result<QList<SchemaRow>> schemaOf(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")))
        return dbError(QStringLiteral("read the journal's schema"), q.lastError());
    QList<SchemaRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return rows;
}

// What SchemaStatements make, as SQLite records it, from a private in-memory database.
const QList<SchemaRow>& expectedSchema()
{
    static const QList<SchemaRow> rows = [] {
        QList<SchemaRow> result;
        const QString connection = QStringLiteral("schema-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(QStringLiteral(":memory:"));
            if (db.open()) {
                QSqlQuery q(db);
                for (const char* sql : SchemaStatements)
                    q.exec(QString::fromLatin1(sql));
                if (auto got = schemaOf(db))
                    result = *got;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return result;
    }();
    return rows;
}

// A BLOB column, or NULL when the value is not a blob or is larger than `limit`.
QString cappedBlob(const char* column, qint64 limit)
{
    return QStringLiteral("CASE WHEN typeof(%1) = 'blob' AND length(%1) <= %2 THEN %1 END")
        .arg(QLatin1String(column))
        .arg(limit);
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
    for (const QString& file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")})
        if (isPresentButNotRegular(file))
            return damaged(QStringLiteral("%1 is not a regular file (it is a link, a pipe or a device), so the journal "
                                          "was not opened. Remove it and restore the vault from a synced copy or a "
                                          "backup.")
                               .arg(file));
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

    for (const char* sql : ConnectionPragmas)
        if (Status s = journal->exec(QString::fromLatin1(sql)); !s)
            return s.error();
    QSqlQuery q(QSqlDatabase::database(connection));
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return dbError(QStringLiteral("open the journal"), q.lastError());
    if (!q.next() || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return failed(QStringLiteral("Could not switch journal.db to write-ahead logging. Check that "
                                     "the vault folder is on a local, writable disk."));
    q.finish();
    // The schema is checked before anything else touches the tables: CREATE ... IF NOT EXISTS on
    // a planted database would leave the attacker's objects in place.
    auto current = schemaOf(QSqlDatabase::database(connection));
    if (!current)
        return current.error();
    if (current->isEmpty()) {
        for (const char* sql : SchemaStatements)
            if (Status s = journal->exec(QString::fromLatin1(sql)); !s)
                return s.error();
    }
    if (Status s = journal->checkSchema(); !s)
        return s.error();
    return journal;
}

Status JournalDb::checkSchema() const
{
    const QList<SchemaRow>& expected = expectedSchema();
    if (expected.isEmpty())
        return failed(QStringLiteral("Could not check journal.db: Qt's SQLite driver did not start. Reinstall "
                                     "Paper Trail."));
    auto current = schemaOf(QSqlDatabase::database(m_connection));
    if (!current)
        return current.error();
    for (const SchemaRow& row : *current)
        if (!expected.contains(row))
            return notOurSchema(QStringLiteral("%1 %2").arg(std::get<0>(row), std::get<1>(row).left(64)));
    for (const SchemaRow& row : expected)
        if (!current->contains(row))
            return notOurSchema(QStringLiteral("%1 %2 is missing or changed").arg(std::get<0>(row), std::get<1>(row)));
    return Ok{};
}

Status JournalDb::exec(const QString& sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql))
        return dbError(QStringLiteral("update the journal"), q.lastError());
    return Ok{};
}

Status JournalDb::execWrite(QSqlQuery& q, const QString& what) const
{
    if (!q.exec())
        return dbError(what, q.lastError());
    if (q.numRowsAffected() != 1)
        return damaged(QStringLiteral("journal.db did not store what was written, so %1 did not happen. Keep the "
                                      "file for evidence and restore the vault from a synced copy or a backup.")
                           .arg(what));
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
    if (data.size() > MaxObjectBytes)
        return usage(QStringLiteral("This entry is too long to save (over %1 MiB). Attach long text as a file "
                                    "instead.")
                         .arg(MaxObjectBytes / (1024 * 1024)));
    // Objects are named by their hash, so one already stored under this id holds these bytes.
    auto existing = object(id);
    if (existing)
        return *existing == data ? Status(Ok{}) : Status(damaged(QStringLiteral("journal.db holds different bytes "
                                                                                "under object %1. Run 'papertrail-cli "
                                                                                "verify'.")
                                                                     .arg(id)));
    if (existing.error().code != ErrorCode::NotFound)
        return existing.error();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO objects(id, data) VALUES(?, ?)"));
    q.addBindValue(id);
    q.addBindValue(data);
    return execWrite(q, QStringLiteral("saving the entry"));
}

Result<QByteArray> JournalDb::object(const QString& id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM objects WHERE id = ?").arg(cappedBlob("data", MaxObjectBytes)));
    q.addBindValue(id);
    if (!q.exec())
        return dbError(QStringLiteral("read an object"), q.lastError());
    if (!q.next())
        return notFound(QStringLiteral("Object %1 is missing from journal.db.").arg(id));
    if (q.value(0).isNull())
        return damaged(QStringLiteral("Object %1 in journal.db is not a blob or is larger than %2 MiB, more than "
                                      "any entry Paper Trail saves.")
                           .arg(id)
                           .arg(MaxObjectBytes / (1024 * 1024)));
    return q.value(0).toByteArray();
}

Result<QHash<QString, QByteArray>> JournalDb::objects() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, %1 FROM objects").arg(cappedBlob("data", MaxObjectBytes))))
        return dbError(QStringLiteral("read objects"), q.lastError());
    QHash<QString, QByteArray> found;
    while (q.next())
        if (!q.value(1).isNull())
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

Status JournalDb::removeRecordsFrom(const QString& device, qint64 seq)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM log WHERE device = ? AND seq >= ?"));
    q.addBindValue(device);
    q.addBindValue(seq);
    if (!q.exec())
        return dbError(QStringLiteral("remove log records"), q.lastError());
    return Ok{};
}

Status JournalDb::appendRecord(const StoredRecord& record)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO log(device, seq, data) VALUES(?, ?, ?)"));
    q.addBindValue(record.device);
    q.addBindValue(record.seq);
    q.addBindValue(record.data);
    return execWrite(q, QStringLiteral("appending to the log"));
}

Result<QList<StoredRecord>> JournalDb::records() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT device, seq, %1 FROM log ORDER BY device, seq").arg(cappedBlob("data", MaxRecordBytes))))
        return dbError(QStringLiteral("read the log"), q.lastError());
    QList<StoredRecord> records;
    while (q.next())
        records.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toByteArray()});
    return records;
}

Result<std::optional<StoredRecord>> JournalDb::record(const QString& device, qint64 seq) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM log WHERE device = ? AND seq = ?").arg(cappedBlob("data", MaxRecordBytes)));
    q.addBindValue(device);
    q.addBindValue(seq);
    if (!q.exec())
        return dbError(QStringLiteral("read the log"), q.lastError());
    if (!q.next())
        return std::optional<StoredRecord>();
    return std::optional<StoredRecord>(StoredRecord{device, seq, q.value(0).toByteArray()});
}

Status JournalDb::putDevice(const StoredDevice& device)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO devices(id, public_key, sealed_secret) "
                             "VALUES(?, ?, ?)"));
    q.addBindValue(device.id);
    q.addBindValue(device.publicKey);
    q.addBindValue(device.sealedSecret);
    return execWrite(q, QStringLiteral("saving the device key"));
}

Result<QList<StoredDevice>> JournalDb::devices() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT id, %1, %2 FROM devices ORDER BY id")
                    .arg(cappedBlob("public_key", MaxSmallBytes), cappedBlob("sealed_secret", MaxSmallBytes))))
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
    return execWrite(q, QStringLiteral("saving settings"));
}

Result<QByteArray> JournalDb::meta(const QString& key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM meta WHERE key = ?").arg(cappedBlob("value", MaxSmallBytes)));
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
    if (data.size() > MaxDraftBytes)
        return usage(QStringLiteral("This draft is too long to keep (over %1 MiB).").arg(MaxDraftBytes / (1024 * 1024)));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts(slot, data) VALUES(?, ?)"));
    q.addBindValue(slot);
    q.addBindValue(data);
    return execWrite(q, QStringLiteral("saving the draft"));
}

Result<QByteArray> JournalDb::draft(const QString& slot) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM drafts WHERE slot = ?").arg(cappedBlob("data", MaxDraftBytes)));
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
