#pragma once
// What `naqsha serve` may send, decided before any file is opened: URL paths resolved inside the
// served directory (never outside it, whether by "..", an encoded "%2e%2e" or a symbolic link), tile
// addresses read from the MBTiles files, and the MIME type of each kind of output.
#include "geo/tile_math.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace naqsha::app {

// The file a decoded URL path names inside `root` (canonical), or nullopt when the path steps outside
// it: a ".." segment, a backslash or NUL, or a symbolic link anywhere along it that leads out of root.
// The file need not exist; "/" and directories are returned as they are.
std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& root, std::string_view url_path);

struct tile_request {
    std::string layer;      // control | incidents
    std::string slice;      // slice label as in the file name (render/tiles slice_file_name)
    geo::tile_id xyz;       // XYZ addressing, row 0 at the top
    std::string mbtiles_name() const { return layer + "-" + slice + ".mbtiles"; }
};

// Parses /tiles/{layer}/{slice}/{z}/{x}/{y}.png; nullopt for anything else (then it is a plain file).
std::optional<tile_request> parse_tile_path(std::string_view url_path);

// The MIME type for a file name, by extension; application/octet-stream when unknown.
std::string_view mime_type_of(const std::filesystem::path& file);

} // namespace naqsha::app
