#include "render/tiles/district_picture.hpp"

#include "geo/atomic_file.hpp"
#include "geo/tile_math.hpp"
#include "render/tiles/coverage.hpp"
#include "render/tiles/painter.hpp"
#include "render/tiles/png_encoder.hpp"
#include "render/tiles/tile_canvas.hpp"
#include "render/tiles/zoom_geometry.hpp"

#include <algorithm>
#include <cmath>

namespace naqsha::tiles {
namespace {

// Layout, in pixels of the output.
constexpr int margin = 16;
constexpr int header = 54;
constexpr int footer_height = 30;
constexpr int picture_zoom = 6;

constexpr render::rgba paper{255, 255, 255, 255};
constexpr render::rgba ink{30, 30, 30, 255};
constexpr render::rgba grey_ink{100, 100, 100, 255};

// The straight-RGBA sub-image [x, x+w) x [y, y+h) of a canvas.
std::vector<std::uint8_t> crop(std::span<const std::uint8_t> rgba, int size, int x, int y, int w, int h) {
    std::vector<std::uint8_t> out(std::size_t(w) * std::size_t(h) * 4);
    for (int row = 0; row < h; ++row)
        std::copy_n(rgba.begin() + std::ptrdiff_t((std::size_t(y + row) * std::size_t(size) + std::size_t(x)) * 4),
                    std::size_t(w) * 4, out.begin() + std::ptrdiff_t(std::size_t(row) * std::size_t(w) * 4));
    return out;
}

} // namespace

picture_layout write_district_picture(std::span<const gazetteer::district> districts, const district_picture& picture,
                                      const std::filesystem::path& target) {
    const coverage cov = prepare_coverage(districts);

    // Choose the pixel size of "tiles" at a fixed zoom so that the country fills the map area.
    const int map_w = std::max(200, picture.width - picture.legend.width - 3 * margin);
    const double world_fraction = (cov.extent_metres.max_x - cov.extent_metres.min_x) / (2 * geo::mercator_half_extent);
    const int tile_size = std::max(16, int(std::floor(map_w / (world_fraction * double(1 << picture_zoom)))));
    const zoom_geometry zg = simplify_for_zoom(cov.topo, picture_zoom, tile_size, 0.3);
    const geo::point top_left = geo::mercator_to_pixel({cov.extent_metres.min_x, cov.extent_metres.max_y}, picture_zoom, tile_size);
    const geo::point bottom_right = geo::mercator_to_pixel({cov.extent_metres.max_x, cov.extent_metres.min_y}, picture_zoom, tile_size);
    const int pad = 4;
    const int map_px_w = int(std::ceil(bottom_right.x - top_left.x)) + 2 * pad;
    const int map_px_h = int(std::ceil(bottom_right.y - top_left.y)) + 2 * pad;
    const geo::point origin{std::floor(top_left.x) - pad, std::floor(top_left.y) - pad};

    tile_canvas canvas(std::max(map_px_w, map_px_h));
    std::vector<face_fill> fills;
    for (std::size_t f = 0; f < picture.fills.size() && f < districts.size(); ++f)
        if (picture.fills[f]) fills.push_back({std::uint32_t(f), *picture.fills[f]});
    canvas.fill_faces(zg, fills, origin);
    std::vector<std::uint32_t> district_arcs, province_arcs;
    for (std::uint32_t a = 0; a < cov.province_arc.size(); ++a) (cov.province_arc[a] ? province_arcs : district_arcs).push_back(a);
    canvas.stroke_arcs(zg, district_arcs, origin, render::district_border_width_px, render::district_border);
    canvas.stroke_arcs(zg, province_arcs, origin, render::province_border_width_px, render::province_border);

    picture_layout layout;
    layout.zoom = picture_zoom;
    layout.tile_size = tile_size;
    layout.map_origin = origin;
    layout.map_offset = {double(margin), double(header)};
    layout.width = margin + map_px_w + margin + picture.legend.width + margin;
    layout.height = header + std::max(map_px_h, picture.legend.height) + footer_height;
    painter p(layout.width, layout.height, paper);
    p.text(margin, 30, picture.title, 22, ink);
    p.text(margin, 48, picture.subtitle, 14, grey_ink);
    p.draw_image(crop(canvas.straight_rgba().rgba, canvas.size(), 0, 0, map_px_w, map_px_h), map_px_w, map_px_h, margin, header);
    if (picture.legend.draw) picture.legend.draw(p, margin + map_px_w + margin, header);
    p.text(margin, layout.height - 10, picture.footer, 12, grey_ink);

    write_file_atomically(target, encode_png(p.straight_rgba(), layout.width, layout.height, {6, true}));
    return layout;
}

} // namespace naqsha::tiles
