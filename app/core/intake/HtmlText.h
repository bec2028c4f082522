#pragma once
// An HTML email body as the plain text a person would read: paragraphs and line breaks where
// the blocks are, "- " before list items, "> " before quoted replies, table cells apart, link
// targets kept as text ("the report (https://...)") where the words differ from the address,
// entities decoded, whitespace collapsed. Scripts, styles, the head and hidden elements
// (display:none, as mail readers hide them) are dropped. libxml2's HTML parser reads it in
// recovery mode and never fetches anything; the tree is walked without recursion, so nesting
// depth costs nothing.
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace pt::core::intake {

struct HtmlTextLimits {
    qsizetype maxInputBytes = 8 * 1024 * 1024; // the rest of the HTML is not read
    qsizetype maxChars = 1000 * 1000;          // the text stops there
    int maxIndentLevels = 8;                   // list and quote levels that still indent
};

struct HtmlText {
    QString text;
    QStringList notes; // what was cut
};

// `html` in UTF-8 (a charset named inside it is ignored: the caller has converted it).
[[nodiscard]] HtmlText htmlToText(QByteArrayView html, const HtmlTextLimits& limits = {});

} // namespace pt::core::intake
