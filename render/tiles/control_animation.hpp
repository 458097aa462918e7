#pragma once
// control.gif: the control map slice by slice, for readers who will not click. Each frame is the
// preview's picture (render/tiles/control_frame.hpp) on the slice's date, the date large, the legend
// counting the districts on that date.
#include "gazetteer/gazetteer.hpp"
#include "store/model.hpp"

#include <filesystem>
#include <span>
#include <string>

namespace naqsha::tiles {

struct animation_options {
    int width = 800;               // pixels: a news page's column
    int frame_centiseconds = 60;   // how long each slice shows
    int last_frame_centiseconds = 300; // the map date stays longer before the loop starts again
    std::string footer;            // e.g. "5 articles, 11 events"
    unsigned threads = 0;          // frames drawn at once (0: every core); the file is the same for any number
};

struct animation_report {
    std::filesystem::path path;
    int width = 0, height = 0;
    std::size_t frames = 0;        // one per time slice
    std::uintmax_t bytes = 0;
};

// Writes the GIF atomically. Throws output_error (unwritable) or data_error (no font).
animation_report write_control_animation(const store::map_state& state, std::span<const gazetteer::district> districts,
                                         const std::filesystem::path& target, const animation_options& options);

} // namespace naqsha::tiles
