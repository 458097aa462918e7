#pragma once
// Shared by the tile tests: the OCHA districts (loaded once) and helpers to read rendered tiles back.
#include "base/atomic_file.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/tile_math.hpp"
#include "render/tiles/png_encoder.hpp"
#include "store/model.hpp"
#include "tests/temp_dir.hpp"

#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace naqsha::test {

// The gazetteer's OCHA/AGCHO districts and provinces (loaded once; cached under build/cache).
struct boundaries_view {
    std::span<const gazetteer::district> districts;
    std::span<const gazetteer::province> provinces;
};

inline boundaries_view ocha() {
    static const gazetteer::gazetteer gz = gazetteer::gazetteer::load();
    return {gz.districts(), gz.provinces()};
}

// The OCHA district with this P-code; throws when there is none (a typo in a test).
inline const gazetteer::district& ocha_district(std::string_view pcode) {
    for (const auto& d : ocha().districts)
        if (d.pcode == pcode) return d;
    throw std::invalid_argument("no OCHA district " + std::string(pcode));
}

// Global pixel position of a lon/lat at zoom z.
// (The closed-form projection: it agrees with PROJ to 1e-12, see test_tile_math, and needs no context.)
// A control interval that events established ("" end: still so at the map date).
inline store::control_interval event_interval(std::string pcode, store::control_status status, std::string start,
                                              std::string end = "") {
    store::control_interval c;
    c.pcode = std::move(pcode);
    c.status = status;
    c.start_day = *parse_iso_day(start);
    c.end_day = parse_iso_day(end);
    c.basis = store::control_basis::event;
    return c;
}

inline geo::point pixel_of(geo::point lon_lat, int z, int tile_size = 256) {
    return geo::mercator_to_pixel(geo::lon_lat_to_mercator_formula(lon_lat), z, tile_size);
}

struct rgba_pixel {
    int r = 0, g = 0, b = 0, a = 0;
};

// The pixel at a global pixel position, read from an XYZ directory; transparent when no tile exists.
inline rgba_pixel xyz_pixel(const std::filesystem::path& dir, int z, geo::point px, int tile_size = 256) {
    const int tx = int(px.x) / tile_size, ty = int(px.y) / tile_size;
    const auto file = dir / std::to_string(z) / std::to_string(tx) / (std::to_string(ty) + ".png");
    if (!std::filesystem::exists(file)) return {};
    const std::string bytes = read_file(file);
    const auto img = tiles::decode_png({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    const std::size_t i = (std::size_t(int(px.y) % tile_size) * std::size_t(img.width) + std::size_t(int(px.x) % tile_size)) * 4;
    return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
}

} // namespace naqsha::test
