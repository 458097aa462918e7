#include "render/tiles/district_picture.hpp"

#include "base/atomic_file.hpp"
#include "geo/tile_math.hpp"
#include "render/tiles/painter.hpp"
#include "render/tiles/png_encoder.hpp"
#include "render/tiles/tile_canvas.hpp"

#include <algorithm>
#include <cmath>

namespace naqsha::tiles {
namespace {

// Layout, in pixels of the output.
constexpr int margin = 16;
constexpr int header = 54;
constexpr int large_header = 80;
constexpr int footer_height = 30;
constexpr int picture_zoom = 6;
constexpr int map_padding = 4;

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

picture_painter::picture_painter(std::span<const gazetteer::district> districts, int width, int legend_width)
    : districts_(districts), coverage_(prepare_coverage(districts)), zoom_(picture_zoom) {
    // The pixel size of "tiles" at a fixed zoom that makes the country fill the map area.
    const int map_w = std::max(200, width - legend_width - 3 * margin);
    const auto& extent = coverage_.extent_metres;
    const double world_fraction = (extent.max_x - extent.min_x) / (2 * geo::mercator_half_extent);
    tile_size_ = std::max(16, int(std::floor(map_w / (world_fraction * double(1 << zoom_)))));
    geometry_ = simplify_for_zoom(coverage_.topo, zoom_, tile_size_, 0.3);
    const geo::point top_left = geo::mercator_to_pixel({extent.min_x, extent.max_y}, zoom_, tile_size_);
    const geo::point bottom_right = geo::mercator_to_pixel({extent.max_x, extent.min_y}, zoom_, tile_size_);
    map_w_ = int(std::ceil(bottom_right.x - top_left.x)) + 2 * map_padding;
    map_h_ = int(std::ceil(bottom_right.y - top_left.y)) + 2 * map_padding;
    origin_ = {std::floor(top_left.x) - map_padding, std::floor(top_left.y) - map_padding};
    for (std::uint32_t a = 0; a < coverage_.province_arc.size(); ++a)
        (coverage_.province_arc[a] ? province_arcs_ : district_arcs_).push_back(a);
}

geo::point picture_painter::map_offset(bool large_subtitle) const {
    return {double(margin), double(large_subtitle ? large_header : header)};
}

std::vector<std::uint8_t> picture_painter::draw(const district_picture& picture, picture_layout& layout) const {
    tile_canvas canvas(std::max(map_w_, map_h_));
    std::vector<face_fill> fills;
    for (std::size_t f = 0; f < picture.fills.size() && f < districts_.size(); ++f)
        if (picture.fills[f]) fills.push_back({std::uint32_t(f), *picture.fills[f]});
    canvas.fill_faces(geometry_, fills, origin_);
    canvas.stroke_arcs(geometry_, district_arcs_, origin_, render::district_border_width_px, render::district_border);
    canvas.stroke_arcs(geometry_, province_arcs_, origin_, render::province_border_width_px, render::province_border);

    const int top = picture.large_subtitle ? large_header : header;
    layout.zoom = zoom_;
    layout.tile_size = tile_size_;
    layout.map_origin = origin_;
    layout.map_offset = map_offset(picture.large_subtitle);
    layout.width = margin + map_w_ + margin + picture.legend.width + margin;
    layout.height = top + std::max(map_h_, picture.legend.height) + footer_height;
    painter p(layout.width, layout.height, paper);
    p.text(margin, 30, picture.title, 22, ink);
    if (picture.large_subtitle) p.text(margin, 68, picture.subtitle, 32, ink);
    else p.text(margin, 48, picture.subtitle, 14, grey_ink);
    p.draw_image(crop(canvas.straight_rgba().rgba, canvas.size(), 0, 0, map_w_, map_h_), map_w_, map_h_, margin, top);
    for (const auto& c : picture.circles) {
        const geo::point pixel = geo::mercator_to_pixel(geo::lon_lat_to_mercator_formula(c.lon_lat), zoom_, tile_size_);
        const double x = pixel.x - origin_.x, y = pixel.y - origin_.y;
        if (x < 0 || y < 0 || x >= map_w_ || y >= map_h_) continue;
        p.disc(margin + x, top + y, c.radius_px, render::incident_fill, render::incident_outline, 1.0);
    }
    if (picture.legend.draw) picture.legend.draw(p, margin + map_w_ + margin, top);
    p.text(margin, layout.height - 10, picture.footer, 12, grey_ink);
    return p.straight_rgba();
}

picture_layout write_district_picture(std::span<const gazetteer::district> districts, const district_picture& picture,
                                      const std::filesystem::path& target) {
    const picture_painter painter(districts, picture.width, picture.legend.width);
    picture_layout layout;
    const auto rgba = painter.draw(picture, layout);
    write_file_atomically(target, encode_png(rgba, layout.width, layout.height, {6, true}));
    return layout;
}

} // namespace naqsha::tiles
