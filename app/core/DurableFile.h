#pragma once
// Crash-safe file replacement: write a temp file beside the target, fsync it, rename it over the
// target, fsync the directory. A crash at any instant leaves either the old or the new file.
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace pt::core::durable {

Status writeFileAtomically(const QString& path, const QByteArray& bytes);
// Makes a rename or a new file in `dir` survive power loss.
Status syncDirectory(const QString& dir);
// Flushes an open file descriptor's data to stable storage.
Status syncFile(int fd, const QString& pathForMessages);

} // namespace pt::core::durable
