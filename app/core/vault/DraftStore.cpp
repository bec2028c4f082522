#include "DraftStore.h"

#include "crypto/Aead.h"

#include <QJsonDocument>

namespace pt::core {

DraftStore::DraftStore(JournalDb& db, const VaultKeys& keys) : m_db(db), m_keys(keys) {}

QByteArray DraftStore::aad(const QString& slot) const { return m_keys.aad(QStringLiteral("draft/") + slot); }

Status DraftStore::save(const QString& slot, const QJsonObject& draft)
{
    const QByteArray json = QJsonDocument(draft).toJson(QJsonDocument::Compact);
    const crypto::Bytes sealed = crypto::aead::seal(m_keys.subkey(Purpose::Draft).view(), bytesOf(json), bytesOf(aad(slot)));
    return m_db.putDraft(slot, toQByteArray(sealed));
}

Result<std::optional<QJsonObject>> DraftStore::load(const QString& slot) const
{
    auto sealed = m_db.draft(slot);
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

Status DraftStore::discard(const QString& slot) { return m_db.removeDraft(slot); }

} // namespace pt::core
