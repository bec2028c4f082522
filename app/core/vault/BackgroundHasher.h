#pragma once
// SHA-256 of an attachment's plaintext and of its ciphertext, computed on a second thread, in
// submission order, while the caller encrypts the next batch. The two hashes the format needs
// cost more than the encryption itself; beside it they cost far less.
#include "crypto/Sha256.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace pt::core {

class BackgroundHasher final {
public:
    BackgroundHasher();
    ~BackgroundHasher(); // drops jobs not yet started and joins
    BackgroundHasher(const BackgroundHasher&) = delete;
    BackgroundHasher& operator=(const BackgroundHasher&) = delete;

    // Queues bytes for both hashes; they must stay valid and unchanged until waitFor(ticket)
    // returns. Tickets count from 1.
    std::size_t submit(crypto::ByteView plaintext, crypto::ByteView ciphertext);
    void waitFor(std::size_t ticket);

    struct Digests {
        crypto::Digest plaintext;
        crypto::Digest ciphertext;
    };
    // Waits for every queued job; the hasher must not be used afterwards.
    [[nodiscard]] Digests finish();

private:
    struct Job {
        crypto::ByteView plaintext;
        crypto::ByteView ciphertext;
    };
    void run();

    crypto::Sha256 m_plaintext;
    crypto::Sha256 m_ciphertext;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_jobs;
    std::size_t m_submitted = 0;
    std::size_t m_done = 0;
    bool m_stopping = false;
    std::thread m_thread; // last: starts after everything it uses exists
};

} // namespace pt::core
