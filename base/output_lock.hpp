#pragma once
// One naqsha process at a time per output directory, for the whole of its run.
//
// Two runs on one --out used to check for each other only when the staging directory was created; with
// near-simultaneous starts both read the same previous store, and the second swap discarded the first
// run's articles with exit status 0. The lock is an flock() on `<output>.naqsha-lock` beside the output
// (the output directory itself is swapped for a new inode by every run, so it cannot carry the lock).
// The holder writes its PID into the file, so a refused run can name it.
#include <filesystem>
#include <functional>

namespace naqsha {

class output_lock {
public:
    enum class when_busy { refuse, wait };

    // Takes the lock. when_busy::refuse throws busy_error naming the output and the holder's PID;
    // when_busy::wait calls `waiting(pid)` once and blocks until the holder is done (throws
    // interrupted_error if asked to stop meanwhile). Throws output_error when the lock file cannot be
    // created (the output's parent directory is missing or not writable).
    output_lock(const std::filesystem::path& output, when_busy busy,
                const std::function<void(long holder_pid)>& waiting = {});
    ~output_lock(); // removes the lock file and releases the lock
    output_lock(const output_lock&) = delete;
    output_lock& operator=(const output_lock&) = delete;

    static std::filesystem::path lock_file_of(const std::filesystem::path& output);

private:
    bool try_lock(int fd) const; // false while another process holds it
    void release();
    std::filesystem::path file_;
    int fd_ = -1;
};

} // namespace naqsha
