#include "render/tiles/unfinished_tiles.hpp"

#include "render/tiles/render_tiles.hpp"

#include <cerrno>
#include <csignal>
#include <string>
#include <string_view>

namespace naqsha::tiles {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view mbtiles_temporary = ".mbtiles.tmp.";
constexpr std::size_t temporary_suffix = 6; // mkstemp's XXXXXX
constexpr std::string_view partial_infix = ".partial-";

bool is_real(const fs::directory_entry& entry, fs::file_type type) {
    std::error_code ec;
    return entry.symlink_status(ec).type() == type;
}

bool is_mbtiles_temporary(const std::string& name) {
    const auto at = name.rfind(mbtiles_temporary);
    return name.size() > 1 && name.front() == '.' && at != std::string::npos &&
           name.size() == at + mbtiles_temporary.size() + temporary_suffix;
}

// The pid of a .<slice>.partial-<pid> name, or 0 for any other name.
pid_t partial_owner(const std::string& name) {
    const auto at = name.rfind(partial_infix);
    if (name.size() < 2 || name.front() != '.' || at == std::string::npos) return 0;
    const auto digits = name.substr(at + partial_infix.size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
    return static_cast<pid_t>(std::stol(digits));
}

bool running(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

} // namespace

void remove_unfinished_tiles(const fs::path& tiles_dir) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(tiles_dir, ec))) return;
    for (const auto& entry : fs::directory_iterator(tiles_dir, ec))
        if (is_real(entry, fs::file_type::regular) && is_mbtiles_temporary(entry.path().filename().string()))
            fs::remove(entry.path(), ec);
    for (const char* layer : {control_layer, incidents_layer}) {
        const auto dir = tiles_dir / layer;
        if (!fs::is_directory(fs::symlink_status(dir, ec))) continue;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            const pid_t owner = partial_owner(entry.path().filename().string());
            if (owner > 0 && is_real(entry, fs::file_type::directory) && !running(owner))
                fs::remove_all(entry.path(), ec); // removes links inside, never follows them
        }
    }
}

} // namespace naqsha::tiles
