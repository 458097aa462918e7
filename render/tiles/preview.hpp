#pragma once
// preview.png: one quick-look picture of the control state at the map date and the incidents of its
// time slice (circles sized by killed), with a legend, the date and the sources, for people who look
// before they read.
#include "gazetteer/gazetteer.hpp"
#include "geo/types.hpp"
#include "store/model.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace naqsha::tiles {

struct preview_options {
    int width = 1400;          // pixels; the height follows from Afghanistan's shape
    std::optional<day_number> date; // none = the map state's as_of
    std::string footer;        // e.g. "5 articles, 11 events"
};

struct preview_report {
    std::filesystem::path path;
    int width = 0, height = 0;
    std::optional<day_number> date;
    std::array<int, 4> districts{}; // per control_status at the date
    int unknown = 0;                // districts with no information
    std::size_t incidents = 0;      // circles drawn: the incidents of the slice the date falls in
    // Where the map is in the image: global pixel (zoom, tile_size) p is at image (p - map_origin + map_offset).
    int zoom = 0, tile_size = 256;
    geo::point map_origin, map_offset;
};

// Writes the preview atomically. Throws output_error or data_error (no font).
preview_report write_preview(const store::map_state& state, std::span<const gazetteer::district> districts,
                             const std::filesystem::path& target, const preview_options& options);

} // namespace naqsha::tiles
