#include "base/staged_directory.hpp"

#include "base/error.hpp"
#include "base/path_status.hpp"

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

void fsync_path(const fs::path& p, int flags) {
    int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

staged_directory::staged_directory(std::filesystem::path output, output_lock::when_busy busy,
                                   const std::function<void(long)>& waiting)
    : output_(std::move(output)) {
    if (output_.filename().empty()) output_ = output_.parent_path(); // "out/" -> "out"
    std::error_code ec;
    auto parent = output_.parent_path();
    if (!parent.empty()) {
        fs::create_directories(parent, ec);
        if (ec)
            throw output_error(output_.string() + ": cannot create its parent directory " + parent.string() + ": " +
                               ec.message() + "; choose another --out");
    }
    // Locked before anything is looked at: a run waiting for another must see that run's output.
    lock_.emplace(output_, busy, waiting);
    auto status = fs::symlink_status(output_, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status))
            throw output_error(output_.string() + ": exists and is not a directory; choose another --out");
        if (!is_empty_directory(output_) && !exists_no_follow(output_ / output_marker))
            throw output_error(output_.string() + ": is not empty and was not written by naqsha (no " +
                               output_marker + " file); refusing to replace it: choose another --out");
        had_output_ = true;
    }
    area_.emplace(output_);
}

staged_directory::~staged_directory() = default; // the area removes itself: the new set, or the old one after commit

std::filesystem::path staged_directory::previous() const { return had_output_ ? output_ : fs::path(); }

bool staged_directory::carry_over(const std::filesystem::path& relative, const std::filesystem::path& as) {
    if (!had_output_) return false;
    const auto from = output_ / relative;
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(from, ec))) return false;
    const auto to = staging() / (as.empty() ? relative : as);
    fs::create_directories(to.parent_path(), ec);
    fs::create_hard_link(from, to, ec);
    if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) throw output_error(to.string() + ": cannot keep " + from.string() + ": " + ec.message());
    return true;
}

void staged_directory::commit() {
    const auto& staging = area_->path();
    // The output marker goes in before the staging marker goes out: never a moment without either.
    int marker = ::open((staging / output_marker).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (marker < 0) throw output_error((staging / output_marker).string() + ": cannot write: " + std::strerror(errno));
    static constexpr char note[] = "Written by naqsha run. naqsha replaces this directory as a whole on every run.\n";
    bool written = ::write(marker, note, sizeof note - 1) == static_cast<ssize_t>(sizeof note - 1);
    ::close(marker);
    if (!written) throw output_error((staging / output_marker).string() + ": cannot write: " + std::strerror(errno));
    std::error_code ec;
    fs::remove(staging / staging_area::marker, ec);

    // One syncfs flushes every file and directory of the staging tree (however many tiles) before the
    // swap makes it visible: cheaper than an fsync per file, and nothing can be forgotten.
    if (::syncfs(area_->descriptor()) != 0) throw output_error(staging.string() + ": cannot flush to disk: " + std::strerror(errno));

    if (had_output_ && exists_no_follow(output_)) {
        if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, output_.c_str(), RENAME_EXCHANGE) != 0)
            throw output_error(output_.string() + ": cannot swap in the new output (" + staging.string() +
                               "): " + std::strerror(errno));
    } else if (::rename(staging.c_str(), output_.c_str()) != 0) {
        throw output_error(output_.string() + ": cannot move the new output into place: " + std::strerror(errno));
    }
    auto parent = output_.parent_path();
    fsync_path(parent.empty() ? fs::path(".") : parent, O_RDONLY | O_DIRECTORY);
    // The staging name now holds the previous output (or nothing); the area removes it when destroyed,
    // which is tidying only: a kill meanwhile leaves a leftover, still marked, that the next run removes.
}

} // namespace naqsha
