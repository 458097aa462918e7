#include "render/tiles/control_animation.hpp"

#include "geo/atomic_file.hpp"
#include "geo/stop_request.hpp"
#include "render/tiles/control_frame.hpp"
#include "render/tiles/gif_encoder.hpp"
#include "render/tiles/slice_content.hpp"

#include <optional>

namespace naqsha::tiles {

animation_report write_control_animation(const store::map_state& state, std::span<const gazetteer::district> districts,
                                         const std::filesystem::path& target, const animation_options& options) {
    animation_report report;
    report.path = target;
    const control_frame_renderer renderer(districts, options.width);
    const auto slices = slices_to_render(state);
    std::optional<gif_encoder> gif;
    for (std::size_t i = 0; i < slices.size(); ++i) {
        throw_if_stop_requested();
        const frame_text text{slice_map_date(slices[i], state.as_of), true, options.footer};
        const auto frame = renderer.render(state.control, text);
        if (!gif) {
            gif.emplace(frame.width, frame.height);
            report.width = frame.width;
            report.height = frame.height;
        }
        const bool last = i + 1 == slices.size();
        gif->add_frame(frame.rgba, last ? options.last_frame_centiseconds : options.frame_centiseconds);
        ++report.frames;
    }
    const std::string bytes = gif->finish();
    write_file_atomically(target, bytes);
    report.bytes = bytes.size();
    return report;
}

} // namespace naqsha::tiles
