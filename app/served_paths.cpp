#include "app/served_paths.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

namespace naqsha::app {
namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> segments_of(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        if (end > start) out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool is_inside(const fs::path& root, const fs::path& candidate) {
    auto r = root.begin(), c = candidate.begin();
    for (; r != root.end(); ++r, ++c)
        if (c == candidate.end() || *r != *c) return false;
    return true;
}

std::optional<int> number(std::string_view s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value < 0) return std::nullopt;
    return value;
}

bool slice_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

} // namespace

std::optional<fs::path> resolve_inside(const fs::path& root, std::string_view url_path) {
    if (url_path.find('\\') != std::string_view::npos || url_path.find('\0') != std::string_view::npos) return std::nullopt;
    fs::path joined = root;
    for (auto segment : segments_of(url_path)) {
        if (segment == "..") return std::nullopt;
        if (segment != ".") joined /= std::string(segment);
    }
    // Symbolic links are followed: one that leads out of root refuses the path, one within it is fine.
    std::error_code ec;
    const auto real = fs::weakly_canonical(joined, ec);
    if (ec || !is_inside(root, real)) return std::nullopt;
    return real;
}

std::optional<tile_request> parse_tile_path(std::string_view url_path) {
    const auto parts = segments_of(url_path);
    if (parts.size() != 6 || parts[0] != "tiles") return std::nullopt;
    tile_request t;
    t.layer = std::string(parts[1]);
    t.slice = std::string(parts[2]);
    if (t.layer.empty() || !std::all_of(t.layer.begin(), t.layer.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return std::nullopt;
    if (t.slice.empty() || t.slice == "." || t.slice == ".." || !std::all_of(t.slice.begin(), t.slice.end(), slice_name_char))
        return std::nullopt;
    std::string_view y = parts[5];
    if (y.size() <= 4 || y.substr(y.size() - 4) != ".png") return std::nullopt;
    y.remove_suffix(4);
    const auto z = number(parts[3]), x = number(parts[4]), row = number(y);
    if (!z || !x || !row || *z > geo::max_tile_zoom) return std::nullopt;
    if (*x >= geo::tiles_per_side(*z) || *row >= geo::tiles_per_side(*z)) return std::nullopt;
    t.xyz = {*z, *x, *row};
    return t;
}

std::string_view mime_type_of(const fs::path& file) {
    static constexpr std::pair<std::string_view, std::string_view> types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".geojson", "application/geo+json"},
        {".ndjson", "application/x-ndjson"},
        {".csv", "text/csv; charset=utf-8"},
        {".png", "image/png"},
        {".gif", "image/gif"},
        {".svg", "image/svg+xml"},
        {".gpkg", "application/geopackage+sqlite3"},
        {".mbtiles", "application/vnd.sqlite3"},
        {".qgz", "application/zip"},
        {".qml", "application/xml"},
        {".sld", "application/vnd.ogc.sld+xml"},
        {".md", "text/markdown; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
    };
    const auto ext = file.extension().string();
    for (const auto& [suffix, type] : types)
        if (ext == suffix) return type;
    return "application/octet-stream";
}

} // namespace naqsha::app
