#include "geo/tile_math.hpp"

#include "base/error.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <string>

namespace naqsha::geo {
namespace {

struct proj_context_deleter {
    void operator()(PJ_CONTEXT* c) const { proj_context_destroy(c); }
};
struct proj_deleter {
    void operator()(PJ* p) const { proj_destroy(p); }
};

// A private PROJ context per call keeps the functions safe to use from several threads.
void transform_in_place(std::span<point> pts, PJ_DIRECTION direction) {
    if (pts.empty()) return;
    std::unique_ptr<PJ_CONTEXT, proj_context_deleter> ctx(proj_context_create());
    std::unique_ptr<PJ, proj_deleter> raw(
        proj_create_crs_to_crs(ctx.get(), "EPSG:4326", "EPSG:3857", nullptr));
    if (!raw) throw error("PROJ cannot build EPSG:4326 -> EPSG:3857: " +
                          std::string(proj_context_errno_string(ctx.get(), proj_context_errno(ctx.get()))));
    // Traditional GIS axis order: longitude first, whatever EPSG:4326 says.
    std::unique_ptr<PJ, proj_deleter> pj(proj_normalize_for_visualization(ctx.get(), raw.get()));
    if (!pj) throw error("PROJ cannot normalise the EPSG:3857 transformation");
    const std::size_t stride = sizeof(point);
    proj_trans_generic(pj.get(), direction, &pts[0].x, stride, pts.size(), &pts[0].y, stride, pts.size(),
                       nullptr, 0, 0, nullptr, 0, 0);
}

} // namespace

double meters_per_pixel(int z, int tile_size) {
    return 2 * mercator_half_extent / (double(tile_size) * std::ldexp(1.0, z));
}

void to_web_mercator(std::span<point> lon_lat) {
    for (auto& p : lon_lat) p.y = std::clamp(p.y, -mercator_max_latitude, mercator_max_latitude);
    transform_in_place(lon_lat, PJ_FWD);
}

void from_web_mercator(std::span<point> metres) { transform_in_place(metres, PJ_INV); }

point mercator_to_pixel(point m, int z, int tile_size) {
    const double res = meters_per_pixel(z, tile_size);
    return {(m.x + mercator_half_extent) / res, (mercator_half_extent - m.y) / res};
}

point pixel_to_mercator(point px, int z, int tile_size) {
    const double res = meters_per_pixel(z, tile_size);
    return {px.x * res - mercator_half_extent, mercator_half_extent - px.y * res};
}

tile_id tile_at(point m, int z) {
    const point px = mercator_to_pixel(m, z, 1);
    const int last = tiles_per_side(z) - 1;
    return {z, std::clamp(static_cast<int>(std::floor(px.x)), 0, last),
            std::clamp(static_cast<int>(std::floor(px.y)), 0, last)};
}

tile_range tiles_covering(const box& m, int z) {
    if (m.empty()) return {z, 0, 0, -1, -1};
    const tile_id top_left = tile_at({m.min_x, m.max_y}, z);
    const tile_id bottom_right = tile_at({m.max_x, m.min_y}, z);
    return {z, top_left.x, top_left.y, bottom_right.x, bottom_right.y};
}

box tile_bounds(tile_id t) {
    const point top_left = pixel_to_mercator({double(t.x), double(t.y)}, t.z, 1);
    const point bottom_right = pixel_to_mercator({double(t.x + 1), double(t.y + 1)}, t.z, 1);
    return {top_left.x, bottom_right.y, bottom_right.x, top_left.y};
}

box tile_bounds_lon_lat(tile_id t) {
    const box m = tile_bounds(t);
    point corners[2] = {{m.min_x, m.min_y}, {m.max_x, m.max_y}};
    from_web_mercator(corners);
    return {corners[0].x, corners[0].y, corners[1].x, corners[1].y};
}

point lon_lat_to_mercator_formula(point ll) {
    constexpr double radius = 6378137.0;
    const double lat = std::clamp(ll.y, -mercator_max_latitude, mercator_max_latitude) * std::numbers::pi / 180;
    return {radius * ll.x * std::numbers::pi / 180, radius * std::log(std::tan(std::numbers::pi / 4 + lat / 2))};
}

point mercator_to_lon_lat_formula(point m) {
    constexpr double radius = 6378137.0;
    return {m.x / radius * 180 / std::numbers::pi,
            (2 * std::atan(std::exp(m.y / radius)) - std::numbers::pi / 2) * 180 / std::numbers::pi};
}

} // namespace naqsha::geo
