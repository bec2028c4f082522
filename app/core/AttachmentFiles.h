#pragma once
// Files the person named (--attach, a file dialog), opened for the journal to read as it writes them.
#include "vault/Journal.h"

#include <QFile>

#include <memory>
#include <vector>

namespace pt::core {

// Keeps the files open for as long as the NewAttachments that read them are in use.
struct OpenedFiles {
    std::vector<std::unique_ptr<QFile>> files;
};

// Each path opened, its type told from its name (or, for a pipe, its first bytes); not found
// when one cannot be opened.
[[nodiscard]] Result<QList<NewAttachment>> openAttachments(const QStringList& paths, OpenedFiles& opened);

} // namespace pt::core
