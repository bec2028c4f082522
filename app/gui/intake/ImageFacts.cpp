#include "ImageFacts.h"

#include "ClockTime.h"
#include "VaultController.h"
#include "intake/ImageEntry.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace pt::gui {

namespace image = core::intake::image;

ImageFacts::ImageFacts(QObject* parent) : QObject(parent) {}

void ImageFacts::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &VaultController::journalChanged, this, &ImageFacts::reload);
        connect(m_controller, &VaultController::locked, this, &ImageFacts::reload);
    }
    emit controllerChanged();
    reload();
}

void ImageFacts::setEntryId(const QString& id)
{
    if (id == m_entryId)
        return;
    m_entryId = id;
    emit entryIdChanged();
    reload();
}

core::Journal* ImageFacts::journal() const
{
    core::Vault* vault = m_controller ? m_controller->vault() : nullptr;
    return vault ? &vault->journal() : nullptr;
}

void ImageFacts::clear()
{
    m_isImage = false;
    m_recognizedText.clear();
    m_camera.clear();
    m_takenAt.clear();
    m_timeSource.clear();
    m_size.clear();
    m_location.clear();
    m_locationNote.clear();
    m_importNotes.clear();
}

QString ImageFacts::timeSourceText(const QString& timeSource, bool changedSinceImport)
{
    if (changedSinceImport || timeSource == QLatin1String("entered"))
        return tr("entered by you");
    if (timeSource == QLatin1String("exif"))
        return tr("from the photo's EXIF");
    if (timeSource == QLatin1String("exif_local"))
        return tr("from the photo's EXIF (it has no time zone: read as this device's)");
    if (timeSource == QLatin1String("file"))
        return tr("from the file's time");
    return {};
}

void ImageFacts::reload()
{
    clear();
    core::Journal* j = journal();
    if (!j || m_entryId.isEmpty()) {
        emit changed();
        return;
    }
    auto entry = j->entry(m_entryId);
    if (!entry || (entry->latest.kind != QLatin1String(core::intake::ScreenshotKind) &&
                   entry->latest.kind != QLatin1String(core::intake::PhotoKind))) {
        emit changed();
        return;
    }
    const core::EntryRevision& r = entry->latest;
    const QJsonObject& f = r.fields;
    m_isImage = true;
    m_recognizedText = f.value(QLatin1String(image::RecognizedText)).toString().trimmed();
    m_camera = f.value(QLatin1String(image::Camera)).toString().trimmed();
    m_takenAt = clockTime(QDateTime::fromString(f.value(QLatin1String(image::TakenAt)).toString(), Qt::ISODateWithMs));
    m_size = f.value(QLatin1String(image::Size)).toString().trimmed();

    // The import set the time and said where from; an edit since then is the person's.
    bool moved = false;
    if (entry->revisions.size() > 1)
        if (auto revisions = j->history(m_entryId); revisions && !revisions->isEmpty())
            moved = revisions->first().occurredAt != r.occurredAt;
    m_timeSource = timeSourceText(f.value(QLatin1String(image::TimeSource)).toString(), moved);

    const QJsonValue where = f.value(QLatin1String(image::Location));
    if (where.isObject()) {
        const QJsonObject o = where.toObject();
        const double latitude = o.value(QStringLiteral("latitude")).toDouble(NAN);
        const double longitude = o.value(QStringLiteral("longitude")).toDouble(NAN);
        if (std::isfinite(latitude) && std::isfinite(longitude)) {
            // Degrees with a point, as maps and lawyers read them, whatever the locale.
            m_location = QStringLiteral("%1, %2").arg(latitude, 0, 'f', 4).arg(longitude, 0, 'f', 4);
            if (const QJsonValue altitude = o.value(QStringLiteral("altitude")); altitude.isDouble()) {
                const double metres = altitude.toDouble();
                m_location += metres < 0 ? tr(", %1 m below sea level").arg(-metres, 0, 'f', 0)
                                         : tr(", %1 m above sea level").arg(metres, 0, 'f', 0);
            }
            const bool photo = r.kind == QLatin1String(core::intake::PhotoKind);
            m_locationNote = photo ? tr("This photo records where it was taken: %1. It goes with "
                                        "the photo into exports.")
                                         .arg(m_location)
                                   : tr("This picture records where it was taken: %1. It goes with "
                                        "the picture into exports.")
                                         .arg(m_location);
        }
    }
    for (const QJsonValue& note : f.value(QLatin1String(image::ImportNotes)).toArray())
        if (const QString s = note.toString().trimmed(); !s.isEmpty())
            m_importNotes << s;
    emit changed();
}

} // namespace pt::gui
