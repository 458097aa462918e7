#include "geo/staged_directory.hpp"

#include "geo/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace naqsha {
namespace {

namespace fs = std::filesystem;

constexpr const char* staging_infix = ".naqsha-staging-";
constexpr const char* staging_marker = ".naqsha-staging";

std::string errno_text() { return std::strerror(errno); }

bool exists_no_follow(const fs::path& p) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(p, ec));
}

bool is_empty_dir(const fs::path& dir) {
    std::error_code ec;
    return fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

// Locks a directory we own for the lifetime of the returned descriptor; -1 when another live
// process holds it.
int try_lock_directory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

void fsync_path(const fs::path& p, int flags) {
    int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Removes a staging directory (or a previous output moved aside) markers last, so that a run killed
// while removing it leaves a directory the next run still recognises as ours and finishes removing.
// remove_all alone deletes in directory order and may take the marker first, orphaning the rest.
void remove_marked_directory(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        auto name = entry.path().filename();
        if (name == staging_marker || name == staged_directory::output_marker) continue;
        fs::remove_all(entry.path(), ec);
    }
    fs::remove(dir / staging_marker, ec);
    fs::remove(dir / staged_directory::output_marker, ec);
    fs::remove(dir, ec);
}

// Staging directories of killed runs sit beside the output under our name pattern and carry one of
// our markers; their runs hold no lock on them any more.
void remove_leftovers(const fs::path& output) {
    auto parent = output.parent_path();
    auto prefix = output.filename().string() + staging_infix;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(parent.empty() ? fs::path(".") : parent, ec)) {
        auto name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || !entry.is_directory(ec) || entry.is_symlink(ec)) continue;
        if (!exists_no_follow(entry.path() / staging_marker) &&
            !exists_no_follow(entry.path() / staged_directory::output_marker))
            continue;
        int fd = try_lock_directory(entry.path());
        if (fd < 0)
            throw output_error(output.string() + ": another naqsha run is writing it (" + entry.path().string() + ")");
        remove_marked_directory(entry.path());
        ::close(fd);
    }
}

} // namespace

staged_directory::staged_directory(std::filesystem::path output) : output_(std::move(output)) {
    if (output_.filename().empty()) output_ = output_.parent_path(); // "out/" -> "out"
    std::error_code ec;
    auto status = fs::symlink_status(output_, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status))
            throw output_error(output_.string() + ": exists and is not a directory; choose another --out");
        if (!is_empty_dir(output_) && !exists_no_follow(output_ / output_marker))
            throw output_error(output_.string() + ": is not empty and was not written by naqsha (no " +
                               output_marker + " file); refusing to replace it: choose another --out");
        had_output_ = true;
    }
    auto parent = output_.parent_path();
    if (!parent.empty()) {
        fs::create_directories(parent, ec);
        if (ec)
            throw output_error(output_.string() + ": cannot create its parent directory " + parent.string() + ": " +
                               ec.message() + "; choose another --out");
    }
    remove_leftovers(output_);

    staging_ = output_;
    staging_ += staging_infix + std::to_string(::getpid());
    fs::remove_all(staging_, ec); // a leftover of an earlier process with our pid, unlocked
    if (::mkdir(staging_.c_str(), 0755) != 0)
        throw output_error(output_.string() + ": cannot create the staging directory " + staging_.string() +
                           " beside it: " + errno_text());
    lock_fd_ = try_lock_directory(staging_);
    if (lock_fd_ < 0) throw output_error(staging_.string() + ": cannot lock staging directory: " + errno_text());
    int marker = ::open((staging_ / staging_marker).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (marker < 0) throw output_error(staging_.string() + ": cannot write: " + errno_text());
    ::close(marker);
}

staged_directory::~staged_directory() {
    if (!committed_) remove_marked_directory(staging_);
    if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::filesystem::path staged_directory::previous() const { return had_output_ ? output_ : fs::path(); }

void staged_directory::copy_from_previous(const std::filesystem::path& relative) {
    if (!had_output_) return;
    auto from = output_ / relative;
    if (!exists_no_follow(from)) return;
    auto to = staging_ / relative;
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    fs::copy(from, to, fs::copy_options::overwrite_existing | fs::copy_options::recursive, ec);
    if (ec) throw output_error(to.string() + ": cannot copy from " + from.string() + ": " + ec.message());
}

void staged_directory::commit() {
    // The output marker goes in before the staging marker goes out: never a moment without either.
    int marker = ::open((staging_ / output_marker).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (marker < 0) throw output_error((staging_ / output_marker).string() + ": cannot write: " + errno_text());
    static constexpr char note[] = "Written by naqsha run. naqsha replaces this directory as a whole on every run.\n";
    bool written = ::write(marker, note, sizeof note - 1) == static_cast<ssize_t>(sizeof note - 1);
    ::close(marker);
    if (!written) throw output_error((staging_ / output_marker).string() + ": cannot write: " + errno_text());
    std::error_code ec;
    fs::remove(staging_ / staging_marker, ec);

    // One syncfs flushes every file and directory of the staging tree (however many tiles) before the
    // swap makes it visible: cheaper than an fsync per file, and nothing can be forgotten.
    if (::syncfs(lock_fd_) != 0) throw output_error(staging_.string() + ": cannot flush to disk: " + errno_text());

    if (had_output_ && exists_no_follow(output_)) {
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, output_.c_str(), RENAME_EXCHANGE) != 0)
            throw output_error(output_.string() + ": cannot swap in the new output (" + staging_.string() +
                               "): " + errno_text());
    } else if (::rename(staging_.c_str(), output_.c_str()) != 0) {
        throw output_error(output_.string() + ": cannot move the new output into place: " + errno_text());
    }
    committed_ = true;
    auto parent = output_.parent_path();
    fsync_path(parent.empty() ? fs::path(".") : parent, O_RDONLY | O_DIRECTORY);
    // The staging name now holds the previous output (or nothing); removing it is tidying only: a kill
    // here leaves a leftover, still marked, that the next run removes.
    remove_marked_directory(staging_);
}

} // namespace naqsha
