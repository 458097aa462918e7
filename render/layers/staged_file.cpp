#include "render/layers/staged_file.hpp"

#include "base/error.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace naqsha::layers {
namespace {

std::atomic<unsigned> sequence{0};

std::string errno_text() { return std::strerror(errno); }

void fsync_path(const std::filesystem::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

staged_file::staged_file(std::filesystem::path target) : target_(std::move(target)) {
    // Hidden, unique per process and call, and ending in the target's extension so that GDAL picks
    // no different behaviour for it.
    std::string name = ".";
    name += target_.stem().string();
    name += ".tmp-";
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(sequence.fetch_add(1));
    name += target_.extension().string();
    temp_ = target_.parent_path() / name;
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
}

staged_file::~staged_file() {
    if (committed_) return;
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
    for (const char* side : {"-journal", "-wal", "-shm"}) std::filesystem::remove(temp_.string() + side, ec);
}

void staged_file::commit() {
    if (!std::filesystem::exists(temp_))
        throw output_error(target_.string() + ": nothing was written to " + temp_.filename().string());
    int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        std::string why = errno_text();
        if (fd >= 0) ::close(fd);
        throw output_error(target_.string() + ": cannot flush to disk: " + why);
    }
    ::close(fd);
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
        throw output_error(target_.string() + ": cannot replace: " + errno_text());
    committed_ = true;
    auto dir = target_.parent_path();
    fsync_path(dir.empty() ? std::filesystem::path(".") : dir, O_RDONLY | O_DIRECTORY);
}

} // namespace naqsha::layers
