#include "CertificateFingerprint.h"

#include <QByteArray>
#include <QStringList>

namespace pt::gui {

QString readableFingerprint(const QString& fingerprint)
{
    QString hex = fingerprint;
    hex.remove(QLatin1Char(':')).remove(QLatin1Char(' '));
    const QByteArray digest = QByteArray::fromHex(hex.toLatin1());
    if (digest.size() != 32 || digest.toHex() != hex.toLower().toLatin1())
        return {};
    QStringList lines;
    for (qsizetype line = 0; line < 4; ++line)
        lines << QString::fromLatin1(digest.mid(line * 8, 8).toHex(' ').toUpper());
    return lines.join(QLatin1Char('\n'));
}

} // namespace pt::gui
