#include "base/staging_area.hpp"

#include "base/error.hpp"
#include "base/path_status.hpp"
#include "base/staged_directory.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace naqsha {
namespace {

namespace fs = std::filesystem;

// Locks a directory we own for the lifetime of the returned descriptor; -1 when another live
// process holds it.
int try_lock_directory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Areas of killed processes sit beside the target under our name pattern and carry one of our markers;
// their processes hold no lock on them any more.
void remove_leftovers(const fs::path& target) {
    auto parent = target.parent_path();
    auto prefix = target.filename().string() + staging_area::name_infix;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(parent.empty() ? fs::path(".") : parent, ec)) {
        auto name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || entry.is_symlink(ec) || !entry.is_directory(ec)) continue;
        if (!exists_no_follow(entry.path() / staging_area::marker) &&
            !exists_no_follow(entry.path() / staged_directory::output_marker))
            continue;
        int fd = try_lock_directory(entry.path());
        if (fd < 0) throw busy_error(target.string() + ": another naqsha run is writing it (" + entry.path().string() + ")");
        remove_marked_directory(entry.path());
        ::close(fd);
    }
}

} // namespace

void remove_marked_directory(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(dir, ec))) return;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        auto name = entry.path().filename();
        if (name == staging_area::marker || name == staged_directory::output_marker) continue;
        fs::remove_all(entry.path(), ec);
    }
    fs::remove(dir / staging_area::marker, ec);
    fs::remove(dir / staged_directory::output_marker, ec);
    fs::remove(dir, ec);
}

staging_area::staging_area(const fs::path& target) {
    remove_leftovers(target);
    path_ = target;
    path_ += name_infix + std::to_string(::getpid());
    std::error_code ec;
    fs::remove_all(path_, ec); // a leftover of an earlier process with our pid, unlocked (a link is removed, not followed)
    if (::mkdir(path_.c_str(), 0755) != 0)
        throw output_error(target.string() + ": cannot create the staging directory " + path_.string() +
                           " beside it: " + std::strerror(errno));
    fd_ = try_lock_directory(path_);
    const int marker_fd = fd_ < 0 ? -1 : ::openat(fd_, marker, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (marker_fd < 0) {
        const std::string reason = std::strerror(errno);
        remove_marked_directory(path_);
        if (fd_ >= 0) ::close(fd_);
        throw output_error(path_.string() + ": cannot prepare the staging directory: " + reason);
    }
    ::close(marker_fd);
}

staging_area::~staging_area() {
    remove_marked_directory(path_);
    if (fd_ >= 0) ::close(fd_);
}

} // namespace naqsha
