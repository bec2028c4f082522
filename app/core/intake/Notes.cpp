#include "Notes.h"

#include "ByteSize.h"

#include <QLocale>

namespace pt::core::intake {

void Notes::add(const QString& note)
{
    if (m_notes.contains(note))
        return;
    if (m_notes.size() < MaxNotes)
        m_notes.append(note);
    else
        ++m_dropped;
}

QStringList Notes::list() const
{
    QStringList notes = m_notes;
    if (m_dropped > 0)
        notes.append(QStringLiteral("%1 more problems of the same kinds were found and are not listed.")
                         .arg(countText(m_dropped)));
    return notes;
}

QStringList Notes::take()
{
    QStringList notes = list();
    m_notes.clear();
    m_dropped = 0;
    return notes;
}

QString countText(qint64 n)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

QString sizeText(qint64 bytes)
{
    const ByteSize size = byteSize(bytes);
    if (size.unit == ByteSize::Unit::Bytes)
        return size.bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(countText(size.bytes));
    const QString unit = size.unit == ByteSize::Unit::KiB   ? QStringLiteral("KiB")
                         : size.unit == ByteSize::Unit::MiB ? QStringLiteral("MiB")
                                                            : QStringLiteral("GiB");
    const QString number = size.tenths % 10 == 0 ? QString::number(size.tenths / 10)
                                                  : QStringLiteral("%1.%2").arg(size.tenths / 10).arg(size.tenths % 10);
    return number + QLatin1Char(' ') + unit;
}

} // namespace pt::core::intake
