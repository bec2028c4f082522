#include "ImageEntry.h"

namespace pt::core::intake {

QString timeSourceName(TimeSource source)
{
    switch (source) {
    case TimeSource::PhotoWithOffset:
        return QStringLiteral("exif");
    case TimeSource::PhotoWithoutOffset:
        return QStringLiteral("exif_local");
    case TimeSource::FileTime:
        return QStringLiteral("file");
    case TimeSource::None:
        break;
    }
    return QStringLiteral("entered");
}

QJsonObject imageFields(const ImageMetadata& metadata, QSize shownSize, const QString& recognizedText,
                        const QString& timeSource)
{
    QJsonObject fields;
    if (!recognizedText.isEmpty())
        fields.insert(QLatin1String(image::RecognizedText), recognizedText);
    fields.insert(QLatin1String(image::TimeSource), timeSource);
    const QString camera = QStringList{metadata.cameraMake, metadata.cameraModel}.join(QLatin1Char(' ')).simplified();
    if (!camera.isEmpty())
        fields.insert(QLatin1String(image::Camera), camera);
    if (metadata.takenAt.isValid())
        fields.insert(QLatin1String(image::TakenAt), metadata.takenAt.toString(Qt::ISODateWithMs));
    if (metadata.location) {
        QJsonObject where{{QStringLiteral("latitude"), metadata.location->latitude},
                          {QStringLiteral("longitude"), metadata.location->longitude}};
        if (metadata.location->altitudeMeters)
            where.insert(QStringLiteral("altitude"), *metadata.location->altitudeMeters);
        fields.insert(QLatin1String(image::Location), where);
    }
    if (shownSize.isValid())
        fields.insert(QLatin1String(image::Size), QStringLiteral("%1 x %2").arg(shownSize.width()).arg(shownSize.height()));
    return fields;
}

QString imageKind(const ImageMetadata& metadata)
{
    const bool camera = !metadata.cameraMake.isEmpty() || !metadata.cameraModel.isEmpty() || metadata.takenAt.isValid();
    return QLatin1String(camera ? PhotoKind : ScreenshotKind);
}

} // namespace pt::core::intake
