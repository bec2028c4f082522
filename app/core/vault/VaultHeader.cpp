#include "VaultHeader.h"

#include "DurableFile.h"
#include "KdfPolicy.h"
#include "RegularFile.h"
#include "TimeFormat.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace pt::core {

namespace {

constexpr auto FormatName = "papertrail-vault";

QString b64(const crypto::Bytes& bytes) { return QString::fromStdString(crypto::toBase64(bytes)); }

std::optional<crypto::Bytes> unb64(const QJsonValue& value)
{
    if (!value.isString())
        return std::nullopt;
    return crypto::fromBase64(value.toString().toStdString());
}

Error corrupt(const QString& what)
{
    return damaged(QStringLiteral("vault.json is damaged (%1). Restore it from a backup or a synced "
                                  "copy; your entries are not readable without it.")
                       .arg(what));
}

} // namespace

QString headerPath(const QString& vaultDir) { return vaultDir + QStringLiteral("/vault.json"); }

QString VaultHeader::passphraseWrapType() const
{
    if (version < 2)
        return QStringLiteral("wrap-passphrase");
    return QStringLiteral("wrap-passphrase/argon2id13/%1/%2").arg(kdfParams.ops).arg(kdfParams.memory);
}

QByteArray VaultHeader::toJson() const
{
    QJsonObject kdf{
        {QStringLiteral("algorithm"), QStringLiteral("argon2id13")},
        {QStringLiteral("salt"), b64(kdfSalt)},
        {QStringLiteral("ops"), static_cast<qint64>(kdfParams.ops)},
        {QStringLiteral("memory"), static_cast<qint64>(kdfParams.memory)},
    };
    QJsonObject wrapped{
        {QStringLiteral("passphrase"), b64(passphraseWrap)},
        {QStringLiteral("recovery"), b64(recoveryWrap)},
    };
    QJsonObject root{
        {QStringLiteral("format"), QString::fromLatin1(FormatName)},
        {QStringLiteral("version"), version},
        {QStringLiteral("vault_id"), vaultId},
        {QStringLiteral("created_at"), isoWithOffset(createdAt.toUTC())},
        {QStringLiteral("kdf"), kdf},
        {QStringLiteral("wrapped_keys"), wrapped},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<VaultHeader> VaultHeader::fromJson(const QByteArray& json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QStringLiteral("not valid JSON"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(FormatName))
        return corrupt(QStringLiteral("not a Paper Trail vault header"));
    const int version = root.value(QStringLiteral("version")).toInt(-1);
    if (version < 1 || version > FormatVersion)
        return failed(QStringLiteral("This vault uses format version %1, which this version of Paper "
                                     "Trail cannot read. Update Paper Trail and try again.")
                          .arg(version));

    VaultHeader header;
    header.version = version;
    header.vaultId = root.value(QStringLiteral("vault_id")).toString();
    if (QUuid::fromString(header.vaultId).isNull())
        return corrupt(QStringLiteral("bad vault id"));
    header.createdAt = QDateTime::fromString(root.value(QStringLiteral("created_at")).toString(),
                                             Qt::ISODateWithMs);

    const QJsonObject kdf = root.value(QStringLiteral("kdf")).toObject();
    if (kdf.value(QStringLiteral("algorithm")).toString() != QLatin1String("argon2id13"))
        return corrupt(QStringLiteral("unknown key derivation"));
    const auto salt = unb64(kdf.value(QStringLiteral("salt")));
    if (!salt || salt->size() != crypto::pwhash::SaltSize)
        return corrupt(QStringLiteral("bad salt"));
    header.kdfSalt = *salt;
    const QJsonValue ops = kdf.value(QStringLiteral("ops"));
    const QJsonValue memory = kdf.value(QStringLiteral("memory"));
    // Whole numbers within what a double holds exactly; kdf::check then applies the floor and ceilings.
    auto wholeNumber = [](const QJsonValue& v) { return v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 9.0e15 && v.toDouble() == double(qint64(v.toDouble())); };
    if (!wholeNumber(ops) || !wholeNumber(memory))
        return corrupt(QStringLiteral("key derivation parameters are not numbers"));
    header.kdfParams = {static_cast<std::uint64_t>(ops.toDouble()), static_cast<std::size_t>(memory.toDouble())};
    if (Status s = kdf::check(header.kdfParams); !s)
        return s.error();

    const QJsonObject wrapped = root.value(QStringLiteral("wrapped_keys")).toObject();
    const auto passphraseWrap = unb64(wrapped.value(QStringLiteral("passphrase")));
    const auto recoveryWrap = unb64(wrapped.value(QStringLiteral("recovery")));
    if (!passphraseWrap || !recoveryWrap)
        return corrupt(QStringLiteral("wrapped keys missing"));
    header.passphraseWrap = *passphraseWrap;
    header.recoveryWrap = *recoveryWrap;
    return header;
}

Result<VaultHeader> VaultHeader::load(const QString& vaultDir)
{
    auto bytes = readRegularFile(headerPath(vaultDir), MaxFileSize, QStringLiteral("vault.json"));
    if (!bytes) {
        if (bytes.error().code == ErrorCode::NotFound)
            return notFound(QStringLiteral("There is no vault at %1. Create one with 'papertrail-cli init' "
                                           "or pick another folder with --vault.")
                                .arg(vaultDir));
        return bytes.error();
    }
    return fromJson(*bytes);
}

Status VaultHeader::save(const QString& vaultDir) const
{
    return durable::writeFileAtomically(headerPath(vaultDir), toJson());
}

} // namespace pt::core
