#pragma once
// What crash_writer writes, so the crash test can check every saved entry byte for byte.
// Every plaintext carries Marker, so the test can also look for plaintext on disk.
#include <QByteArray>
#include <QString>

namespace pt::test::crash {

inline constexpr char Marker[] = "PTCRASHPLAIN";

inline QString title(const QString& tag, int i) { return QStringLiteral("crash %1 %2").arg(tag).arg(i); }
inline QString body(const QString& tag, int i)
{
    return QStringLiteral("%1 body %2 %3").arg(QLatin1String(Marker), tag).arg(i);
}
inline QString editedBody(const QString& tag, int i)
{
    return QStringLiteral("%1 edited %2 %3").arg(QLatin1String(Marker), tag).arg(i);
}
inline bool hasAttachment(int i) { return i % 3 == 0; }
inline bool editsAfter(int i) { return i % 4 == 3; }
inline QString attachmentName() { return QStringLiteral("evidence.bin"); }
// Small, but every ninth one spans two 64 KiB chunks, so kills land inside attachment writes too.
inline QByteArray attachment(const QString& tag, int i)
{
    const QByteArray unit = QStringLiteral("%1 attachment %2 %3|").arg(QLatin1String(Marker), tag).arg(i).toUtf8();
    const qsizetype size = i % 9 == 0 ? 70'000 : 3'000 + i;
    QByteArray data;
    data.reserve(size);
    while (data.size() < size)
        data.append(unit);
    data.truncate(size);
    return data;
}

} // namespace pt::test::crash
