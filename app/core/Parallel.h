#pragma once
// Splits independent per-item work (decrypt and parse thousands of records at unlock) across the
// machine's cores. `work(i)` must only touch item i's output.
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace pt::core {

template <typename Work>
void parallelFor(std::size_t count, Work&& work)
{
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    if (count < 256 || threads == 1) {
        for (std::size_t i = 0; i < count; ++i)
            work(i);
        return;
    }
    const std::size_t per = (count + threads - 1) / threads;
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back([&, t] {
            for (std::size_t i = t * per; i < std::min(count, (t + 1) * per); ++i)
                work(i);
        });
    for (std::size_t i = 0; i < std::min(count, per); ++i)
        work(i);
    for (std::thread& h : helpers)
        h.join();
}

} // namespace pt::core
