#include "ZipStream.h"

#include <archive.h>
#include <archive_entry.h>

namespace pt::core::archive {

struct ZipStream::State {
    Sink sink;
    struct archive* zip = nullptr;
    bool open = false;     // a file is being written
    bool broken = false;
    bool sinkFailed = false;
    bool finished = false;

    Error error(const QString& doing) const
    {
        if (sinkFailed)
            return pt::core::failed(QStringLiteral("The archive could not be written (%1): the destination refused the "
                                          "bytes. Check that the disk has room and is still there, then export "
                                          "again.")
                               .arg(doing));
        return pt::core::failed(QStringLiteral("The archive could not be written (%1): %2. Export again.")
                           .arg(doing, QString::fromUtf8(archive_error_string(zip) ? archive_error_string(zip) : "")));
    }
};

ZipStream::ZipStream(Sink sink) : m_state(std::make_unique<State>())
{
    m_state->sink = std::move(sink);
    archive_write_callback* writeCallback = [](struct archive*, void* client, const void* buffer, size_t length) {
        auto* state = static_cast<State*>(client);
        if (!state->sink(static_cast<const char*>(buffer), qint64(length))) {
            state->sinkFailed = true;
            return la_ssize_t(-1);
        }
        return la_ssize_t(length);
    };
    m_state->zip = archive_write_new();
    if (!m_state->zip || archive_write_set_format_zip(m_state->zip) != ARCHIVE_OK ||
        archive_write_set_format_option(m_state->zip, "zip", "compression", "store") != ARCHIVE_OK ||
        archive_write_set_bytes_per_block(m_state->zip, 0) != ARCHIVE_OK ||
        archive_write_open2(m_state->zip, m_state.get(), nullptr, writeCallback, nullptr, nullptr) != ARCHIVE_OK)
        m_state->broken = true;
}

ZipStream::~ZipStream()
{
    if (m_state->zip)
        archive_write_free(m_state->zip); // closes it if finish() was not reached (a cancelled export)
}

Status ZipStream::beginFile(const QString& path, const QDateTime& modified)
{
    State& s = *m_state;
    if (s.broken || s.finished)
        return s.error(QStringLiteral("start ") + path);
    if (s.open && archive_write_finish_entry(s.zip) != ARCHIVE_OK) {
        s.broken = true;
        return s.error(QStringLiteral("end the file before ") + path);
    }
    s.open = false;
    struct archive_entry* entry = archive_entry_new();
    const QByteArray utf8 = path.toUtf8();
    archive_entry_set_pathname_utf8(entry, utf8.constData());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_mtime(entry, modified.toSecsSinceEpoch(), 0);
    archive_entry_unset_size(entry); // streamed: the size goes in a data descriptor after the bytes
    const int r = archive_write_header(s.zip, entry);
    archive_entry_free(entry);
    if (r != ARCHIVE_OK) {
        s.broken = true;
        return s.error(QStringLiteral("start ") + path);
    }
    s.open = true;
    return Ok{};
}

Status ZipStream::write(const char* data, qint64 size)
{
    State& s = *m_state;
    if (s.broken || !s.open)
        return s.error(QStringLiteral("write"));
    while (size > 0) {
        const la_ssize_t n = archive_write_data(s.zip, data, size_t(size));
        if (n <= 0) {
            s.broken = true;
            return s.error(QStringLiteral("write"));
        }
        data += n;
        size -= n;
    }
    return Ok{};
}

Status ZipStream::finish()
{
    State& s = *m_state;
    if (s.broken || s.finished)
        return s.error(QStringLiteral("finish"));
    if ((s.open && archive_write_finish_entry(s.zip) != ARCHIVE_OK) || archive_write_close(s.zip) != ARCHIVE_OK) {
        s.broken = true;
        return s.error(QStringLiteral("finish"));
    }
    s.open = false;
    s.finished = true;
    return Ok{};
}

} // namespace pt::core::archive
