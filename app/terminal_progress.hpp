#pragma once
// Progress bars with rate and ETA on a terminal; silent when stderr is not a terminal or --quiet.
#include "base/progress.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace naqsha::app {

class terminal_progress final : public progress_sink {
public:
    // enabled: draw at all (callers pass isatty(stderr) && !quiet).
    terminal_progress(std::FILE* out, bool enabled);
    void start(std::string_view label, std::size_t total) override;
    void advance(std::size_t n = 1) override;
    void finish() override;

    // Whether bars should be drawn for this stream: a terminal, and not under --quiet.
    static bool wanted(std::FILE* out, bool quiet);

private:
    void draw(bool final_line);

    std::FILE* out_;
    bool enabled_;
    std::string label_;
    std::size_t total_ = 0;
    std::atomic<std::size_t> done_{0};
    std::chrono::steady_clock::time_point started_;
    std::atomic<std::int64_t> last_draw_ns_{0};
    std::mutex draw_mutex_;
};

// Formats a duration in seconds as H:MM:SS or M:SS.
std::string format_duration(double seconds);

} // namespace naqsha::app
