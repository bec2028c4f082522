// mbox files as a damaged export could hold them: MboxReader over any bytes, from memory in one
// piece and through a pipe that hands out a few bytes at a time (issue 12).
//
// Properties: no crash or hang; the messages come in order and never overlap, each one's bytes
// are exactly the file's at its offset and its SHA-256 theirs (a message over the limit keeps
// only its length and hash); a separator line starts with "From " and is at most 1,000 bytes;
// only the first message may lack one; the pipe gives the same messages as the whole buffer.
//
// Seeds in corpus/mbox: small mbox files with LF and CRLF ends, ">From " lines, a file that
// does not start with "From ", a broken separator and a message over the fuzzing limit.
#include "FuzzSupport.h"
#include "crypto/Sha256.h"
#include "intake/MboxReader.h"

#include <QBuffer>

#include <algorithm>
#include <cstring>

using namespace pt;
using namespace pt::core::intake;

namespace {

constexpr qint64 MaxMessage = 2048; // small, so messages over the limit are common

class TrickleDevice final : public QIODevice {
public:
    TrickleDevice(const QByteArray& data, qint64 step) : m_data(data), m_step(step)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        if (m_pos >= m_data.size())
            return -1;
        const qint64 n = std::min({max, m_step, qint64(m_data.size()) - m_pos});
        std::memcpy(out, m_data.constData() + m_pos, std::size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    const QByteArray& m_data;
    qint64 m_step;
    qint64 m_pos = 0;
};

QList<MboxMessage> readAll(QIODevice& device)
{
    MboxReader reader(device, {}, MaxMessage);
    QList<MboxMessage> messages;
    while (auto m = reader.next())
        messages.append(std::move(*m));
    PT_FUZZ_CHECK(!reader.error().has_value());
    PT_FUZZ_CHECK(reader.notes().size() <= 51);
    return messages;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const QByteArray bytes = fuzz::qbytes(data, size);
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    const QList<MboxMessage> messages = readAll(buffer);

    qint64 end = 0;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const MboxMessage& m = messages[i];
        PT_FUZZ_CHECK(m.index == i);
        PT_FUZZ_CHECK(m.offset >= end && m.length > 0 && m.offset + m.length <= bytes.size());
        end = m.offset + m.length;
        const QByteArray inFile = bytes.mid(m.offset, m.length);
        PT_FUZZ_CHECK(m.tooLarge == (m.length > MaxMessage));
        PT_FUZZ_CHECK(m.tooLarge ? m.bytes.isEmpty() : m.bytes == inFile);
        const auto digest = crypto::Sha256::hash(fuzz::view(inFile));
        PT_FUZZ_CHECK(QString::fromStdString(crypto::toHex(digest)) == m.sha256);
        PT_FUZZ_CHECK(m.separator.size() <= 1000);
        PT_FUZZ_CHECK(m.separator.isEmpty() ? i == 0 : m.separator.startsWith("From "));
        PT_FUZZ_CHECK(!m.separator.contains('\n'));
    }

    // Through a pipe: the same messages, whatever the pieces.
    const qint64 step = size > 0 ? 1 + data[0] % 13 : 1;
    TrickleDevice pipe(bytes, step);
    const QList<MboxMessage> piped = readAll(pipe);
    PT_FUZZ_CHECK(piped.size() == messages.size());
    for (qsizetype i = 0; i < piped.size() && i < messages.size(); ++i) {
        PT_FUZZ_CHECK(piped[i].offset == messages[i].offset);
        PT_FUZZ_CHECK(piped[i].sha256 == messages[i].sha256);
        PT_FUZZ_CHECK(piped[i].separator == messages[i].separator);
    }
    return 0;
}
