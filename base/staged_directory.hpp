#pragma once
// An output directory that is replaced whole or not at all.
//
// Everything is built in a staging directory beside the output (<output>.naqsha-staging-<pid>, so on the
// same filesystem). commit() flushes it to disk and swaps it with the output in one atomic
// renameat2(RENAME_EXCHANGE), then deletes the old set. A process killed at any point leaves either the
// previous complete output or the new one; the staging directories of killed runs are removed by the
// next run. The output must be absent, empty or a previous output (it holds the marker file): a
// directory of someone's unrelated files is never touched. The output is locked (output_lock) from
// construction to destruction, so that no other naqsha process reads or replaces it meanwhile.
#include "base/output_lock.hpp"
#include "base/staging_area.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace naqsha {

class staged_directory {
public:
    // The marker file that identifies an output directory as ours.
    static constexpr const char* output_marker = ".naqsha-output";

    // Checks the output, locks it, removes leftovers of killed runs, creates and locks the staging
    // directory. Throws output_error naming the directory when the output is not ours or the staging
    // directory cannot be created, and busy_error when another run holds the output (or, with
    // when_busy::wait, waits for it, calling `waiting` first).
    explicit staged_directory(std::filesystem::path output,
                              output_lock::when_busy busy = output_lock::when_busy::refuse,
                              const std::function<void(long holder_pid)>& waiting = {});
    staged_directory(const staged_directory&) = delete;
    staged_directory& operator=(const staged_directory&) = delete;
    ~staged_directory(); // removes the staging directory (the new set, or after commit() the old one)

    const std::filesystem::path& output() const { return output_; }
    const std::filesystem::path& staging() const { return area_->path(); }
    // The output directory as it was before this run (a previous output), or empty when there was none.
    std::filesystem::path previous() const;

    // Carries a regular file of the previous output over into the staging directory (a hard link, else
    // a copy), under the name `as` (default: the same), so that it survives the swap. A symbolic link or
    // anything else that is not a regular file is not followed: false.
    bool carry_over(const std::filesystem::path& relative, const std::filesystem::path& as = {});

    // Writes the marker, flushes every file to disk and swaps staging and output. Throws output_error.
    void commit();

private:
    std::filesystem::path output_;
    std::optional<output_lock> lock_;
    std::optional<staging_area> area_;
    bool had_output_ = false;
};

} // namespace naqsha
