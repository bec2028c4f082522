#include "Redaction.h"

#include <QBuffer>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>

namespace pt::core::archive {

namespace {

constexpr qint64 MaxPixels = 100'000'000; // a 50,000 x 50,000 image is refused, not decoded
const QChar Block(0x2588);                // █

int blackOut(QString& text, const QStringList& phrases)
{
    int count = 0;
    for (const QString& phrase : phrases) {
        if (phrase.isEmpty())
            continue;
        for (qsizetype at = text.indexOf(phrase, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(phrase, at + phrase.size(), Qt::CaseInsensitive)) {
            text.replace(at, phrase.size(), QString(phrase.size(), Block));
            ++count;
        }
    }
    return count;
}

int blackOut(QJsonValue& value, const QStringList& phrases)
{
    int count = 0;
    if (value.isString()) {
        QString text = value.toString();
        count = blackOut(text, phrases);
        value = text;
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            count += blackOut(item, phrases);
            array.replace(i, item);
        }
        value = array;
    } else if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonValue item = it.value();
            count += blackOut(item, phrases);
            it.value() = item;
        }
        value = object;
    }
    return count;
}

} // namespace

int redactText(Exhibit& exhibit, const QStringList& phrases)
{
    int count = 0;
    const auto redact = [&](EntryRevision& r) {
        int here = blackOut(r.title, phrases) + blackOut(r.body, phrases);
        for (QString& tag : r.tags)
            here += blackOut(tag, phrases);
        QJsonValue fields(r.fields);
        here += blackOut(fields, phrases);
        r.fields = fields.toObject();
        return here;
    };
    for (ExhibitRevision& revision : exhibit.revisions)
        count += redact(revision.revision);
    (void)redact(exhibit.entry.latest); // the same revision as the last one above
    return count;
}

Result<QByteArray> redactImage(const QByteArray& original, const QList<QRect>& areas, const QString& name)
{
    QBuffer in;
    in.setData(original);
    in.open(QIODevice::ReadOnly);
    QImageReader reader(&in);
    // Areas are in the picture as it is shown: a photo stored sideways with an orientation tag
    // is turned first, and written upright (the PNG carries no tag to turn it by).
    reader.setAutoTransform(true);
    const QSize size = reader.size(); // as stored: the same pixel count either way
    if (!size.isValid())
        return usage(QStringLiteral("%1 is not an image this app can read, so areas of it cannot be blacked out.").arg(name));
    if (qint64(size.width()) * size.height() > MaxPixels)
        return usage(QStringLiteral("%1 is too large (%2 x %3 pixels) to black out areas of it here.")
                         .arg(name)
                         .arg(size.width())
                         .arg(size.height()));
    QImage image = reader.read();
    if (image.isNull())
        return usage(QStringLiteral("%1 could not be decoded (%2), so areas of it cannot be blacked out.")
                         .arg(name, reader.errorString()));
    image = image.convertToFormat(QImage::Format_RGB32); // no alpha: a transparent "black" would hide nothing
    const QRect whole = image.rect();
    {
        QPainter painter(&image);
        for (const QRect& area : areas) {
            if (!area.isValid() || !whole.contains(area))
                return usage(QStringLiteral("An area to black out (%1,%2 %3x%4) is not inside %5 (%6 x %7 pixels).")
                                 .arg(area.x())
                                 .arg(area.y())
                                 .arg(area.width())
                                 .arg(area.height())
                                 .arg(name)
                                 .arg(whole.width())
                                 .arg(whole.height()));
            painter.fillRect(area, Qt::black);
        }
    }
    QByteArray png;
    QBuffer out(&png);
    out.open(QIODevice::WriteOnly);
    if (!image.save(&out, "PNG"))
        return failed(QStringLiteral("The redacted copy of %1 could not be made.").arg(name));
    return png;
}

QString redactedName(const QString& name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return (dot > 0 ? name.left(dot) : name) + QStringLiteral("-redacted.png");
}

} // namespace pt::core::archive
