#pragma once
// An output directory that is replaced whole or not at all.
//
// Everything is built in a staging directory beside the output (<output>.naqsha-staging-<pid>, so on the
// same filesystem). commit() flushes it to disk and swaps it with the output in one atomic
// renameat2(RENAME_EXCHANGE), then deletes the old set. A process killed at any point leaves either the
// previous complete output or the new one; the staging directories of killed runs are removed by the
// next run. The output must be absent, empty or a previous output (it holds the marker file): a
// directory of someone's unrelated files is never touched.
#include <filesystem>
#include <string>

namespace naqsha {

class staged_directory {
public:
    // The marker file that identifies an output directory as ours.
    static constexpr const char* output_marker = ".naqsha-output";

    // Checks the output, removes leftovers of killed runs, creates and locks the staging directory.
    // Throws output_error naming the directory when the output is not ours, is in use by another run,
    // or the staging directory cannot be created.
    explicit staged_directory(std::filesystem::path output);
    staged_directory(const staged_directory&) = delete;
    staged_directory& operator=(const staged_directory&) = delete;
    ~staged_directory(); // removes the staging directory unless commit() succeeded

    const std::filesystem::path& output() const { return output_; }
    const std::filesystem::path& staging() const { return staging_; }
    // The output directory as it was before this run (a previous output), or empty when there was none.
    std::filesystem::path previous() const;

    // Copies a file of the previous output into the staging directory (when it exists there); for
    // writers that update a file in place rather than build it anew.
    void copy_from_previous(const std::filesystem::path& relative);

    // Writes the marker, flushes every file to disk and swaps staging and output. Throws output_error.
    void commit();

private:
    std::filesystem::path output_;
    std::filesystem::path staging_;
    bool had_output_ = false;
    int lock_fd_ = -1;
    bool committed_ = false;
};

} // namespace naqsha
