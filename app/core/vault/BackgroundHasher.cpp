#include "BackgroundHasher.h"

namespace pt::core {

BackgroundHasher::BackgroundHasher() : m_thread([this] { run(); }) {}

BackgroundHasher::~BackgroundHasher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_changed.notify_all();
    m_thread.join();
}

std::size_t BackgroundHasher::submit(crypto::ByteView plaintext, crypto::ByteView ciphertext)
{
    std::size_t ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back({plaintext, ciphertext});
        ticket = ++m_submitted;
    }
    m_changed.notify_all();
    return ticket;
}

void BackgroundHasher::waitFor(std::size_t ticket)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_done >= ticket; });
}

BackgroundHasher::Digests BackgroundHasher::finish()
{
    std::size_t last = 0;
    {
        std::lock_guard lock(m_mutex);
        last = m_submitted;
    }
    waitFor(last);
    return {m_plaintext.finish(), m_ciphertext.finish()};
}

void BackgroundHasher::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
        if (m_stopping)
            return;
        const Job job = m_jobs.front();
        m_jobs.pop_front();
        lock.unlock();
        m_plaintext.update(job.plaintext);
        m_ciphertext.update(job.ciphertext);
        lock.lock();
        ++m_done;
        m_changed.notify_all();
    }
}

} // namespace pt::core
