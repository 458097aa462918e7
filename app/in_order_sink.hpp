#pragma once
// Results that worker threads finish in any order, handed on in the order the work was given out:
// `naqsha extract --jobs N` must write the same bytes, in the same order, as one thread does.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <utility>

namespace naqsha::app {

template <typename T>
class in_order_sink {
public:
    // `deliver` sees every result once, in sequence order, one call at a time. `window` bounds how
    // far ahead of the next delivery work may be given out, so one slow item holds back memory for
    // at most that many finished ones.
    in_order_sink(std::size_t window, std::function<void(T&&)> deliver)
        : window_(window < 1 ? 1 : window), deliver_(std::move(deliver)) {}

    // Blocks until item `seq` may be given out (it lies within the window).
    void wait_for_turn(std::size_t seq) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return seq < next_ + window_; });
    }

    // Hands over the result of item `seq`; delivers it, and any that waited for it, if its turn has come.
    void put(std::size_t seq, T result) {
        std::lock_guard lock(mutex_);
        pending_.emplace(seq, std::move(result));
        while (!pending_.empty() && pending_.begin()->first == next_) {
            auto node = pending_.extract(pending_.begin());
            // A failed delivery must not stop the sequence (every later put would wait for it): the
            // first failure is kept for the owner and the rest of the results still go through.
            try {
                deliver_(std::move(node.mapped()));
            } catch (...) {
                if (!failure_) failure_ = std::current_exception();
            }
            ++next_;
        }
        room_.notify_all();
    }

    // The first exception a delivery threw, if any (call once every put is done).
    void rethrow_failure() {
        std::lock_guard lock(mutex_);
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    std::size_t window_;
    std::function<void(T&&)> deliver_;
    std::mutex mutex_;
    std::condition_variable room_;
    std::map<std::size_t, T> pending_;
    std::size_t next_ = 0;
    std::exception_ptr failure_;
};

} // namespace naqsha::app
