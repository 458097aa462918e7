#pragma once
// A fresh, empty directory under the system temp dir, unique to this test process.
#include <filesystem>
#include <string>
#include <unistd.h>

namespace naqsha::test {

inline std::filesystem::path fresh_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("naqsha-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace naqsha::test
