#include "MailSummary.h"

#include "MailParser.h"
#include "MailPickFilter.h"
#include "MboxReader.h"
#include "Notes.h"
#include "crypto/Bytes.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace pt::core::intake {

namespace {

// The list shows a line per message: a longer sender or subject is only memory.
constexpr qsizetype MaxShownChars = 300;
constexpr qint64 FileChunk = 1024 * 1024;

QString shortened(const QString& text)
{
    return text.size() > MaxShownChars ? text.left(MaxShownChars) : text;
}

void describe(MailSummary& summary, QByteArrayView bytes, const MailLimits& limits)
{
    auto parsed = parseMail(bytes, limits, MailDetail::Summary);
    if (!parsed) {
        summary.problem = parsed.error().message;
        return;
    }
    MailMessage& mail = parsed.value();
    summary.from = shortened(mail.from);
    summary.date = mail.date;
    summary.dateGuessed = mail.dateGuessed;
    summary.subject = shortened(mail.subject);
    summary.messageId = shortened(mail.messageId);
    summary.attachmentCount = int(mail.attachments.size());
    summary.notes = std::move(mail.notes);
}

QString tooLarge(qint64 size, const MailLimits& limits)
{
    return QStringLiteral("It is %1, more than the %2 Paper Trail reads in one email.")
        .arg(sizeText(size), sizeText(limits.maxMessageBytes));
}

QString hexOf(crypto::Sha256& sha)
{
    return QString::fromStdString(crypto::toHex(sha.finish()));
}

crypto::ByteView view(QByteArrayView bytes)
{
    return {reinterpret_cast<const std::uint8_t*>(bytes.data()), std::size_t(bytes.size())};
}

Error cancelled()
{
    return failed(QStringLiteral("The reading of the emails was cancelled."));
}

Error changed(const QString& what)
{
    return failed(QStringLiteral("%1 changed since it was listed. List it again, then choose the messages.").arg(what));
}

struct FileBytes {
    qint64 size = 0;
    QString sha256;
    QByteArray bytes; // empty when too large
    QString problem;
};

// The whole file when it is small enough, its hash in any case (read in chunks).
FileBytes readFile(const QString& path, const MailLimits& limits)
{
    FileBytes result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = QStringLiteral("It could not be opened (%1).").arg(file.errorString());
        return result;
    }
    result.size = file.size();
    crypto::Sha256 sha;
    if (result.size > limits.maxMessageBytes) {
        result.problem = tooLarge(result.size, limits);
        QByteArray chunk;
        while (!(chunk = file.read(FileChunk)).isEmpty())
            sha.update(view(chunk));
    } else {
        result.bytes = file.readAll();
        sha.update(view(result.bytes));
    }
    if (file.error() != QFileDevice::NoError)
        result.problem = QStringLiteral("It could not be read (%1).").arg(file.errorString());
    result.sha256 = hexOf(sha);
    return result;
}

} // namespace

Result<MailScan> scanMbox(QIODevice& mbox, const MailLimits& limits, const ScanProgress& progress)
{
    if (!mbox.isSequential())
        mbox.seek(0);
    MboxReader reader(mbox, progress, limits.maxMessageBytes);
    MailScan scan;
    while (std::optional<MboxMessage> message = reader.next()) {
        MailSummary summary;
        summary.index = message->index;
        summary.offset = message->offset;
        summary.length = message->length;
        summary.sha256 = message->sha256;
        if (message->tooLarge)
            summary.problem = tooLarge(message->length, limits);
        else
            describe(summary, message->bytes, limits);
        scan.messages.append(std::move(summary));
    }
    if (reader.error())
        return *reader.error();
    scan.notes = reader.notes();
    return scan;
}

Result<MailScan> scanEmlFiles(const QStringList& paths, const MailLimits& limits, const ScanProgress& progress)
{
    qint64 total = 0;
    for (const QString& path : paths)
        total += std::max<qint64>(0, QFileInfo(path).size());
    qint64 done = 0;
    MailScan scan;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        MailSummary summary;
        summary.index = i;
        summary.source = paths[i];
        const FileBytes file = readFile(paths[i], limits);
        summary.length = file.size;
        summary.sha256 = file.sha256;
        summary.problem = file.problem;
        if (summary.problem.isEmpty())
            describe(summary, file.bytes, limits);
        scan.messages.append(std::move(summary));
        done += file.size;
        if (progress && !progress(done, total))
            return cancelled();
    }
    return scan;
}

Result<QList<qint64>> matchBodies(const QList<MailSummary>& candidates, const QStringList& words, QIODevice* mbox,
                                  const MailLimits& limits, const ScanProgress& progress)
{
    QList<qint64> matched;
    const auto matchText = [&](qint64 index, QByteArrayView bytes) {
        const auto parsed = parseMail(bytes, limits, MailDetail::Text);
        if (parsed && containsAllWords(parsed->text, words))
            matched.append(index);
    };

    if (mbox) {
        QHash<qint64, QString> wanted; // index -> hash at the scan
        qint64 last = -1;
        for (const MailSummary& c : candidates) {
            wanted.insert(c.index, c.sha256);
            last = std::max(last, c.index);
        }
        if (!mbox->isSequential())
            mbox->seek(0);
        MboxReader reader(*mbox, progress, limits.maxMessageBytes);
        while (std::optional<MboxMessage> message = reader.next()) {
            const auto it = wanted.constFind(message->index);
            if (it != wanted.constEnd()) {
                if (*it != message->sha256)
                    return changed(QStringLiteral("The mbox file"));
                if (!message->tooLarge)
                    matchText(message->index, message->bytes);
            }
            if (message->index >= last)
                break; // the rest holds no candidate
        }
        if (reader.error())
            return *reader.error();
        return matched;
    }

    qint64 total = 0;
    for (const MailSummary& c : candidates)
        total += c.length;
    qint64 done = 0;
    for (const MailSummary& c : candidates) {
        const FileBytes file = readFile(c.source, limits);
        if (c.problem.isEmpty() && (!file.problem.isEmpty() || file.sha256 != c.sha256))
            return changed(QStringLiteral("The file %1").arg(QFileInfo(c.source).fileName()));
        if (file.problem.isEmpty())
            matchText(c.index, file.bytes);
        done += c.length;
        if (progress && !progress(done, total))
            return cancelled();
    }
    return matched;
}

} // namespace pt::core::intake
