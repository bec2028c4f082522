#pragma once
// Splits independent per-item work (decrypt and parse thousands of records at unlock) across the
// machine's cores. `work(i)` must only touch item i's output.
//
// Items are handed out in small batches from a shared counter, so a thread the system pauses
// (a busy phone, a shared VM) holds up one batch, not half the work. ParallelWork starts at once
// and lets the calling thread do something else (read the next table) before it joins in.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace pt::core {

class ParallelWork {
public:
    ParallelWork(std::size_t count, std::function<void(std::size_t)> work)
        : m_count(count), m_work(std::move(work))
    {
        const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
        if (count < MinimumForThreads)
            return; // join() does it all on the calling thread
        // One thread per core, counting the caller: it is busy with its own work (or joins at once).
        for (std::size_t t = 1; t < threads; ++t)
            m_helpers.emplace_back([this] { drain(); });
    }
    ParallelWork(const ParallelWork&) = delete;
    ParallelWork& operator=(const ParallelWork&) = delete;
    ~ParallelWork() { join(); }

    // Works alongside the helpers until every item is done, then waits for them.
    void join()
    {
        drain();
        for (std::thread& helper : m_helpers)
            helper.join();
        m_helpers.clear();
    }

private:
    static constexpr std::size_t MinimumForThreads = 256;
    static constexpr std::size_t Batch = 64;

    void drain()
    {
        for (;;) {
            const std::size_t first = m_next.fetch_add(Batch, std::memory_order_relaxed);
            if (first >= m_count)
                return;
            for (std::size_t i = first; i < std::min(m_count, first + Batch); ++i)
                m_work(i);
        }
    }

    const std::size_t m_count;
    const std::function<void(std::size_t)> m_work;
    std::atomic<std::size_t> m_next{0};
    std::vector<std::thread> m_helpers;
};

template <typename Work>
void parallelFor(std::size_t count, Work&& work)
{
    ParallelWork(count, std::forward<Work>(work)).join();
}

} // namespace pt::core
