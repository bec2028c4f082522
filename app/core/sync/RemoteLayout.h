#pragma once
// Where a vault's files live on a remote (docs/FORMAT.md section 9), and the strict name checks
// that keep anything else (a sync tool's conflict copy, a temp file, a planted file) from ever
// being taken for one of ours.
#include <QString>

namespace pt::core::sync {

class RemoteLayout final {
public:
    static constexpr int Version = 1;

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
