#include "base/atomic_file.hpp"

#include "base/error.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace naqsha {
namespace {

std::string describe_errno(const std::filesystem::path& path, std::string_view what) {
    return path.string() + ": " + std::string(what) + ": " + std::strerror(errno);
}

void fsync_directory(const std::filesystem::path& dir) {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Makes the temporary names of one process's library-written files unique.
std::atomic<unsigned> library_file_sequence{0};

} // namespace

atomic_file::atomic_file(std::filesystem::path target) : target_(std::move(target)) {
    auto dir = target_.parent_path();
    std::string name = ".";
    name += target_.filename().string();
    name += ".tmp.XXXXXX";
    std::string pattern = (dir / name).string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) throw output_error(describe_errno(target_, "cannot create a temporary file beside it"));
    ::fchmod(fd_, 0644);
    temp_ = pattern;
}

atomic_file::atomic_file(std::filesystem::path target, library_tag) : target_(std::move(target)) {
    // Hidden, unique per process and call, and ending in the target's extension.
    std::string name = ".";
    name += target_.stem().string();
    name += ".tmp-";
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(library_file_sequence.fetch_add(1));
    name += target_.extension().string();
    temp_ = target_.parent_path() / name;
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
}

atomic_file atomic_file::created_by_library(std::filesystem::path target) {
    return atomic_file(std::move(target), library_tag{});
}

atomic_file::~atomic_file() {
    if (fd_ >= 0) ::close(fd_);
    if (committed_) return;
    ::unlink(temp_.c_str());
    // What SQLite (directly or through GDAL) may leave beside a database it did not finish.
    for (const char* side : {"-journal", "-wal", "-shm"}) ::unlink((temp_.string() + side).c_str());
}

void atomic_file::write(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            throw output_error(describe_errno(target_, "cannot write"));
        }
        bytes.remove_prefix(static_cast<size_t>(n));
    }
}

void atomic_file::close_descriptor() {
    if (fd_ < 0) return;
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) throw output_error(describe_errno(target_, "cannot close"));
}

void atomic_file::commit() {
    std::error_code ec;
    if (fd_ < 0 && !std::filesystem::exists(temp_, ec))
        throw output_error(target_.string() + ": nothing was written to " + temp_.filename().string());
    if (fd_ < 0) {
        fd_ = ::open(temp_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd_ < 0) throw output_error(describe_errno(target_, "cannot reopen to flush"));
    }
    if (fd_ >= 0) {
        if (::fsync(fd_) != 0) throw output_error(describe_errno(target_, "cannot flush to disk"));
        if (::close(fd_) != 0) {
            fd_ = -1;
            throw output_error(describe_errno(target_, "cannot close"));
        }
        fd_ = -1;
    }
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
        throw output_error(describe_errno(target_, "cannot replace"));
    committed_ = true;
    fsync_directory(target_.parent_path());
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    atomic_file file(target);
    file.write(bytes);
    file.commit();
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path.string() + ": cannot open: " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw input_error(path.string() + ": read error");
    return std::move(buffer).str();
}

} // namespace naqsha
