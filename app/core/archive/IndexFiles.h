#pragma once
// The exhibit list for spreadsheets and e-discovery platforms: index.csv (RFC 4180, UTF-8 with a
// byte-order mark so spreadsheets read it as UTF-8) and loadfile.dat (the Concordance DAT layout:
// fields quoted with þ, separated by ASCII 20, in-field line breaks as ®); and pip-grades.csv, the
// PIP workspace's grades, under index.csv's rules.
#include "Exhibit.h"

#include <QByteArray>

namespace pt::core::pip {
class PipWorkspace;
struct CheckIn;
} // namespace pt::core::pip

namespace pt::core::archive {

struct PipExport;

[[nodiscard]] QByteArray indexCsvHeader();
[[nodiscard]] QByteArray indexCsvRow(const Exhibit& exhibit);
[[nodiscard]] QByteArray loadFileHeader();
// `textSha256`: of entries/PT-nnnn.txt, the native file of an exhibit without files.
[[nodiscard]] QByteArray loadFileRow(const Exhibit& exhibit, const QString& textSha256);

// pip-grades.csv, written only when the export holds a PIP plan (ReportPipSection.h): one row per
// goal of the plan per exported check-in, with the exhibit numbers of the check-in, of the grade's
// screenshot (when exported) and of the plan; a check-in that did not happen and graded nothing
// (or of a plan with no goal exported) is one row without a goal, its note the check-in's own.
[[nodiscard]] QByteArray pipGradesCsvHeader();
[[nodiscard]] QByteArray pipGradesCsvRows(const PipExport& pip, const pip::PipWorkspace& plan, const pip::CheckIn& checkIn);

// Where an exhibit's native file is in the archive: its first file, or its text.
[[nodiscard]] QString nativePath(const Exhibit& exhibit);

} // namespace pt::core::archive
