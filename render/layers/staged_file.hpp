#pragma once
// A file that a library (GDAL, SQLite, minizip) writes under a temporary name beside its target and
// that replaces the target only on commit(), so an error or a crash never leaves it half-written.
// Unlike naqsha::atomic_file, the temporary file is not created: these libraries refuse to create
// over an existing file.
#include <filesystem>

namespace naqsha::layers {

class staged_file {
public:
    explicit staged_file(std::filesystem::path target);
    staged_file(const staged_file&) = delete;
    staged_file& operator=(const staged_file&) = delete;
    ~staged_file(); // removes the temporary file (and SQLite side files) unless committed

    // Where the library should write; the name keeps the target's extension.
    const std::filesystem::path& path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }

    // Flushes the temporary file to disk and renames it over the target. Throws output_error.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

} // namespace naqsha::layers
