#pragma once
// A large attachment without a large file: `size` pseudo-random bytes made from a seed as they
// are read (splitmix64 of each 8-byte word's index, so any offset can be read, and seek works),
// and the SHA-256 of the same bytes computed on their own. Used by the sync tests and by
// bench/sync_bench.cpp for attachments of hundreds of MiB to 1 GiB.
#include "crypto/Sha256.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <algorithm>
#include <cstring>
#include <vector>

namespace pt::test {

class GeneratedSource final : public QIODevice {
public:
    GeneratedSource(qint64 size, quint64 seed) : m_size(size), m_seed(seed)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    [[nodiscard]] bool isSequential() const override { return false; }
    [[nodiscard]] qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override
    {
        if (pos < 0 || pos > m_size || !QIODevice::seek(pos))
            return false;
        m_offset = pos;
        return true;
    }

    // The SHA-256 (lower-case hex) of everything this source yields, without keeping it.
    [[nodiscard]] static QString sha256Of(qint64 size, quint64 seed)
    {
        GeneratedSource source(size, seed);
        crypto::Sha256 hash;
        std::vector<char> buffer(1024 * 1024);
        qint64 n = 0;
        while ((n = source.read(buffer.data(), qint64(buffer.size()))) > 0)
            hash.update({reinterpret_cast<const std::uint8_t*>(buffer.data()), static_cast<std::size_t>(n)});
        const crypto::Digest digest = hash.finish();
        return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char*>(digest.data()), qsizetype(digest.size())).toHex());
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 start = m_offset;
        const qint64 n = std::min(maxSize, m_size - start);
        for (qint64 done = 0; done < n;) {
            const qint64 offset = start + done;
            const quint64 word = wordAt(quint64(offset) / 8);
            const qint64 within = offset % 8;
            const qint64 take = std::min<qint64>(8 - within, n - done);
            std::memcpy(data + done, reinterpret_cast<const char*>(&word) + within, std::size_t(take));
            done += take;
        }
        m_offset += std::max<qint64>(n, 0);
        return std::max<qint64>(n, 0);
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    [[nodiscard]] quint64 wordAt(quint64 index) const
    {
        quint64 z = m_seed + (index + 1) * 0x9E3779B97F4A7C15ULL; // splitmix64
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    qint64 m_size;
    quint64 m_seed;
    qint64 m_offset = 0;
};

} // namespace pt::test
