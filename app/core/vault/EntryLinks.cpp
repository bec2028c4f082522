#include "EntryLinks.h"

#include <QJsonArray>

namespace pt::core {

namespace {

// Bounds what a planted revision can make the index hold: more links or names than anyone
// writes by hand are ignored.
constexpr qsizetype MaxListed = 1000;

QStringList texts(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& v : value.toArray()) {
        if (list.size() >= MaxListed)
            break;
        const QString s = v.toString().trimmed();
        if (!s.isEmpty())
            list << s;
    }
    return list;
}

} // namespace

QString personKey(const QString& name)
{
    return name.simplified().toCaseFolded();
}

bool samePerson(const QString& a, const QString& b) { return personKey(a) == personKey(b); }

QStringList linksIn(const QJsonObject& fields, const QString& ownId)
{
    QStringList ids;
    for (const QString& id : texts(fields.value(QLatin1String(LinksField))))
        if (id != ownId && !ids.contains(id))
            ids << id;
    return ids;
}

QStringList linksOf(const EntryRevision& revision) { return linksIn(revision.fields, revision.entryId); }

QStringList peopleOf(const EntryRevision& revision)
{
    QStringList names;
    QSet<QString> seen;
    for (const QString& name : texts(revision.fields.value(QLatin1String(PeopleField))))
        if (!seen.contains(personKey(name))) {
            seen.insert(personKey(name));
            names << name;
        }
    return names;
}

void setLinks(QJsonObject& fields, const QStringList& ids)
{
    QStringList unique;
    for (const QString& id : ids)
        if (!id.isEmpty() && !unique.contains(id))
            unique << id;
    if (unique.isEmpty())
        fields.remove(QLatin1String(LinksField));
    else
        fields.insert(QLatin1String(LinksField), QJsonArray::fromStringList(unique));
}

void setPeople(QJsonObject& fields, const QStringList& names)
{
    QStringList unique;
    QSet<QString> seen;
    for (const QString& name : names) {
        const QString key = personKey(name);
        if (!key.isEmpty() && !seen.contains(key)) {
            seen.insert(key);
            unique << name.trimmed();
        }
    }
    if (unique.isEmpty())
        fields.remove(QLatin1String(PeopleField));
    else
        fields.insert(QLatin1String(PeopleField), QJsonArray::fromStringList(unique));
}

void addPeople(QJsonObject& fields, const QStringList& names)
{
    setPeople(fields, texts(fields.value(QLatin1String(PeopleField))) + names);
}

LinkIndex::LinkIndex(const QList<Entry>& entries)
{
    for (const Entry& e : entries)
        if (!e.deleted)
            m_live.insert(e.latest.entryId);
    for (const Entry& e : entries) { // newest occurrence first, so every list is too
        if (e.deleted)
            continue;
        const QString& id = e.latest.entryId;
        for (const QString& target : linksOf(e.latest)) {
            if (!m_live.contains(target))
                continue;
            m_from[id] << target;
            m_to[target] << id;
        }
        for (const QString& name : peopleOf(e.latest))
            m_byPerson[personKey(name)] << id;
    }
    // A person is shown as most entries spell them; on a tie, capitals first ("Dana Smith" before
    // "dana smith"), so every device shows the same name whatever order it read the entries in.
    QHash<QString, QHash<QString, int>> spellings;
    for (const Entry& e : entries)
        if (!e.deleted)
            for (const QString& name : peopleOf(e.latest))
                ++spellings[personKey(name)][name.simplified()];
    for (auto person = spellings.cbegin(); person != spellings.cend(); ++person) {
        QString best;
        int most = 0;
        for (auto s = person->cbegin(); s != person->cend(); ++s)
            if (s.value() > most || (s.value() == most && s.key() < best)) {
                best = s.key();
                most = s.value();
            }
        m_spelling.insert(person.key(), best);
    }
}

QStringList LinkIndex::linksFrom(const QString& id) const { return m_from.value(id); }

QStringList LinkIndex::linksTo(const QString& id) const { return m_to.value(id); }

QStringList LinkIndex::linked(const QString& id) const
{
    QStringList all = linksFrom(id);
    for (const QString& other : linksTo(id))
        if (!all.contains(other))
            all << other;
    return all;
}

QStringList LinkIndex::people() const
{
    QStringList names = m_spelling.values();
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return names;
}

QStringList LinkIndex::entriesNaming(const QString& name) const { return m_byPerson.value(personKey(name)); }

} // namespace pt::core
