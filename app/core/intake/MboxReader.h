#pragma once
// Reads an mbox file (mboxo or mboxrd, as Thunderbird, Apple Mail and Google Takeout write
// them) one message at a time, whatever its size: memory holds one chunk of the file and the
// message being read, never more. A message starts after a "From " line that begins the file
// or follows an empty line; its bytes are exactly those in the file (">From " lines are left
// as they are), up to the empty line before the next "From " line, which belongs to that
// separator. Every message's SHA-256 is computed on the way, also for one too large to hold.
//
// Damage gets a note, not a stop: a file that does not begin with "From " (its first bytes are
// read as a message without one), a "From " line without the usual sender and date, a message
// over the size limit (skipped, its size and hash still known).
#include "Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace pt::core::intake {

struct MboxMessage {
    qint64 index = 0;      // 0, 1, 2... in the order of the file, too-large ones included
    qint64 offset = 0;     // of its first byte in the file (after the "From " line)
    qint64 length = 0;     // of its bytes in the file
    QByteArray separator;  // the "From " line before it, without its line end (cut at 1,000
                           // bytes); empty when the file did not begin with one
    QByteArray bytes;      // empty when tooLarge
    QString sha256;        // hex, of its bytes in the file
    bool tooLarge = false; // longer than the limit: skipped, only its size and hash are known
};

// Called after each chunk with the bytes read so far and the file's size (-1 when unknown, a
// pipe); returning false cancels.
using MboxProgress = std::function<bool(qint64 done, qint64 total)>;

class MboxReader final {
public:
    static constexpr qint64 DefaultMaxMessageBytes = 64 * 1024 * 1024;

    // `device` must be open for reading and outlive the reader; reading starts where it is.
    explicit MboxReader(QIODevice& device, MboxProgress progress = {},
                        qint64 maxMessageBytes = DefaultMaxMessageBytes);
    ~MboxReader();
    MboxReader(const MboxReader&) = delete;
    MboxReader& operator=(const MboxReader&) = delete;

    // The next message, or nothing at the end of the file, on a read error or when cancelled
    // (then error() says which).
    [[nodiscard]] std::optional<MboxMessage> next();

    [[nodiscard]] const std::optional<Error>& error() const;
    [[nodiscard]] bool cancelled() const;
    [[nodiscard]] qint64 bytesRead() const;
    [[nodiscard]] qint64 totalBytes() const;
    // What was odd about the file so far, one sentence each.
    [[nodiscard]] QStringList notes() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace pt::core::intake
