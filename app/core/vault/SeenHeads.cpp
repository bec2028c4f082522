#include "SeenHeads.h"

#include "DurableFile.h"
#include "RegularFile.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

namespace pt::core {

namespace {

constexpr qint64 MaxFileSize = 1024 * 1024;

bool isHex64(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

} // namespace

QString RollbackFinding::message() const
{
    const QString shortDevice = device.left(8);
    if (forked)
        return QStringLiteral("The journal was rewritten: device %1's record #%2 is not the one this device saw "
                              "(%3...). Entries may have been changed or removed without a trace in this copy. "
                              "Keep this copy as it is and compare it with a synced copy or a backup.")
            .arg(shortDevice)
            .arg(seen.seq)
            .arg(seen.hash.left(16));
    return QStringLiteral("The journal went back in time: device %1 had %2 record(s) when this device last saw it, "
                          "and now has %3. An older copy of journal.db was put back or its newest records were "
                          "deleted, which can bring back deleted entries or undo edits. Keep this copy as it is "
                          "and restore the newest one from a synced copy or a backup.")
        .arg(shortDevice)
        .arg(seen.seq)
        .arg(now.seq);
}

QList<RollbackFinding> findRollbacks(const LogHeads& seen, const LogHeads& now,
                                     const std::function<std::optional<QString>(const QString&, qint64)>& hashAt)
{
    QList<RollbackFinding> findings;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        const LogHead current = now.value(it.key());
        RollbackFinding finding{it.key(), it.value(), current, false};
        if (current.seq < it->seq) {
            findings.append(finding);
            continue;
        }
        const std::optional<QString> hash = current.seq == it->seq ? std::optional(current.hash) : hashAt(it.key(), it->seq);
        // An unreadable record is damage, which verify reports on its own; only a readable,
        // different record is a fork.
        if (hash && !hash->isEmpty() && *hash != it->hash) {
            finding.forked = true;
            findings.append(finding);
        }
    }
    return findings;
}

LogHeads mergeSeen(const LogHeads& seen, const LogHeads& now, const QList<RollbackFinding>& findings)
{
    LogHeads merged = seen;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const bool flagged = std::any_of(findings.cbegin(), findings.cend(),
                                         [&](const RollbackFinding& f) { return f.device == it.key(); });
        if (!flagged && !it->hash.isEmpty())
            merged.insert(it.key(), it.value());
    }
    return merged;
}

SeenHeads SeenHeads::forVault(const QString& vaultId)
{
    return SeenHeads(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                     QStringLiteral("/papertrail/seen-heads/") + vaultId + QStringLiteral(".json"));
}

QByteArray seenHeadsToJson(const LogHeads& heads)
{
    QJsonObject devices;
    for (auto it = heads.cbegin(); it != heads.cend(); ++it)
        devices.insert(it.key(), QJsonObject{{QStringLiteral("seq"), it->seq}, {QStringLiteral("hash"), it->hash}});
    return QJsonDocument(QJsonObject{{QStringLiteral("devices"), devices}}).toJson(QJsonDocument::Compact);
}

std::optional<LogHeads> seenHeadsFromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    LogHeads heads;
    const QJsonObject devices = doc.object().value(QStringLiteral("devices")).toObject();
    for (auto it = devices.constBegin(); it != devices.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        const double seq = o.value(QStringLiteral("seq")).toDouble(-1);
        const QString hash = o.value(QStringLiteral("hash")).toString();
        if (seq < 1 || seq > 9.0e15 || !isHex64(hash))
            return std::nullopt;
        heads.insert(it.key(), {qint64(seq), hash});
    }
    return heads;
}

LogHeads newestOf(const LogHeads& a, const LogHeads& b)
{
    LogHeads merged = a;
    for (auto it = b.cbegin(); it != b.cend(); ++it)
        if (!merged.contains(it.key()) || merged.value(it.key()).seq < it->seq)
            merged.insert(it.key(), it.value());
    return merged;
}

Result<LogHeads> SeenHeads::load() const
{
    const QString what = QStringLiteral("The record of what this device saw of the vault (%1)").arg(m_path);
    auto bytes = readRegularFile(m_path, MaxFileSize, what);
    if (!bytes)
        return bytes.error().code == ErrorCode::NotFound ? Result<LogHeads>(LogHeads{}) : Result<LogHeads>(bytes.error());
    auto heads = seenHeadsFromJson(*bytes);
    if (!heads)
        return damaged(QStringLiteral("%1 is damaged, so this device cannot tell whether the vault was rolled back. "
                                      "Delete that file to start over from the vault as it is now.")
                           .arg(what));
    return *heads;
}

Status SeenHeads::save(const LogHeads& heads) const
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return failed(QStringLiteral("Could not create %1 to record what this device saw of the vault.").arg(dir));
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return durable::writeFileAtomically(m_path, seenHeadsToJson(heads));
}

QString headsFingerprint(const LogHeads& heads)
{
    QByteArray lines;
    for (auto it = heads.cbegin(); it != heads.cend(); ++it) // QMap: sorted by device
        lines += it.key().toUtf8() + ' ' + QByteArray::number(it->seq) + ' ' + it->hash.toLatin1() + '\n';
    const auto digest = crypto::Sha256::hash({reinterpret_cast<const std::uint8_t*>(lines.constData()), std::size_t(lines.size())});
    return QString::fromStdString(crypto::toHex(digest));
}

} // namespace pt::core
