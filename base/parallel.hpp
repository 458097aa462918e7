#pragma once
// Runs fn(index, worker) for index in [0, count) on `threads` threads; each worker takes the next
// index as it finishes one, so uneven tiles balance out. Rethrows the first exception on the caller.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace naqsha {

template <class Fn>
void parallel_for(std::size_t count, unsigned threads, Fn&& fn) {
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&](unsigned worker) {
        try {
            for (std::size_t i = next++; i < count; i = next++) fn(i, worker);
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = count;
        }
    };
    std::vector<std::thread> pool;
    // Joined however this scope ends (a thread that cannot start throws): a joinable std::thread
    // destroyed unjoined would abort the process.
    struct join_all {
        std::vector<std::thread>& threads;
        ~join_all() {
            for (auto& t : threads)
                if (t.joinable()) t.join();
        }
    } joiner{pool};
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

} // namespace naqsha
