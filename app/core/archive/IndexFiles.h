#pragma once
// The exhibit list for spreadsheets and e-discovery platforms: index.csv (RFC 4180, UTF-8 with a
// byte-order mark so spreadsheets read it as UTF-8) and loadfile.dat (the Concordance DAT layout:
// fields quoted with þ, separated by ASCII 20, in-field line breaks as ®).
#include "Exhibit.h"

#include <QByteArray>

namespace pt::core::archive {

[[nodiscard]] QByteArray indexCsvHeader();
[[nodiscard]] QByteArray indexCsvRow(const Exhibit& exhibit);
[[nodiscard]] QByteArray loadFileHeader();
// `textSha256`: of entries/PT-nnnn.txt, the native file of an exhibit without files.
[[nodiscard]] QByteArray loadFileRow(const Exhibit& exhibit, const QString& textSha256);

// Where an exhibit's native file is in the archive: its first file, or its text.
[[nodiscard]] QString nativePath(const Exhibit& exhibit);

} // namespace pt::core::archive
