#include "RevisionDiff.h"

#include "MeetingRecap.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <vector>

namespace pt::core {

namespace {

using Kind = TextSegment::Kind;

// Beyond this many cells (words before x words after, once the common start and end are set
// aside) a word-by-word comparison would cost too much memory: the middle shows whole.
constexpr qsizetype MaxDiffCells = 4'000'000;

// A value of a kind's own field longer than this is compared word by word.
constexpr qsizetype LongTextChars = 60;

const QString Ellipsis = QStringLiteral("\u2026");

// A text as its words, each with the whitespace after it, and the whitespace before the first.
struct Words {
    QString leading;
    QStringList words;
    QStringList spaceAfter;
};

Words wordsOf(const QString& text)
{
    Words w;
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    w.leading = text.left(i);
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && !text.at(i).isSpace())
            ++i;
        const qsizetype spaceStart = i;
        while (i < text.size() && text.at(i).isSpace())
            ++i;
        w.words << text.sliced(start, spaceStart - start);
        w.spaceAfter << text.sliced(spaceStart, i - spaceStart);
    }
    return w;
}

struct Op {
    Kind kind;
    QString token; // a word or whitespace
};

// Words are compared; the whitespace shown is the new text's, so a reflowed line is no change.
std::vector<Op> diffWords(const Words& a, const Words& b)
{
    std::vector<Op> ops;
    ops.reserve(std::size_t(2 * (a.words.size() + b.words.size()) + 1));
    const auto push = [&](Kind kind, const Words& from, qsizetype k) {
        ops.push_back({kind, from.words.at(k)});
        if (!from.spaceAfter.at(k).isEmpty())
            ops.push_back({kind, from.spaceAfter.at(k)});
    };
    if (!b.leading.isEmpty())
        ops.push_back({Kind::Same, b.leading});

    qsizetype prefix = 0;
    while (prefix < a.words.size() && prefix < b.words.size() && a.words.at(prefix) == b.words.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.words.size() - prefix && suffix < b.words.size() - prefix &&
           a.words.at(a.words.size() - 1 - suffix) == b.words.at(b.words.size() - 1 - suffix))
        ++suffix;
    const qsizetype n = a.words.size() - prefix - suffix;
    const qsizetype m = b.words.size() - prefix - suffix;

    for (qsizetype k = 0; k < prefix; ++k)
        push(Kind::Same, b, k);
    if (n > 0 && m > 0 && n * m <= MaxDiffCells) {
        // lcs[i][j]: the longest common run of a's and b's middle words from i and j; at most
        // min(n, m) <= 2000, so 16 bits hold it.
        const auto at = [&](const QStringList& words, qsizetype k) -> const QString& { return words.at(prefix + k); };
        const qsizetype width = m + 1;
        std::vector<quint16> lcs(std::size_t((n + 1) * width), 0);
        const auto cell = [&](qsizetype i, qsizetype j) -> quint16& { return lcs[std::size_t(i * width + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                cell(i, j) = at(a.words, i) == at(b.words, j) ? quint16(cell(i + 1, j + 1) + 1)
                                                              : std::max(cell(i + 1, j), cell(i, j + 1));
        qsizetype i = 0, j = 0;
        while (i < n && j < m) {
            if (at(a.words, i) == at(b.words, j)) {
                push(Kind::Same, b, prefix + j);
                ++i, ++j;
            } else if (cell(i + 1, j) >= cell(i, j + 1))
                push(Kind::Removed, a, prefix + i++);
            else
                push(Kind::Added, b, prefix + j++);
        }
        for (; i < n; ++i)
            push(Kind::Removed, a, prefix + i);
        for (; j < m; ++j)
            push(Kind::Added, b, prefix + j);
    } else {
        for (qsizetype i = 0; i < n; ++i)
            push(Kind::Removed, a, prefix + i);
        for (qsizetype j = 0; j < m; ++j)
            push(Kind::Added, b, prefix + j);
    }
    for (qsizetype k = b.words.size() - suffix; k < b.words.size(); ++k)
        push(Kind::Same, b, k);
    return ops;
}

bool isSpace(const QString& token) { return !token.isEmpty() && token.front().isSpace(); }

// The first (or last) `words` words of an unchanged run, with the whitespace between them.
QString headOf(const QStringList& run, int words)
{
    QString text;
    int seen = 0;
    for (const QString& t : run) {
        if (!isSpace(t) && ++seen > words)
            break;
        text += t;
    }
    return text;
}

QString tailOf(const QStringList& run, int words)
{
    QString text;
    int seen = 0;
    for (qsizetype i = run.size() - 1; i >= 0; --i) {
        if (!isSpace(run.at(i)) && ++seen > words)
            break;
        text.prepend(run.at(i));
    }
    return text;
}

QString trimmedLeft(const QString& s)
{
    qsizetype i = 0;
    while (i < s.size() && s.at(i).isSpace())
        ++i;
    return s.mid(i);
}

QString trimmedRight(const QString& s)
{
    qsizetype n = s.size();
    while (n > 0 && s.at(n - 1).isSpace())
        --n;
    return s.left(n);
}

// An unchanged run between changes keeps `words` words next to each change; the whitespace that
// touches a change stays as it is.
QString unchangedInContext(const QStringList& run, bool first, bool last, int words)
{
    const auto count = std::count_if(run.cbegin(), run.cend(), [](const QString& t) { return !isSpace(t); });
    const QString dots = QLatin1Char(' ') + Ellipsis + QLatin1Char(' ');
    if (first && !last && count > words)
        return Ellipsis + QLatin1Char(' ') + trimmedLeft(tailOf(run, words));
    if (last && !first && count > words)
        return trimmedRight(headOf(run, words)) + QLatin1Char(' ') + Ellipsis;
    if (!first && !last && count > 2 * words)
        return trimmedRight(headOf(run, words)) + dots + trimmedLeft(tailOf(run, words));
    return run.join(QString());
}

QString happened(const QDateTime& t, const QString& format) { return t.toString(format); }

// Just enough of each time to see the difference: day and minute, then the year, seconds or
// the UTC offset when only those differ.
std::pair<QString, QString> happenedTexts(const QDateTime& before, const QDateTime& after)
{
    QString format = before.date().year() == after.date().year() ? QStringLiteral("d MMM HH:mm")
                                                                 : QStringLiteral("d MMM yyyy HH:mm");
    if (happened(before, format) == happened(after, format))
        format = QStringLiteral("d MMM yyyy HH:mm:ss");
    if (happened(before, format) == happened(after, format))
        format = QStringLiteral("d MMM yyyy HH:mm:ss.zzz t");
    return {happened(before, format), happened(after, format)};
}

// An array's items as text; a single value is a list of one, and an empty one of none.
QStringList itemsOf(const QJsonValue& v)
{
    QStringList items;
    const QJsonArray array = v.isArray() ? v.toArray() : QJsonArray{v};
    for (const QJsonValue& item : array)
        if (QString text = fieldValueText(item); !text.isEmpty())
            items << text;
    return items;
}

FieldChange listChange(const QString& field, const QStringList& before, const QStringList& after)
{
    FieldChange c{FieldChange::Shape::List, field, before.join(QStringLiteral(", ")), after.join(QStringLiteral(", ")), {}};
    for (const QString& item : after)
        c.segments.append({before.contains(item) ? Kind::Same : Kind::Added, item});
    for (const QString& item : before)
        if (!after.contains(item))
            c.segments.append({Kind::Removed, item});
    return c;
}

FieldChange textChange(const QString& field, const QString& before, const QString& after)
{
    return {FieldChange::Shape::Text, field, before, after, wordDiff(before, after)};
}

FieldChange valueChange(const QString& field, const QString& before, const QString& after)
{
    return {FieldChange::Shape::Value, field, before, after, {}};
}

// Attachments by name; a name kept but given other bytes shows with the start of each hash.
QStringList attachmentNames(const QList<AttachmentRef>& list, const QSet<QString>& ambiguous)
{
    QStringList names;
    for (const AttachmentRef& a : list)
        names << (ambiguous.contains(a.name) ? QStringLiteral("%1 (SHA-256 %2\u2026)").arg(a.name, a.sha256.left(12)) : a.name);
    return names;
}

// The meeting sections in the order the editor shows them.
constexpr const char* MeetingSections[] = {meeting::Attendees, meeting::Agreements, meeting::Disagreements,
                                           meeting::ActionItems};

bool isMeetingSection(const QString& key)
{
    return std::any_of(std::begin(MeetingSections), std::end(MeetingSections),
                       [&](const char* section) { return key == QLatin1String(section); });
}

void fieldChanges(const QJsonObject& before, const QJsonObject& after, QList<FieldChange>& changes)
{
    QStringList keys;
    for (const char* section : MeetingSections)
        keys << QString::fromLatin1(section);
    QStringList others = before.keys() + after.keys();
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
    for (const QString& k : std::as_const(others))
        if (!keys.contains(k))
            keys << k;

    for (const QString& key : std::as_const(keys)) {
        const QJsonValue a = before.value(key), b = after.value(key);
        const QString field = QStringLiteral("fields.") + key;
        if (a.isArray() || b.isArray()) {
            const QStringList ai = itemsOf(a), bi = itemsOf(b);
            if (ai != bi)
                changes << listChange(field, ai, bi);
            continue;
        }
        const QString at = fieldValueText(a), bt = fieldValueText(b);
        if (at == bt)
            continue;
        // Meeting sections are a point per line: their words are compared, as are other long texts.
        const bool longText = isMeetingSection(key) || at.contains(QLatin1Char('\n')) || bt.contains(QLatin1Char('\n')) ||
                              at.size() > LongTextChars || bt.size() > LongTextChars;
        changes << (longText ? textChange(field, at, bt) : valueChange(field, at, bt));
    }
}

} // namespace

QList<TextSegment> wordDiff(const QString& before, const QString& after, int contextWords)
{
    std::vector<Op> ops = diffWords(wordsOf(before), wordsOf(after));
    // Whitespace next to a change reads best outside the marks: "a [-b-] c", not "a [-b -]c".
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].kind == Kind::Same || !isSpace(ops[i].token))
            continue;
        const bool nextAdded = i + 1 < ops.size() && ops[i + 1].kind == Kind::Added;
        if (ops[i].kind == Kind::Removed && nextAdded)
            ops[i].token.clear(); // the new text's whitespace follows
        else if (!nextAdded && !(i + 1 < ops.size() && ops[i + 1].kind == Kind::Removed))
            ops[i].kind = Kind::Same;
    }
    std::erase_if(ops, [](const Op& op) { return op.token.isEmpty(); });
    // Group into runs of one kind; unchanged runs are cut to their context.
    struct Run {
        Kind kind;
        QStringList tokens;
    };
    std::vector<Run> runs;
    for (const Op& op : ops) {
        if (runs.empty() || runs.back().kind != op.kind)
            runs.push_back({op.kind, {}});
        runs.back().tokens << op.token;
    }
    QList<TextSegment> segments;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& run = runs[i];
        const QString text = run.kind == Kind::Same
                                 ? unchangedInContext(run.tokens, i == 0, i + 1 == runs.size(), contextWords)
                                 : run.tokens.join(QString());
        segments.append({run.kind, text});
    }
    return segments;
}

QList<FieldChange> revisionChanges(const EntryRevision& before, const EntryRevision& after)
{
    QList<FieldChange> changes;
    if (before.kind != after.kind)
        changes << valueChange(QStringLiteral("kind"), before.kind, after.kind);
    if (before.title != after.title)
        changes << valueChange(QStringLiteral("title"), before.title, after.title);
    if (before.occurredAt != after.occurredAt) {
        const auto [was, now] = happenedTexts(before.occurredAt, after.occurredAt);
        changes << valueChange(QStringLiteral("occurred_at"), was, now);
    }
    if (before.body != after.body)
        changes << textChange(QStringLiteral("body"), before.body, after.body);
    if (before.tags != after.tags)
        changes << listChange(QStringLiteral("tags"), before.tags, after.tags);
    if (before.fields != after.fields)
        fieldChanges(before.fields, after.fields, changes);
    if (before.attachments != after.attachments) {
        QSet<QString> namesBefore, namesAfter;
        for (const AttachmentRef& a : before.attachments)
            namesBefore.insert(a.name);
        for (const AttachmentRef& a : after.attachments)
            namesAfter.insert(a.name);
        QSet<QString> ambiguous;
        for (const AttachmentRef& a : before.attachments)
            if (namesAfter.contains(a.name) && !after.attachments.contains(a))
                ambiguous.insert(a.name);
        const QStringList was = attachmentNames(before.attachments, ambiguous);
        const QStringList now = attachmentNames(after.attachments, ambiguous);
        if (was != now)
            changes << listChange(QStringLiteral("attachments"), was, now);
    }
    return changes;
}

QString markedText(const QList<TextSegment>& segments)
{
    QString text;
    for (const TextSegment& s : segments)
        text += s.kind == Kind::Same      ? s.text
                : s.kind == Kind::Removed ? QStringLiteral("[-%1-]").arg(s.text)
                                          : QStringLiteral("{+%1+}").arg(s.text);
    return text;
}

QStringList itemsOfKind(const FieldChange& change, TextSegment::Kind kind)
{
    QStringList items;
    for (const TextSegment& s : change.segments)
        if (s.kind == kind)
            items << s.text;
    return items;
}

QString listChangeText(const FieldChange& change)
{
    const QStringList added = itemsOfKind(change, TextSegment::Kind::Added);
    const QStringList removed = itemsOfKind(change, TextSegment::Kind::Removed);
    QStringList parts;
    if (!added.isEmpty())
        parts << QStringLiteral("added ") + added.join(QStringLiteral(", "));
    if (!removed.isEmpty())
        parts << QStringLiteral("removed ") + removed.join(QStringLiteral(", "));
    return parts.isEmpty() ? QStringLiteral("reordered") : parts.join(QStringLiteral("; "));
}

QString fieldValueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Array: {
        QStringList items;
        bool objects = false;
        for (const QJsonValue& item : value.toArray()) {
            objects = objects || item.isObject();
            items << fieldValueText(item);
        }
        return items.join(objects ? QStringLiteral("\n") : QStringLiteral(", "));
    }
    case QJsonValue::Object: {
        // {name, type, size} as "plan.pdf (type application/pdf, size 218)": the name first.
        const QJsonObject object = value.toObject();
        QStringList parts;
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key() != QLatin1String("name"))
                parts << QStringLiteral("%1 %2").arg(fieldKeyAsText(it.key()).toLower(), fieldValueText(it.value()));
        const QString name = object.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            return parts.join(QStringLiteral(", "));
        return parts.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, parts.join(QStringLiteral(", ")));
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    }
    return {};
}

QString fieldKeyAsText(const QString& field)
{
    QString text = field.startsWith(QLatin1String("fields.")) ? field.mid(7) : field;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text.front() = text.front().toUpper();
    return text;
}

} // namespace pt::core
