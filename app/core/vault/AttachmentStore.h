#pragma once
// Attachments as files under objects/aa/<id>: a random per-file key wrapped by the vault's
// attachment subkey, then the bytes in 64 KiB secretstream chunks ending with the FINAL tag.
// The id is the SHA-256 of the whole encrypted file. Streams both ways in bounded memory.
#include "Result.h"
#include "VaultKeys.h"

#include <QIODevice>
#include <QString>

namespace pt::core {

struct StoredAttachment {
    QString object;  // SHA-256 of the encrypted file
    qint64 size = 0; // of the original bytes
    QString sha256;  // of the original bytes
};

class AttachmentStore final {
public:
    AttachmentStore(QString objectsDir, const VaultKeys& keys);

    // Encrypts everything `source` yields into a new object. The file is complete, fsynced and
    // renamed into place before this returns; until then only a temp file exists.
    [[nodiscard]] Result<StoredAttachment> put(QIODevice& source);

    // Decrypts the object into `sink`. Fails (and says which object) on any damage; bytes already
    // written to the sink before damage was found are the authenticated prefix only.
    [[nodiscard]] Status get(const QString& object, QIODevice& sink) const;

    // Re-checks the object's name (SHA-256 of the file), decrypts it fully and compares the
    // plaintext's size and SHA-256 with what the entry recorded.
    [[nodiscard]] Status check(const QString& object, qint64 size, const QString& sha256) const;

    [[nodiscard]] bool exists(const QString& object) const;
    [[nodiscard]] Status remove(const QString& object);
    [[nodiscard]] QString pathOf(const QString& object) const;
    // Temp files left by a crash mid-write: ciphertext only, safe to delete.
    void removeLeftovers();

private:
    [[nodiscard]] Status decrypt(const QString& object, QIODevice* sink, QString* cipherHash,
                                 QString* plainHash, qint64* plainSize) const;

    QString m_dir;
    const VaultKeys& m_keys;
};

} // namespace pt::core
