#include "DraftStore.h"

#include "crypto/Aead.h"
#include "crypto/Hkdf.h"

#include <QJsonDocument>

namespace pt::core {

DraftStore::DraftStore(JournalDb& db, const VaultKeys& keys) : m_db(db), m_keys(keys) {}

QByteArray DraftStore::aad(const QString& slot) const { return m_keys.aad(QStringLiteral("draft/") + slot); }

QString DraftStore::rowKey(const QString& slot) const
{
    const crypto::Digest mac = crypto::hmacSha256(m_keys.subkey(Purpose::Draft).view(),
                                                  bytesOf((QStringLiteral("draft-slot/") + slot).toUtf8()));
    return QStringLiteral("d") + QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(mac.data()), 16).toHex());
}

Status DraftStore::save(const QString& slot, const QJsonObject& draft)
{
    const QByteArray json = QJsonDocument(draft).toJson(QJsonDocument::Compact);
    const crypto::Bytes sealed = crypto::aead::seal(m_keys.subkey(Purpose::Draft).view(), bytesOf(json), bytesOf(aad(slot)));
    if (Status s = m_db.putDraft(rowKey(slot), toQByteArray(sealed)); !s)
        return s;
    return m_db.removeDraft(slot); // a row an earlier version kept under the slot's own name
}

Result<std::optional<QJsonObject>> DraftStore::load(const QString& slot) const
{
    auto sealed = m_db.draft(rowKey(slot));
    if (sealed && sealed->isEmpty())
        sealed = m_db.draft(slot); // written by an earlier version
    if (!sealed)
        return sealed.error();
    if (sealed->isEmpty())
        return std::optional<QJsonObject>{};
    const auto json = crypto::aead::open(m_keys.subkey(Purpose::Draft).view(), bytesOf(*sealed), bytesOf(aad(slot)));
    if (!json)
        return damaged(QStringLiteral("The autosaved draft could not be read; it was damaged. Your saved entries "
                                      "are not affected."));
    const QJsonDocument doc = QJsonDocument::fromJson(toQByteArray(*json));
    if (!doc.isObject())
        return damaged(QStringLiteral("The autosaved draft could not be read; it was damaged. Your saved entries "
                                      "are not affected."));
    return std::optional<QJsonObject>(doc.object());
}

Status DraftStore::discard(const QString& slot)
{
    if (Status s = m_db.removeDraft(rowKey(slot)); !s)
        return s;
    return m_db.removeDraft(slot);
}

} // namespace pt::core
