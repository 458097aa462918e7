#include "render/tiles/preview.hpp"

#include "render/layers/palette.hpp"
#include "render/tiles/district_picture.hpp"
#include "render/tiles/legend.hpp"
#include "render/tiles/slice_content.hpp"

namespace naqsha::tiles {

preview_report write_preview(const store::map_state& state, std::span<const gazetteer::district> districts,
                             const std::filesystem::path& target, const preview_options& options) {
    preview_report report;
    report.path = target;
    report.date = options.date.empty() ? state.as_of : options.date;

    district_picture picture;
    picture.width = options.width;
    const auto status = control_on(districts, state.control, report.date);
    for (const auto& s : status) {
        if (s) ++report.districts[std::size_t(*s)];
        else ++report.unknown;
        picture.fills.push_back(s ? std::optional<render::rgba>(render::style_of(*s).fill) : std::nullopt);
    }

    legend_spec spec;
    spec.incidents = false;
    spec.show_counts = true;
    spec.district_counts = report.districts;
    spec.unknown_districts = report.unknown;
    const auto [legend_w, legend_h] = legend_size(spec, 1.0);
    picture.legend = {legend_w, legend_h, [spec](painter& p, double x, double y) { draw_legend(p, x, y, spec, 1.0); }};
    picture.title = "District control in Afghanistan";
    picture.subtitle = report.date.empty() ? std::string("date unknown") : "as of " + report.date;
    picture.footer = "Boundaries: AGCHO / OCHA 2018. Map: naqsha.";
    if (!options.footer.empty()) picture.footer = options.footer + ". " + picture.footer;

    const auto layout = write_district_picture(districts, picture, target);
    report.width = layout.width;
    report.height = layout.height;
    report.zoom = layout.zoom;
    report.tile_size = layout.tile_size;
    report.map_origin = layout.map_origin;
    report.map_offset = layout.map_offset;
    return report;
}

} // namespace naqsha::tiles
