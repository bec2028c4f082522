#pragma once
// A zip written as a stream (libarchive): each file's bytes go out as they come, so nothing is
// held whole and nothing touches disk; sizes need not be known ahead (data descriptors), and
// zip64 is used where a file or the archive passes 4 GiB. The bytes go to a sink (the age writer).
// Files are stored, not deflated: libarchive sets compression once per zip, most of the bytes are
// photos and PDFs that do not shrink, and the age layer after it costs the same either way.
#include "Result.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace pt::core::archive {

class ZipStream final {
public:
    // Takes every byte given; false on a write error (the zip then fails with that message).
    using Sink = std::function<bool(const char* data, qint64 size)>;

    explicit ZipStream(Sink sink);
    ~ZipStream();
    ZipStream(const ZipStream&) = delete;
    ZipStream& operator=(const ZipStream&) = delete;

    // `path` is a relative path with '/' separators, already made safe (safeFileName).
    [[nodiscard]] Status beginFile(const QString& path, const QDateTime& modified);
    [[nodiscard]] Status write(const char* data, qint64 size);
    [[nodiscard]] Status write(const QByteArray& bytes) { return write(bytes.constData(), bytes.size()); }
    // Writes the central directory; the zip is whole only after this returns ok.
    [[nodiscard]] Status finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace pt::core::archive
