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

    // Blocks until item `seq` may be given out (it lies within the window). Once the run has failed
    // (see fail()) it throws that failure instead, so the producer stops giving out work.
    void wait_for_turn(std::size_t seq) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return failure_ || seq < next_ + window_; });
        if (failure_) std::rethrow_exception(failure_);
    }

    // Hands over the result of item `seq`; delivers it, and any that waited for it, if its turn has
    // come. A delivery that throws fails the run, as fail() does.
    void put(std::size_t seq, T result) {
        std::lock_guard lock(mutex_);
        if (failure_) return; // the run is ending: nothing more is written
        pending_.emplace(seq, std::move(result));
        while (!pending_.empty() && pending_.begin()->first == next_) {
            auto node = pending_.extract(pending_.begin());
            try {
                deliver_(std::move(node.mapped()));
            } catch (...) {
                fail_locked(std::current_exception());
                return;
            }
            ++next_;
        }
        room_.notify_all();
    }

    // Ends the run with `failure` (the first one wins): a worker that could not produce its item
    // calls this rather than leave a gap every later item would wait behind. Allocates nothing, so
    // it also works for std::bad_alloc.
    void fail(std::exception_ptr failure) noexcept {
        std::lock_guard lock(mutex_);
        fail_locked(std::move(failure));
    }

    // The run's failure, if any (call once every worker has stopped).
    void rethrow_failure() {
        std::lock_guard lock(mutex_);
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    void fail_locked(std::exception_ptr failure) noexcept {
        if (!failure_) failure_ = std::move(failure);
        room_.notify_all();
    }

    std::size_t window_;
    std::function<void(T&&)> deliver_;
    std::mutex mutex_;
    std::condition_variable room_;
    std::map<std::size_t, T> pending_;
    std::size_t next_ = 0;
    std::exception_ptr failure_;
};

} // namespace naqsha::app
