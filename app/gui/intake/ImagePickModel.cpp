#include "ImagePickModel.h"

#include "FileSize.h"
#include "KindNames.h"

#include <algorithm>

namespace pt::gui {

using core::intake::TimeSource;

ImagePickModel::ImagePickModel(QObject* parent) : QAbstractListModel(parent) {}

int ImagePickModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QHash<int, QByteArray> ImagePickModel::roleNames() const
{
    return {
        {NameRole, "name"},
        {PreviewRole, "preview"},
        {SizeRole, "sizeText"},
        {KindRole, "kindLabel"},
        {OccurredAtRole, "occurredAt"},
        {TimeSourceRole, "timeSource"},
        {TimeEnteredRole, "timeEntered"},
        {CameraRole, "camera"},
        {HasLocationRole, "hasLocation"},
        {LocationRole, "location"},
        {ProblemRole, "problem"},
        {NotesRole, "notes"},
        {HeldRole, "held"},
        {ChosenRole, "chosen"},
        {ChoosableRole, "choosable"},
    };
}

QString ImagePickModel::timeSourceText(TimeSource source)
{
    switch (source) {
    case TimeSource::PhotoWithOffset:
        return tr("from the photo's EXIF");
    case TimeSource::PhotoWithoutOffset:
        return tr("from the photo's EXIF (it has no time zone: read as this device's)");
    case TimeSource::FileTime:
        return tr("from the file's time");
    case TimeSource::None:
        break;
    }
    return tr("neither the picture nor its file says, so it is placed at the time you import it");
}

QVariant ImagePickModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case NameRole:
        return row.name;
    case PreviewRole:
        return row.preview;
    case SizeRole:
        return row.shownSize.isValid() ? tr("%1 x %2, %3").arg(row.shownSize.width()).arg(row.shownSize.height()).arg(FileSize::text(row.size))
                                       : FileSize::text(row.size);
    case KindRole:
        return row.kind.isEmpty() ? QString() : KindNames::label(row.kind);
    case OccurredAtRole:
        return row.entered.isValid() ? row.entered : row.suggested.time;
    case TimeSourceRole:
        return row.entered.isValid() ? tr("set by you") : timeSourceText(row.suggested.source);
    case TimeEnteredRole:
        return row.entered.isValid();
    case CameraRole:
        return row.camera;
    case HasLocationRole:
        return row.hasLocation;
    case LocationRole:
        return row.location;
    case ProblemRole:
        return row.problem;
    case NotesRole:
        return (row.previewNote.isEmpty() ? row.notes : QStringList(row.notes) << row.previewNote).join(QLatin1Char(' '));
    case HeldRole:
        return row.held;
    case ChosenRole:
        return row.chosen;
    case ChoosableRole:
        return isChoosable(row);
    default:
        return {};
    }
}

bool ImagePickModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return false;
    if (role == ChosenRole) {
        setChosen(index.row(), value.toBool());
        return true;
    }
    if (role == OccurredAtRole) {
        setOccurredAt(index.row(), value.toDateTime());
        return true;
    }
    return false;
}

int ImagePickModel::chosen() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return r.chosen; }));
}

int ImagePickModel::held() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return r.held; }));
}

int ImagePickModel::unreadable() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return !r.problem.isEmpty(); }));
}

int ImagePickModel::choosable() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return isChoosable(r); }));
}

int ImagePickModel::chosenWithLocation() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return r.chosen && r.hasLocation; }));
}

void ImagePickModel::changed(int row, const QList<int>& roles)
{
    emit dataChanged(index(row), index(row), roles);
}

void ImagePickModel::setChosen(int row, bool chosen)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row& r = m_rows[row];
    if (r.chosen == chosen || (chosen && !isChoosable(r)))
        return;
    r.chosen = chosen;
    changed(row, {ChosenRole});
    emit countsChanged();
}

void ImagePickModel::toggle(int row)
{
    if (row >= 0 && row < m_rows.size())
        setChosen(row, !m_rows.at(row).chosen);
}

void ImagePickModel::chooseAll()
{
    for (Row& r : m_rows)
        r.chosen = isChoosable(r);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {ChosenRole});
    emit countsChanged();
}

void ImagePickModel::chooseNone()
{
    for (Row& r : m_rows)
        r.chosen = false;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {ChosenRole});
    emit countsChanged();
}

void ImagePickModel::setOccurredAt(int row, const QDateTime& when)
{
    if (row < 0 || row >= m_rows.size() || !when.isValid())
        return;
    Row& r = m_rows[row];
    // The suggestion chosen again is not the person's own time: the entry says where it came from.
    r.entered = when == r.suggested.time ? QDateTime() : when;
    changed(row, {OccurredAtRole, TimeSourceRole, TimeEnteredRole});
}

void ImagePickModel::resetOccurredAt(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].entered = {};
    changed(row, {OccurredAtRole, TimeSourceRole, TimeEnteredRole});
}

void ImagePickModel::append(QList<Row> rows)
{
    QList<Row> added;
    for (Row& row : rows) {
        if (!row.sha256.isEmpty() && contains(row.sha256))
            continue; // the same picture twice (a copy in another folder): listed once
        row.chosen = isChoosable(row);
        added.append(std::move(row));
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
    m_rows.append(std::move(added));
    endInsertRows();
    emit countsChanged();
}

void ImagePickModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countsChanged();
}

bool ImagePickModel::contains(const QString& sha256) const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [&](const Row& r) { return r.sha256 == sha256; });
}

void ImagePickModel::markHeld(const QStringList& sha256s)
{
    if (sha256s.isEmpty())
        return;
    for (Row& r : m_rows) {
        if (sha256s.contains(r.sha256)) {
            r.held = true;
            r.chosen = false;
            r.bytes.clear(); // a pasted picture is in the journal now
        }
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {HeldRole, ChosenRole, ChoosableRole});
    emit countsChanged();
}

} // namespace pt::gui
