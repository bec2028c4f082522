#pragma once
// Full-text search over every text an entry holds (title, body, tags and each kind's own fields,
// such as a meeting's sections): SQLite FTS5 in a private ":memory:" database, built after unlock
// and dropped on lock. Nothing searchable ever reaches the disk.
#include "EntryRevision.h"
#include "Result.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::core {

struct SearchHit {
    // Matches in the snippet are wrapped in these private-use characters, which no entry text
    // is taken for (a note may hold brackets of its own).
    static constexpr QChar MatchStart{0xE000};
    static constexpr QChar MatchEnd{0xE001};

    QString entryId;
    QString snippet; // matches wrapped in MatchStart ... MatchEnd
    double rank = 0;  // lower is better (bm25)
};

class SearchIndex final {
public:
    SearchIndex();
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    [[nodiscard]] bool isOpen() const { return m_open; }
    // Replaces whatever the index held for this entry.
    void upsert(const EntryRevision& revision);
    void remove(const QString& entryId);
    void beginBulk();
    void endBulk();
    void clear();

    // Every word of `query` must match (as a prefix); punctuation is ignored, so any text is a
    // valid query.
    [[nodiscard]] Result<QList<SearchHit>> search(const QString& query, int limit = 200) const;

    // The FTS5 query `search` runs for `query`; empty when the query has no words.
    [[nodiscard]] static QString toFtsQuery(const QString& query);
    // Every string in a kind's fields (nested lists and objects included), one per line.
    [[nodiscard]] static QString fieldsText(const QJsonObject& fields);

private:
    QString m_connection;
    bool m_open = false;
    std::optional<QSqlQuery> m_insert; // prepared once: building the index inserts thousands
    QHash<QString, qint64> m_rowids; // entry id -> FTS rowid, so updates never scan the table
};

} // namespace pt::core
