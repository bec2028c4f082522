#include "TimelineModel.h"

#include <QSet>
#include <QUrl>

#include <utility>

namespace pt::gui {

TimelineModel::TimelineModel(QObject* parent) : QAbstractListModel(parent) {}

void TimelineModel::setJournal(core::Journal* journal)
{
    m_journal = journal;
    reload();
}

void TimelineModel::setQuery(const QString& query)
{
    if (query == m_query)
        return;
    m_query = query;
    emit queryChanged();
    reload();
}

void TimelineModel::setKindFilter(const QString& kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    emit kindFilterChanged();
    emit filtersChanged();
    reload();
}

void TimelineModel::setTagFilter(const QStringList& tags)
{
    // An entry must have every chosen tag, not any of them. Someone building a case picks tags to
    // narrow down to the evidence for one claim ("pip" and "grades": the grades given during the
    // plan), and each tag ticked should show fewer entries, the way the kind and the days do; a
    // union would grow with every tick and bury the point under everything merely related.
    QStringList chosen;
    for (const QString& tag : tags)
        if (!tag.isEmpty() && !chosen.contains(tag))
            chosen << tag;
    if (chosen == m_tags)
        return;
    m_tags = chosen;
    emit tagFilterChanged();
    emit filtersChanged();
    reload();
}

void TimelineModel::setDayRange(const QString& from, const QString& to)
{
    QDate first = QDate::fromString(from, Qt::ISODate);
    QDate last = QDate::fromString(to, Qt::ISODate);
    if (first.isValid() && last.isValid() && first > last)
        std::swap(first, last);
    if (first == m_from && last == m_to)
        return;
    m_from = first;
    m_to = last;
    emit dayRangeChanged();
    emit filtersChanged();
    reload();
}

bool TimelineModel::filtered() const
{
    return !m_kind.isEmpty() || !m_tags.isEmpty() || m_from.isValid() || m_to.isValid();
}

void TimelineModel::setShowDeleted(bool show)
{
    if (show == m_showDeleted)
        return;
    m_showDeleted = show;
    emit showDeletedChanged();
    reload();
}

void TimelineModel::resetView()
{
    m_query.clear();
    m_kind.clear();
    m_tags.clear();
    m_from = m_to = QDate();
    m_showDeleted = false;
    emit queryChanged();
    emit kindFilterChanged();
    emit tagFilterChanged();
    emit dayRangeChanged();
    emit filtersChanged();
    emit showDeletedChanged();
    reload();
}

bool TimelineModel::passesFilters(const core::Entry& e) const
{
    if (!filtered())
        return true;
    if (e.purged)
        return false; // no kind, tags or day left to match
    const core::EntryRevision& r = e.latest;
    if (!m_kind.isEmpty() && r.kind != m_kind)
        return false;
    for (const QString& tag : m_tags)
        if (!r.tags.contains(tag))
            return false;
    if (m_from.isValid() || m_to.isValid()) {
        const QDate day = r.occurredAt.toLocalTime().date(); // the day header it sits under
        if ((m_from.isValid() && day < m_from) || (m_to.isValid() && day > m_to))
            return false;
    }
    return true;
}

void TimelineModel::reload()
{
    QList<Row> rows;
    QSet<QString> kinds, tags;
    m_searchError.clear();
    if (m_journal) {
        QList<core::Entry> entries = m_journal->entries(m_showDeleted);
        for (const core::Entry& e : entries) {
            if (e.purged)
                continue; // nothing left to filter on
            kinds.insert(e.latest.kind);
            for (const QString& t : e.latest.tags)
                tags.insert(t);
        }
        if (m_query.trimmed().isEmpty()) {
            rows.reserve(entries.size());
            for (core::Entry& e : entries)
                if (passesFilters(e))
                    rows.append({std::move(e), {}});
        } else if (auto hits = m_journal->search(m_query)) {
            for (const core::SearchHit& hit : *hits)
                if (auto e = m_journal->entry(hit.entryId); e && (!e->deleted || m_showDeleted) && passesFilters(*e))
                    rows.append({*e, highlight(hit.snippet)});
        } else {
            m_searchError = hits.error().message;
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_kinds = QStringList(kinds.cbegin(), kinds.cend());
    m_kinds.sort();
    m_allTags = QStringList(tags.cbegin(), tags.cend());
    m_allTags.sort(Qt::CaseInsensitive);
    endResetModel();
    emit countChanged();
}

QString TimelineModel::preview(const QString& body)
{
    // Two or three lines on a card: cut at a word, and say that it goes on.
    constexpr qsizetype Chars = 240;
    const QString flat = body.left(Chars * 2).simplified();
    if (flat.size() <= Chars)
        return flat;
    const qsizetype space = flat.lastIndexOf(QLatin1Char(' '), Chars);
    return flat.left(space > Chars / 2 ? space : Chars) + QChar(0x2026);
}

QString TimelineModel::highlight(const QString& snippet)
{
    // Everything the entry says is escaped, so the only markup is our own <b>. The index marks
    // matches with private-use characters no text is taken for; a start opens a highlight only
    // when none is open and an end closes only an open one, so the markup stays balanced.
    QString html;
    html.reserve(snippet.size() + 32);
    bool open = false;
    for (const QChar c : snippet) {
        if (c == core::SearchHit::MatchStart) {
            if (!open)
                html += QStringLiteral("<b>");
            open = true;
        } else if (c == core::SearchHit::MatchEnd) {
            if (open)
                html += QStringLiteral("</b>");
            open = false;
        } else if (c == QLatin1Char('<')) {
            html += QStringLiteral("&lt;");
        } else if (c == QLatin1Char('>')) {
            html += QStringLiteral("&gt;");
        } else if (c == QLatin1Char('&')) {
            html += QStringLiteral("&amp;");
        } else if (c == QLatin1Char('"')) {
            html += QStringLiteral("&quot;");
        } else if (c == QLatin1Char('\n')) {
            html += QLatin1Char(' ');
        } else {
            html += c;
        }
    }
    if (open)
        html += QStringLiteral("</b>");
    return html;
}

int TimelineModel::indexOf(const QString& entryId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).entry.latest.entryId == entryId)
            return int(i);
    return -1;
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    const core::EntryRevision& r = row.entry.latest;
    switch (role) {
    case IdRole:
        return r.entryId;
    case TitleRole:
        return r.title;
    case HeadlineRole:
        return core::headline(r);
    case BodyPreviewRole:
        return preview(core::bodyAfterHeadline(r));
    case SnippetRole:
        return row.snippet;
    case KindRole:
        return r.kind;
    case OccurredAtRole:
        return r.occurredAt;
    case DayRole: // purged entries have no date left: their own section, "" (after every day)
        return row.entry.purged ? QString() : r.occurredAt.toLocalTime().date().toString(Qt::ISODate);
    case EditedRole: // a revision that changed something, not a restore of what was there
        return row.entry.edited();
    case RestoredRole:
        return row.entry.restored() && !row.entry.deleted;
    case ConflictRole:
        return row.entry.inConflict() && !row.entry.deleted;
    case AttachmentCountRole:
        return static_cast<int>(r.attachments.size());
    case ThumbnailRole:
        for (const core::AttachmentRef& a : r.attachments)
            if (a.mime.startsWith(QLatin1String("image/")))
                return QStringLiteral("image://attachment/%1/%2")
                    .arg(r.entryId, QString::fromLatin1(QUrl::toPercentEncoding(a.name)));
        return QString();
    case TagsRole:
        return r.tags;
    case DeletedRole:
        return row.entry.deleted;
    case PurgedRole:
        return row.entry.purged;
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return {
        {IdRole, "entryId"},          {TitleRole, "title"}, {HeadlineRole, "headline"},
        {BodyPreviewRole, "bodyPreview"}, {SnippetRole, "snippet"},
        {KindRole, "kind"},           {OccurredAtRole, "occurredAt"},
        {DayRole, "day"},             {EditedRole, "edited"}, {RestoredRole, "restored"},
        {AttachmentCountRole, "attachmentCount"}, {ThumbnailRole, "thumbnail"},
        {TagsRole, "tags"},           {DeletedRole, "deleted"},
        {PurgedRole, "purged"},       {ConflictRole, "conflict"},
    };
}

} // namespace pt::gui
