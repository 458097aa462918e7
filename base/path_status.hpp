#pragma once
// Questions about a path that never follow a symbolic link at its end: naqsha's own markers and
// directories are never links, and a link planted in their place must not pass for one.
#include <filesystem>

namespace naqsha {

inline bool exists_no_follow(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(p, ec));
}

inline bool is_empty_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::directory_iterator(dir, ec) == std::filesystem::directory_iterator();
}

} // namespace naqsha
