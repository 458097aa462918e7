#include "base/output_lock.hpp"

#include "base/error.hpp"
#include "base/stop_request.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace naqsha {
namespace {

namespace fs = std::filesystem;

// The PID the holder wrote, or 0 while it has not written it yet.
long holder_pid(int fd) {
    char text[32] = {};
    const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
    return n > 0 ? std::strtol(text, nullptr, 10) : 0;
}

// Whether `fd` is still the file at `path`: the holder before us may have removed it after we opened it,
// and a lock on a removed file excludes no one.
bool still_linked(int fd, const fs::path& path) {
    struct stat held {}, named {};
    if (::fstat(fd, &held) != 0 || ::lstat(path.c_str(), &named) != 0) return false;
    return held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

} // namespace

fs::path output_lock::lock_file_of(const fs::path& output) {
    fs::path file = output;
    file += ".naqsha-lock";
    return file;
}

output_lock::output_lock(const fs::path& output, when_busy busy, const std::function<void(long)>& waiting)
    : file_(lock_file_of(output)) {
    bool announced = false;
    for (;;) {
        fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd_ < 0)
            throw output_error(output.string() + ": cannot create the lock file " + file_.string() + ": " +
                               std::strerror(errno));
        if (!try_lock(fd_)) {
            // The holder writes its PID right after locking: give it a moment before naming it.
            long pid = holder_pid(fd_);
            for (int i = 0; pid == 0 && i < 20; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                pid = holder_pid(fd_);
            }
            if (busy == when_busy::refuse) {
                release();
                throw busy_error(output.string() + ": another naqsha run (PID " +
                                 (pid > 0 ? std::to_string(pid) : std::string("unknown")) +
                                 ") is writing it; try again when it has finished, or pass --wait to wait for it");
            }
            if (!announced && waiting) waiting(pid);
            announced = true;
            // Polled rather than blocking in flock(), so that SIGTERM (handled with SA_RESTART) ends the wait.
            while (!try_lock(fd_)) {
                if (stop_signal() != 0) {
                    release();
                    throw_if_stop_requested();
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        if (still_linked(fd_, file_)) break;
        release();
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    // Without the PID the lock still holds; only a refused run's message would lack it.
    [[maybe_unused]] const bool written =
        ::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
}

bool output_lock::try_lock(int fd) const {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
    if (errno == EWOULDBLOCK) return false;
    throw output_error(file_.string() + ": cannot lock: " + std::strerror(errno));
}

void output_lock::release() {
    ::close(fd_);
    fd_ = -1;
}

output_lock::~output_lock() {
    if (fd_ < 0) return;
    // Removed while still held: a process waiting on this file then finds it unlinked and starts over
    // on a new one (still_linked), so the removal never lets two runs in at once.
    ::unlink(file_.c_str());
    release();
}

} // namespace naqsha
