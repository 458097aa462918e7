#pragma once
// Files that appear whole or not at all: written under a temporary name in the target's directory, then
// renamed over the target. A crash or an error leaves the previous version in place. The one home of
// atomic files, whether naqsha writes the bytes or a library (GDAL, SQLite, minizip) writes them by name.
#include <filesystem>
#include <string>
#include <string_view>

namespace naqsha {

class atomic_file {
public:
    // Creates the temporary file, to be filled by write() or by name through temp_path().
    explicit atomic_file(std::filesystem::path target);
    // For a library that creates the file itself (GDAL and minizip refuse to create over an existing
    // file): nothing is created here, and the temporary name keeps the target's extension, so that the
    // library picks no different behaviour for it.
    static atomic_file created_by_library(std::filesystem::path target);
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;
    // Unless commit() succeeded, removes the temporary file and any side files SQLite left beside it.
    ~atomic_file();

    // Path of the temporary file, for libraries that write it by name.
    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }

    void write(std::string_view bytes);
    // Closes the descriptor of the temporary file (which stays), for writers that open it by name
    // themselves, many files at a time: each open descriptor counts against the process's limit.
    // commit() then opens it once more to flush it.
    void close_descriptor();
    // Flushes, fsyncs and renames the temporary file over the target. Throws output_error.
    void commit();

private:
    struct library_tag {};
    atomic_file(std::filesystem::path target, library_tag);

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
