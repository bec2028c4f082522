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
#include <QString>

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
    ~JournalDb();
    JournalDb(const JournalDb&) = delete;
    JournalDb& operator=(const JournalDb&) = delete;

    [[nodiscard]] static Result<std::unique_ptr<JournalDb>> open(const QString& path);

    // A transaction: everything written between begin and commit is saved together or not at all.
    [[nodiscard]] Status begin();
    [[nodiscard]] Status commit();
    void rollback();

    [[nodiscard]] Status putObject(const QString& id, const QByteArray& data);
    [[nodiscard]] Result<QByteArray> object(const QString& id) const;
    // Every object, by id, in one pass (unlock reads them all).
    [[nodiscard]] Result<QHash<QString, QByteArray>> objects() const;
    [[nodiscard]] Result<QList<QString>> objectIds() const;
    [[nodiscard]] Status removeObject(const QString& id);

    [[nodiscard]] Status appendRecord(const StoredRecord& record);
    [[nodiscard]] Result<QList<StoredRecord>> records() const; // by device, then seq

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

    QString m_path;
    QString m_connection;
};

} // namespace pt::core
