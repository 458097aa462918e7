#pragma once
// A directory of this process's own to build output in before it is moved into place:
// <target>.naqsha-staging-<pid>, beside the target and so on its file system.
//
// While it lives it holds a marker file and an flock(), so that a later process can tell what a killed
// run left behind (marked, unlocked) from a live run's area. Leftovers beside the same target are
// removed when a new area is made; the area itself is removed, markers last, when destroyed.
#include <filesystem>

namespace naqsha {

class staging_area {
public:
    static constexpr const char* marker = ".naqsha-staging";
    static constexpr const char* name_infix = ".naqsha-staging-";

    // Removes the leftovers of killed processes beside `target`, then creates and locks this process's
    // area. Throws output_error naming the target when the area cannot be created, busy_error when a
    // live process's area is found beside it.
    explicit staging_area(const std::filesystem::path& target);
    ~staging_area();
    staging_area(const staging_area&) = delete;
    staging_area& operator=(const staging_area&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // The locked directory (for syncfs()); it stays open while the area lives.
    int descriptor() const { return fd_; }

private:
    std::filesystem::path path_;
    int fd_ = -1;
};

// Removes a directory naqsha marked (a staging area, or a previous output moved into one), its markers
// last, so that a process killed while removing it leaves a directory the next run still recognises as
// its own. remove_all() alone deletes in directory order and may take the marker first, orphaning the
// rest. Symbolic links inside are removed, never followed.
void remove_marked_directory(const std::filesystem::path& dir);

} // namespace naqsha
