#pragma once
// New entries for a directory that keeps others: `naqsha tiles` adds the slices it renders to OUT/tiles
// and leaves the rest. They are built in a staging_area beside the directory and moved in one by one
// once complete.
//
// No symbolic link naqsha did not create is followed, whether it writes or deletes: the directory and
// every directory on the way down to an entry must be real directories (a link planted there is refused,
// naming it), and an entry is put in place by renameat2(), which replaces a link itself, never what it
// points to. What an entry replaces is swapped into the staging area and removed with it.
#include "base/staging_area.hpp"

#include <filesystem>
#include <optional>

namespace naqsha {

class staged_update {
public:
    // Creates `target` when absent (its parent must exist). Throws output_error naming the target when
    // it is a symbolic link or not a directory, or the staging area cannot be created.
    explicit staged_update(std::filesystem::path target);

    const std::filesystem::path& target() const { return target_; }
    const std::filesystem::path& staging() const { return area_->path(); }

    // Moves staging()/relative to target()/relative, replacing whatever is there (file, directory or
    // link), creating the directories on the way. Throws output_error naming the path.
    void publish(const std::filesystem::path& relative);

private:
    std::filesystem::path target_;
    std::optional<staging_area> area_;
};

} // namespace naqsha
