#pragma once
// The unlocked journal: entries and their revisions, built from the log at unlock and changed
// only by appending. Every change is one SQLite transaction (object + signed log record), so it
// is either saved completely or not at all.
#include "AttachmentStore.h"
#include "DeviceIdentity.h"
#include "EntryRevision.h"
#include "JournalDb.h"
#include "LogRecord.h"
#include "SearchIndex.h"
#include "SeenHeads.h"
#include "VaultKeys.h"

#include <QHash>
#include <QIODevice>

#include <functional>
#include <memory>
#include <optional>

namespace pt::core {

using Clock = std::function<QDateTime()>;

struct RevisionInfo {
    int revision = 0;
    QString object;
    QString device;
    qint64 seq = 0;
    QDateTime recordedAt;
};

// A tombstone in an entry's log: when it was deleted, and on which device.
struct DeletionInfo {
    QString device;
    qint64 seq = 0;
    QDateTime time;
    int revision = 0; // of the revision it deleted; 0 for tombstones written before that was kept
    QString object;   // that revision's object, or empty
};

struct Entry {
    EntryRevision latest;
    QString object; // of the latest revision
    QList<RevisionInfo> revisions;
    QList<DeletionInfo> deletions; // oldest first; a revision after one restored the entry
    bool deleted = false;
    bool purged = false;
    // When a revision after the first last changed a field; invalid when none did. A restore
    // that only brought the entry back, with the content it had, is not an edit.
    QDateTime editedAt;
    // When a revision last brought the entry back after a deletion; invalid when none did.
    QDateTime restoredAt;
    // When two devices changed the entry without seeing each other's change: the revisions no
    // later revision follows (two or more, highest revision first; `latest` is the first). Empty
    // otherwise. Journal::resolveConflict writes the revision that follows them all.
    QList<RevisionInfo> conflict;

    [[nodiscard]] bool inConflict() const { return !conflict.isEmpty(); }

    [[nodiscard]] bool edited() const { return editedAt.isValid(); }
    [[nodiscard]] bool restored() const { return restoredAt.isValid(); }
};

// A device another device revoked (a lost or stolen phone): its records after `after` are left
// out of the journal on every device that has the revocation. The device still holds the vault
// key, so this stops its later writes, not its reading (docs/DEVICES.md).
struct Revocation {
    QString device;
    qint64 after = 0; // the last of its records the revoking device had, which stay
    QString by;       // the device that revoked it
    QDateTime time;
    int refused = 0;  // its records after `after` that were left out
};

// One step of an entry's history: a revision or a deletion.
struct HistoryStep {
    qsizetype revision = -1; // index into Entry::revisions, or -1
    qsizetype deletion = -1; // index into Entry::deletions, or -1
};
// Revisions and deletions in the order they were recorded (by time, which follows seq in one
// device's log); a revision right after a deletion is the restore.
QList<HistoryStep> historySteps(const Entry& entry);

// The index in entry.revisions of the revision `revision` follows (its `previous`), or -1 for the
// first. After a sync conflict that is not always the one listed before it.
qsizetype followedRevision(const Entry& entry, const EntryRevision& revision);

struct NewAttachment {
    QIODevice* source = nullptr; // read to its end
    QString name;
    QString mime;
};

struct EntryDraft {
    QString kind = QStringLiteral("note");
    QString title;
    QString body;
    QDateTime occurredAt; // defaults to now
    QStringList tags;
    QJsonObject fields;
    QList<NewAttachment> attachments;
};

struct EntryChange {
    std::optional<QString> kind;
    std::optional<QString> title;
    std::optional<QString> body;
    std::optional<QDateTime> occurredAt;
    std::optional<QStringList> tags;
    std::optional<QJsonObject> fields;
    QList<NewAttachment> addAttachments;
    QStringList removeAttachments; // by name

    [[nodiscard]] bool isEmpty() const
    {
        return !kind && !title && !body && !occurredAt && !tags && !fields && addAttachments.isEmpty() &&
               removeAttachments.isEmpty();
    }
};

class Journal final {
public:
    Journal(JournalDb& db, AttachmentStore& attachments, const VaultKeys& keys,
            const DeviceIdentity& device, Clock clock);
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Decrypts the log and the latest revision of every entry. Damage does not stop the load:
    // what can be read is shown, and problems() says what could not (verify says exactly why).
    [[nodiscard]] Status load();
    [[nodiscard]] const QStringList& problems() const { return m_problems; }
    // Each device's newest record (seq and payload hash; the hash is empty when that record
    // cannot be read), as loaded and as this device appended since.
    [[nodiscard]] const LogHeads& heads() const { return m_heads; }
    // The payload hash of the record at `seq` of `device`'s log; nullopt when there is none or it
    // cannot be read.
    [[nodiscard]] std::optional<QString> recordHash(const QString& device, qint64 seq) const;

    [[nodiscard]] Result<Entry> add(const EntryDraft& draft);

    // Many entries saved as one (an mbox's import): between beginBatch and finishBatch every
    // record goes into one transaction of journal.db, committed after one flush of the disk for
    // all the batch's attachments, instead of a flush per attachment and per record. None of the
    // batch is saved until finishBatch returns; a write that fails inside it, or abandonBatch,
    // leaves the journal as it was at beginBatch (inBatch() is then false).
    [[nodiscard]] Status beginBatch();
    [[nodiscard]] Status finishBatch();
    void abandonBatch();
    [[nodiscard]] bool inBatch() const { return m_inBatch; }
    [[nodiscard]] Result<Entry> edit(const QString& id, const EntryChange& change);
    [[nodiscard]] Status tombstone(const QString& id);
    // Un-deletes: a new revision with the same content as the latest, recorded after the
    // tombstone. A purged entry has nothing left to restore.
    [[nodiscard]] Result<Entry> restore(const QString& id);
    [[nodiscard]] Status purge(const QString& id);
    // Ends a conflict: a new revision with the content of `keepObject` (one of Entry::conflict)
    // and `change` on top (the person's merge of the sides), following every side.
    [[nodiscard]] Result<Entry> resolveConflict(const QString& id, const QString& keepObject,
                                                const EntryChange& change = {});
    // Revokes another device: its records after the last one this device has are refused from now
    // on, here and (once synced) on every other device. A revocation written by a device that was
    // itself revoked before it is ignored.
    [[nodiscard]] Status revoke(const QString& device);
    [[nodiscard]] QList<Revocation> revocations() const { return m_revocations.values(); }
    [[nodiscard]] std::optional<Revocation> revocationOf(const QString& device) const;
    // The content of each side of an entry's conflict, in Entry::conflict's order.
    [[nodiscard]] Result<QList<EntryRevision>> conflictRevisions(const QString& id) const;

    // Newest occurrence first.
    [[nodiscard]] QList<Entry> entries(bool includeDeleted = false) const;
    [[nodiscard]] int count() const { return static_cast<int>(m_entries.size()); }
    // Accepts a full id or an unambiguous prefix of at least 4 characters.
    [[nodiscard]] Result<QString> resolveId(const QString& idOrPrefix) const;
    [[nodiscard]] Result<Entry> entry(const QString& id) const;
    [[nodiscard]] Result<QList<EntryRevision>> history(const QString& id) const;
    // The same through another connection to journal.db: a worker thread's own (a QSqlDatabase
    // connection belongs to the thread that opened it). Reads only; the journal must not change
    // meanwhile.
    [[nodiscard]] Result<QList<EntryRevision>> history(const QString& id, const JournalDb& db) const;

    // Fails (and the sink's bytes must be discarded) when the attachment is damaged or its file is
    // not the one the entry names.
    [[nodiscard]] Status writeAttachment(const QString& id, const QString& name, QIODevice& sink) const;
    // The whole check verify makes of one attachment, without writing it anywhere.
    [[nodiscard]] Status checkAttachment(const QString& id, const QString& name) const;
    [[nodiscard]] Result<QList<SearchHit>> search(const QString& query);

private:
    struct State {
        QList<RevisionInfo> revisions; // in log order
        QList<DeletionInfo> deletions; // in log order
        bool deleted = false;
        bool purged = false;
        std::optional<EntryRevision> latest;
        QString latestObject;
        QDateTime editedAt;   // Entry::editedAt
        QDateTime restoredAt; // Entry::restoredAt
        QList<RevisionInfo> conflict; // Entry::conflict
    };
    using RevisionReader = std::function<std::optional<EntryRevision>(const RevisionInfo&)>;

    [[nodiscard]] Result<EntryRevision> readRevision(const QString& object) const;
    [[nodiscard]] Result<EntryRevision> readRevision(const QString& object, const JournalDb& db) const;
    [[nodiscard]] std::optional<EntryRevision> storedRevision(const RevisionInfo& info) const;
    [[nodiscard]] Result<AttachmentRef> attachmentNamed(const QString& id, const QString& name) const;
    // Thread-safe: decrypts and checks one revision from an already-read set of objects.
    [[nodiscard]] std::optional<EntryRevision> decodeRevision(const QHash<QString, QByteArray>& objects,
                                                            const QString& entryId, const RevisionInfo& info) const;
    [[nodiscard]] Result<QList<AttachmentRef>> storeAttachments(const QList<NewAttachment>& list);
    [[nodiscard]] Result<RevisionInfo> commit(LogRecord record, const QString& object,
                                              const QByteArray& objectData,
                                              const QStringList& removeObjects = {});
    [[nodiscard]] Result<Entry> saveRevision(EntryRevision revision);
    [[nodiscard]] Status requireWritable() const;
    // A record for this device stamped with the time, never earlier than the previous record.
    [[nodiscard]] LogRecord newRecord(LogRecord::Op op, const QString& entryId) const;
    [[nodiscard]] Entry toEntry(const State& state) const;
    // Sets the state's editedAt and restoredAt from its history; `read` gives the content of the
    // revisions around a restore (the only ones whose content is compared).
    void updateChangeTimes(State& state, const RevisionReader& read) const;
    // Sets the state's conflict. Only an entry with two revisions of one number can have one, so
    // only those entries' revisions are read (to learn which revisions each one follows).
    static void updateConflict(State& state, const RevisionReader& read);
    // Applies a change to `next`, storing its new attachments.
    [[nodiscard]] Status applyChange(const QString& id, EntryRevision& next, const EntryChange& change);
    void ensureSearchIndex();
    static const RevisionInfo* latestOf(const QList<RevisionInfo>& revisions);
    // Deleted while some tombstone has no put after it (FORMAT.md section 5).
    static bool isDeleted(const State& state);

    JournalDb& m_db;
    AttachmentStore& m_attachments;
    const VaultKeys& m_keys;
    const DeviceIdentity& m_device;
    Clock m_clock;

    QHash<QString, State> m_entries;
    qint64 m_seq = 0;       // of this device's last record
    QString m_lastHash;     // of this device's last record's payload
    QDateTime m_lastTime;   // of this device's last record
    bool m_localLogIntact = true;
    bool m_inBatch = false;
    LogHeads m_heads;
    QHash<QString, Revocation> m_revocations; // by revoked device
    QStringList m_problems;
    std::unique_ptr<SearchIndex> m_search;
};

// Associated data of a log record: binds it to its device and position.
QString logRecordType(const QString& device, qint64 seq);

} // namespace pt::core
