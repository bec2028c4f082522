#include "MailPickModel.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

namespace pt::gui {

using core::intake::MailPickFilter;
using core::intake::MailSummary;

namespace {

QDate dayOf(const QString& text) { return QDate::fromString(text.trimmed(), Qt::ISODate); }

QStringList wordsOf(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.split(space, Qt::SkipEmptyParts);
}

bool choosable(const MailPickModel::Row& row) { return !row.held && row.summary.problem.isEmpty(); }

} // namespace

MailPickModel::MailPickModel(QObject* parent) : QAbstractListModel(parent) {}

int MailPickModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QHash<int, QByteArray> MailPickModel::roleNames() const
{
    return {
        {DateRole, "date"},
        {DateGuessedRole, "dateGuessed"},
        {FromRole, "from"},
        {SubjectRole, "subject"},
        {AttachmentsRole, "attachments"},
        {HeldRole, "held"},
        {ProblemRole, "problem"},
        {NotesRole, "notes"},
        {ChosenRole, "chosen"},
        {ChoosableRole, "choosable"},
        {SourceRole, "source"},
    };
}

QVariant MailPickModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const Row& row = m_rows.at(m_shown.at(index.row()));
    const MailSummary& s = row.summary;
    switch (role) {
    case DateRole:
        return s.date.isValid() ? QLocale().toString(s.date.toLocalTime(), QStringLiteral("ddd d MMM yyyy HH:mm"))
                                : tr("(no date)");
    case DateGuessedRole:
        return s.dateGuessed;
    case FromRole:
        return s.from;
    case SubjectRole:
        return s.subject;
    case AttachmentsRole:
        return s.attachmentCount;
    case HeldRole:
        return row.held;
    case ProblemRole:
        return s.problem;
    case NotesRole:
        return s.notes.join(QLatin1Char(' '));
    case ChosenRole:
        return row.chosen;
    case ChoosableRole:
        return choosable(row);
    case SourceRole:
        return QFileInfo(s.source).fileName();
    default:
        return {};
    }
}

bool MailPickModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != ChosenRole || !index.isValid() || index.row() >= m_shown.size())
        return false;
    setChosen(index.row(), value.toBool());
    return true;
}

QString MailPickModel::countText() const
{
    const QLocale locale;
    QString text = tr("%1 of %2 chosen").arg(locale.toString(m_chosenShown), locale.toString(total()));
    if (chosenHidden() > 0)
        text += QLatin1Char(' ') + tr("(%1 more ticked, hidden by the filters: they stay out)").arg(locale.toString(chosenHidden()));
    return text;
}

// --- Filters -----------------------------------------------------------------------------------

void MailPickModel::setSender(const QString& sender)
{
    if (sender == m_sender)
        return;
    m_sender = sender;
    emit filterChanged();
    refilter();
}

void MailPickModel::setFromDay(const QString& day)
{
    if (day == m_fromDay)
        return;
    m_fromDay = day;
    emit filterChanged();
    refilter();
}

void MailPickModel::setToDay(const QString& day)
{
    if (day == m_toDay)
        return;
    m_toDay = day;
    emit filterChanged();
    refilter();
}

void MailPickModel::setSubjectWords(const QString& words)
{
    if (words == m_subjectWords)
        return;
    m_subjectWords = words;
    emit filterChanged();
    refilter();
}

void MailPickModel::setBodyWords(const QString& words)
{
    if (words == m_bodyWords)
        return;
    const bool sameWords = wordsOf(words) == wordsOf(m_bodyWords);
    m_bodyWords = words;
    if (!sameWords)
        ++m_bodyGeneration; // every body is to be searched again, for the new words
    emit filterChanged();
    refilter();
    if (!sameWords)
        emit bodyWordsChanged();
}

void MailPickModel::dropBodyWords()
{
    setBodyWords({});
}

void MailPickModel::clearFilters()
{
    m_sender.clear();
    m_fromDay.clear();
    m_toDay.clear();
    m_subjectWords.clear();
    const bool hadBodyWords = !bodyWordList().isEmpty();
    m_bodyWords.clear();
    if (hadBodyWords)
        ++m_bodyGeneration;
    emit filterChanged();
    refilter();
    if (hadBodyWords)
        emit bodyWordsChanged();
}

bool MailPickModel::filtered() const
{
    return !m_sender.trimmed().isEmpty() || dayOf(m_fromDay).isValid() || dayOf(m_toDay).isValid() ||
           !wordsOf(m_subjectWords).isEmpty() || !bodyWordList().isEmpty();
}

QString MailPickModel::dayProblem() const
{
    if (!m_fromDay.trimmed().isEmpty() && !dayOf(m_fromDay).isValid())
        return tr("\"%1\" is not a date: type it as 2026-11-03.").arg(m_fromDay.trimmed());
    if (!m_toDay.trimmed().isEmpty() && !dayOf(m_toDay).isValid())
        return tr("\"%1\" is not a date: type it as 2026-11-30.").arg(m_toDay.trimmed());
    if (dayOf(m_fromDay).isValid() && dayOf(m_toDay).isValid() && dayOf(m_fromDay) > dayOf(m_toDay))
        return tr("The first day is after the last one: no message is shown.");
    return {};
}

MailPickFilter MailPickModel::filter() const
{
    MailPickFilter f;
    f.sender = m_sender.trimmed();
    // Whole days in this device's time, as the list shows the dates.
    if (const QDate from = dayOf(m_fromDay); from.isValid())
        f.since = QDateTime(from, QTime(0, 0));
    if (const QDate to = dayOf(m_toDay); to.isValid())
        f.until = QDateTime(to, QTime(23, 59, 59, 999));
    f.subjectWords = wordsOf(m_subjectWords);
    f.bodyWords = bodyWordList();
    return f;
}

QStringList MailPickModel::bodyWordList() const { return wordsOf(m_bodyWords); }

bool MailPickModel::passesHeaders(const Row& row, const MailPickFilter& filter) const
{
    return filter.matches(row.summary);
}

bool MailPickModel::shownNow(const Row& row, const MailPickFilter& filter, bool needsBodies) const
{
    if (!passesHeaders(row, filter))
        return false;
    if (!needsBodies)
        return true;
    return row.bodyGeneration == m_bodyGeneration && row.bodyMatch;
}

void MailPickModel::refilter()
{
    const MailPickFilter f = filter();
    const bool needsBodies = f.needsBodies();
    beginResetModel();
    m_shown.clear();
    m_bodyPending = 0;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows.at(i);
        if (needsBodies && row.bodyGeneration != m_bodyGeneration && passesHeaders(row, f)) {
            ++m_bodyPending;
            continue;
        }
        if (shownNow(row, f, needsBodies))
            m_shown.append(i);
    }
    endResetModel();
    recount();
}

void MailPickModel::recount()
{
    m_chosenAll = m_chosenShown = m_held = m_unreadable = m_choosableShown = 0;
    for (const Row& row : std::as_const(m_rows)) {
        m_chosenAll += row.chosen ? 1 : 0;
        m_held += row.held ? 1 : 0;
        m_unreadable += row.summary.problem.isEmpty() ? 0 : 1;
    }
    for (const qsizetype i : std::as_const(m_shown)) {
        const Row& row = m_rows.at(i);
        m_chosenShown += row.chosen ? 1 : 0;
        m_choosableShown += choosable(row) ? 1 : 0;
    }
    emit countsChanged();
}

// --- Ticks -------------------------------------------------------------------------------------

void MailPickModel::setChosenAt(qsizetype rowIndex, bool chosen)
{
    Row& row = m_rows[rowIndex];
    if (row.chosen == chosen || (chosen && !choosable(row)))
        return;
    row.chosen = chosen;
}

void MailPickModel::setChosen(int row, bool chosen)
{
    if (row < 0 || row >= m_shown.size())
        return;
    const Row& before = m_rows.at(m_shown.at(row));
    if (before.chosen == chosen || (chosen && !choosable(before)))
        return;
    setChosenAt(m_shown.at(row), chosen);
    const int delta = chosen ? 1 : -1;
    m_chosenAll += delta;
    m_chosenShown += delta;
    emit dataChanged(index(row), index(row), {ChosenRole});
    emit countsChanged();
}

void MailPickModel::toggle(int row)
{
    if (row >= 0 && row < m_shown.size())
        setChosen(row, !m_rows.at(m_shown.at(row)).chosen);
}

void MailPickModel::chooseAll()
{
    for (const qsizetype i : std::as_const(m_shown))
        setChosenAt(i, true);
    if (!m_shown.isEmpty())
        emit dataChanged(index(0), index(int(m_shown.size()) - 1), {ChosenRole});
    recount();
}

void MailPickModel::chooseNone()
{
    for (const qsizetype i : std::as_const(m_shown))
        setChosenAt(i, false);
    if (!m_shown.isEmpty())
        emit dataChanged(index(0), index(int(m_shown.size()) - 1), {ChosenRole});
    recount();
}

// --- For the controller ------------------------------------------------------------------------

void MailPickModel::append(QList<Row> rows)
{
    m_rows.reserve(m_rows.size() + rows.size());
    for (Row& row : rows) {
        row.chosen = choosable(row);
        const qint64 key = keyOf(row.group, row.summary.index);
        if (m_byKey.contains(key))
            continue;
        m_byKey.insert(key, m_rows.size());
        m_rows.append(std::move(row));
    }
    refilter();
}

void MailPickModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_shown.clear();
    m_byKey.clear();
    m_bodyPending = 0;
    endResetModel();
    recount();
}

QList<const MailPickModel::Row*> MailPickModel::bodyCandidates() const
{
    QList<const Row*> list;
    const MailPickFilter f = filter();
    if (!f.needsBodies())
        return list;
    for (const Row& row : m_rows)
        if (row.bodyGeneration != m_bodyGeneration && passesHeaders(row, f))
            list.append(&row);
    return list;
}

void MailPickModel::setBodyMatches(quint32 generation, const QList<QPair<int, qint64>>& checked,
                                   const QList<QPair<int, qint64>>& matched)
{
    if (generation != m_bodyGeneration)
        return;
    for (const auto& [group, index] : checked) {
        if (const auto it = m_byKey.constFind(keyOf(group, index)); it != m_byKey.cend()) {
            m_rows[*it].bodyGeneration = generation;
            m_rows[*it].bodyMatch = false;
        }
    }
    for (const auto& [group, index] : matched)
        if (const auto it = m_byKey.constFind(keyOf(group, index)); it != m_byKey.cend())
            m_rows[*it].bodyMatch = true;
    refilter();
}

QList<const MailPickModel::Row*> MailPickModel::chosenRows() const
{
    QList<const Row*> list;
    for (const qsizetype i : std::as_const(m_shown))
        if (m_rows.at(i).chosen)
            list.append(&m_rows.at(i));
    return list;
}

QSet<QString> MailPickModel::emlFiles() const
{
    QSet<QString> files;
    for (const Row& row : m_rows)
        if (!row.summary.source.isEmpty())
            files.insert(row.summary.source);
    return files;
}

void MailPickModel::markHeld(const QList<QPair<int, qint64>>& keys)
{
    if (keys.isEmpty())
        return;
    for (const auto& [group, index] : keys) {
        if (const auto it = m_byKey.constFind(keyOf(group, index)); it != m_byKey.cend()) {
            m_rows[*it].held = true;
            m_rows[*it].chosen = false;
        }
    }
    if (!m_shown.isEmpty())
        emit dataChanged(index(0), index(int(m_shown.size()) - 1), {HeldRole, ChosenRole, ChoosableRole});
    recount();
}

} // namespace pt::gui
