#pragma once
// Worker threads draining a bounded_queue, always joined: whatever leaves the owner's scope early (a
// reader failure, a thread that cannot start), the queue is closed and every worker joined first, as
// a std::thread destroyed while joinable would abort the process.
#include <thread>
#include <utility>
#include <vector>

namespace naqsha::app {

template <typename Queue>
class queue_workers {
public:
    explicit queue_workers(Queue& queue) : queue_(queue) {}
    queue_workers(const queue_workers&) = delete;
    queue_workers& operator=(const queue_workers&) = delete;
    ~queue_workers() { join(); }

    template <typename Work>
    void start(Work&& work) {
        threads_.emplace_back(std::forward<Work>(work));
    }

    // Closes the queue (the workers finish what it holds) and waits for them.
    void join() {
        queue_.close();
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }

private:
    Queue& queue_;
    std::vector<std::thread> threads_;
};

} // namespace naqsha::app
