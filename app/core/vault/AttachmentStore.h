#pragma once
// Attachments as files under objects/aa/<id>: a random per-file key wrapped by the vault's
// attachment subkey, then the bytes in 64 KiB secretstream chunks ending with the FINAL tag.
// The id is the SHA-256 of the whole encrypted file. Streams both ways in bounded memory.
#include "RegularFile.h"
#include "Result.h"
#include "VaultKeys.h"

#include <QIODevice>
#include <QString>

#include <functional>

namespace pt::core {

struct StoredAttachment {
    QString object;  // SHA-256 of the encrypted file
    qint64 size = 0; // of the original bytes
    QString sha256;  // of the original bytes
};

// What is in objects/ besides the attachments: leftovers and things that are not ours.
struct ObjectsListing {
    QStringList objects; // names of the form objects/aa/<64 hex digits>, regular files
    QStringList foreign; // anything else found there, as paths relative to objects/
};

class AttachmentStore final {
public:
    AttachmentStore(QString objectsDir, const VaultKeys& keys);

    // Opens objects/ (creating it), refusing a link or anything but a folder, and makes it and
    // its subfolders owner-only. Every other call works inside the folder opened here, so a link
    // planted inside it later is never followed.
    [[nodiscard]] Status open();

    // Encrypts everything `source` yields into a new object. The file is complete, fsynced and
    // renamed into place before this returns (while deferring, flushed by syncDeferred instead);
    // until then only a temp file exists.
    [[nodiscard]] Result<StoredAttachment> put(QIODevice& source);

    // While deferring, put() leaves its two flushes (the file, its folder) to syncDeferred, which
    // flushes the vault's file system once: a batch of attachments (an mbox's import) then costs
    // one flush instead of two per file. What refers to them must be saved only after it.
    void deferSync(bool defer) { m_deferSync = defer; }
    [[nodiscard]] Status syncDeferred();

    // Takes in an encrypted attachment file as another device made it (from a sync remote):
    // `fill` writes the file's bytes into a temp file; it is renamed into place only when its
    // SHA-256 is `object`, so a swapped or truncated copy never becomes an attachment.
    [[nodiscard]] Status adopt(const QString& object, const std::function<Status(QIODevice&)>& fill);

    // Decrypts the object into `sink`, hashing the file as it goes: it fails (Damaged, naming the
    // object) on any damage and when the file is not the one its name says, such as another
    // attachment's file copied over it. Only a success means the bytes written are the attachment;
    // on failure the caller must discard what the sink received.
    [[nodiscard]] Status get(const QString& object, QIODevice& sink) const;

    // Re-checks the object's name (SHA-256 of the file), decrypts it fully and compares the
    // plaintext's size and SHA-256 with what the entry recorded.
    [[nodiscard]] Status check(const QString& object, qint64 size, const QString& sha256) const;

    [[nodiscard]] bool exists(const QString& object) const;
    [[nodiscard]] Status remove(const QString& object);
    [[nodiscard]] QString pathOf(const QString& object) const;
    // Temp files left by a crash mid-write (ciphertext only): only regular files named as put()
    // names them are deleted, and only inside objects/tmp itself, never through a link.
    void removeLeftovers();
    [[nodiscard]] Result<ObjectsListing> list() const;

    [[nodiscard]] static bool isObjectName(const QString& name);

private:
    [[nodiscard]] Status decrypt(const QString& object, QIODevice* sink, QString* cipherHash,
                                 QString* plainHash, qint64* plainSize) const;
    [[nodiscard]] Result<UniqueFd> shard(const QString& object, bool create) const;
    // A new, empty temp file in objects/tmp, and the folder it is in.
    struct TempFile {
        UniqueFd dir;
        QByteArray name;
        int fd = -1;
    };
    [[nodiscard]] Result<TempFile> createTemp() const;
    // Renames a complete temp file into objects/aa/<object> and makes that survive power loss.
    [[nodiscard]] Status moveIntoPlace(const TempFile& temp, const QString& object) const;

    bool m_deferSync = false;
    mutable bool m_unsynced = false; // put() skipped a flush since the last syncDeferred
    QString m_dir;
    const VaultKeys& m_keys;
    UniqueFd m_dirFd;
};

} // namespace pt::core
