#include "render/tiles/preview.hpp"

#include "base/atomic_file.hpp"
#include "render/tiles/control_frame.hpp"
#include "render/tiles/png_encoder.hpp"
#include "render/tiles/slice_content.hpp"

namespace naqsha::tiles {

preview_report write_preview(const store::map_state& state, std::span<const gazetteer::district> districts,
                             const std::filesystem::path& target, const preview_options& options) {
    preview_report report;
    report.path = target;
    report.date = options.date ? options.date : state.as_of;

    const control_frame_renderer renderer(districts, options.width);
    const frame_text text{report.date, false, options.footer, true};
    // the incidents of the slice the date falls in: the period the map stands for
    incident_content incidents;
    for (const auto& slice : state.slices)
        if (report.date && slice.first_day <= report.date && report.date <= slice.last_day) incidents = incidents_in(districts, {}, state.events, slice);
    report.incidents = incidents.points.size();
    const auto frame = renderer.render(state.control, text, incidents.points);
    report.districts = frame.districts;
    report.unknown = frame.unknown;
    report.width = frame.width;
    report.height = frame.height;
    report.zoom = renderer.zoom();
    report.tile_size = renderer.tile_size();
    report.map_origin = renderer.map_origin();
    report.map_offset = renderer.map_offset(text);

    write_file_atomically(target, encode_png(frame.rgba, frame.width, frame.height, {6, true}));
    return report;
}

} // namespace naqsha::tiles
