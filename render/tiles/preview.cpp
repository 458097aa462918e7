#include "render/tiles/preview.hpp"

#include "geo/atomic_file.hpp"
#include "geo/tile_math.hpp"
#include "render/layers/palette.hpp"
#include "render/tiles/coverage.hpp"
#include "render/tiles/legend.hpp"
#include "render/tiles/painter.hpp"
#include "render/tiles/png_encoder.hpp"
#include "render/tiles/slice_content.hpp"
#include "render/tiles/tile_canvas.hpp"
#include "render/tiles/zoom_geometry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace naqsha::tiles {
namespace {

// Layout, in pixels of the output.
constexpr int margin = 16;
constexpr int header = 54;
constexpr int footer_height = 30;
constexpr int preview_zoom = 6;

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

preview_report write_preview(const store::map_state& state, std::span<const gazetteer::district> districts,
                             const std::filesystem::path& target, const preview_options& options) {
    preview_report report;
    report.path = target;
    report.date = options.date.empty() ? state.as_of : options.date;

    const coverage cov = prepare_coverage(districts);
    const auto status = control_on(districts, state.control, report.date);
    for (const auto& s : status) {
        if (s) ++report.districts[std::size_t(*s)];
        else ++report.unknown;
    }

    legend_spec spec;
    spec.incidents = false;
    spec.show_counts = true;
    spec.district_counts = report.districts;
    spec.unknown_districts = report.unknown;
    const auto [legend_w, legend_h] = legend_size(spec, 1.0);

    // Choose the pixel size of "tiles" at a fixed zoom so that the country fills the map area.
    const int map_w = std::max(200, options.width - legend_w - 3 * margin);
    const double world_fraction = (cov.extent_metres.max_x - cov.extent_metres.min_x) / (2 * geo::mercator_half_extent);
    const int tile_size = std::max(16, int(std::floor(map_w / (world_fraction * double(1 << preview_zoom)))));
    const zoom_geometry zg = simplify_for_zoom(cov.topo, preview_zoom, tile_size, 0.3);
    const geo::point top_left = geo::mercator_to_pixel({cov.extent_metres.min_x, cov.extent_metres.max_y}, preview_zoom, tile_size);
    const geo::point bottom_right = geo::mercator_to_pixel({cov.extent_metres.max_x, cov.extent_metres.min_y}, preview_zoom, tile_size);
    const int pad = 4;
    const int map_px_w = int(std::ceil(bottom_right.x - top_left.x)) + 2 * pad;
    const int map_px_h = int(std::ceil(bottom_right.y - top_left.y)) + 2 * pad;
    const geo::point origin{std::floor(top_left.x) - pad, std::floor(top_left.y) - pad};

    tile_canvas canvas(std::max(map_px_w, map_px_h));
    std::vector<face_fill> fills;
    for (std::size_t f = 0; f < status.size(); ++f)
        if (status[f]) fills.push_back({std::uint32_t(f), render::style_of(*status[f]).fill});
    canvas.fill_faces(zg, fills, origin);
    std::vector<std::uint32_t> district_arcs, province_arcs;
    for (std::uint32_t a = 0; a < cov.province_arc.size(); ++a) (cov.province_arc[a] ? province_arcs : district_arcs).push_back(a);
    canvas.stroke_arcs(zg, district_arcs, origin, render::district_border_width_px, render::district_border);
    canvas.stroke_arcs(zg, province_arcs, origin, render::province_border_width_px, render::province_border);

    report.zoom = preview_zoom;
    report.tile_size = tile_size;
    report.map_origin = origin;
    report.map_offset = {double(margin), double(header)};
    report.width = margin + map_px_w + margin + legend_w + margin;
    report.height = header + std::max(map_px_h, legend_h) + footer_height;
    painter p(report.width, report.height, paper);
    p.text(margin, 30, "District control in Afghanistan", 22, ink);
    p.text(margin, 48, report.date.empty() ? std::string("date unknown") : "as of " + report.date, 14, grey_ink);
    p.draw_image(crop(canvas.straight_rgba().rgba, canvas.size(), 0, 0, map_px_w, map_px_h), map_px_w, map_px_h, margin, header);
    draw_legend(p, margin + map_px_w + margin, header, spec, 1.0);
    std::string footer = "Boundaries: AGCHO / OCHA 2018. Map: naqsha.";
    if (!options.footer.empty()) footer = options.footer + ". " + footer;
    p.text(margin, report.height - 10, footer, 12, grey_ink);

    write_file_atomically(target, encode_png(p.straight_rgba(), report.width, report.height, {6, true}));
    return report;
}

} // namespace naqsha::tiles
