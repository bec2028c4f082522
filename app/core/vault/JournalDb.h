#pragma once
// journal.db: SQLite (WAL, synchronous=FULL) holding only ciphertext blobs and opaque ids:
// small objects, each device's log records, device keys, drafts and a little local metadata.
// It knows nothing about crypto; Journal decides what the blobs mean.
#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

namespace pt::core {

struct StoredRecord {
    QString device;
    qint64 seq = 0;
    QByteArray data;
};

struct StoredDevice {
    QString id;
    QByteArray publicKey;
    QByteArray sealedSecret; // empty for other devices' entries
};

class JournalDb final {
public:
    // Row size limits: a planted multi-gigabyte blob is refused, never read into memory.
    static constexpr qint64 MaxObjectBytes = 16 * 1024 * 1024;
    static constexpr qint64 MaxRecordBytes = 4 * 1024 * 1024;
    static constexpr qint64 MaxSmallBytes = 4 * 1024; // meta values, device keys
    static constexpr qint64 MaxDraftBytes = 16 * 1024 * 1024;

    ~JournalDb();
    JournalDb(const JournalDb&) = delete;
    JournalDb& operator=(const JournalDb&) = delete;

    // Opens (or creates) the database. Refuses a file that is a link or not a regular file, and a
    // schema that is not exactly ours (a planted trigger or view could drop or change writes);
    // SQL functions in the schema are never trusted, temp data stays in memory, deleted data is
    // overwritten.
    [[nodiscard]] static Result<std::unique_ptr<JournalDb>> open(const QString& path);
    // The schema again, for verify: Ok, or Damaged naming what does not belong.
    [[nodiscard]] Status checkSchema() const;

    // A transaction: everything written between begin and commit is saved together or not at all.
    [[nodiscard]] Status begin();
    [[nodiscard]] Status commit();
    void rollback();

    [[nodiscard]] Status putObject(const QString& id, const QByteArray& data);
    [[nodiscard]] Result<QByteArray> object(const QString& id) const;
    // Every object, by id, in one pass (unlock reads them all); one too large to be ours is left out.
    [[nodiscard]] Result<QHash<QString, QByteArray>> objects() const;
    [[nodiscard]] Result<QList<QString>> objectIds() const;
    [[nodiscard]] Status removeObject(const QString& id);

    [[nodiscard]] Status appendRecord(const StoredRecord& record);
    // Only for the log of a device this copy of the vault used to be, forked by another copy of
    // it: sync replaces the records from `seq` on with the remote's (Synchronizer).
    [[nodiscard]] Status removeRecordsFrom(const QString& device, qint64 seq);
    // By device, then seq. A row too large to be ours comes back with empty data (it then fails
    // to decrypt, and verify names it).
    [[nodiscard]] Result<QList<StoredRecord>> records() const;
    [[nodiscard]] Result<std::optional<StoredRecord>> record(const QString& device, qint64 seq) const;

    [[nodiscard]] Status putDevice(const StoredDevice& device);
    [[nodiscard]] Result<QList<StoredDevice>> devices() const;

    [[nodiscard]] Status setMeta(const QString& key, const QByteArray& value);
    [[nodiscard]] Result<QByteArray> meta(const QString& key) const; // empty when unset
    [[nodiscard]] Status removeMeta(const QString& key);

    [[nodiscard]] Status putDraft(const QString& slot, const QByteArray& data);
    [[nodiscard]] Result<QByteArray> draft(const QString& slot) const;
    [[nodiscard]] Status removeDraft(const QString& slot);

    [[nodiscard]] QString path() const { return m_path; }

private:
    JournalDb(QString path, QString connection);
    [[nodiscard]] Status exec(const QString& sql) const;
    // Runs a prepared write and requires it to have changed exactly one row: with our schema it
    // always does, so anything else means the database is not what it seems.
    [[nodiscard]] Status execWrite(QSqlQuery& q, const QString& what) const;

    QString m_path;
    QString m_connection;
};

} // namespace pt::core
