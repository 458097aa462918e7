#include "render/tiles/control_frame.hpp"

#include "geo/tile_math.hpp"
#include "render/layers/palette.hpp"
#include "render/tiles/legend.hpp"
#include "render/tiles/painter.hpp"
#include "render/tiles/slice_content.hpp"
#include "render/tiles/tile_canvas.hpp"

#include <algorithm>
#include <cmath>

namespace naqsha::tiles {
namespace {

// Layout, in pixels of the output.
constexpr int margin = 16;
constexpr int header = 54;
constexpr int large_date_header = 80;
constexpr int footer_height = 30;
constexpr int frame_zoom = 6;
constexpr int map_padding = 4;

constexpr render::rgba paper{255, 255, 255, 255};
constexpr render::rgba ink{30, 30, 30, 255};
constexpr render::rgba grey_ink{100, 100, 100, 255};

// The legend's size depends only on what it shows, never on the counts: one box for every frame.
legend_spec control_legend() {
    legend_spec spec;
    spec.incidents = false;
    spec.show_counts = true;
    return spec;
}

int header_of(const frame_text& text) { return text.large_date ? large_date_header : header; }

// The straight-RGBA sub-image [x, x+w) x [y, y+h) of a canvas.
std::vector<std::uint8_t> crop(std::span<const std::uint8_t> rgba, int size, int x, int y, int w, int h) {
    std::vector<std::uint8_t> out(std::size_t(w) * std::size_t(h) * 4);
    for (int row = 0; row < h; ++row)
        std::copy_n(rgba.begin() + std::ptrdiff_t((std::size_t(y + row) * std::size_t(size) + std::size_t(x)) * 4),
                    std::size_t(w) * 4, out.begin() + std::ptrdiff_t(std::size_t(row) * std::size_t(w) * 4));
    return out;
}

} // namespace

control_frame_renderer::control_frame_renderer(std::span<const gazetteer::district> districts, int width)
    : districts_(districts), coverage_(prepare_coverage(districts)), width_(width), zoom_(frame_zoom) {
    const int legend_w = legend_size(control_legend(), 1.0).first;
    // The pixel size of "tiles" at a fixed zoom that makes the country fill the map area.
    const int map_w = std::max(200, width - legend_w - 3 * margin);
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

geo::point control_frame_renderer::map_offset(const frame_text& text) const {
    return {double(margin), double(header_of(text))};
}

control_frame control_frame_renderer::render(std::span<const store::control_interval> control,
                                             const frame_text& text) const {
    control_frame frame;
    const auto status = control_on(districts_, control, text.date);
    for (const auto& s : status) {
        if (s) ++frame.districts[std::size_t(*s)];
        else ++frame.unknown;
    }

    tile_canvas canvas(std::max(map_w_, map_h_));
    std::vector<face_fill> fills;
    for (std::size_t f = 0; f < status.size(); ++f)
        if (status[f]) fills.push_back({std::uint32_t(f), render::style_of(*status[f]).fill});
    canvas.fill_faces(geometry_, fills, origin_);
    canvas.stroke_arcs(geometry_, district_arcs_, origin_, render::district_border_width_px, render::district_border);
    canvas.stroke_arcs(geometry_, province_arcs_, origin_, render::province_border_width_px, render::province_border);

    legend_spec spec = control_legend();
    spec.district_counts = frame.districts;
    spec.unknown_districts = frame.unknown;
    const auto [legend_w, legend_h] = legend_size(spec, 1.0);
    const int top = header_of(text);
    frame.width = margin + map_w_ + margin + legend_w + margin;
    frame.height = top + std::max(map_h_, legend_h) + footer_height;
    painter p(frame.width, frame.height, paper);
    p.text(margin, 30, "District control in Afghanistan", 22, ink);
    const std::string date = text.date.empty() ? std::string("date unknown") : text.date;
    if (text.large_date) p.text(margin, 68, date, 32, ink);
    else p.text(margin, 48, text.date.empty() ? date : "as of " + date, 14, grey_ink);
    p.draw_image(crop(canvas.straight_rgba().rgba, canvas.size(), 0, 0, map_w_, map_h_), map_w_, map_h_, margin, top);
    draw_legend(p, margin + map_w_ + margin, top, spec, 1.0);
    std::string footer = "Boundaries: AGCHO / OCHA 2018. Map: naqsha.";
    if (!text.footer.empty()) footer = text.footer + ". " + footer;
    p.text(margin, frame.height - 10, footer, 12, grey_ink);
    frame.rgba = p.straight_rgba();
    return frame;
}

} // namespace naqsha::tiles
