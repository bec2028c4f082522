#pragma once
// Reads a WebDAV listing (the 207 Multi-Status answer to PROPFIND Depth: 1, RFC 4918) as the files
// directly in the folder that was listed. The server may be hostile, so: the XML must be
// well-formed and declare no document type (no entities to expand); every href is percent-decoded
// and resolved against the folder's URL, and only a direct child of that folder is kept; the
// folder itself, sub-folders and names that are not safe path segments are left out; a name
// listed twice is kept once. Sizes, ETags and modification times are read when present.
#include "Remote.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace pt::core::sync {

// `folderUrl` is the URL the PROPFIND went to; its path may or may not end in '/'.
[[nodiscard]] Result<QList<RemoteFile>> parseDavListing(const QByteArray& xml, const QUrl& folderUrl);

} // namespace pt::core::sync
