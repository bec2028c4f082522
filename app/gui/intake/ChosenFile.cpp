#include "ChosenFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace pt::gui::chosenfile {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ChosenFile", text);
}

} // namespace

QString safeName(const QString& name, const QString& fallback)
{
    // The last part after either slash, as a sender on any system may write it.
    QString last = name.section(QRegularExpression(QStringLiteral("[/\\\\]")), -1);
    static const QRegularExpression unsafe(QStringLiteral("[\\x00-\\x1f\\x7f<>:\"|?*]+"));
    last.replace(unsafe, QStringLiteral("_"));
    last = last.trimmed();
    while (last.startsWith(QLatin1Char('.')))
        last.remove(0, 1);
    return last.isEmpty() ? fallback : last;
}

QUrl suggestedUrl(const QString& name, const QString& fallback)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    return QUrl::fromLocalFile(QDir(folder).filePath(safeName(name, fallback)));
}

core::Status save(const QUrl& destination, const std::function<core::Status(QIODevice&)>& write)
{
    if (!destination.isLocalFile() || destination.toLocalFile().isEmpty())
        return core::usage(tr("Paper Trail saves only to a folder on this device. Choose one and try again."));
    const QString path = destination.toLocalFile();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        return core::failed(tr("Could not save to %1: %2. Choose a folder you can write to and try again.")
                                .arg(QDir::toNativeSeparators(path), out.errorString()));
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (core::Status written = write(out); !written) {
        out.cancelWriting();
        return written;
    }
    if (!out.commit()) {
        return core::failed(tr("Could not save to %1: %2. Check that the disk has room and try again.")
                                .arg(QDir::toNativeSeparators(path), out.errorString()));
    }
    return core::Ok{};
}

} // namespace pt::gui::chosenfile
