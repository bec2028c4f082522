#include "SearchIndex.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace pt::core {

SearchIndex::SearchIndex()
    : m_connection(QStringLiteral("search-") + QUuid::createUuid().toString(QUuid::Id128))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(QStringLiteral(":memory:"));
    if (!db.open())
        return;
    QSqlQuery q(db);
    m_open = q.exec(QStringLiteral("CREATE VIRTUAL TABLE entries USING fts5(entry UNINDEXED, title, "
                                   "body, tags, fields, tokenize = 'unicode61 remove_diacritics 2')"));
}

SearchIndex::~SearchIndex()
{
    m_insert.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

namespace {

// An entry id in a field (a link, a check-in's goal, a grade's screenshot) is not words anyone
// searches for, and its hex parts would match short queries such as "7".
bool isEntryId(const QString& s) { return s.size() == 36 && !QUuid::fromString(s).isNull(); }

void collectStrings(const QJsonValue& value, QStringList& out)
{
    if (value.isString()) {
        if (!isEntryId(value.toString()))
            out << value.toString();
    }
    else if (value.isArray())
        for (const QJsonValue& v : value.toArray())
            collectStrings(v, out);
    else if (value.isObject())
        for (const QJsonValue& v : value.toObject())
            collectStrings(v, out);
}

} // namespace

QString SearchIndex::fieldsText(const QJsonObject& fields)
{
    QStringList strings;
    collectStrings(fields, strings);
    return strings.join(QLatin1Char('\n'));
}

void SearchIndex::upsert(const EntryRevision& revision)
{
    remove(revision.entryId);
    if (!m_insert) {
        m_insert.emplace(QSqlDatabase::database(m_connection));
        m_insert->prepare(QStringLiteral("INSERT INTO entries(entry, title, body, tags, fields) VALUES(?, ?, ?, ?, ?)"));
    }
    QSqlQuery& q = *m_insert;
    q.addBindValue(revision.entryId);
    q.addBindValue(revision.title);
    q.addBindValue(revision.body);
    q.addBindValue(revision.tags.join(QLatin1Char(' ')));
    q.addBindValue(fieldsText(revision.fields));
    if (q.exec())
        m_rowids.insert(revision.entryId, q.lastInsertId().toLongLong());
}

void SearchIndex::remove(const QString& entryId)
{
    const auto it = m_rowids.constFind(entryId);
    if (it == m_rowids.constEnd())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM entries WHERE rowid = ?"));
    q.addBindValue(*it);
    q.exec();
    m_rowids.erase(it);
}

void SearchIndex::beginBulk() { QSqlDatabase::database(m_connection).transaction(); }
void SearchIndex::endBulk() { QSqlDatabase::database(m_connection).commit(); }

void SearchIndex::clear()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(QStringLiteral("DELETE FROM entries"));
    m_rowids.clear();
}

QString SearchIndex::toFtsQuery(const QString& query)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}_]+"));
    QStringList terms;
    for (auto it = word.globalMatch(query); it.hasNext();)
        terms << QLatin1Char('"') + it.next().captured(0) + QStringLiteral("\"*");
    return terms.join(QLatin1Char(' '));
}

Result<QList<SearchHit>> SearchIndex::search(const QString& query, int limit) const
{
    const QString fts = toFtsQuery(query);
    if (fts.isEmpty())
        return QList<SearchHit>{};
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT entry, snippet(entries, -1, ?, ?, '…', 12), bm25(entries) "
                             "FROM entries WHERE entries MATCH ? ORDER BY bm25(entries) LIMIT ?"));
    q.addBindValue(QString(SearchHit::MatchStart));
    q.addBindValue(QString(SearchHit::MatchEnd));
    q.addBindValue(fts);
    q.addBindValue(limit);
    if (!q.exec())
        return failed(QStringLiteral("Search failed (SQLite error %1). Try other words.").arg(q.lastError().nativeErrorCode()));
    QList<SearchHit> hits;
    while (q.next())
        hits.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toDouble()});
    return hits;
}

} // namespace pt::core
