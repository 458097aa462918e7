#include "base/staged_update.hpp"

#include "base/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace naqsha {
namespace {

namespace fs = std::filesystem;

// A directory descriptor, closed when it goes.
class directory_fd {
public:
    explicit directory_fd(int fd) : fd_(fd) {}
    ~directory_fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    directory_fd(const directory_fd&) = delete;
    directory_fd& operator=(const directory_fd&) = delete;
    directory_fd(directory_fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    directory_fd& operator=(directory_fd&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    int get() const { return fd_; }

private:
    int fd_;
};

[[noreturn]] void refuse(int parent, const std::string& name, const fs::path& where, int error) {
    struct stat status {};
    // O_DIRECTORY | O_NOFOLLOW on a link fails with ENOTDIR or ELOOP, depending on what it points to.
    if (::fstatat(parent, name.c_str(), &status, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(status.st_mode))
        throw output_error(where.string() + ": is a symbolic link; naqsha does not follow links it did not create "
                                            "inside its output: remove it, or choose another --out");
    if (error == ENOTDIR)
        throw output_error(where.string() + ": is not a directory; remove it, or choose another --out");
    throw output_error(where.string() + ": cannot open: " + std::strerror(error));
}

// `name` inside `parent`, which must be a real directory (created when absent if `create`).
directory_fd open_directory(int parent, const fs::path& where, const std::string& name, bool create) {
    if (create && ::mkdirat(parent, name.c_str(), 0755) != 0 && errno != EEXIST)
        throw output_error(where.string() + ": cannot create: " + std::strerror(errno));
    const int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) refuse(parent, name, where, errno);
    return directory_fd(fd);
}

} // namespace

staged_update::staged_update(fs::path target) : target_(std::move(target)) {
    if (target_.filename().empty()) target_ = target_.parent_path();
    const auto parent = target_.parent_path();
    directory_fd parent_fd(::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (parent_fd.get() < 0) throw output_error(parent.string() + ": cannot open: " + std::strerror(errno));
    open_directory(parent_fd.get(), target_, target_.filename().string(), true);
    area_.emplace(target_);
}

void staged_update::publish(const fs::path& relative) {
    const auto parent = target_.parent_path();
    directory_fd outside(::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (outside.get() < 0) throw output_error(parent.string() + ": cannot open: " + std::strerror(errno));
    directory_fd from = open_directory(outside.get(), staging(), staging().filename().string(), false);
    directory_fd to = open_directory(outside.get(), target_, target_.filename().string(), false);
    fs::path where = target_, built = staging();
    for (const auto& part : relative.parent_path()) {
        where /= part;
        built /= part;
        from = open_directory(from.get(), built, part.string(), false);
        to = open_directory(to.get(), where, part.string(), true);
    }
    const std::string name = relative.filename().string();
    where /= name;
    // An exchange leaves what was there (a planted link included) in the staging area, to be removed with it.
    if (::renameat2(from.get(), name.c_str(), to.get(), name.c_str(), RENAME_EXCHANGE) == 0) return;
    if (errno == ENOENT && ::renameat2(from.get(), name.c_str(), to.get(), name.c_str(), RENAME_NOREPLACE) == 0) return;
    throw output_error(where.string() + ": cannot move the finished output into place: " + std::strerror(errno));
}

} // namespace naqsha
