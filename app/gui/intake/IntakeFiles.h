#pragma once
// What was dropped, picked or pasted, sorted by what the files are, told from their content: an
// mbox begins with a "From " line, a picture with its format's signature, an email with a header
// line (or it is named .eml: a damaged one is then listed with its problem, not passed over).
// Folders are walked into, every level, up to a cap on the number of files: a dropped home
// folder must not keep the worker for an hour. Links are not followed (a link to a parent folder
// would never end), and hidden files and folders are left out.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>

namespace pt::gui::intake {

enum class FileKind { Mbox, Email, Image, Other };

struct SortedFiles {
    QStringList mboxes;
    QStringList emails; // .eml files
    QStringList images;
    QStringList others; // not evidence this screen brings in
    QStringList notes;  // what was left out of a folder, and why, in sentences
};

// Files walked into a folder at most, all folders together.
inline constexpr int MaxFolderFiles = 10'000;

// `start`: the first bytes of the file (64 are enough); `name`: its file name.
[[nodiscard]] FileKind kindOf(const QByteArray& start, const QString& name);

// Sorts local files and folders (others are noted). Reads the first bytes of each file. Stops
// early (with what it has) when `cancel` is raised.
[[nodiscard]] SortedFiles sortFiles(const QStringList& paths, const std::atomic<bool>& cancel,
                                    int maxFolderFiles = MaxFolderFiles);

// The local paths among `urls` (file: URLs and plain paths); remote ones are never fetched.
[[nodiscard]] QStringList localPaths(const QList<QUrl>& urls, QStringList* refused = nullptr);

} // namespace pt::gui::intake
