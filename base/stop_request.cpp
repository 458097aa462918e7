#include "base/stop_request.hpp"

#include "base/error.hpp"

#include <atomic>
#include <csignal>
#include <string>

namespace naqsha {
namespace {

std::atomic<int> requested{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free atomic");

extern "C" void on_stop_signal(int signal) {
    if (requested.exchange(signal) == 0) return;
    // Asked twice: stop now, as if no handler were installed.
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signal : {SIGTERM, SIGINT}) sigaction(signal, &action, nullptr);
}

int stop_signal() noexcept { return requested.load(std::memory_order_relaxed); }

void throw_if_stop_requested() {
    const int signal = stop_signal();
    if (signal == 0) return;
    const std::string name = signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "signal " + std::to_string(signal);
    throw interrupted_error(signal, "stopped by " + name + "; what this run had begun to write was removed");
}

} // namespace naqsha
