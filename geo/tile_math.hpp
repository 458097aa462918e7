#pragma once
// Web Mercator (EPSG:3857) tile addressing: XYZ (row 0 at the top, as slippy maps and QGIS use) and TMS
// (row 0 at the bottom, as MBTiles stores it). Vertices are projected through PROJ once; everything
// after that is per-zoom pixel arithmetic on projected metres.
#include "geo/types.hpp"

#include <cstdint>
#include <span>

namespace naqsha::geo {

// Half the extent of the EPSG:3857 square, in metres (pi * 6378137).
inline constexpr double mercator_half_extent = 20037508.342789244;
// Latitude at which the EPSG:3857 square ends (atan(sinh(pi)), degrees).
inline constexpr double mercator_max_latitude = 85.05112877980659;
inline constexpr int max_tile_zoom = 24;

struct tile_id {
    int z = 0;
    int x = 0;
    int y = 0; // XYZ row: 0 at the top
    friend bool operator==(const tile_id&, const tile_id&) = default;
    friend auto operator<=>(const tile_id&, const tile_id&) = default;
};

// Inclusive range of tiles at one zoom.
struct tile_range {
    int z = 0;
    int min_x = 0, min_y = 0, max_x = -1, max_y = -1;
    bool empty() const { return min_x > max_x || min_y > max_y; }
    std::int64_t count() const {
        return empty() ? 0 : std::int64_t(max_x - min_x + 1) * std::int64_t(max_y - min_y + 1);
    }
};

inline constexpr int tiles_per_side(int z) { return 1 << z; }

// MBTiles (TMS) row of an XYZ row, and back: the same flip both ways.
inline constexpr int flip_row(int z, int y) { return tiles_per_side(z) - 1 - y; }

// Metres per pixel at zoom z for tiles of tile_size pixels.
double meters_per_pixel(int z, int tile_size = 256);

// Projects WGS84 lon/lat to EPSG:3857 metres in place, through PROJ. Latitudes beyond the Mercator
// limit are clamped to it first. Throws naqsha::error if PROJ cannot build the transformation.
void to_web_mercator(std::span<point> lon_lat);
// EPSG:3857 metres to WGS84 lon/lat in place, through PROJ.
void from_web_mercator(std::span<point> metres);

// Projected metres <-> global pixel coordinates at zoom z (origin at the top-left of the world, y down).
point mercator_to_pixel(point metres, int z, int tile_size = 256);
point pixel_to_mercator(point pixel, int z, int tile_size = 256);

// The tile holding a projected point (clamped to the world).
tile_id tile_at(point metres, int z);
// The tiles a projected box touches at zoom z (clamped to the world).
tile_range tiles_covering(const box& metres, int z);

// A tile's extent in EPSG:3857 metres and in WGS84 degrees.
box tile_bounds(tile_id t);
box tile_bounds_lon_lat(tile_id t);

// Closed-form spherical Mercator (the slippy-map formulas), independent of PROJ: for checks and for
// callers that need one point without a PROJ context.
point lon_lat_to_mercator_formula(point lon_lat);
point mercator_to_lon_lat_formula(point metres);

} // namespace naqsha::geo
