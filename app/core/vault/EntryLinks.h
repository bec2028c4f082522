#pragma once
// Two fields any entry may have (docs/FORMAT.md 4.2): `links`, the entries it refers to (a
// rebuttal to the email that proves it, a recap to the reply it got, a grade to its screenshot),
// and `people`, who is involved. They are revision fields like any other, so they are encrypted,
// signed into the chain, synced and exported, and an edit that changes them is in the history.
// A link is written on one entry and shown on both: LinkIndex finds the other direction.
#include "Journal.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace pt::core {

inline constexpr auto LinksField = "links";   // array of entry ids
inline constexpr auto PeopleField = "people"; // array of names

// The entry ids `revision` links to, without repeats or its own id.
[[nodiscard]] QStringList linksOf(const EntryRevision& revision);
[[nodiscard]] QStringList linksIn(const QJsonObject& fields, const QString& ownId = {});
// The names it lists, trimmed, without repeats (compared as samePerson does).
[[nodiscard]] QStringList peopleOf(const EntryRevision& revision);

// Sets `links` in `fields` (removed when empty), leaving the rest alone.
void setLinks(QJsonObject& fields, const QStringList& ids);
void setPeople(QJsonObject& fields, const QStringList& names);
// `fields` with `names` added to its people (those already there kept, in their order).
void addPeople(QJsonObject& fields, const QStringList& names);

// "Dana Smith" and " dana  smith" are one person; names are compared without case and with runs
// of spaces made one.
[[nodiscard]] QString personKey(const QString& name);
[[nodiscard]] bool samePerson(const QString& a, const QString& b);

// Links both ways and people across the journal, built from its entries (deleted ones left out).
class LinkIndex final {
public:
    explicit LinkIndex(const QList<Entry>& entries);

    // Entries `id` links to that exist (a link to an entry deleted or not yet synced is left out).
    [[nodiscard]] QStringList linksFrom(const QString& id) const;
    // Entries that link to `id`, newest occurrence first.
    [[nodiscard]] QStringList linksTo(const QString& id) const;
    // Both, without repeats: what the entry's page shows as "Linked".
    [[nodiscard]] QStringList linked(const QString& id) const;

    // Everyone named, each once, in the spelling seen first, by name.
    [[nodiscard]] QStringList people() const;
    // Entries naming `name`, newest occurrence first: that person's timeline.
    [[nodiscard]] QStringList entriesNaming(const QString& name) const;

private:
    QSet<QString> m_live;
    QHash<QString, QStringList> m_from;
    QHash<QString, QStringList> m_to;
    QHash<QString, QString> m_spelling;      // personKey -> the name as most often written
    QHash<QString, QStringList> m_byPerson;  // personKey -> entry ids
};

} // namespace pt::core
