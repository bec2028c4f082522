#include "MboxReader.h"

#include "Notes.h"
#include "crypto/Bytes.h"
#include "crypto/Sha256.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace pt::core::intake {

namespace {

constexpr qsizetype ChunkBytes = 1024 * 1024;
constexpr qsizetype MaxSeparatorBytes = 1000;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "From sender date" (the date as asctime writes it, sometimes with a zone): a time like
// 12:34 and a year of four digits. Anything else is a body line taken for a separator or a
// damaged file.
bool usualSeparator(QByteArrayView line)
{
    bool time = false;
    bool year = false;
    for (qsizetype i = 5; i < line.size(); ++i) {
        if (line[i] == ':' && i > 0 && i + 2 < line.size() && isDigit(line[i - 1]) && isDigit(line[i + 1]) &&
            isDigit(line[i + 2]))
            time = true;
        if (isDigit(line[i]) && (i == 0 || !isDigit(line[i - 1]))) {
            qsizetype end = i;
            while (end < line.size() && isDigit(line[end]))
                ++end;
            if (end - i == 4 && (line[i] == '1' || line[i] == '2'))
                year = true;
        }
    }
    return time && year;
}

QString shown(QByteArrayView line)
{
    QString text = QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 60)));
    for (QChar& c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char('?');
    return QStringLiteral("\u201c%1%2\u201d").arg(text, line.size() > 60 ? QStringLiteral("...") : QString());
}

} // namespace

struct MboxReader::State {
    State(QIODevice& d, MboxProgress p, qint64 max) : device(d), progress(std::move(p)), maxMessageBytes(max) {}

    QIODevice& device;
    MboxProgress progress;
    qint64 maxMessageBytes;
    qint64 total = -1;

    std::unique_ptr<char[]> chunk; // what one read gives, then appended to buffer
    qint64 chunkBytes = ChunkBytes;
    std::vector<char> buffer;     // the bytes not looked at yet (a few, between reads)
    qsizetype pos = 0;        // next byte to look at in buffer
    qint64 bufferStart = 0;   // the file offset of buffer[0]
    qint64 read = 0;
    bool eof = false;
    bool done = false;
    bool cancelled = false;
    std::optional<Error> error;
    Notes notes;

    // Where the reading is in the current line.
    bool lineStart = true;
    bool previousEmpty = true; // the start of the file counts as after an empty line
    bool inSeparator = false;
    QByteArray separator;
    qint64 separatorOffset = 0;

    bool inMessage = false;
    MboxMessage current;
    std::unique_ptr<crypto::Sha256> sha;
    // An empty line: the message's own, unless a "From " line comes next.
    QByteArray pendingBlank;
    qint64 nextIndex = 0;
    std::optional<MboxMessage> ready;

    qint64 at(qsizetype position) const { return bufferStart + position; }

    // False at the end of the file, on an error or a cancel.
    bool fill()
    {
        if (eof || done)
            return false;
        if (pos > 0) {
            buffer.erase(buffer.begin(), buffer.begin() + pos);
            bufferStart += pos;
            pos = 0;
        }
        if (!chunk) {
            // A small file needs no megabyte.
            chunkBytes = total >= 0 ? std::clamp<qint64>(total + 1, 4096, ChunkBytes) : ChunkBytes;
            chunk = std::make_unique_for_overwrite<char[]>(std::size_t(chunkBytes));
        }
        qint64 n = device.read(chunk.get(), chunkBytes);
        if (n == 0 && device.isSequential() && !device.atEnd() && device.waitForReadyRead(30000))
            n = device.read(chunk.get(), chunkBytes);
        if (n < 0 && device.isSequential())
            n = 0; // how a pipe or a socket says it has ended
        if (n < 0) {
            error = failed(QStringLiteral("The mbox file could not be read after byte %1 (%2). Check that the file "
                                          "is still there and the disk works, then try again.")
                               .arg(countText(bufferStart + qint64(buffer.size())), device.errorString()));
            done = true;
            return false;
        }
        buffer.insert(buffer.end(), chunk.get(), chunk.get() + n);
        read += n;
        if (n == 0)
            eof = true;
        if (progress && !progress(read, total)) {
            cancelled = true;
            done = true;
            error = failed(QStringLiteral("The reading of the mbox file was cancelled."));
            return false;
        }
        return n > 0;
    }

    void append(QByteArrayView piece)
    {
        if (!inMessage || piece.isEmpty())
            return;
        sha->update({reinterpret_cast<const std::uint8_t*>(piece.data()), std::size_t(piece.size())});
        current.length += piece.size();
        if (current.tooLarge)
            return;
        if (current.bytes.size() + piece.size() > maxMessageBytes) {
            current.tooLarge = true;
            current.bytes = QByteArray(); // gives the memory back
            return;
        }
        current.bytes.append(piece);
    }

    void begin(qint64 offset, QByteArray separatorLine)
    {
        inMessage = true;
        current = MboxMessage{};
        current.offset = offset;
        current.separator = std::move(separatorLine);
        sha = std::make_unique<crypto::Sha256>();
    }

    void finish()
    {
        pendingBlank.clear(); // the empty line before a "From " line, or at the end, is the file's
        if (!inMessage)
            return;
        inMessage = false;
        if (current.length == 0) {
            notes.add(QStringLiteral("The \"From \" line at byte %1 has no message after it; it was skipped.")
                          .arg(countText(separatorOffset)));
            return;
        }
        current.index = nextIndex++;
        current.sha256 = QString::fromStdString(crypto::toHex(sha->finish()));
        sha.reset();
        if (current.tooLarge)
            notes.add(QStringLiteral("Message %1 (at byte %2) is %3, more than the %4 Paper Trail reads; it was "
                                     "skipped.")
                          .arg(countText(current.index + 1), countText(current.offset), sizeText(current.length),
                               sizeText(maxMessageBytes)));
        ready = std::move(current);
        current = MboxMessage{};
    }

    void endSeparator(qint64 messageOffset)
    {
        inSeparator = false;
        QByteArray line = separator;
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (!usualSeparator(line))
            notes.add(QStringLiteral("The \"From \" line at byte %1 (%2) does not have the usual sender and date; "
                                     "the message after it may be part of the one before.")
                          .arg(countText(separatorOffset), shown(line)));
        begin(messageOffset, std::move(line));
    }

    // One piece of a line; false when it needs more bytes first.
    bool step()
    {
        const char* p = buffer.data() + pos;
        const qsizetype available = qsizetype(buffer.size()) - pos;
        if (available == 0)
            return false;
        const auto* nl = static_cast<const char*>(std::memchr(p, '\n', std::size_t(available)));
        if (lineStart && !inSeparator && previousEmpty) {
            if (available < 5 && !nl && !eof)
                return false;
            if (available >= 5 && std::memcmp(p, "From ", 5) == 0) {
                finish();
                inSeparator = true;
                separator.clear();
                separatorOffset = at(pos);
            }
        }
        // "\r" alone at the end of the buffer: an empty line or not, the next byte tells.
        if (!nl && lineStart && !inSeparator && available == 1 && p[0] == '\r' && !eof)
            return false;
        const qsizetype length = nl ? qsizetype(nl - p) + 1 : available;
        const QByteArrayView piece(p, length);

        if (inSeparator) {
            separator.append(piece.first(std::min(length, std::max<qsizetype>(0, MaxSeparatorBytes - separator.size()))));
            pos += length;
            if (nl) {
                endSeparator(at(pos));
                previousEmpty = false;
                lineStart = true;
            } else {
                lineStart = false;
            }
            return true;
        }

        const bool empty = nl && lineStart && (length == 1 || (length == 2 && p[0] == '\r'));
        if (empty) {
            append(pendingBlank); // two empty lines in a row: the first is the message's
            pendingBlank = piece.toByteArray();
            previousEmpty = true;
        } else {
            if (lineStart) {
                append(pendingBlank);
                pendingBlank.clear();
                if (!inMessage) {
                    notes.add(QStringLiteral("The file does not begin with a \"From \" line, so it may not be an "
                                             "mbox file; its first message was read from byte %1 without one.")
                                  .arg(countText(at(pos))));
                    begin(at(pos), {});
                }
            }
            append(piece);
            if (nl)
                previousEmpty = false;
        }
        lineStart = nl != nullptr;
        pos += length;
        return true;
    }

    void endOfFile()
    {
        if (inSeparator) {
            notes.add(QStringLiteral("The file ends with a \"From \" line (at byte %1) and no message after it.")
                          .arg(countText(separatorOffset)));
            inSeparator = false;
        }
        finish();
        done = true;
    }
};

MboxReader::MboxReader(QIODevice& device, MboxProgress progress, qint64 maxMessageBytes)
    : m_state(std::make_unique<State>(device, std::move(progress), maxMessageBytes))
{
    m_state->total = device.isSequential() ? -1 : device.size() - device.pos();
    m_state->bufferStart = device.isSequential() ? 0 : device.pos();
}

MboxReader::~MboxReader() = default;

std::optional<MboxMessage> MboxReader::next()
{
    State& s = *m_state;
    while (!s.ready) {
        if (s.done)
            return std::nullopt;
        if (s.step())
            continue;
        if (s.eof)
            s.endOfFile(); // step() waits for more bytes only before the end
        else
            s.fill(); // an error or a cancel sets done: what was being read is not handed out
    }
    std::optional<MboxMessage> message = std::move(s.ready);
    s.ready.reset();
    return message;
}

const std::optional<Error>& MboxReader::error() const
{
    return m_state->error;
}

bool MboxReader::cancelled() const
{
    return m_state->cancelled;
}

qint64 MboxReader::bytesRead() const
{
    return m_state->read;
}

qint64 MboxReader::totalBytes() const
{
    return m_state->total;
}

QStringList MboxReader::notes() const
{
    return m_state->notes.list();
}

} // namespace pt::core::intake
