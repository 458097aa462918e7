#pragma once
// Files that appear whole or not at all: written to a temporary file in the target's directory, then
// renamed over the target. A crash leaves the previous version in place.
#include <filesystem>
#include <string>
#include <string_view>

namespace naqsha {

class atomic_file {
public:
    explicit atomic_file(std::filesystem::path target);
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;
    ~atomic_file(); // discards the temporary file unless commit() succeeded

    // Path of the temporary file, for libraries that want to open it themselves (GDAL, SQLite).
    const std::filesystem::path& temp_path() const { return temp_; }

    void write(std::string_view bytes);
    // Closes the descriptor of the temporary file (which stays), for writers that open it by name
    // themselves, many files at a time: each open descriptor counts against the process's limit.
    // commit() then opens it once more to flush it.
    void close_descriptor();
    // Flushes, fsyncs and renames the temporary file over the target. Throws output_error.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    int fd_ = -1;
    bool committed_ = false;
};

// Writes the whole file atomically. Throws output_error naming the path on failure.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// Reads a whole file. Throws input_error naming the path on failure.
std::string read_file(const std::filesystem::path& path);

} // namespace naqsha
