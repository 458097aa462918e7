#include "app/terminal_progress.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <unistd.h>

namespace naqsha::app {
namespace {

// Redrawing more often than this costs more than it tells.
constexpr std::int64_t redraw_interval_ns = 100'000'000;

} // namespace

terminal_progress::terminal_progress(std::FILE* out, bool enabled) : out_(out), enabled_(enabled) {}

bool terminal_progress::wanted(std::FILE* out, bool quiet) { return !quiet && ::isatty(::fileno(out)) == 1; }

void terminal_progress::start(std::string_view label, std::size_t total) {
    label_ = label;
    total_ = total;
    done_ = 0;
    started_ = std::chrono::steady_clock::now();
    last_draw_ns_ = 0;
    if (enabled_) draw(false);
}

void terminal_progress::advance(std::size_t n) {
    done_.fetch_add(n, std::memory_order_relaxed);
    if (!enabled_) return;
    auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started_).count();
    auto last = last_draw_ns_.load(std::memory_order_relaxed);
    if (now - last < redraw_interval_ns) return;
    if (!last_draw_ns_.compare_exchange_strong(last, now)) return; // another thread draws this frame
    draw(false);
}

void terminal_progress::finish() {
    if (enabled_) draw(true);
}

void terminal_progress::draw(bool final_line) {
    std::lock_guard lock(draw_mutex_);
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    std::size_t done = done_.load(std::memory_order_relaxed);
    double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    std::string line;
    if (total_ > 0) {
        constexpr int width = 28;
        double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
        int filled = static_cast<int>(fraction * width);
        std::string eta = final_line ? format_duration(elapsed)
                          : rate > 0 ? "ETA " + format_duration(static_cast<double>(total_ - std::min(done, total_)) / rate)
                                     : "ETA --:--";
        line = fmt::format("{:<18} [{}{}] {}/{} {:5.1f}% {:.0f}/s {}", label_, std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(width - filled), '.'), done, total_, fraction * 100,
                           rate, eta);
    } else {
        line = fmt::format("{:<18} {} {:.0f}/s {}", label_, done, rate, format_duration(elapsed));
    }
    fmt::print(out_, "\r\x1b[2K{}{}", line, final_line ? "\n" : "");
    std::fflush(out_);
}

std::string format_duration(double seconds) {
    auto total = static_cast<long long>(seconds + 0.5);
    if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, (total / 60) % 60, total % 60);
    return fmt::format("{}:{:02}", total / 60, total % 60);
}

} // namespace naqsha::app
