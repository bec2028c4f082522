#pragma once
// The lawyer archive's report.pdf: a title page, a table of contents, the timeline (every exhibit
// with its times, text, fields, files, embedded images, edits, deletions and conflicts), the
// performance improvement plan when the export holds one (ReportPipSection.h), "About these
// records" and a hash appendix, with a footer on every page saying which page of how many
// and which exhibits it shows. PDF/A-1b on US Letter (the size US courts file), real text in
// DejaVu Sans, hashes and ids in DejaVu Sans Mono with shaping off so a copied hash is the hash.
//
// Entry text is untrusted: it is only ever laid out as plain text (never HTML), control characters
// are shown as visible symbols, and any line breaks anywhere when it has no spaces.
#include "Exhibit.h"
#include "Result.h"

#include <QIODevice>
#include <QImage>

#include <functional>
#include <optional>

namespace pt::core::archive {

// The pixels of an exhibit's image file (mime image/*), decoded with a size cap, or nullopt when
// it cannot be shown (the report then says the file is in the archive). The report never reads
// the vault itself. Called for one file at a time and at most twice per file (once to measure the
// layout, once to draw), and the image is let go before the next one is asked for.
using ImageSource = std::function<std::optional<QImage>(const ExhibitFile&)>;

// Writes the report into `out` (open for writing; it may be sequential) page by page, as
// QPdfWriter streams it: memory stays bounded whatever the number of exhibits and images. The
// layout is made twice, the first time without drawing, to learn the page numbers the contents
// and the footers give.
[[nodiscard]] Status writeReport(QIODevice& out, const ReportFacts& facts, const QList<Exhibit>& exhibits,
                                 const ImageSource& images);

} // namespace pt::core::archive
