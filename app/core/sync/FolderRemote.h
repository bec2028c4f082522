#pragma once
// A remote that is a folder: a Syncthing or Nextcloud desktop folder, a USB drive, a network
// share. Files are written under a temporary name, flushed and renamed, so neither a crash nor
// the folder's own sync tool ever sees a half-written file under its final name. What the sync
// tool adds beside ours ("conflicted copy", ".sync-conflict-", its temp files) is listed like any
// other name and left to the sync layout's strict name checks, which never take it for ours.
#include "Remote.h"

namespace pt::core::sync {

class FolderRemote final : public Remote {
public:
    explicit FolderRemote(QString root);

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] Result<QList<RemoteFile>> list(const QString& dir) override;
    [[nodiscard]] Result<QByteArray> get(const QString& path, qint64 maxBytes) override;
    [[nodiscard]] Status getTo(const QString& path, QIODevice& sink, qint64 maxBytes) override;
    [[nodiscard]] Status putImmutable(const QString& path, QIODevice& source, qint64 size) override;
    [[nodiscard]] Status putMutable(const QString& path, const QByteArray& bytes) override;
    // A folder writes every file beside its name and renames it into place.
    [[nodiscard]] Status replace(const QString& path, const QByteArray& bytes) override { return putMutable(path, bytes); }
    [[nodiscard]] Status remove(const QString& path) override;
    [[nodiscard]] int requestCount() const override { return m_requests; }

private:
    [[nodiscard]] Result<QString> localPath(const QString& path) const;
    [[nodiscard]] Status ensureParent(const QString& file) const;

    QString m_root;
    int m_requests = 0;
};

} // namespace pt::core::sync
