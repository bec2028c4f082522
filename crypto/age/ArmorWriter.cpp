#include "crypto/age/ArmorWriter.h"

#include "crypto/age/ArmorReader.h"

#include <algorithm>
#include <cstring>

namespace pt::crypto::age {

Sink ArmorWriter::sink()
{
    return [this](ByteView bytes) { return write(bytes); };
}

bool ArmorWriter::begin()
{
    if (!m_begun) {
        m_begun = true;
        const std::string line = std::string(ArmorBeginLine) + '\n';
        m_failed = m_failed || !m_out(view(line));
    }
    return !m_failed;
}

bool ArmorWriter::emitLine(ByteView bytes)
{
    const std::string line = toBase64(bytes) + '\n';
    m_failed = m_failed || !m_out(view(line));
    return !m_failed;
}

bool ArmorWriter::write(ByteView bytes)
{
    if (m_finished || !begin())
        return false;
    while (!bytes.empty()) {
        const std::size_t n = std::min(m_pending.size() - m_pendingSize, bytes.size());
        std::memcpy(m_pending.data() + m_pendingSize, bytes.data(), n);
        m_pendingSize += n;
        bytes = bytes.subspan(n);
        if (m_pendingSize == m_pending.size()) {
            m_pendingSize = 0;
            if (!emitLine(m_pending))
                return false;
        }
    }
    return true;
}

Status ArmorWriter::finish()
{
    if (m_finished)
        return {ErrorCode::Usage, "age: armor finished twice"};
    m_finished = true;
    if (begin() && m_pendingSize != 0)
        emitLine(ByteView(m_pending.data(), m_pendingSize));
    const std::string line = std::string(ArmorEndLine) + '\n';
    if (!m_failed)
        m_failed = !m_out(view(line));
    if (m_failed)
        return {ErrorCode::Io, "writing the encrypted file failed"};
    return {};
}

} // namespace pt::crypto::age
