#include "IntakeFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace pt::gui::intake {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("IntakeFiles", text); }

bool isImageSignature(const QByteArray& s)
{
    if (s.startsWith("\x89PNG\r\n\x1a\n") || s.startsWith("\xff\xd8\xff") || s.startsWith("GIF87a") ||
        s.startsWith("GIF89a") || s.startsWith("BM"))
        return true;
    if (s.size() >= 12 && s.startsWith("RIFF") && s.mid(8, 4) == "WEBP")
        return true;
    // HEIF and AVIF: an ISO box "ftyp" with one of their brands.
    if (s.size() >= 12 && s.mid(4, 4) == "ftyp") {
        const QByteArray brand = s.mid(8, 4);
        for (const char* b : {"heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis"})
            if (brand == b)
                return true;
    }
    return false;
}

// A header line: a field name of printable ASCII without spaces, then a colon ("Received:",
// "Delivered-To:", "From:").
bool startsWithHeader(const QByteArray& s)
{
    static const QRegularExpression header(QStringLiteral("^[!-9;-~]{1,76}:"));
    return header.match(QString::fromLatin1(s.left(80))).hasMatch();
}

QByteArray startOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(64);
}

void add(SortedFiles& sorted, const QString& path)
{
    switch (kindOf(startOf(path), QFileInfo(path).fileName())) {
    case FileKind::Mbox: sorted.mboxes << path; break;
    case FileKind::Email: sorted.emails << path; break;
    case FileKind::Image: sorted.images << path; break;
    case FileKind::Other: sorted.others << path; break;
    }
}

} // namespace

FileKind kindOf(const QByteArray& start, const QString& name)
{
    if (isImageSignature(start))
        return FileKind::Image;
    if (start.startsWith("From "))
        return FileKind::Mbox;
    const QString lower = name.toLower();
    if (lower.endsWith(QLatin1String(".mbox")) || lower.endsWith(QLatin1String(".mbx")))
        return FileKind::Mbox; // a damaged one: the reader says what is wrong with it
    if (lower.endsWith(QLatin1String(".eml")) || startsWithHeader(start))
        return FileKind::Email;
    return FileKind::Other;
}

SortedFiles sortFiles(const QStringList& paths, const std::atomic<bool>& cancel, int maxFolderFiles)
{
    SortedFiles sorted;
    int walked = 0;
    bool capped = false;
    for (const QString& path : paths) {
        if (cancel)
            break;
        const QFileInfo info(path);
        if (info.isFile()) {
            add(sorted, info.absoluteFilePath());
            continue;
        }
        if (!info.isDir()) {
            sorted.notes << tr("%1 could not be found or is not a file; nothing was read from it.").arg(path);
            continue;
        }
        if (walked >= maxFolderFiles) {
            capped = true;
            continue;
        }
        // In name order, so the list comes out the same each time.
        QStringList files;
        QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext() && !cancel) {
            const QString file = it.next();
            const QFileInfo fi = it.fileInfo();
            if (fi.isSymLink() || fi.isHidden() || file.contains(QLatin1String("/.")))
                continue;
            if (walked >= maxFolderFiles) {
                capped = true;
                break;
            }
            ++walked;
            files << file;
        }
        std::sort(files.begin(), files.end());
        for (const QString& file : std::as_const(files)) {
            if (cancel)
                break;
            add(sorted, file);
        }
    }
    if (capped)
        sorted.notes << tr("Only the first %1 files in the folders were read: drop fewer folders at a time, or the "
                           "files themselves, for the rest.").arg(QLocale().toString(maxFolderFiles));
    return sorted;
}

QStringList localPaths(const QList<QUrl>& urls, QStringList* refused)
{
    QStringList paths;
    for (const QUrl& url : urls) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
        else if (url.scheme().isEmpty() && !url.path().isEmpty())
            paths << url.path();
        else if (refused)
            *refused << url.toDisplayString();
    }
    return paths;
}

} // namespace pt::gui::intake
