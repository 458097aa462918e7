#pragma once
// Articles gathered into batches on their way to worker threads. Handing articles over one at a time
// cost about three futex calls each, which on a virtual machine came to a third of the CPU time of
// two workers. A batch is handed over when it holds `max_entries` entries or its articles' text
// reaches batch_max_bytes, and at the end of the input.
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace naqsha::app {

inline constexpr std::size_t batch_max_entries = 64;
inline constexpr std::size_t batch_max_bytes = std::size_t{1} << 20;

template <typename Entry>
class article_batcher {
public:
    article_batcher(std::size_t max_entries, std::function<void(std::vector<Entry>&&)> hand_over)
        : max_entries_(max_entries < 1 ? 1 : max_entries), hand_over_(std::move(hand_over)) {}

    // `text_bytes`: how much article text the entry carries (0 for one that carries none).
    void add(Entry entry, std::size_t text_bytes) {
        entries_.push_back(std::move(entry));
        bytes_ += text_bytes;
        if (entries_.size() >= max_entries_ || bytes_ >= batch_max_bytes) flush();
    }

    // Hands over what has been gathered, if anything.
    void flush() {
        if (entries_.empty()) return;
        std::vector<Entry> batch;
        batch.swap(entries_);
        bytes_ = 0;
        hand_over_(std::move(batch));
    }

private:
    std::size_t max_entries_;
    std::function<void(std::vector<Entry>&&)> hand_over_;
    std::vector<Entry> entries_;
    std::size_t bytes_ = 0;
};

} // namespace naqsha::app
