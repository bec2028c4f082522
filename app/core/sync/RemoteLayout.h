#pragma once
// Where a vault's files live on a remote (docs/FORMAT.md section 9), and the strict name checks
// that keep anything else (a sync tool's conflict copy, a temp file, a planted file) from ever
// being taken for one of ours.
#include <QString>

namespace pt::core::sync {

class RemoteLayout final {
public:
    static constexpr int Version = 3; // 2: attachments may be stored in parts; 3: heads carry their newest records

    explicit RemoteLayout(QString vaultId) : m_root(QStringLiteral("papertrail/") + vaultId) {}

    [[nodiscard]] QString root() const { return m_root; }
    [[nodiscard]] QString vaultHeader() const { return m_root + QStringLiteral("/vault.json"); }
    [[nodiscard]] QString devicesDir() const { return m_root + QStringLiteral("/devices"); }
    [[nodiscard]] QString device(const QString& id) const { return devicesDir() + QLatin1Char('/') + id; }
    [[nodiscard]] QString headsDir() const { return m_root + QStringLiteral("/heads"); }
    [[nodiscard]] QString head(const QString& device) const { return headsDir() + QLatin1Char('/') + device; }
    [[nodiscard]] QString pack(const QString& id) const { return m_root + QStringLiteral("/packs/") + id; }
    [[nodiscard]] QString object(const QString& id) const
    {
        return m_root + QStringLiteral("/objects/") + id.left(2) + QLatin1Char('/') + id;
    }
    // An attachment that went up in parts: the manifest naming them, written after the last part,
    // beside where the whole file would be; and each part, named by its own SHA-256.
    [[nodiscard]] QString objectParts(const QString& id) const { return object(id) + QStringLiteral(".parts"); }
    [[nodiscard]] QString partsDir(const QString& id) const { return m_root + QStringLiteral("/parts/") + id; }
    [[nodiscard]] QString part(const QString& id, const QString& sha256) const
    {
        return partsDir(id) + QLatin1Char('/') + sha256;
    }

    // A device id as Paper Trail makes them: a lowercase UUID without braces.
    [[nodiscard]] static bool isDeviceId(const QString& name);
    // A content address: 64 lowercase hex digits (SHA-256).
    [[nodiscard]] static bool isHash(const QString& name);
    // A vault id as vault.json holds it.
    [[nodiscard]] static bool isVaultId(const QString& id);

private:
    QString m_root;
};

} // namespace pt::core::sync
