#include "render/tiles/control_animation.hpp"

#include "base/atomic_file.hpp"
#include "base/parallel.hpp"
#include "base/stop_request.hpp"
#include "render/tiles/control_frame.hpp"
#include "render/tiles/gif_encoder.hpp"
#include "render/tiles/slice_content.hpp"

#include <algorithm>
#include <optional>
#include <thread>
#include <vector>

namespace naqsha::tiles {

animation_report write_control_animation(const store::map_state& state, std::span<const gazetteer::district> districts,
                                         const std::filesystem::path& target, const animation_options& options) {
    animation_report report;
    report.path = target;
    const control_frame_renderer renderer(districts, options.width);
    const auto slices = slices_to_render(state);
    const unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // Frames are drawn a batch at a time on every thread and encoded in order: the encoder compares
    // each frame with the one before. A batch bounds the memory to a few frames per thread.
    const std::size_t batch = 2 * std::size_t(threads);
    std::optional<gif_encoder> gif;
    std::vector<control_frame> frames(batch);
    for (std::size_t first = 0; first < slices.size(); first += batch) {
        throw_if_stop_requested();
        const std::size_t count = std::min(batch, slices.size() - first);
        parallel_for(count, threads, [&](std::size_t i, unsigned) {
            const frame_text text{slice_map_date(slices[first + i], state.as_of), true, options.footer, false};
            frames[i] = renderer.render(state.control, text);
        });
        for (std::size_t i = 0; i < count; ++i) {
            if (!gif) {
                gif.emplace(frames[i].width, frames[i].height);
                report.width = frames[i].width;
                report.height = frames[i].height;
            }
            const bool last = first + i + 1 == slices.size();
            gif->add_frame(frames[i].rgba, last ? options.last_frame_centiseconds : options.frame_centiseconds);
            ++report.frames;
        }
    }
    const std::string bytes = gif->finish();
    write_file_atomically(target, bytes);
    report.bytes = bytes.size();
    return report;
}

} // namespace naqsha::tiles
